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
        var byRanges: [[TextRange]: [Annotation]] = [:]
        for annotation in document.annotations where annotation.layer == .entity && annotation.category != nil {
            byRanges[annotation.ranges, default: []].append(annotation)
        }
        var found: [Diagnostic] = []
        for group in byRanges.values where Set(group.compactMap(\.category)).count > 1 {
            guard group.allSatisfy({ $0.notes.isEmpty }) else { continue }
            let later = group.dropFirst()
            for annotation in later where annotation.category != group[0].category {
                found.append(diagnostic(
                    "'\(annotation.coveredText)' is \(annotation.category!) in '\(annotation.id)' but \(group[0].category!) in '\(group[0].id)'",
                    hint: "keep one category, or add a --note to one of them explaining the double reading (e.g. metonymy)",
                    at: context.location(of: annotation.id)))
            }
        }
        return found.sorted()
    }
}
