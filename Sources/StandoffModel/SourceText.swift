import Crypto
import Foundation

/// The immutable text a document annotates, split into paragraphs at `\n`.
///
/// The paragraphs joined with `\n` give back the text byte for byte, so a text that ends with a
/// newline has a last, empty paragraph. All offsets are code points (see ``TextRange``).
///
/// The text is kept once, as UTF-8, with the byte position of every 64th code point: a code
/// point's byte is found in constant time (at most 63 steps from the nearest checkpoint, none in
/// a block of ASCII), and the text costs little more than its UTF-8 bytes (it cost five bytes a
/// character with a code point array beside them).
public struct SourceText: Hashable, Sendable {
    /// The whole text.
    public let string: String
    /// Where each paragraph lies in the whole text (the `\n` between them belongs to none).
    public let paragraphs: [TextRange]
    /// Number of code points.
    public let count: Int
    /// `checkpoints[k]` is the byte position of code point `64 · k`; the last is the byte count.
    private let checkpoints: [Int32]
    private static let checkpointShift = 6
    private static let checkpointInterval = 1 << checkpointShift

    /// Splits `string` into paragraphs at every `\n`.
    public init(_ string: String) {
        // One pass over the UTF-8 (a String's is valid): count the code points, note every
        // 64th one's byte and the paragraph breaks.
        var string = string
        var ranges: [TextRange] = []
        var checkpoints: [Int32] = []
        var count = 0
        string.withUTF8 { bytes in
            checkpoints.reserveCapacity(bytes.count >> Self.checkpointShift + 2)
            var start = 0
            var index = 0
            while index < bytes.count {
                if count & (Self.checkpointInterval - 1) == 0 { checkpoints.append(Int32(truncatingIfNeeded: index)) }
                let lead = bytes[index]
                if lead == 0x0A {
                    ranges.append(TextRange(unchecked: start, count))
                    start = count + 1
                }
                index += Self.width(lead)
                count += 1
            }
            ranges.append(TextRange(unchecked: start, count))
            checkpoints.append(Int32(truncatingIfNeeded: bytes.count))
        }
        precondition(string.utf8.count < Int(Int32.max), "texts of 2 GB or more are not supported")
        self.string = string
        self.paragraphs = ranges
        self.count = count
        self.checkpoints = checkpoints
    }

    public static func == (lhs: SourceText, rhs: SourceText) -> Bool { lhs.string == rhs.string }

    public func hash(into hasher: inout Hasher) { hasher.combine(string) }

