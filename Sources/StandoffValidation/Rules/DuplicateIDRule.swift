import StandoffTEI

/// Every xml:id is unique in the file.
public struct DuplicateIDRule: ReaderProblemRule {
    public init() {}
    public let code = "SO201"
    public let name = "duplicate-id"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every xml:id is unique in the file."
    public let readerCodes: Set<TEIProblem.Code> = [.duplicateID]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        switch fact {
        case .paragraphsShareID:
            return FindingWords("two paragraphs share an id", hint: "give every <p> its own xml:id")
        case .idUsedTwice(let id, let here, let earlier, let earlierLine):
            return FindingWords("xml:id '\(id)' of \(here) is already the id of \(earlier) at line \(earlierLine)",
                                hint: "ids are unique in the whole file, in markup Standoff keeps without reading too (xmllint and lxml refuse a repeated one); rename one of them")
        default:
            return nil
        }
    }
}
