/// Converts code-point offsets to and from UTF-8 byte offsets and UTF-16 code-unit offsets.
///
/// This is the one place the project converts between offset units (``SourceText`` only finds
/// where a code point starts in the UTF-8 it keeps, to slice itself). Build it once per text
/// (`O(n)` time and memory) and look up in constant time (code points → other units) or
/// logarithmic time (other units → code points).
public struct OffsetTable: Sendable {
    /// `utf8[i]` is the UTF-8 offset of code point `i`; the last entry is the byte count.
    private let utf8: [Int]
    /// `utf16[i]` is the UTF-16 offset of code point `i`; the last entry is the unit count.
    private let utf16: [Int]

    public init(_ text: SourceText) {
        var utf8: [Int] = []
        var utf16: [Int] = []
        utf8.reserveCapacity(text.count + 1)
        utf16.reserveCapacity(text.count + 1)
        var bytes = 0
        var units = 0
        for scalar in text.string.unicodeScalars {
            utf8.append(bytes)
            utf16.append(units)
            bytes += UTF8.width(scalar)
            units += UTF16.width(scalar)
        }
        utf8.append(bytes)
        utf16.append(units)
        self.utf8 = utf8
        self.utf16 = utf16
    }

    /// Number of code points in the text.
    public var codePointCount: Int { utf8.count - 1 }

    public func utf8Offset(ofCodePoint offset: Int) throws(ModelError) -> Int {
        guard offset >= 0, offset < utf8.count else { throw .offsetOutOfBounds(offset, unit: "code point", limit: codePointCount) }
        return utf8[offset]
    }

    public func utf16Offset(ofCodePoint offset: Int) throws(ModelError) -> Int {
        guard offset >= 0, offset < utf16.count else { throw .offsetOutOfBounds(offset, unit: "code point", limit: codePointCount) }
        return utf16[offset]
    }

    /// The code point that starts at UTF-8 byte `offset`; throws if the offset falls inside a character.
    public func codePointOffset(utf8 offset: Int) throws(ModelError) -> Int {
        try Self.find(offset, in: utf8, unit: "UTF-8 byte")
    }

    /// The code point that starts at UTF-16 unit `offset`; throws if the offset splits a surrogate pair.
    public func codePointOffset(utf16 offset: Int) throws(ModelError) -> Int {
        try Self.find(offset, in: utf16, unit: "UTF-16 unit")
    }

    public func utf8Range(of range: TextRange) throws(ModelError) -> Range<Int> {
        try utf8Offset(ofCodePoint: range.start)..<utf8Offset(ofCodePoint: range.end)
    }

    public func utf16Range(of range: TextRange) throws(ModelError) -> Range<Int> {
        try utf16Offset(ofCodePoint: range.start)..<utf16Offset(ofCodePoint: range.end)
    }

    private static func find(_ offset: Int, in table: [Int], unit: String) throws(ModelError) -> Int {
        guard let lastValue = table.last, offset >= 0, offset <= lastValue else {
            throw .offsetOutOfBounds(offset, unit: unit, limit: table.last ?? 0)
        }
        var low = 0
        var high = table.count - 1
        while low < high {
            let mid = (low + high) / 2
            if table[mid] < offset { low = mid + 1 } else { high = mid }
        }
        guard table[low] == offset else { throw .offsetInsideCharacter(offset, unit: unit) }
        return low
    }
}
