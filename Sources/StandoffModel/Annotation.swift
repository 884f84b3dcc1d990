import Foundation

/// One annotation: a layer, a category and one or more ranges of the text, with links, notes,
/// features and provenance.
///
/// Layer-specific attributes: entities link `ref` to a register entry; quotations link a
/// `speaker` and may have a ``cue``; stances link a `holder` and a `target`, and their category
/// is the ``polarity``; errors carry a ``correction`` and a ``severity``.
public struct Annotation: Hashable, Sendable, Identifiable {
    /// The fields live in one box shared between copies until one of them changes: annotations
    /// are copied often (into lists, reports, sorted views) and a copy is then one reference
    /// count rather than a dozen.
    private final class Storage: @unchecked Sendable {
        let id: Identifier
        var layer: Layer
        var category: Identifier?
        var ranges: [TextRange]
        var snapshot: [String]
        var links: [Link]
        var features: [String: String]
        var notes: [String]
        var provenance: Provenance
        var cue: [TextRange]
        var correction: String?
        var severity: ErrorSeverity?
        var history: [CurationStep]

        init(id: Identifier, layer: Layer, category: Identifier?, ranges: [TextRange], snapshot: [String], links: [Link], features: [String: String], notes: [String], provenance: Provenance, cue: [TextRange], correction: String?, severity: ErrorSeverity?, history: [CurationStep]) {
            self.id = id
            self.layer = layer
            self.category = category
            self.ranges = ranges
            self.snapshot = snapshot
            self.links = links
            self.features = features
            self.notes = notes
            self.provenance = provenance
            self.cue = cue
            self.correction = correction
            self.severity = severity
            self.history = history
        }

        func copy() -> Storage {
            Storage(id: id, layer: layer, category: category, ranges: ranges, snapshot: snapshot, links: links, features: features, notes: notes, provenance: provenance, cue: cue, correction: correction, severity: severity, history: history)
        }
    }

    private var storage: Storage

    public var id: Identifier { storage.id }
    public var layer: Layer {
        get { storage.layer }
        set { uniqueStorage().layer = newValue }
    }
    /// A category of the layer's taxonomy; optional so that incomplete work can be saved.
    public var category: Identifier? {
        get { storage.category }
        set { uniqueStorage().category = newValue }
    }
    /// The spans annotated, sorted and not overlapping; several for a discontinuous span.
    public var ranges: [TextRange] {
        get { storage.ranges }
        set { uniqueStorage().ranges = newValue }
    }
    /// The text at each range when the annotation was made, to detect drift.
    public var snapshot: [String] {
        get { storage.snapshot }
        set { uniqueStorage().snapshot = newValue }
    }
    public var links: [Link] {
        get { storage.links }
        set { uniqueStorage().links = newValue }
    }
    /// Free key → value features.
    public var features: [String: String] {
        get { storage.features }
        set { uniqueStorage().features = newValue }
    }
    /// Free comments.
    public var notes: [String] {
        get { storage.notes }
        set { uniqueStorage().notes = newValue }
    }
    public var provenance: Provenance {
        get { storage.provenance }
        set { uniqueStorage().provenance = newValue }
    }
    /// The span that introduces a quotation ("said", "told Reuters").
    public var cue: [TextRange] {
        get { storage.cue }
        set { uniqueStorage().cue = newValue }
    }
    /// The corrected text, for the error layer.
    public var correction: String? {
        get { storage.correction }
        set { uniqueStorage().correction = newValue }
    }
    /// How much an error matters, for the error layer.
    public var severity: ErrorSeverity? {
        get { storage.severity }
        set { uniqueStorage().severity = newValue }
    }
    /// Its curation, oldest step first: empty for an annotation nobody proposed or decided.
    public var history: [CurationStep] {
        get { storage.history }
        set { uniqueStorage().history = newValue }
    }
    /// Where it stands in curation: the status of its last step.
    public var curationStatus: CurationStatus? { storage.history.last?.status }
    /// Whether it is a reading still waiting for a decision.
    public var isOpenProposal: Bool { storage.history.last?.status == .proposed }
    /// The conflict it belongs to, while it is a proposal.
    public var conflict: String? { isOpenProposal ? storage.history.last?.conflict : nil }

    public init(
        id: Identifier, layer: Layer, category: Identifier? = nil, ranges: [TextRange],
        snapshot: [String] = [], links: [Link] = [], features: [String: String] = [:], notes: [String] = [],
        provenance: Provenance = Provenance(), cue: [TextRange] = [], correction: String? = nil,
        severity: ErrorSeverity? = nil, history: [CurationStep] = []
    ) {
        storage = Storage(
            id: id, layer: layer, category: category, ranges: ranges, snapshot: snapshot, links: links, features: features,
            notes: notes, provenance: provenance, cue: cue, correction: correction, severity: severity, history: history)
    }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public static func == (lhs: Annotation, rhs: Annotation) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.id == rhs.id && lhs.layer == rhs.layer && lhs.category == rhs.category && lhs.ranges == rhs.ranges && lhs.snapshot == rhs.snapshot && lhs.links == rhs.links && lhs.features == rhs.features && lhs.notes == rhs.notes && lhs.provenance == rhs.provenance && lhs.cue == rhs.cue && lhs.correction == rhs.correction && lhs.severity == rhs.severity && lhs.history == rhs.history
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(layer)
        hasher.combine(category)
        hasher.combine(ranges)
        hasher.combine(snapshot)
        hasher.combine(links)
        hasher.combine(features)
        hasher.combine(notes)
        hasher.combine(provenance)
        hasher.combine(cue)
        hasher.combine(correction)
        hasher.combine(severity)
        hasher.combine(history)
    }

    /// The stance polarity, which is the stance layer's category.
    public var polarity: Polarity? {
        guard layer == .stance, let category else { return nil }
        return Polarity(rawValue: category.rawValue)
    }

    /// The first range's start; annotations sort by it.
    public var start: Int { ranges.first?.start ?? 0 }

    /// The targets of all links with `role`.
    public func links(_ role: LinkRole) -> [LinkTarget] { links.filter { $0.role == role }.map(\.target) }

    /// Whether some link has `role` (without making the list of ``links(_:)``).
    public func hasLink(_ role: LinkRole) -> Bool { links.contains { $0.role == role } }

    /// Covered text for display: the snapshot pieces joined by " … ".
    public var coveredText: String { snapshot.joined(separator: " … ") }
}

