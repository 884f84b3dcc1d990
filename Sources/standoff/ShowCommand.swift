import ArgumentParser
import StandoffFormats
import StandoffModel

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the text with its annotated spans marked.",
        discussion: """
            On a terminal each span is coloured by layer (entity cyan, quotation green, stance magenta, \
            error red underlined; bold where layers overlap). Elsewhere, or with --plain, each span is \
            bracketed and labelled: [Kim Jong Un]{ent4 PER → kim}. NO_COLOR turns colour off.
            """
    )

    @Argument(help: "The TEI file.", completion: .file())
    var file: String

    @Option(help: "Only this layer (repeatable).", completion: Layer.completion, transform: Layer.argument)
    var layer: [Layer] = []

    @Flag(help: "Brackets and labels even on a terminal.")
    var plain = false

    func run() throws {
        let wanted = Set(layer)
        var annotations: [Annotation] = []
        let read = try StreamedAnnotations.read(file, keep: { wanted.isEmpty || wanted.contains($0.layer) }) { annotation, _ in
            annotations.append(annotation)
        }
        let document = read.declarations!
        try DocumentFile.checkLayers(layer, known: read.layersSeen, in: document, file: file)
        let colour = Terminal.colourEnabled && !plain
        print(InlineMarkup(style: colour ? .ansi : .brackets).render(document, annotations: annotations))
        if colour {
            print("\n" + InlineMarkup.legend(for: Set(annotations.map(\.layer)).sorted()))
        }
    }
}
