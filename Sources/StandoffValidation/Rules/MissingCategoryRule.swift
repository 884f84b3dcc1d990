import StandoffModel

/// Entity and quotation annotations have a category.
public struct MissingCategoryRule: ValidationRule {
    public init() {}
    public let code = "SO504"
    public let name = "missing-category"
    public let severity = DiagnosticSeverity.warning
    public let summary = "Every entity and quotation annotation has a category."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        let positions = (document.positions(of: .entity) + document.positions(of: .quotation))
            .filter { document.annotations[$0].category == nil }.sorted()
        return positions.map { position in
            let annotation = document.annotations[position]
            return diagnostic("\(annotation.layer) '\(annotation.id)' (\"\(annotation.coveredText)\") has no category",
                              hint: "give --category with one of the \(annotation.layer) taxonomy's categories",
                              at: context.location(of: annotation.id))
        }
    }
}
