import StandoffTEI

/// Every string-range() offset and length lies within its paragraph, and an annotation's ranges do not overlap.
public struct RangeOutOfBoundsRule: ReaderProblemRule {
    public init() {}
    public let code = "SO102"
    public let name = "range-out-of-bounds"
    public let severity = DiagnosticSeverity.error
    public let summary = "Every string-range() offset and length lies within its paragraph, and an annotation's ranges do not overlap."
    public let readerCodes: Set<TEIProblem.Code> = [.rangeOutOfBounds]
}
