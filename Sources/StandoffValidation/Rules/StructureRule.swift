import StandoffTEI

/// The file is a Standoff TEI document: a <TEI> root, a header, the text as plain <p> paragraphs with ids, and required attributes.
public struct StructureRule: ReaderProblemRule {
    public init() {}
    public let code = "SO004"
    public let name = "structure"
    public let severity = DiagnosticSeverity.error
    public let summary = "The file is a Standoff TEI document: a <TEI> root, a header, the text as plain <p> paragraphs with ids, and required attributes (among them the @type, the role, of each link)."
    public let readerCodes: Set<TEIProblem.Code> = [.notTEI, .missingText, .unsupportedMarkup, .newlineInParagraph, .missingAttribute]
}