/// What an annotation link means.
public struct LinkRole: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) throws(ModelError) {
        guard Identifier.isValid(name) else { throw .invalidLinkRole(name) }
        self.name = name
    }

    private init(known name: String) { self.name = name }

    /// An entity mention's register entry.
    public static let ref = LinkRole(known: "ref")
    /// Who spoke a quotation.
    public static let speaker = LinkRole(known: "speaker")
    /// Who holds a stance.
    public static let holder = LinkRole(known: "holder")
    /// What a stance is about.
    public static let target = LinkRole(known: "target")

    public var description: String { name }
}

/// What a link points at: a declared id, or an explicitly unknown party.
public enum LinkTarget: Hashable, Sendable, CustomStringConvertible {
    case id(Identifier)
    /// Somebody the text does not name (an unnamed speaker).
    case unknown

    public var description: String {
        switch self {
        case .id(let id): id.rawValue
        case .unknown: "unknown"
        }
    }
}

/// A typed link from an annotation to a register entry, a category or another annotation.
public struct Link: Hashable, Sendable {
    public var role: LinkRole
    public var target: LinkTarget

    public init(role: LinkRole, target: LinkTarget) {
        self.role = role
        self.target = target
    }
}

/// Who made an annotation, when, how, and how sure they were.
public struct Provenance: Hashable, Sendable {
    /// Everyone who made it, in order: one annotator, or every annotator a merge found making
    /// the same reading (TEI's `@resp` with several pointers).
    public var annotators: [Identifier]
    public var time: Date?
    public var method: AnnotationMethod?
    public var certainty: Certainty?

    /// The first of ``annotators``: who made it, for the many places that name one.
    public var annotator: Identifier? {
        get { annotators.first }
        set { annotators = newValue.map { [$0] } ?? [] }
    }

    public init(annotator: Identifier? = nil, time: Date? = nil, method: AnnotationMethod? = nil, certainty: Certainty? = nil) {
        self.init(annotators: annotator.map { [$0] } ?? [], time: time, method: method, certainty: certainty)
    }

    public init(annotators: [Identifier], time: Date? = nil, method: AnnotationMethod? = nil, certainty: Certainty? = nil) {
        self.annotators = annotators
        self.time = time
        self.method = method
        self.certainty = certainty
    }
}

/// Where an annotation stands in curation: a reading offered for a decision, or one decided.
/// TEI's `<change status="…">` in the annotation's `revisionDesc` says it.
public enum CurationStatus: String, CaseIterable, Sendable {
    /// One of several readings `merge` could not choose between; `review` decides.
    case proposed
    /// A proposal someone accepted.
    case accepted
    /// A proposal someone rejected, kept for the record (`review --keep-rejected`).
    case rejected
}

/// One step of an annotation's curation: proposed by whom, accepted or rejected by whom, when.
public struct CurationStep: Hashable, Sendable {
    public var status: CurationStatus
    /// Who proposed it (the annotators who made the reading) or who decided.
    public var who: [Identifier]
    public var time: Date?
    /// The readings that compete for one decision share this name (TEI `@n`), e.g. `c12`.
    public var conflict: String?
    /// In words: why it is a proposal, or what was decided ("category: PER or ORG").
    public var description: String

    public init(status: CurationStatus, who: [Identifier], time: Date? = nil, conflict: String? = nil, description: String = "") {
        self.status = status
        self.who = who
        self.time = time
        self.conflict = conflict
        self.description = description
    }
}

extension Document {
    /// The readings still waiting for a decision, by conflict: each conflict once, in the order
    /// of its first reading in ``annotations``, its readings in that order too. A proposal
    /// without a conflict name is a conflict of its own, named by its id.
    public func openProposals() -> [(conflict: String, readings: [Annotation])] {
        var readings: [String: [Annotation]] = [:]
        var order: [String] = []
        for annotation in annotations where annotation.isOpenProposal {
            let conflict = annotation.conflict ?? annotation.id.rawValue
            if readings[conflict] == nil { order.append(conflict) }
            readings[conflict, default: []].append(annotation)
        }
        return order.map { ($0, readings[$0]!) }
    }

    /// The text at the annotation's ranges now, one piece per range; it differs from the
    /// recorded ``Annotation/snapshot`` when the text or an offset changed since (SO402).
    public func textNow(of annotation: Annotation) -> [String] {
        annotation.ranges.map { range in range.end <= text.count ? text[range] : "" }
    }
}
