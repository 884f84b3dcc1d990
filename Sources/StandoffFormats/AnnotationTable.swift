import StandoffModel

/// The table `standoff list` prints: id, layer, category, range, the text at the range now,
/// and details; columns measured in terminal columns (``DisplayWidth``). An annotation whose
/// recorded snapshot differs from the text now is flagged in its details and counted below.
///
/// Rows are added one at a time (as a streaming read hands them over) and kept as their cells
/// only; ``render()`` puts them in canonical order (layer, start, id) if they did not come so.
public struct AnnotationTable {
    private static let header = ["ID", "LAYER", "CATEGORY", "RANGE", "TEXT", "DETAILS"]
    /// Each row's cells joined by NUL, which no XML text holds: one string a row keeps memory
    /// low for a list of hundreds of thousands.
    private var rows: [(key: SortKey, cells: String)] = []
    private var widths = header.map { DisplayWidth.of($0) }
    private var inOrder = true
    private var mismatches = 0

    public init() {}

    /// The table of `annotations`, in canonical order.
    public static func render(_ annotations: [Annotation], in document: Document) -> String {
        var table = AnnotationTable()
        for annotation in annotations { table.add(annotation, text: document.text) }
        return table.render()
    }

    /// Adds the row of `annotation`, whose ranges point into `text`.
    public mutating func add(_ annotation: Annotation, text: SourceText) {
        let now = annotation.ranges.map { range in range.end <= text.count ? text[range] : "" }
        var details: [String] = annotation.links.map { "\($0.role)=\($0.target)" }
        if let severity = annotation.severity { details.append("severity=\(severity.rawValue)") }
        if let correction = annotation.correction { details.append("correction=\"\(correction)\"") }
        if !annotation.cue.isEmpty { details.append("cue=\(annotation.cue.map(\.description).joined(separator: ","))") }
        if now != annotation.snapshot {
            mismatches += 1
            details.insert("≠ recorded \"\(DisplayWidth.truncate(annotation.coveredText, to: 40))\"", at: 0)
        }
        // Line breaks, tabs, other controls and bidirectional overrides shown escaped, so that
        // every row stays one line with its columns in order.
        let shown = DisplayWidth.escaped(now.count == 1 ? now[0] : now.joined(separator: " … "))
        let cells = [
            annotation.id.rawValue, annotation.layer.name, annotation.category?.rawValue ?? "-",
            annotation.ranges.count == 1 ? annotation.ranges[0].description : annotation.ranges.map(\.description).joined(separator: ","),
            DisplayWidth.truncate(shown, to: 50),
            DisplayWidth.escaped(details.joined(separator: " ")),
        ]
        for column in 0..<cells.count - 1 { widths[column] = max(widths[column], DisplayWidth.of(cells[column])) }
        let key = SortKey(annotation)
        if let last = rows.last, key < last.key { inOrder = false }
        rows.append((key, cells.joined(separator: "\u{0}")))
    }

    /// The table, with a count of rows (and of flagged ones) below it.
    public func render() -> String {
        let ordered = inOrder ? rows : rows.sorted { $0.key < $1.key }
        var out = ""
        out.reserveCapacity(rows.count * 100)
        append(Self.header.joined(separator: "\u{0}"), to: &out)
        for row in ordered { append(row.cells, to: &out) }
        out += "\(rows.count) annotation\(rows.count == 1 ? "" : "s")"
        if mismatches > 0 {
            out += "; \(mismatches) with text that differs from the recorded snapshot (≠): check with `standoff validate` (SO402)"
        }
        return out
    }

    /// Runs of spaces, made once: padding is the most frequent string of a long table.
    private static let padding = (0..<128).map { String(repeating: " ", count: $0) }

    /// One line: each cell padded to its column's width, two spaces apart, no trailing spaces.
    private func append(_ cells: String, to out: inout String) {
        var line = ""
        // Split on the byte: the separator is one byte, and cells need no grapheme breaking here.
        for (column, bytes) in cells.utf8.split(separator: 0, omittingEmptySubsequences: false).enumerated() {
            let cell = Substring(bytes)
            if column > 0 { line += "  " }
            line += cell
            if column < widths.count - 1 {
                let missing = widths[column] - DisplayWidth.of(cell)
                if missing > 0 { line += missing < Self.padding.count ? Self.padding[missing] : String(repeating: " ", count: missing) }
            }
        }
        out += line.trimmingTrailingSpaces
        out += "\n"
    }
}

/// Canonical order: layer, start offset, id.
public struct SortKey: Comparable {
    var layer: Layer
    var start: Int
    var id: Identifier

    public init(_ annotation: Annotation) {
        layer = annotation.layer
        start = annotation.start
        id = annotation.id
    }

    public static func < (a: SortKey, b: SortKey) -> Bool {
        if a.layer != b.layer { return a.layer < b.layer }
        if a.start != b.start { return a.start < b.start }
        return a.id < b.id
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
