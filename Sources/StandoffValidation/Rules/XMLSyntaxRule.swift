import StandoffXML
import StandoffTEI

/// The file is well-formed XML: complete, UTF-8 or declared encoding, no entity declarations.
public struct XMLSyntaxRule: ReaderProblemRule {
    public init() {}
    public let code = "SO001"
    public let name = "xml-syntax"
    public let severity = DiagnosticSeverity.error
    public let summary = "The file is well-formed XML: complete, UTF-8 or declared encoding, no entity declarations."
    public let readerCodes: Set<TEIProblem.Code> = [.xmlSyntax]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        guard case .notWellFormed(let message, let kind) = fact else { return nil }
        return FindingWords(message, hint: Self.hint(for: kind))
    }

    private static func hint(for kind: XMLFailureKind) -> String {
        switch kind {
        case .unreadable: "check the path and that the file is readable"
        case .entity: "replace entity references with the characters they stand for; Standoff files use no DTD"
        case .notXML: "the file is empty or not XML; create one with `standoff init`"
        case .truncated: "the file is truncated or a tag is not closed; restore it from a copy"
        case .tooLong: "Standoff files hold no value this long; check that this is the file you meant"
        case .tooDeep: "Standoff files nest about ten elements deep; check that this is the file you meant"
        case .encoding: "save the file as UTF-8"
        case .other: "fix the XML at this position; `xmllint --noout FILE` shows the same error"
        }
    }
}
