import ArgumentParser
import StandoffFormats
import StandoffModel

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List annotations in canonical order (layer, start offset, id).",
        discussion: """
            The table shows id, layer, category, range (code points, half-open), text and links. \
            --format json prints an array of records for scripts (see docs/FORMAT.md).
            """
    )

    @Argument(help: "The TEI file.", completion: .file())
    var file: String

    @Option(help: "Only this layer (repeatable).")
    var layer: [Layer] = []

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    func run() throws {
        let document = try DocumentFile.load(file)
        let annotations = document.sortedAnnotations().filter { layer.isEmpty || layer.contains($0.layer) }
        switch format {
        case .json: print(AnnotationRecordJSON.encode(annotations))
        case .table: print(Table.render(annotations))
        }
    }
}

enum AnnotationRecordJSON {
    static func encode(_ annotations: [Annotation]) -> String {
        AnnotationRecord.json(annotations.map(AnnotationRecord.init))
    }
}

/// A plain-text table with columns sized to their content.
enum Table {
    static func render(_ annotations: [Annotation]) -> String {
        let header = ["ID", "LAYER", "CATEGORY", "RANGE", "TEXT", "DETAILS"]
        let rows = annotations.map { annotation -> [String] in
            var details: [String] = annotation.links.map { "\($0.role)=\($0.target)" }
            if let severity = annotation.severity { details.append("severity=\(severity.rawValue)") }
            if let correction = annotation.correction { details.append("correction=\"\(correction)\"") }
            if !annotation.cue.isEmpty { details.append("cue=\(annotation.cue.map(\.description).joined(separator: ","))") }
            return [
                annotation.id.rawValue, annotation.layer.name, annotation.category?.rawValue ?? "-",
                annotation.ranges.map(\.description).joined(separator: ","),
                truncate(annotation.coveredText.replacingOccurrences(of: "\n", with: "⏎"), to: 50),
                details.joined(separator: " "),
            ]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let lines = all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        return (lines + ["\(annotations.count) annotation\(annotations.count == 1 ? "" : "s")"]).joined(separator: "\n")
    }

    private static func truncate(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
