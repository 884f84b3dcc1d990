import StandoffTEI

/// Every range covers at least one character.
public struct EmptyRangeRule: ReaderProblemRule {
    public init() {}
    public let code = "SO104"
    public let name = "empty-range"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every range covers at least one character."
    public let readerCodes: Set<TEIProblem.Code> = [.emptyRange]
}
