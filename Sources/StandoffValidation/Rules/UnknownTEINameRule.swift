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
}
