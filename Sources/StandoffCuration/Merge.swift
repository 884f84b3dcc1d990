import Foundation
import StandoffModel

/// `standoff merge`: several annotators' annotations of one text into one gold document, every
/// reading the strategy takes once (with everyone who made it), every reading it cannot decide
/// kept as a proposal (``CurationStatus/proposed``) for `standoff review`.
public enum Merger {
    /// What became of one reading.
    enum Outcome: Equatable {
        case taken(TakenRule)
        case proposal
        case dropped(DropReason)
    }

    /// Why a reading was taken.
    enum TakenRule { case everyAnnotator, strategy, preferred }
    /// Why a reading was left out.
    enum DropReason { case overruled, unsupported }

    /// Merges `inputs` (one per annotator, the same text) by `strategy`. `time` is when (the
    /// proposals' and the history's time).
    public static func merge(_ inputs: [MergeInput], strategy: MergeStrategy, match: MatchMode = .exact, time: Date) throws(CurationProblem) -> (document: Document, summary: MergeSummary) {
        try check(inputs, strategy: strategy)
        let readings = ReadingCollector.readings(of: inputs, match: match)
        let (conflicts, _) = ConflictFinder.conflicts(among: readings)
        var outcomes = [Outcome](repeating: .proposal, count: readings.count)
        var conflictOf = [Int?](repeating: nil, count: readings.count)
        for conflict in conflicts {
            let decided = decide(conflict, readings: readings, annotators: inputs.count, strategy: strategy, inputs: inputs)
            for (reading, outcome) in zip(conflict.readings, decided) { outcomes[reading] = outcome }
        }
        // Proposals are numbered per conflict, in the order of the text.
        var summary = MergeSummary(strategy: strategy, match: match, annotators: inputs.map(\.annotator.id.rawValue))
        let proposalConflicts = conflicts.filter { $0.readings.contains { outcomes[$0] == .proposal } }
            .sorted { readings[$0.readings[0]].extent < readings[$1.readings[0]].extent }
        var conflictNames: [Int: (name: String, kinds: [ConflictKind])] = [:]
        for (number, conflict) in proposalConflicts.enumerated() {
            for reading in conflict.readings where outcomes[reading] == .proposal { conflictOf[reading] = number }
            conflictNames[number] = ("c\(number + 1)", conflict.kinds.sorted())
            summary.count(conflict: conflict.kinds.sorted(), layer: readings[conflict.readings[0]].key.layer.name)
        }
        var builder = try GoldBuilder(inputs: inputs, time: time)
        let kept = readings.indices.filter { if case .dropped = outcomes[$0] { return false } else { return true } }
            .sorted { (readings[$0].extent.start, $0) < (readings[$1].extent.start, $1) }
        builder.assignIDs(kept.map { readings[$0] })
        for position in kept {
            let reading = readings[position]
            var step: CurationStep?
            if let number = conflictOf[position], let conflict = conflictNames[number] {
                step = CurationStep(
                    status: .proposed, who: reading.supporters.map { inputs[$0].annotator.id }, time: time, conflict: conflict.name,
                    description: "\(conflict.kinds.map(\.rawValue).joined(separator: ", ")): \(reading.supporters.count) of \(inputs.count) annotators made this reading")
            }
            try builder.add(reading, proposal: step)
        }
        for (position, outcome) in outcomes.enumerated() { summary.count(outcome, layer: readings[position].key.layer.name) }
        summary.readings = readings.count
        summary.droppedLinks = builder.droppedLinks
        summary.declarationConflicts = builder.declarationConflicts
        summary.documents = 1
        var document = try builder.finish()
        document.revisions.append(Revision(time: time, who: nil, description: "Merged from \(inputs.map { URL(fileURLWithPath: $0.file).lastPathComponent }.joined(separator: ", ")) by standoff merge (strategy \(strategy), match \(match.rawValue)): \(summary.takenTotal) annotations taken, \(summary.proposals) proposals in \(summary.conflicts) conflicts, \(summary.droppedTotal) readings dropped."))
        return (document, summary)
    }

