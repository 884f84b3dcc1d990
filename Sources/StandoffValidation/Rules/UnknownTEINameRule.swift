import StandoffTEI

/// Every element in the TEI namespace, and every attribute without a namespace on an element
/// Standoff reads, is a name TEI P5 defines: a misspelt name (`<listAnnotaton>`, `cret="high"`)
/// would otherwise be kept as markup Standoff does not read, and what it holds silently left out.
public struct UnknownTEINameRule: ReaderProblemRule {
    public init() {}
    public let code = "SO005"
    public let name = "unknown-tei-name"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every element in the TEI namespace, and every attribute without a namespace on an element Standoff reads, is one TEI P5 defines (a misspelt name would leave what it holds unread)."
    public let readerCodes: Set<TEIProblem.Code> = [.unknownTEIName]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        switch fact {
        case .unknownElement(let name, let parent, let suggestion, let annotationsInside):
            let inside = annotationsInside == 0 ? "" : " (\(annotationsInside) annotation\(annotationsInside == 1 ? "" : "s"))"
            return FindingWords(
                "<\(name)> in <\(parent)> is not a TEI element: Standoff keeps it as markup it does not read, with everything inside it" + inside,
                hint: (suggestion.map { "did you mean <\($0)>? Markup" } ?? "check the name against the TEI Guidelines; markup")
                    + " of another vocabulary goes in a namespace of its own (xmlns:x=\"…\")")
        case .unknownAttribute(let name, let element, let annotation, let onAnnotation, let suggestion):
            let owner = annotation.map { onAnnotation ? " '\($0)'" : " in annotation '\($0)'" } ?? ""
            return FindingWords(
                "@\(name) on <\(element)>\(owner) is not a TEI attribute: Standoff keeps it but does not read it",
                hint: (suggestion.map { "did you mean @\($0)? An" } ?? "check the name against the TEI Guidelines; an")
                    + " attribute of another vocabulary goes in a namespace of its own (xmlns:x=\"…\" and x:\(name)=\"…\")")
        default:
            return nil
        }
    }
}
