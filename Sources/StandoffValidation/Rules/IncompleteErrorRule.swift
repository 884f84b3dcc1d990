/// An error in the source has a category and a correction.
public struct IncompleteErrorRule: ValidationRule {
    public init() {}
    public let code = "SO503"
    public let name = "incomplete-error"
    public let severity = DiagnosticSeverity.warning
    public let summary = "Every error annotation has a category and a correction."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        return document.positions(of: .error).compactMap { position in
            let error = document.annotations[position]
            var missing: [String] = []
            if error.category == nil { missing.append("category") }
            if error.correction == nil { missing.append("correction") }
            guard !missing.isEmpty else { return nil }
            return diagnostic("error '\(error.id)' (\"\(error.coveredText)\") has no \(missing.joined(separator: " and "))",
                              hint: "give \(missing.map { "--\($0)" }.joined(separator: " and ")); an empty --correction \"\" means delete",
                              at: context.location(of: error.id))
        }
    }
}