    private static func check(_ inputs: [MergeInput], strategy: MergeStrategy) throws(CurationProblem) {
        guard inputs.count >= 2 else {
            throw CurationProblem("merge needs the work of two annotators or more; \(inputs.count) given", hint: "give one file per annotator, or one file with --annotators a,b", isUsage: true)
        }
        let first = inputs[0]
        for input in inputs.dropFirst() where input.document.text != first.document.text {
            throw CurationProblem("\(first.file) and \(input.file) annotate different texts (SHA-256 \(first.document.text.sha256.prefix(16))… and \(input.document.text.sha256.prefix(16))…)",
                                  hint: "merge the work of annotators on one text: give files made from the same text")
        }
        let ids = inputs.map(\.annotator.id)
        if Set(ids).count < ids.count {
            throw CurationProblem("two inputs have the annotator '\(ids.first { id in ids.filter { $0 == id }.count > 1 }!)'", hint: "give each annotator's work once", isUsage: true)
        }
        switch strategy {
        case .atLeast(let count) where count > inputs.count:
            throw CurationProblem("--strategy at-least:\(count) asks for more annotators than the \(inputs.count) given: nothing could be taken",
                                  hint: "give a number from 1 to \(inputs.count)", isUsage: true)
        case .prefer(let name) where !ids.contains { $0.rawValue == name }:
            throw CurationProblem("--strategy prefer:\(name): no input is annotator '\(name)'",
                                  hint: "the annotators: \(ids.map(\.rawValue).joined(separator: ", "))", isUsage: true)
        default: break
        }
    }

    /// What becomes of each reading of `conflict`, in its order.
    static func decide(_ conflict: Conflict, readings: [Reading], annotators: Int, strategy: MergeStrategy, inputs: [MergeInput]) -> [Outcome] {
        let members = conflict.readings.map { readings[$0] }
        let support = members.map(\.supporters.count)
        /// The one reading taken (by `rule`), the others overruled.
        func one(_ winner: Int, _ rule: TakenRule) -> [Outcome] {
            members.indices.map { $0 == winner ? .taken(rule) : .dropped(.overruled) }
        }
        func byThreshold(_ accepts: (Int) -> Bool, nothingCounts: Bool) -> [Outcome] {
            let accepted = support.indices.filter { accepts(support[$0]) }
            let covered = Set(members.flatMap(\.supporters)).count
            let nothing = nothingCounts && accepts(annotators - covered)
            if accepted.count == 1 && !nothing { return one(accepted[0], support[accepted[0]] == annotators ? .everyAnnotator : .strategy) }
            if accepted.isEmpty && nothing { return members.map { _ in .dropped(.unsupported) } }
            return members.map { _ in .proposal }
        }
        let majority: (Int) -> Bool = { 2 * $0 > annotators }
        switch strategy {
        case .unanimous: return byThreshold({ $0 == annotators }, nothingCounts: false)
        case .majority: return byThreshold(majority, nothingCounts: true)
        case .atLeast(let count): return byThreshold({ $0 >= count }, nothingCounts: false)
        case .prefer(let name):
            guard let preferred = inputs.firstIndex(where: { $0.annotator.id.rawValue == name }) else { return byThreshold(majority, nothingCounts: true) }
            let theirs = members.indices.filter { members[$0].supporters.contains(preferred) }
            switch theirs.count {
            case 0: return byThreshold(majority, nothingCounts: true)
            case 1: return one(theirs[0], support[theirs[0]] == annotators ? .everyAnnotator : .preferred)
            default: return members.map { _ in .proposal }
            }
        }
    }

    /// TEI's certainty word for the share of annotators who made a reading.
    static func certainty(support: Int, of annotators: Int) -> Certainty {
        support == annotators ? .high : 2 * support > annotators ? .medium : .low
    }
}
