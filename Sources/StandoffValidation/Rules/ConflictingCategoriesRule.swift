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
        var found: [Diagnostic] = []
        for members in SpanGroups.groups(in: document, at: document.positions(of: .entity)) {
            // Open proposals differ by design until reviewed (SO604 reports them).
            let group = members.map { annotations[$0] }.filter { $0.category != nil && !$0.isOpenProposal }
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
