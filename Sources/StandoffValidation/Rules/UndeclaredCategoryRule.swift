import StandoffModel
import StandoffTEI

/// Every category in @ana is declared in the layer's taxonomy.
public struct UndeclaredCategoryRule: ReaderProblemRule {
    public init() {}
    public let code = "SO301"
    public let name = "undeclared-category"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every category in @ana is declared in the layer's taxonomy."
    public let readerCodes: Set<TEIProblem.Code> = [.undeclaredCategory]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        guard case .undeclaredCategory(let annotation, let token, let layer) = fact else { return nil }
        return FindingWords("annotation '\(annotation)': @ana '\(token)' is not a declared category",
                            hint: "declare it in <classDecl><taxonomy xml:id=\"\(layer.name)\"> or use a declared one")
    }
}
