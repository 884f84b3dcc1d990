import StandoffTEI

/// Every xml:id is a valid id: a letter or _ first, then letters, digits, -, _ or .
public struct InvalidIDRule: ReaderProblemRule {
    public init() {}
    public let code = "SO203"
    public let name = "invalid-id"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every xml:id is a valid id: a letter or _ first, then letters, digits, -, _ or ."
    public let readerCodes: Set<TEIProblem.Code> = [.invalidID]
}
