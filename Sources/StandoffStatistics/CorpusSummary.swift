/// What `standoff stats` counts, for one document or many: plain counts and histograms, so that
/// summaries of shards add up to the summary of the whole (``merge(_:)``), which is what
/// `stats --partial` writes and `stats merge` reads.
public struct CorpusSummary: Equatable, Sendable, Codable {
    /// The format of a partial summary; `stats merge` refuses another.
    public var format = "standoff-stats-1"
    public var documents = 0
    public var paragraphs = 0
    public var codePoints = 0
    public var tokens = 0
    /// Annotator id → annotations made by that annotator (all layers).
    public var annotators: [String: Int] = [:]
    /// Layer name → its counts.
    public var layers: [String: LayerSummary] = [:]
    public var entities = EntitySummary()
    public var quotations = QuotationSummary()
    public var stances = StanceSummary()
    public var errors = ErrorSummary()
    /// One row a document, for `--by document`.
    public var perDocument: [DocumentRow] = []

    public init() {}

    public mutating func merge(_ other: CorpusSummary) {
        documents += other.documents
        paragraphs += other.paragraphs
        codePoints += other.codePoints
        tokens += other.tokens
        annotators.merge(other.annotators, uniquingKeysWith: +)
        layers.merge(other.layers) { var a = $0; a.merge($1); return a }
        entities.merge(other.entities)
        quotations.merge(other.quotations)
        stances.merge(other.stances)
        errors.merge(other.errors)
        perDocument += other.perDocument
        perDocument.sort { ($0.file, $0.id) < ($1.file, $1.id) }
    }
}

/// The counts of one layer.
public struct LayerSummary: Equatable, Sendable, Codable {
    public var annotations = 0
    public var discontinuous = 0
    /// Category id → annotations ("(none)" for an annotation without one).
    public var categories: [String: Int] = [:]
    /// Annotator id → annotations ("(none)" when no annotator is recorded).
    public var annotators: [String: Int] = [:]
    /// Code points and tokens under at least one annotation of the layer.
    public var coveredCodePoints = 0
    public var coveredTokens = 0
    public var lengthInCodePoints = Histogram()
    public var lengthInTokens = Histogram()

    public init() {}

    public mutating func merge(_ other: LayerSummary) {
        annotations += other.annotations
        discontinuous += other.discontinuous
        categories.merge(other.categories, uniquingKeysWith: +)
        annotators.merge(other.annotators, uniquingKeysWith: +)
        coveredCodePoints += other.coveredCodePoints
        coveredTokens += other.coveredTokens
        lengthInCodePoints.merge(other.lengthInCodePoints)
        lengthInTokens.merge(other.lengthInTokens)
    }
}

/// Entity mentions and the register they link to.
public struct EntitySummary: Equatable, Sendable, Codable {
    /// Register entry id → its name and kind, and the mentions linking to it (0: never mentioned).
    public var entries: [String: Entry] = [:]
    /// Entity annotations without a register link.
    public var withoutLink = 0

    public struct Entry: Equatable, Sendable, Codable {
        public var name: String
        public var kind: String
        public var mentions: Int
    }

    public init() {}

    public mutating func merge(_ other: EntitySummary) {
        for (id, entry) in other.entries {
            if var mine = entries[id] { mine.mentions += entry.mentions; entries[id] = mine } else { entries[id] = entry }
        }
        withoutLink += other.withoutLink
    }
}

/// Quotations by speaker and by kind.
public struct QuotationSummary: Equatable, Sendable, Codable {
    /// Speaker id ("unknown" when so recorded, "(none)" without a speaker) → quotations.
    public var bySpeaker: [String: Int] = [:]
    /// Category (direct, partial, …) → quotations.
    public var byKind: [String: Int] = [:]

    public init() {}

    public mutating func merge(_ other: QuotationSummary) {
        bySpeaker.merge(other.bySpeaker, uniquingKeysWith: +)
        byKind.merge(other.byKind, uniquingKeysWith: +)
    }
}

/// Stances: who holds which polarity towards what.
public struct StanceSummary: Equatable, Sendable, Codable {
    /// "holder|target|polarity" → stances (ids hold no `|`; "(none)" where a part is missing).
    public var table: [String: Int] = [:]

    public init() {}

    public mutating func merge(_ other: StanceSummary) { table.merge(other.table, uniquingKeysWith: +) }

    /// The table's rows, by holder, target and polarity.
    public var rows: [(holder: String, target: String, polarity: String, count: Int)] {
        table.map { key, count in
            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : "", count)
        }.sorted { ($0.holder, $0.target, $0.polarity) < ($1.holder, $1.target, $1.polarity) }
    }
}

/// Errors in the source text by category and by severity.
public struct ErrorSummary: Equatable, Sendable, Codable {
    public var byCategory: [String: Int] = [:]
    public var bySeverity: [String: Int] = [:]

    public init() {}

    public mutating func merge(_ other: ErrorSummary) {
        byCategory.merge(other.byCategory, uniquingKeysWith: +)
        bySeverity.merge(other.bySeverity, uniquingKeysWith: +)
    }
}

/// One document's headline figures.
public struct DocumentRow: Equatable, Sendable, Codable {
    public var file: String
    public var id: String
    public var paragraphs: Int
    public var codePoints: Int
    public var tokens: Int
    /// Layer name → annotations.
    public var annotations: [String: Int]
}
