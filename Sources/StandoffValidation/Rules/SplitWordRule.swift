import StandoffModel

/// Spans begin and end at word and grapheme-cluster boundaries.
public struct SplitWordRule: ValidationRule {
    public init() {}
    public let code = "SO602"
    public let name = "split-word"
    public let severity = DiagnosticSeverity.warning
    public let summary = "Spans do not cut a word or a grapheme cluster (a letter and its accents, an emoji) in two, except inside words the text runs together (marked by a spacing error)."

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let document = context.document else { return [] }
        let text = document.text
        // Where the text itself runs words together, an error annotation of category spacing
        // says so, and spans inside it may cut the run.
        let runTogether = document.positions(of: .error).filter { document.annotations[$0].category == "spacing" }.flatMap { document.annotations[$0].ranges }
        var found: [Diagnostic] = []
        // The ranges from the document's table: an annotation itself is looked at only to report.
        let table = document.index.ranges
        let (ranges, starts) = (table.ranges, table.starts)
        for position in 0..<table.count {
            for range in ranges[starts[position]..<starts[position + 1]] {
                for edgeIndex in 0..<2 {
                    let isStart = edgeIndex == 0
                    let offset = isStart ? range.start : range.end
                    guard let what = Self.cut(at: offset, in: text) else { continue }
                    let edge = isStart ? "start" : "end"
                    if what.hasSuffix("a word in two"), runTogether.contains(where: { $0.start < offset && offset < $0.end }) { continue }
                    let annotation = document.annotations[position]
                    found.append(diagnostic(
                        "the \(edge) of annotation '\(annotation.id)' (\"\(annotation.coveredText)\") at \(offset) cuts \(what)",
                        hint: "move the \(edge) to a word boundary, or leave it if the text itself runs two words together",
                        at: context.location(of: annotation.id)))
                }
            }
        }
        return found
    }

    /// What an edge at `offset` cuts, if anything: a grapheme cluster, or a word.
    public static func cut(at offset: Int, in text: SourceText) -> String? {
        guard offset > 0, offset < text.count else { return nil }
        let (before, after) = text.scalars(around: offset)
        // Between two scalars that never join a cluster there is a boundary, except CR LF.
        let simplePair = joinsNothing(before) && joinsNothing(after) && !(before == "\r" && after == "\n")
        if !simplePair && !isGraphemeBoundary(offset, in: text) { return "a character (grapheme cluster) in two" }
        if isWordScalar(before) && isWordScalar(after) { return "a word in two" }
        return nil
    }

    /// Whether `scalar` is one that Unicode's cluster rules (UAX #29) never join to a neighbour:
    /// ASCII, the Latin letters and signs below the combining marks (U+0300), and the general
    /// punctuation block (quotation marks, dashes, ellipsis) except the zero-width joiners.
    private static func joinsNothing(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x300 || (value >= 0x2010 && value <= 0x2027)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether `offset` is a grapheme-cluster boundary, judged on a window of text around it.
    private static func isGraphemeBoundary(_ offset: Int, in text: SourceText) -> Bool {
        let start = max(0, offset - 16)
        let end = min(text.count, offset + 16)
        var position = start
        for character in String(text.unicodeScalars(from: start, to: end)) {
            if position == offset { return true }
            position += character.unicodeScalars.count
            if position > offset { return false }
        }
        return position == offset
    }
}
