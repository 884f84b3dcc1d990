import StandoffTEI

/// Attribute values are among those allowed (@cert, one category per annotation, …).
public struct InvalidValueRule: ReaderProblemRule {
    public init() {}
    public let code = "SO303"
    public let name = "invalid-value"
    public let severity = DiagnosticSeverity.error
    public let summary = "Attribute values are among those allowed (@cert, one category per annotation, …)."
    public let readerCodes: Set<TEIProblem.Code> = [.invalidValue]
}
