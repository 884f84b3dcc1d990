import StandoffTEI

/// Targets are well-formed #string-range(PARAGRAPH,OFFSET,LENGTH) pointers and links are #ID pointers.
public struct MalformedPointerRule: ReaderProblemRule {
    public init() {}
    public let code = "SO103"
    public let name = "malformed-pointer"
    public let severity = DiagnosticSeverity.error
    public let summary = "Targets are well-formed #string-range(PARAGRAPH,OFFSET,LENGTH) pointers and links are #ID pointers."
    public let readerCodes: Set<TEIProblem.Code> = [.malformedRange, .malformedPointer]
}
