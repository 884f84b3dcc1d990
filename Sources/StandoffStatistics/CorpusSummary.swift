/// What `standoff stats` counts, for one document or many: plain counts and histograms, so that
/// summaries of shards add up to the summary of the whole (``merge(_:)``), which is what
/// `stats --partial` writes and `stats merge` reads.
public struct CorpusSummary: Equatable, Sendable, Codable {
    /// The format of a partial summary; `stats merge` refuses another. (2: the corpus's
    /// annotators count "(none)" too, and each document row carries its text's SHA-256.)
    public static let currentFormat = "standoff-stats-2"
    public var format = CorpusSummary.currentFormat
    public var documents = 0
    public var paragraphs = 0
    public var codePoints = 0
    public var tokens = 0
    /// Annotations, spans and links in TEI stand-off forms Standoff does not read (a `<div>`
    /// around a `<listAnnotation>`, a `<spanGrp>`, a `<linkGrp>`): not in the counts.
    public var notRead = 0
    /// Annotator id → annotations made by that annotator (all layers); "(none)" for those with
    /// no annotator recorded, so that the counts sum to the annotations.
    public var annotators: [String: Int] = [:]

    /// How many distinct annotators are recorded ("(none)" is not one).
    public var annotatorCount: Int { annotators.keys.filter { $0 != "(none)" }.count }
    /// Layer name → its counts.
    public var layers: [String: LayerSummary] = [:]
    public var entities = EntitySummary()
    public var quotations = QuotationSummary()
    public var stances = StanceSummary()
    public var errors = ErrorSummary()
    /// One row a document, for `--by document`.
    public var perDocument: [DocumentRow] = []

    public init() {}

    /// Adds `other`'s counts; a sum that would not fit a 64-bit count throws, naming the field,
    /// and leaves this summary as it was.
    public mutating func merge(_ other: CorpusSummary) throws(CountOverflow) {
        var sum = self
        try Count.add(&sum.documents, other.documents, "documents")
        try Count.add(&sum.paragraphs, other.paragraphs, "paragraphs")
        try Count.add(&sum.codePoints, other.codePoints, "codePoints")
        try Count.add(&sum.tokens, other.tokens, "tokens")
        try Count.add(&sum.notRead, other.notRead, "notRead")
        try Count.add(&sum.annotators, other.annotators, "annotators")
        for (name, layer) in other.layers {
            var mine = sum.layers[name] ?? LayerSummary()
            try mine.merge(layer, field: "layers.\(name)")
            sum.layers[name] = mine
        }
        try sum.entities.merge(other.entities)
        try Count.add(&sum.quotations.bySpeaker, other.quotations.bySpeaker, "quotations.bySpeaker")
        try Count.add(&sum.quotations.byKind, other.quotations.byKind, "quotations.byKind")
        try Count.add(&sum.stances.table, other.stances.table, "stances")
        try Count.add(&sum.errors.byCategory, other.errors.byCategory, "errors.byCategory")
        try Count.add(&sum.errors.bySeverity, other.errors.bySeverity, "errors.bySeverity")
        // The reports add the layers' annotations up: that total must fit too.
        var annotations = 0
        for layer in sum.layers.values { try Count.add(&annotations, layer.annotations, "annotations") }
        self = sum
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

    mutating func merge(_ other: LayerSummary, field: String) throws(CountOverflow) {
        try Count.add(&annotations, other.annotations, field + ".annotations")
        try Count.add(&discontinuous, other.discontinuous, field + ".discontinuous")
        try Count.add(&categories, other.categories, field + ".categories")
        try Count.add(&annotators, other.annotators, field + ".annotators")
        try Count.add(&coveredCodePoints, other.coveredCodePoints, field + ".coveredCodePoints")
        try Count.add(&coveredTokens, other.coveredTokens, field + ".coveredTokens")
        try lengthInCodePoints.merge(other.lengthInCodePoints, field: field + ".lengthInCodePoints")
        try lengthInTokens.merge(other.lengthInTokens, field: field + ".lengthInTokens")
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

    mutating func merge(_ other: EntitySummary) throws(CountOverflow) {
        for (id, entry) in other.entries {
            if var mine = entries[id] {
                try Count.add(&mine.mentions, entry.mentions, "entities.entries.\(id).mentions")
                entries[id] = mine
            } else {
                entries[id] = entry
            }
        }
        try Count.add(&withoutLink, other.withoutLink, "entities.withoutLink")
    }
}

/// Quotations by speaker and by kind.
public struct QuotationSummary: Equatable, Sendable, Codable {
    /// Speaker id ("unknown" when so recorded, "(none)" without a speaker) → quotations.
    public var bySpeaker: [String: Int] = [:]
    /// Category (direct, partial, …) → quotations.
    public var byKind: [String: Int] = [:]

    public init() {}
}

/// Stances: who holds which polarity towards what.
public struct StanceSummary: Equatable, Sendable, Codable {
    /// "holder|target|polarity" → stances (ids hold no `|`; "(none)" where a part is missing).
    public var table: [String: Int] = [:]

    public init() {}

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
    /// The SHA-256 of the document's text: with `file`, what tells `stats merge` that two
    /// partials counted the same document.
    public var sha256: String
}

/// A count that would not fit a 64-bit integer once added, and which one.
public struct CountOverflow: Error, Sendable {
    public var field: String
}

/// Adding counts, checked: they come from files (partial summaries) as well as from counting.
enum Count {
    static func add(_ total: inout Int, _ amount: Int, _ field: String) throws(CountOverflow) {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        if overflow { throw CountOverflow(field: field) }
        total = sum
    }

    static func add(_ totals: inout [String: Int], _ amounts: [String: Int], _ field: String) throws(CountOverflow) {
        for (key, amount) in amounts {
            var total = totals[key] ?? 0
            try add(&total, amount, "\(field).\(key)")
            totals[key] = total
        }
    }
}
