import StandoffTEI

/// Every category in @ana is declared in the layer's taxonomy.
public struct UndeclaredCategoryRule: ReaderProblemRule {
    public init() {}
    public let code = "SO301"
    public let name = "undeclared-category"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every category in @ana is declared in the layer's taxonomy."
    public let readerCodes: Set<TEIProblem.Code> = [.undeclaredCategory]
}
