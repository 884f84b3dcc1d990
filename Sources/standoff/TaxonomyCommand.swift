import ArgumentParser
import StandoffModel

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Declare categories: extend a layer's taxonomy, or create one for a custom layer.",
        subcommands: [TaxonomyAddCommand.self, TaxonomyRemoveCommand.self]
    )
}

struct TaxonomyAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Declare a category in a taxonomy, creating the taxonomy if it is new.",
        discussion: """
            A layer draws its categories from the taxonomy with the layer's name. Category ids are \
            unique in the whole file.

            Example:
              standoff taxonomy add doc.tei.xml topic sanctions --description "Economic sanctions as a policy"
            """
    )

    @Argument(help: "The TEI file (changed in place, atomically).", completion: .file())
    var file: String

    @Argument(help: "The taxonomy id (a layer name for a layer's categories).")
    var taxonomy: Identifier

    @Argument(help: "The new category's id.")
    var category: Identifier

    @Option(help: "What the category means.")
    var description: String = ""

    func validate() throws {
        try OptionText.check(description, option: "--description")
    }

    func run() throws {
        try DocumentFile.edit(file) { document in
            try DocumentFile.model(file) { () throws(ModelError) in
                if document.taxonomy(taxonomy) == nil { try document.add(Taxonomy(id: taxonomy)) }
                try document.add(Category(id: category, description: description), to: taxonomy)
            }
        }
        print(category)
    }
}

struct TaxonomyRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a category, or a whole taxonomy, that no annotation uses.",
        discussion: """
            A category that annotations use (as category, severity or stance target) is kept; change or \
            remove those annotations first. Removing a taxonomy's last category removes the taxonomy \
            (TEI has no empty taxonomy); a layer without its taxonomy takes no new annotations until \
            one is declared again with `standoff taxonomy add`.

            Example:
              standoff taxonomy remove doc.tei.xml sanctions
            """
    )

    @Argument(help: "The TEI file (changed in place, atomically).", completion: .file())
    var file: String

    @Argument(help: "The id of the category (or of the taxonomy) to remove.")
    var id: Identifier

    func run() throws {
        let removed = try DocumentFile.edit(file) { document in
            try DocumentFile.model(file) { () throws(ModelError) in try document.removeCategoryOrTaxonomy(id) }
        }
        print("removed \(removed.map(\.rawValue).joined(separator: ", "))")
    }
}
