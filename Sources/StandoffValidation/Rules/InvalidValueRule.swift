import StandoffTEI

/// Attribute values are among those allowed (@cert, one category per annotation, …).
public struct InvalidValueRule: ReaderProblemRule {
    public init() {}
    public let code = "SO303"
    public let name = "invalid-value"
    public let severity = DiagnosticSeverity.error
    public let summary = "Attribute values are among those allowed (@cert, one category per annotation, …)."
    public let readerCodes: Set<TEIProblem.Code> = [.invalidValue]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        switch fact {
        case .invalidCertainty(let annotation, let value):
            return FindingWords("annotation '\(annotation)': @cert '\(value)' is not high, medium, low or unknown", hint: "use one of high, medium, low, unknown")
        case .invalidCurationStatus(let annotation, let value):
            return FindingWords("annotation '\(annotation)': <change status=\"\(value)\"> is not a curation status",
                                hint: "use proposed, accepted or rejected (docs/CURATION.md), or drop @status")
        case .twoCategories(let annotation, let first, let second):
            return FindingWords("annotation '\(annotation)' has two categories, '\(first)' and '\(second)'",
                                hint: "give one category of the layer's taxonomy in @ana")
        default:
            return nil
        }
    }
}
