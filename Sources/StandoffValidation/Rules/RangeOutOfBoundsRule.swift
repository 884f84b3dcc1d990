import StandoffTEI

/// Every string-range() offset and length lies within its paragraph, and an annotation's ranges do not overlap.
public struct RangeOutOfBoundsRule: ReaderProblemRule {
    public init() {}
    public let code = "SO102"
    public let name = "range-out-of-bounds"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every string-range() offset and length lies within its paragraph, and an annotation's ranges do not overlap."
    public let readerCodes: Set<TEIProblem.Code> = [.rangeOutOfBounds]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        switch fact {
        case .numberTooLarge(let pointer):
            return FindingWords("\(FindingWords.owner(of: pointer)): '\(pointer.token)' holds a number too large to be an offset or a length",
                                hint: "offsets and lengths count code points within one paragraph; check them with `standoff show`")
        case .negativeOffset(let pointer):
            return FindingWords("\(FindingWords.owner(of: pointer)): '\(pointer.token)' has a negative offset", hint: Self.offsetsHint)
        case .pastParagraphEnd(let pointer, let paragraph, let length):
            return FindingWords(
                "\(FindingWords.owner(of: pointer)): '\(pointer.token)' reaches past the end of paragraph \(paragraph), which has \(length) code points",
                hint: Self.offsetsHint)
        default:
            return nil
        }
    }

    private static let offsetsHint = "offsets count code points from 0 within the paragraph; check them with `standoff show`"
}
