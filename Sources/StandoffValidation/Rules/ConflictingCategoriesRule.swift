import StandoffModel

/// The same span is not given two entity categories without a comment saying why.
public struct ConflictingCategoriesRule: ValidationRule {
    public init() {}
    public let code = "SO603"
    public let name = "conflicting-categories"
    public let severity = DiagnosticSeverity.warning
    public let summary = "The same span does not have two different entity categories unless a comment explains it."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        let annotations = document.annotations
        // The first entity at each span, and the later ones at a span already seen.
        var first: [[TextRange]: Int] = [:]
        first.reserveCapacity(annotations.count)
        var later: [Int: [Int]] = [:]
        for (index, annotation) in annotations.enumerated() where annotation.layer == .entity && annotation.category != nil {
            if let earlier = first[annotation.ranges] {
                later[earlier, default: []].append(index)
            } else {
                first[annotation.ranges] = index
            }
        }
        var found: [Diagnostic] = []
        for (head, others) in later {
            let group = [annotations[head]] + others.map { annotations[$0] }
            guard Set(group.compactMap(\.category)).count > 1, group.allSatisfy({ $0.notes.isEmpty }) else { continue }
            for annotation in group.dropFirst() where annotation.category != group[0].category {
                found.append(diagnostic(
                    "'\(annotation.coveredText)' is \(annotation.category!) in '\(annotation.id)' but \(group[0].category!) in '\(group[0].id)'",
                    hint: "keep one category, or add a --note to one of them explaining the double reading (e.g. metonymy)",
                    at: context.location(of: annotation.id)))
            }
        }
        return found.sorted()
    }
}
