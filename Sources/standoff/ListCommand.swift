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
        let document = try DocumentFile.load(file)
        try DocumentFile.checkLayers(layer, in: document, file: file)
        let annotations = document.sortedAnnotations().filter { layer.isEmpty || layer.contains($0.layer) }
        switch format {
        case .json: print(AnnotationRecordJSON.encode(annotations, in: document))
        case .table: print(AnnotationTable.render(annotations, in: document))
        }
    }
}

enum AnnotationRecordJSON {
    static func encode(_ annotations: [Annotation], in document: Document) -> String {
        JSONAnnotation.json(annotations.map { JSONAnnotation($0, in: document) })
    }
}
