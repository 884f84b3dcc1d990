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
        return document.annotations.filter { ($0.layer == .entity || $0.layer == .quotation) && $0.category == nil }.map {
            diagnostic("\($0.layer) '\($0.id)' (\"\($0.coveredText)\") has no category",
                       hint: "give --category with one of the \($0.layer) taxonomy's categories",
                       at: context.location(of: $0.id))
        }
    }
}
