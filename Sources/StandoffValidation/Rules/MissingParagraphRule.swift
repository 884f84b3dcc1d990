import StandoffTEI

/// Every string-range() pointer names a paragraph that exists.
public struct MissingParagraphRule: ReaderProblemRule {
    public init() {}
    public let code = "SO101"
    public let name = "missing-paragraph"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every string-range() pointer names a paragraph that exists."
    public let readerCodes: Set<TEIProblem.Code> = [.missingParagraph]
}
