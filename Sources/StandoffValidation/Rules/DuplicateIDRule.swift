import StandoffTEI

/// Every xml:id is unique in the file.
public struct DuplicateIDRule: ReaderProblemRule {
    public init() {}
    public let code = "SO201"
    public let name = "duplicate-id"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every xml:id is unique in the file."
    public let readerCodes: Set<TEIProblem.Code> = [.duplicateID]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        guard case .paragraphsShareID = fact else { return nil }
        return FindingWords("two paragraphs share an id", hint: "give every <p> its own xml:id")
    }
}
