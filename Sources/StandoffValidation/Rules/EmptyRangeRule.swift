import StandoffTEI

/// Every range covers at least one character.
public struct EmptyRangeRule: ReaderProblemRule {
    public init() {}
    public let code = "SO104"
    public let name = "empty-range"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every range covers at least one character."
    public let readerCodes: Set<TEIProblem.Code> = [.emptyRange]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        guard case .emptyRange(let pointer, let length) = fact else { return nil }
        return FindingWords("\(FindingWords.owner(of: pointer)): '\(pointer.token)' has length \(length)",
                            hint: "an annotation must cover at least one character")
    }
}