    /// The number of UTF-8 bytes of the code point that starts with `lead`.
    @inline(__always)
    private static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The text's UTF-8 bytes, in place.
    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        // A native string is contiguous (``init(_:)`` made it so); this is not reached.
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }

    /// The byte position of code point `offset` (`count` gives the byte count) in `bytes`.
    @inline(__always)
    private func byteOffset(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let block = offset >> Self.checkpointShift
        var byte = Int(checkpoints[block])
        var remaining = offset & (Self.checkpointInterval - 1)
        guard remaining > 0 else { return byte }
        // A block of ASCII is as many bytes long as it has code points (64, or fewer in the
        // last block, whose end is the byte count).
        let codePoints = min(Self.checkpointInterval, count - (block << Self.checkpointShift))
        if block + 1 < checkpoints.count, Int(checkpoints[block + 1]) - byte == codePoints { return byte + remaining }
        while remaining > 0 {
            byte += Self.width(bytes[byte])
            remaining -= 1
        }
        return byte
    }

    /// The UTF-8 bytes of `range`, which must lie within the text.
    private func withBytes<Result>(of range: TextRange, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withBytes { bytes in
            let start = byteOffset(range.start, in: bytes)
            let end = byteOffset(range.end, in: bytes)
            return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// The code points of `start..<end`, which must lie within the text.
    public func unicodeScalars(from start: Int, to end: Int) -> String.UnicodeScalarView {
        self[TextRange(unchecked: start, end)].unicodeScalars
    }

    /// The code point at `offset`, which must lie within the text.
    public func scalar(at offset: Int) -> Unicode.Scalar {
        withBytes { bytes in Self.decode(at: byteOffset(offset, in: bytes), in: bytes) }
    }

    /// The code points on either side of `offset`, which must lie inside the text (not at
    /// its ends): the two a boundary at `offset` falls between, found at once.
    public func scalars(around offset: Int) -> (before: Unicode.Scalar, after: Unicode.Scalar) {
        withBytes { bytes in
            let after = byteOffset(offset, in: bytes)
            var before = after - 1
            while bytes[before] & 0xC0 == 0x80 { before -= 1 }
            return (Self.decode(at: before, in: bytes), Self.decode(at: after, in: bytes))
        }
    }

    /// The code point whose UTF-8 starts at byte `index`.
    @inline(__always)
    private static func decode(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let width = width(lead)
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for next in 1..<width { value = value << 6 | UInt32(bytes[index + next] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Joins paragraphs with `\n`; none of them may contain a newline.
    public init(paragraphs: [String]) throws(ModelError) {
        self.init(paragraphs.joined(separator: "\n"))
        // A newline inside a paragraph shows as one paragraph more than given.
        if self.paragraphs.count != max(paragraphs.count, 1),
           let index = paragraphs.firstIndex(where: { $0.utf8.contains(UInt8(ascii: "\n")) }) {
            throw .newlineInParagraph(index: index)
        }
    }

    /// The whole text as a range.
    public var fullRange: TextRange { TextRange(unchecked: 0, count) }

    /// The text of one paragraph.
    public func paragraphText(_ index: Int) -> String { self[paragraphs[index]] }

    /// The text covered by `range`, which must lie within the text.
    public subscript(range: TextRange) -> String {
        withBytes(of: range) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the text at each of `ranges` is the string at the same place in `strings`, and
    /// there are as many of each.
    public func matches(_ strings: [String], at ranges: [TextRange]) -> Bool {
        strings.count == ranges.count && strings.indices.allSatisfy { matches(strings[$0], at: ranges[$0]) }
    }

    /// Whether the text at `range` is exactly `string`, code point for code point (the same
    /// code points are the same UTF-8 bytes).
    public func matches(_ string: String, at range: TextRange) -> Bool {
        guard range.end <= count else { return false }
        var string = string
        return string.withUTF8 { expected in
            withBytes(of: range) { actual in
                actual.count == expected.count && (actual.isEmpty || memcmp(actual.baseAddress!, expected.baseAddress!, actual.count) == 0)
            }
        }
    }

    /// Checks that `range` is not empty and lies within the text.
    public func check(_ range: TextRange) throws(ModelError) {
        guard !range.isEmpty else { throw .emptyRange(range) }
        guard range.end <= count else { throw .rangeOutOfBounds(range, textLength: count) }
    }

    /// The index of the paragraph that holds `offset`; an offset on a paragraph break, or at the
    /// very end, belongs to the paragraph before it.
    public func paragraphIndex(containing offset: Int) -> Int {
        var low = 0
        var high = paragraphs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if paragraphs[mid].start <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Cuts `range` at paragraph breaks into pieces that each lie within one paragraph, as
    /// `(paragraph index, range relative to that paragraph)`. The `\n` separators and empty
    /// paragraphs are left out; ``joiningPieces(_:)`` undoes this.
    public func paragraphPieces(of range: TextRange) -> [(paragraph: Int, local: TextRange)] {
        var pieces: [(paragraph: Int, local: TextRange)] = []
        var index = paragraphIndex(containing: range.start)
        while index < paragraphs.count && paragraphs[index].start < range.end {
            let paragraph = paragraphs[index]
            let start = max(range.start, paragraph.start)
            let end = min(range.end, paragraph.end)
            if start < end {
                pieces.append((index, TextRange(unchecked: start - paragraph.start, end - paragraph.start)))
            }
            index += 1
        }
        return pieces
    }

    /// Joins ranges (in document offsets, in order) that are separated only by paragraph breaks,
    /// so that a span written as one piece per paragraph reads back as the one range it was.
    public func joiningPieces(_ ranges: [TextRange]) -> [TextRange] {
        var joined: [TextRange] = []
        for range in ranges {
            if let last = joined.last, last.end <= range.start,
               withBytes(of: TextRange(unchecked: last.end, range.start), { $0.allSatisfy { $0 == 0x0A } }),
               last.end < range.start {
                joined[joined.count - 1] = TextRange(unchecked: last.start, range.end)
            } else {
                joined.append(range)
            }
        }
        return joined
    }

    /// Whether `offset` is the position of a paragraph break (a `\n`).
    public func isParagraphBreak(_ offset: Int) -> Bool {
        offset >= 0 && offset < count && withBytes { $0[byteOffset(offset, in: $0)] == 0x0A }
    }

    /// SHA-256 of the UTF-8 bytes, as 64 lowercase hex digits.
    public var sha256: String {
        // Hashed in place: copying a large text to an array first took longer than hashing it.
        var string = string
        let digest = string.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Every place where `needle` occurs exactly, in order, overlapping matches included.
    public func occurrences(of needle: String) -> [TextRange] {
        var needle = needle
        let length = needle.unicodeScalars.count
        guard length > 0, length <= count else { return [] }
        return needle.withUTF8 { pattern in
            withBytes { bytes in
                // Compare the UTF-8 bytes at each code point's start, counting code points.
                var found: [TextRange] = []
                var offset = 0
                var index = 0
                let last = bytes.count - pattern.count
                while index <= last {
                    if bytes[index] == pattern[0], memcmp(bytes.baseAddress! + index, pattern.baseAddress!, pattern.count) == 0 {
                        found.append(TextRange(unchecked: offset, offset + length))
                    }
                    index += Self.width(bytes[index])
                    offset += 1
                }
                return found
            }
        }
    }
}
