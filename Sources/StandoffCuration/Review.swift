import Foundation
import StandoffModel

/// The readings of one conflict still waiting for a decision, in the order of the file.
public struct Proposal: Sendable {
    /// The conflict's name (`c3`), as `<change status="proposed" n="c3">` gives it.
    public var conflict: String
    public var readings: [Annotation]

    public var layer: Layer { readings[0].layer }
    /// Why they compete, as the merge wrote it ("category, boundaries").
    public var kinds: String {
        let description = readings[0].history.last?.description ?? ""
        return description.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
    }

    /// Who made a reading: the proposal's `who`, or its annotators.
    public static func proposers(of reading: Annotation) -> [Identifier] {
        let who = reading.history.last?.who ?? []
        return who.isEmpty ? reading.provenance.annotators : who
    }
}

/// What one decision did to the file.
public struct ReviewOutcome: Sendable, Equatable, Codable {
    public var accepted: [String] = []
    /// Readings rejected and removed.
    public var removed: [String] = []
    /// Readings rejected and kept, marked rejected (`--keep-rejected`, or because another annotation links to them).
    public var keptRejected: [String] = []
    /// Links from other annotations moved from a rejected reading to the accepted one.
    public var redirectedLinks = 0

    public init() {}

    public mutating func add(_ other: ReviewOutcome) {
        accepted += other.accepted
        removed += other.removed
        keptRejected += other.keptRejected
        redirectedLinks += other.redirectedLinks
    }
}

/// `standoff review`: proposals found, and decisions applied to a document with the reviewer
/// and the time recorded in each reading's history (``CurationStep``).
public struct Reviewer: Sendable {
    public var reviewer: Identifier
    public var time: Date
    /// Keep rejected readings, marked rejected, instead of removing them.
    public var keepRejected: Bool

    public init(reviewer: Identifier, time: Date, keepRejected: Bool = false) {
        self.reviewer = reviewer
        self.time = time
        self.keepRejected = keepRejected
    }

    /// How many annotators a merge drew on: those named by its merged annotations (what "2 of 3" counts).
    public static func mergedAnnotators(in document: Document) -> Int {
        Set(document.annotations.filter { $0.provenance.method == .merged }.flatMap(\.provenance.annotators)).count
    }

    /// The open proposals of `document`, one per conflict, in the order of their first reading in the text.
    public static func proposals(in document: Document) -> [Proposal] {
        // Readings by where they start and end, then in the order of the file (a stable order).
        return document.openProposals().map { conflict, readings in
            let readings = readings.enumerated().sorted { ($0.element.start, $0.element.ranges.last?.end ?? 0, $0.offset) < ($1.element.start, $1.element.ranges.last?.end ?? 0, $1.offset) }
            return Proposal(conflict: conflict, readings: readings.map(\.element))
        }
            .sorted { ($0.readings[0].start, $0.conflict.count, $0.conflict) < ($1.readings[0].start, $1.conflict.count, $1.conflict) }
    }

    /// Accepts reading `id` (with its category or ranges changed, if given); the other readings
    /// of its conflict are rejected.
    public func accept(_ id: Identifier, in document: inout Document, category: Identifier? = nil, ranges: [TextRange]? = nil) throws(CurationProblem) -> ReviewOutcome {
        let reading = try openProposal(id, in: document)
        var accepted = reading
        var what = "accepted"
        if let category, category != reading.category {
            what += "; category \(reading.category?.rawValue ?? "none") changed to \(category)"
            accepted.category = category
        }
        if let ranges, ranges != reading.ranges {
            what += "; range \(reading.ranges.map(\.description).joined(separator: ",")) changed to \(ranges.map(\.description).joined(separator: ","))"
            accepted.ranges = ranges
            accepted.snapshot = []
        }
        accepted.history.append(CurationStep(status: .accepted, who: [reviewer], time: time, conflict: reading.conflict, description: what))
        try model { () throws(ModelError) in try document.replaceAnnotation(accepted) }
        var outcome = ReviewOutcome()
        outcome.accepted = [id.rawValue]
        let others = document.annotations.filter { $0.isOpenProposal && $0.conflict == reading.conflict && $0.id != id }
        for other in others { outcome.add(try reject(other.id, in: &document, replacement: id)) }
        return outcome
    }

