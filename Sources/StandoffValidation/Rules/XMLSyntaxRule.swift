import StandoffTEI

/// The file is well-formed XML: complete, UTF-8 or declared encoding, no entity declarations.
public struct XMLSyntaxRule: ReaderProblemRule {
    public init() {}
    public let code = "SO001"
    public let name = "xml-syntax"
    public let severity = DiagnosticSeverity.error
    public let summary = "The file is well-formed XML: complete, UTF-8 or declared encoding, no entity declarations."
    public let readerCodes: Set<TEIProblem.Code> = [.xmlSyntax]
}
