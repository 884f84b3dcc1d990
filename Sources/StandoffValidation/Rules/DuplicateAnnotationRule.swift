import StandoffModel

/// No two annotations have the same layer, category and ranges.
public struct DuplicateAnnotationRule: ValidationRule {
    public init() {}
    public let code = "SO601"
    public let name = "duplicate-annotation"
    public let severity = DiagnosticSeverity.warning
    public let summary = "No two annotations have the same layer, category and ranges."

    private struct Key: Hashable {
        var layer: Layer
        var category: Identifier?
        var links: [Link]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        let annotations = document.annotations
        var found: [Diagnostic] = []
        for group in SpanGroups.groups(in: document, at: annotations.indices) {
            var first: [Key: Identifier] = [:]
            // The readings of a conflict are alike by design until reviewed (SO604 reports them).
            for annotation in group.map({ annotations[$0] }) where !annotation.isOpenProposal {
                // Stances about different targets may share their evidence; they are not duplicates.
                let key = Key(layer: annotation.layer, category: annotation.category,
                              links: annotation.layer == .stance ? annotation.links : [])
                if let earlier = first[key] {
                    found.append(diagnostic(
                        "annotation '\(annotation.id)' duplicates '\(earlier)': same layer \(annotation.layer), category \(annotation.category?.rawValue ?? "none") and range \(annotation.ranges.map(\.description).joined(separator: ","))",
                        hint: "remove one of them with `standoff remove`",
                        at: context.location(of: annotation.id)))
                } else {
                    first[key] = annotation.id
                }
            }
        }
        return found
    }
}