    /// Rejects reading `id`; `replacement` (the accepted reading) takes over the links to it.
    public func reject(_ id: Identifier, in document: inout Document, replacement: Identifier? = nil) throws(CurationProblem) -> ReviewOutcome {
        let reading = try openProposal(id, in: document)
        var outcome = ReviewOutcome()
        if let replacement {
            for referrer in document.annotations where referrer.links.contains(where: { $0.target == .id(id) }) {
                var redirected = referrer
                redirected.links = referrer.links.map { $0.target == .id(id) ? Link(role: $0.role, target: .id(replacement)) : $0 }
                outcome.redirectedLinks += referrer.links.filter { $0.target == .id(id) }.count
                try model { () throws(ModelError) in try document.replaceAnnotation(redirected) }
            }
        }
        let linked = document.annotations.contains { $0.links.contains { $0.target == .id(id) } }
        if keepRejected || linked {
            var rejected = reading
            rejected.history.append(CurationStep(status: .rejected, who: [reviewer], time: time, conflict: reading.conflict,
                                                 description: linked && !keepRejected ? "rejected; kept because other annotations link to it" : "rejected"))
            try model { () throws(ModelError) in try document.replaceAnnotation(rejected) }
            outcome.keptRejected = [id.rawValue]
        } else {
            try model { () throws(ModelError) in _ = try document.removeAnnotation(id) }
            outcome.removed = [id.rawValue]
        }
        return outcome
    }

    /// Rejects every reading of a conflict: nothing is annotated there.
    public func rejectAll(_ proposal: Proposal, in document: inout Document) throws(CurationProblem) -> ReviewOutcome {
        var outcome = ReviewOutcome()
        for reading in proposal.readings { outcome.add(try reject(reading.id, in: &document)) }
        return outcome
    }

    /// In every conflict, accepts the one reading `annotator` made (conflicts where they made
    /// none, or several, stay open). Returns what was done and how many conflicts stay open.
    public func acceptAll(from annotator: Identifier, in document: inout Document) throws(CurationProblem) -> (outcome: ReviewOutcome, left: Int) {
        try acceptEach(in: &document) { proposal in
            let theirs = proposal.readings.filter { Proposal.proposers(of: $0).contains(annotator) }
            return theirs.count == 1 ? theirs[0].id : nil
        }
    }

    /// In every conflict, accepts the reading most annotators made (ties stay open).
    public func acceptMajority(in document: inout Document) throws(CurationProblem) -> (outcome: ReviewOutcome, left: Int) {
        try acceptEach(in: &document) { proposal in
            let counts = proposal.readings.map { Proposal.proposers(of: $0).count }
            guard let best = counts.max(), counts.filter({ $0 == best }).count == 1 else { return nil }
            return proposal.readings[counts.firstIndex(of: best)!].id
        }
    }

    private func acceptEach(in document: inout Document, choosing: (Proposal) -> Identifier?) throws(CurationProblem) -> (outcome: ReviewOutcome, left: Int) {
        var outcome = ReviewOutcome()
        var left = 0
        for proposal in Self.proposals(in: document) {
            if let chosen = choosing(proposal) { outcome.add(try accept(chosen, in: &document)) } else { left += 1 }
        }
        return (outcome, left)
    }

    private func openProposal(_ id: Identifier, in document: Document) throws(CurationProblem) -> Annotation {
        guard let annotation = document.annotation(id) else {
            throw CurationProblem("the file has no annotation '\(id)'", hint: "`standoff review FILE --list` shows the open proposals and their readings' ids", isUsage: true)
        }
        guard annotation.isOpenProposal else {
            let status = annotation.curationStatus.map { "was \($0.rawValue) already" } ?? "is not a proposal"
            throw CurationProblem("annotation '\(id)' \(status)", hint: "`standoff review FILE --list` shows the open proposals", isUsage: true)
        }
        return annotation
    }

    @discardableResult
    private func model<T>(_ body: () throws(ModelError) -> T) throws(CurationProblem) -> T {
        do throws(ModelError) { return try body() } catch {
            throw CurationProblem(error.description, hint: error.hint)
        }
    }
}
