import StandoffTEI

/// The file matches Standoff's own RELAX NG schema (`standoff.rng`, see docs/FORMAT.md).
public struct SchemaRule: ValidationRule {
    public init() {}
    public let code = "SO002"
    public let name = "schema"
    public let severity = DiagnosticSeverity.error
    public let claimedProblemCodes: Set<TEIProblem.Code> = [.schema]
    public let summary = "The file matches Standoff's RELAX NG schema for its TEI encoding (standoff.rng)."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.schemaProblems.map(diagnostic(for:))
    }
}
