import Crypto

/// The immutable text a document annotates, split into paragraphs at `\n`.
///
/// The paragraphs joined with `\n` give back the text byte for byte, so a text that ends with a
/// newline has a last, empty paragraph. All offsets are code points (see ``TextRange``).
public struct SourceText: Hashable, Sendable {
    /// The whole text.
    public let string: String
    /// The text as code points, for constant-time slicing by offset.
    public let scalars: [Unicode.Scalar]
    /// Where each paragraph lies in the whole text (the `\n` between them belongs to none).
    public let paragraphs: [TextRange]

    /// Splits `string` into paragraphs at every `\n`.
    public init(_ string: String) {
        // One pass over the UTF-8 (a String's is valid): decode the code points and note the
        // paragraph breaks.
        var string = string
        var ranges: [TextRange] = []
        let scalars = string.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var start = 0
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        if lead == 0x0A {
                            ranges.append(TextRange(unchecked: start, count))
                            start = count + 1
                        }
                        buffer[count] = Unicode.Scalar(lead)
                        count += 1
                        index += 1
                        continue
                    }
                    var value = UInt32(lead)
                    var width = 1
                    if lead >= 0xF0 {
                        value = UInt32(lead & 0x07)
                        width = 4
                    } else if lead >= 0xE0 {
                        value = UInt32(lead & 0x0F)
                        width = 3
                    } else if lead >= 0xC0 {
                        value = UInt32(lead & 0x1F)
                        width = 2
                    }
                    for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    buffer[count] = Unicode.Scalar(value)!
                    count += 1
                    index += width
                }
                ranges.append(TextRange(unchecked: start, count))
            }
        }
        self.string = string
        self.scalars = scalars
        self.paragraphs = ranges
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

    /// Number of code points.
    public var count: Int { scalars.count }

    /// The whole text as a range.
    public var fullRange: TextRange { TextRange(unchecked: 0, scalars.count) }

    /// The text of one paragraph.
    public func paragraphText(_ index: Int) -> String { self[paragraphs[index]] }

    /// The text covered by `range`, which must lie within the text.
    public subscript(range: TextRange) -> String {
        scalars.withUnsafeBufferPointer { all in
            var byteCount = 0
            for offset in range.start..<range.end { byteCount += UTF8.width(all[offset]) }
            return String(unsafeUninitializedCapacity: byteCount) { buffer in
                var index = 0
                for offset in range.start..<range.end {
                    let scalar = all[offset]
                    if scalar.value < 0x80 {
                        buffer[index] = UInt8(truncatingIfNeeded: scalar.value)
                        index += 1
                    } else {
                        UTF8.encode(scalar) { byte in
                            buffer[index] = byte
                            index += 1
                        }
                    }
                }
                return index
            }
        }
    }

    /// Whether the text at each of `ranges` is the string at the same place in `strings`, and
    /// there are as many of each.
    public func matches(_ strings: [String], at ranges: [TextRange]) -> Bool {
        strings.count == ranges.count && strings.indices.allSatisfy { matches(strings[$0], at: ranges[$0]) }
    }

    /// Whether the text at `range` is exactly `string`, code point for code point.
    public func matches(_ string: String, at range: TextRange) -> Bool {
        guard range.end <= scalars.count else { return false }
        // Mostly ASCII: compare the bytes with the code points while they are ASCII.
        var string = string
        let answer: Bool? = string.withUTF8 { bytes in
            // Each code point takes at least one byte.
            guard bytes.count >= range.end - range.start else { return false }
            return scalars.withUnsafeBufferPointer { scalars in
                var offset = range.start
                for byte in bytes {
                    guard byte < 0x80 else { return nil }
                    guard offset < range.end, scalars[offset].value == UInt32(byte) else { return false }
                    offset += 1
                }
                return offset == range.end
            }
        }
        return answer ?? string.unicodeScalars.elementsEqual(scalars[range.start..<range.end])
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
               scalars[last.end..<range.start].allSatisfy({ $0 == "\n" }),
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
        offset >= 0 && offset < scalars.count && scalars[offset] == "\n"
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
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
        var found: [TextRange] = []
        let first = pattern[0]
        var offset = 0
        let last = scalars.count - pattern.count
        while offset <= last {
            if scalars[offset] == first && scalars[offset..<(offset + pattern.count)].elementsEqual(pattern) {
                found.append(TextRange(unchecked: offset, offset + pattern.count))
            }
            offset += 1
        }
        return found
    }
}
