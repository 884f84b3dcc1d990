import StandoffModel

/// What a merge did, for the terminal and for scripts (`--format json`): how many readings
/// were taken and by which rule, how many stay as proposals (per layer and kind of conflict),
/// how many were dropped and why, and the ids declared differently by the inputs.
public struct MergeSummary: Sendable, Codable, Equatable {
    public var strategy: String
    public var match: String
    public var annotators: [String]
    public var documents = 0
    /// Distinct readings found in the inputs.
    public var readings = 0
    /// Readings taken because every annotator made them.
    public var takenByEveryAnnotator = 0
    /// Readings taken by the strategy's rule (a majority, at least N) without every annotator.
    public var takenByStrategy = 0
    /// Readings taken because the preferred annotator made them.
    public var takenFromPreferred = 0
    public var proposals = 0
    public var conflicts = 0
    public var proposalsByLayer: [String: Int] = [:]
    /// Conflicts left for review by kind (a conflict of two kinds counts under both).
    public var conflictsByKind: [String: Int] = [:]
    /// Readings dropped because the strategy took another in their conflict.
    public var droppedOverruled = 0
    /// Readings dropped because most annotators marked nothing there.
    public var droppedUnsupported = 0
    /// Links to annotations the gold file does not have (dropped readings), left out.
    public var droppedLinks = 0
    public var declarationConflicts: [DeclarationConflict] = []
    /// Files written (a corpus merge).
    public var written: [String] = []

    public init(strategy: MergeStrategy, match: MatchMode, annotators: [String]) {
        self.strategy = strategy.description
        self.match = match.rawValue
        self.annotators = annotators
    }

    public var takenTotal: Int { takenByEveryAnnotator + takenByStrategy + takenFromPreferred }
    public var droppedTotal: Int { droppedOverruled + droppedUnsupported }

    mutating func count(_ outcome: Merger.Outcome, layer: String) {
        switch outcome {
        case .taken(.everyAnnotator): takenByEveryAnnotator += 1
        case .taken(.strategy): takenByStrategy += 1
        case .taken(.preferred): takenFromPreferred += 1
        case .proposal:
            proposals += 1
            proposalsByLayer[layer, default: 0] += 1
        case .dropped(.overruled): droppedOverruled += 1
        case .dropped(.unsupported): droppedUnsupported += 1
        }
    }

    mutating func count(conflict kinds: [ConflictKind], layer: String) {
        conflicts += 1
        for kind in kinds { conflictsByKind[kind.rawValue, default: 0] += 1 }
    }

    /// Adds another document's figures (a corpus merge).
    public mutating func add(_ other: MergeSummary) {
        documents += other.documents
        readings += other.readings
        takenByEveryAnnotator += other.takenByEveryAnnotator
        takenByStrategy += other.takenByStrategy
        takenFromPreferred += other.takenFromPreferred
        proposals += other.proposals
        conflicts += other.conflicts
        proposalsByLayer.merge(other.proposalsByLayer, uniquingKeysWith: +)
        conflictsByKind.merge(other.conflictsByKind, uniquingKeysWith: +)
        droppedOverruled += other.droppedOverruled
        droppedUnsupported += other.droppedUnsupported
        droppedLinks += other.droppedLinks
        declarationConflicts += other.declarationConflicts
        written += other.written
    }

    /// The summary for people, one fact a line.
    public var text: String {
        var lines = ["merged \(documents) document\(documents == 1 ? "" : "s") by \(annotators.count) annotators (\(annotators.joined(separator: ", "))), strategy \(strategy), match \(match): \(readings) distinct readings"]
        lines.append("  taken: \(takenTotal) (\(takenByEveryAnnotator) by every annotator, \(takenByStrategy) by the strategy\(strategy.hasPrefix("prefer") ? ", \(takenFromPreferred) from the preferred annotator" : ""))")
        lines.append("  proposals: \(proposals) in \(conflicts) conflict\(conflicts == 1 ? "" : "s")"
            + (proposals == 0 ? "" : " (by layer: \(proposalsByLayer.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); by kind: \(conflictsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))"))
        lines.append("  dropped: \(droppedTotal) (\(droppedOverruled) overruled in their conflict, \(droppedUnsupported) marked by too few)")
        if droppedLinks > 0 { lines.append("  links dropped: \(droppedLinks) (to readings that were dropped)") }
        for conflict in declarationConflicts {
            lines.append("  warning: \(conflict.what) '\(conflict.id)' has two \(conflict.field)s: " + conflict.values.map { "\"\($0.value)\" (\($0.files.joined(separator: ", ")))" }.joined(separator: " and ") + "; the gold file keeps the first")
        }
        if proposals > 0 { lines.append("  next: standoff review FILE (or --list to see them)") }
        return lines.joined(separator: "\n")
    }
}
