import Foundation

/// A titled table of a report (`stats`, `agree`), with lines of figures under it; rendered as
/// aligned columns, Markdown or long-form CSV.
public struct ReportSection: Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    /// Lines of figures under the table ("errors per 1,000 tokens: 2.5").
    public var notes: [String] = []

    public init(title: String, columns: [String], rows: [[String]], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }


    /// Aligned columns for a terminal.
    public static func table(_ sections: [ReportSection]) -> String {
        sections.map { section in
            let widths = section.columns.indices.map { column in
                ([section.columns[column].uppercased()] + section.rows.map { $0[column] }).map { DisplayWidth.of($0) }.max() ?? 0
            }
            func line(_ cells: [String]) -> String {
                var text = cells.enumerated().map { DisplayWidth.pad($1, to: widths[$0]) }.joined(separator: "  ")
                while text.last == " " { text.removeLast() }
                return text
            }
            let body = section.rows.isEmpty ? ["(none)"] : section.rows.map(line)
            return (["\(section.title.uppercased())", line(section.columns.map { $0.uppercased() })] + body + section.notes).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// GitHub-flavoured Markdown: a heading and a table a section.
    public static func markdown(_ sections: [ReportSection]) -> String {
        func escape(_ cell: String) -> String { cell.replacingOccurrences(of: "|", with: "\\|") }
        return sections.map { section in
            var lines = ["## \(section.title.prefix(1).uppercased() + section.title.dropFirst())", ""]
            lines.append("| " + section.columns.map(escape).joined(separator: " | ") + " |")
            lines.append("|" + section.columns.map { _ in "---|" }.joined())
            for row in section.rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
            if !section.notes.isEmpty { lines += [""] + section.notes.map { "- " + $0 } }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// One CSV table, long form: `section,row,column,value`, a figure a line (RFC 4180 quoting).
    public static func csv(_ sections: [ReportSection]) -> String {
        func quote(_ field: String) -> String {
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        var lines = ["section,row,column,value"]
        for section in sections {
            for (index, row) in section.rows.enumerated() {
                for (column, value) in zip(section.columns, row) {
                    lines.append([section.title, String(index + 1), column, value].map(quote).joined(separator: ","))
                }
            }
            for note in section.notes {
                let parts = note.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                lines.append([section.title, "", parts[0], parts.count > 1 ? parts[1] : ""].map(quote).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
