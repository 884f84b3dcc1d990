/// A half-open span `[start, end)` of Unicode code points in a document's text.
///
/// Offsets count code points (Unicode scalars) from the start of the whole text, the way TEI
/// `string-range()`, Python and brat count them. Conversions to UTF-8 and UTF-16 offsets live in
/// ``OffsetTable``.
public struct TextRange: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let start: Int
    public let end: Int

    /// Creates a range; `start` must not be negative and `end` must not be before `start`.
    public init(_ start: Int, _ end: Int) throws(ModelError) {
        guard start >= 0, end >= start else { throw .invalidRange(start: start, end: end) }
        self.start = start
        self.end = end
    }

    /// Creates a range whose bounds the caller has already checked.
    init(unchecked start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// `START:END`, the form the command line takes.
    public var description: String { "\(start):\(end)" }

    /// Parses `START:END` as typed on the command line.
    public init(parsing text: String) throws(ModelError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]) else {
            throw .malformedRange(text)
        }
        try self.init(start, end)
    }
}
