import StandoffTEI

/// Targets are well-formed #string-range(PARAGRAPH,OFFSET,LENGTH) pointers and links are #ID pointers.
public struct MalformedPointerRule: ReaderProblemRule {
    public init() {}
    public let code = "SO103"
    public let name = "malformed-pointer"
    public let severity = DiagnosticSeverity.error
    public let summary = "Targets are well-formed #string-range(PARAGRAPH,OFFSET,LENGTH) pointers and links are #ID pointers."
    public let readerCodes: Set<TEIProblem.Code> = [.malformedRange, .malformedPointer]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        switch fact {
        case .notStringRange(let pointer):
            return FindingWords("\(FindingWords.owner(of: pointer)): '\(pointer.token)' is not a #string-range(PARAGRAPH,OFFSET,LENGTH) pointer",
                                hint: "point at text as #string-range(p1,0,5): paragraph id, offset and length in code points")
        case .linkNotPointer(let annotation, let role, let target):
            return FindingWords("annotation '\(annotation)': <ptr type=\"\(role)\" target=\"\(target)\"> is not a link to an id",
                                hint: "link with target=\"#ID\" to a register entry, category or annotation")
        case .respNotPointer(let annotation, let value):
            return FindingWords("annotation '\(annotation)': @resp '\(value)' is not a pointer to an annotator", hint: "use resp=\"#ANNOTATOR-ID\"")
        default:
            return nil
        }
    }
}
