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

    @Option(help: "Only this layer (repeatable).", completion: Layer.completion, transform: Layer.argument)
    var layer: [Layer] = []

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    func run() throws {
        // Streamed: the rows are made as the reader hands the annotations over, and the
        // editable document is never built (docs/PERFORMANCE.md has the figures).
        let wanted = Set(layer)
        var table = AnnotationTable()
        var records: [(key: SortKey, record: JSONAnnotation)] = []
        let format = format
        let read = try StreamedAnnotations.read(file, keep: { wanted.isEmpty || wanted.contains($0.layer) }) { annotation, text in
            switch format {
            case .table: table.add(annotation, text: text)
            case .json: records.append((SortKey(annotation), JSONAnnotation(annotation, text: text)))
            }
        }
        try DocumentFile.checkLayers(layer, known: read.layersSeen, in: read.declarations!, file: file)
        switch format {
        case .table:
            print(table.render())
        case .json:
            if zip(records, records.dropFirst()).contains(where: { $1.key < $0.key }) { records.sort { $0.key < $1.key } }
            var writer = JSONAnnotation.ArrayWriter { print($0, terminator: "") }
            for item in records { writer.add(item.record) }
            writer.finish()
        }
    }
}

enum AnnotationRecordJSON {
    static func encode(_ annotations: [Annotation], in document: Document) -> String {
        JSONAnnotation.json(annotations.map { JSONAnnotation($0, in: document) })
    }
}
