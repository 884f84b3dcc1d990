import StandoffModel

/// The one place an import reads offsets given in another unit than code points: a range's
/// numbers read as UTF-16 code units (JavaScript, UIMA, Java) or UTF-8 bytes, converted to code
/// points through the text's ``OffsetTable``, each with the repair it is counted under.
/// The importer keeps the reading under which the file's own text is found at the offsets.
/// A text with `\r\n` line breaks has one reading more: code points counted on the text with
/// each read as `\n` (as brat, reading in Python's text mode, counts); and a text that starts
/// with a byte order mark (U+FEFF) another: code points counted after it, as tools that drop it
/// on reading (Python's `utf-8-sig`, .NET, Java readers) count. Made once for a text.
struct OffsetUnits {
    let text: SourceText
    let offsets: OffsetTable
    let breaks: LineBreaks

    init(_ text: SourceText) {
        self.text = text
        offsets = OffsetTable(text)
        breaks = LineBreaks(text)
    }

    func readings(of ranges: [(start: Int, end: Int)]) -> [(repair: RepairKind, ranges: [TextRange])] {
        func convert(_ toCodePoint: (Int) throws(ModelError) -> Int) -> [TextRange]? {
            var converted: [TextRange] = []
            for range in ranges {
                guard let start = try? toCodePoint(range.start), let end = try? toCodePoint(range.end), let made = try? TextRange(start, end),
                      made.end <= text.count else { return nil }
                converted.append(made)
            }
            return converted
        }
        var readings: [(repair: RepairKind, ranges: [TextRange])] = []
        if let utf16 = convert({ (offset) throws(ModelError) in try offsets.codePointOffset(utf16: offset) }) {
            readings.append((.fromUTF16, utf16))
        }
        if let utf8 = convert({ (offset) throws(ModelError) in try offsets.codePointOffset(utf8: offset) }) {
            readings.append((.fromUTF8, utf8))
        }
        if !breaks.isEmpty, let raw = convert({ (offset) throws(ModelError) in breaks.rawOffset(offset) }) {
            readings.append((.fromCRLFAsLF, raw))
        }
        if text.count > 0, text.scalar(at: 0) == "\u{FEFF}", let shifted = convert({ (offset) throws(ModelError) in offset + 1 }) {
            readings.append((.afterByteOrderMark, shifted))
        }
        return readings
    }
}

/// Where a text has `\r\n` line breaks, and offsets between the text as it is and the text as
/// Python's text mode reads it (each `\r\n` one `\n`), as brat counts.
struct LineBreaks {
    /// The code point offset of the `\r` of each `\r\n`, in order.
    let positions: [Int]

    init(_ text: SourceText) {
        var positions: [Int] = []
        if text.string.utf8.contains(UInt8(ascii: "\r")) {
            var offset = 0
            var previousWasCR = false
            for scalar in text.string.unicodeScalars {
                if scalar == "\n" && previousWasCR { positions.append(offset - 1) }
                previousWasCR = scalar == "\r"
                offset += 1
            }
        }
        self.positions = positions
    }

    var isEmpty: Bool { positions.isEmpty }

    /// `offset` in the text read with `\n` for `\r\n`: one less for each `\r\n` before it.
    func readOffset(_ offset: Int) -> Int { offset - count(of: positions, below: offset) }

    /// The offset in the text as it is of `offset` counted in the text read with `\n` for `\r\n`.
    func rawOffset(_ offset: Int) -> Int {
        // The k-th `\r\n` sits at `positions[k] - k` once the ones before it are read as `\n`.
        var low = 0, high = positions.count
        while low < high { let middle = (low + high) / 2; if positions[middle] - middle < offset { low = middle + 1 } else { high = middle } }
        return offset + low
    }

    /// The text with each `\r\n` as `\n`.
    func read(_ text: SourceText) -> String { isEmpty ? text.string : text.string.replacingOccurrences(of: "\r\n", with: "\n") }

    private func count(of sorted: [Int], below value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high { let middle = (low + high) / 2; if sorted[middle] < value { low = middle + 1 } else { high = middle } }
        return low
    }
}
