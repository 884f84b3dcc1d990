import StandoffTEI

/// With `--tei-all PATH`, the file also matches a full official TEI schema.
public struct TEIAllRule: ValidationRule {
    public init() {}
    public let code = "SO003"
    public let name = "tei-all"
    public let severity = DiagnosticSeverity.error
    public let claimedProblemCodes: Set<TEIProblem.Code> = [.teiAll]
    public let summary = "With --tei-all PATH, the file also matches the full TEI schema given (such as tei_all.rng)."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.teiAllProblems.map(diagnostic(for:))
    }
}
