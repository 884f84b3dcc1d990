import StandoffModel

/// The one place an import reads offsets given in another unit than code points: a range's
/// numbers read as UTF-16 code units (JavaScript, UIMA, Java) or UTF-8 bytes, converted to code
/// points through the text's ``OffsetTable``, each with the words its repair is counted under.
/// The importer keeps the reading under which the file's own text is found at the offsets.
/// A text that starts with a byte order mark (U+FEFF) has one reading more: code points counted
/// after it, as tools that drop it on reading (Python's `utf-8-sig`, .NET, Java readers) count.
enum OffsetUnits {
    static func readings(of ranges: [(start: Int, end: Int)], text: SourceText, offsets: OffsetTable) -> [(repair: String, ranges: [TextRange])] {
        func convert(_ toCodePoint: (Int) throws(ModelError) -> Int) -> [TextRange]? {
            var converted: [TextRange] = []
            for range in ranges {
                guard let start = try? toCodePoint(range.start), let end = try? toCodePoint(range.end), let made = try? TextRange(start, end) else { return nil }
                converted.append(made)
            }
            return converted
        }
        var readings: [(repair: String, ranges: [TextRange])] = []
        if let utf16 = convert({ (offset) throws(ModelError) in try offsets.codePointOffset(utf16: offset) }) {
            readings.append(("annotations with offsets in UTF-16 code units, converted to code points", utf16))
        }
        if let utf8 = convert({ (offset) throws(ModelError) in try offsets.codePointOffset(utf8: offset) }) {
            readings.append(("annotations with offsets in UTF-8 bytes, converted to code points", utf8))
        }
        if text.count > 0, text.scalar(at: 0) == "\u{FEFF}",
           let shifted = convert({ (offset) throws(ModelError) in offset + 1 }), shifted.allSatisfy({ $0.end <= text.count }) {
            readings.append(("annotations with offsets counted after the byte order mark, moved by one", shifted))
        }
        return readings
    }
}
