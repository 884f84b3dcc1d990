import StandoffTEI

/// Every string-range() pointer names a paragraph that exists.
public struct MissingParagraphRule: ReaderProblemRule {
    public init() {}
    public let code = "SO101"
    public let name = "missing-paragraph"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every string-range() pointer names a paragraph that exists."
    public let readerCodes: Set<TEIProblem.Code> = [.missingParagraph]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        guard case .missingParagraph(let pointer, let paragraph, let paragraphCount) = fact else { return nil }
        return FindingWords("\(FindingWords.owner(of: pointer)): '\(pointer.token)' points at paragraph '\(paragraph)', which does not exist",
                            hint: "use the xml:id of a <p> in <text><body> (\(paragraphCount == 1 ? "p1" : "p1 … p\(paragraphCount)"))")
    }
}
