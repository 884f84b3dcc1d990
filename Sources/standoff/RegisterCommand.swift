import ArgumentParser
import StandoffModel

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Manage the registers of persons, organisations and places that annotations link to.",
        subcommands: [RegisterAddCommand.self, RegisterListCommand.self]
    )
}

/// `person`, `org` or `place` on the command line.
enum EntryKindArgument: String, ExpressibleByArgument, CaseIterable {
    case person, org, place

    var kind: EntryKind {
        switch self {
        case .person: .person
        case .org: .organisation
        case .place: .place
        }
    }
}

struct RegisterAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a person, organisation or place to the file's register.",
        discussion: """
            Example:
              standoff register add person doc.tei.xml --id kim --name "Kim Jong Un" --alias Kim --wikidata Q56226
            """
    )

    @Argument(help: "person, org or place.")
    var kind: EntryKindArgument

    @Argument(help: "The TEI file (changed in place, atomically).", completion: .file())
    var file: String

    @Option(help: "The entry's id, used by --ref, --speaker, --holder and --target.")
    var id: Identifier

    @Option(help: "The canonical name.")
    var name: String

    @Option(help: "Another name the text uses (repeatable).")
    var alias: [String] = []

    @Option(help: "The Wikidata item id, such as Q22686.")
    var wikidata: String?

    func validate() throws {
        try OptionText.check(name, option: "--name")
        try OptionText.check(alias, option: "--alias")
        try OptionText.check(wikidata, option: "--wikidata")
    }

    func run() throws {
        try DocumentFile.edit(file) { document in
            try DocumentFile.model(file) { () throws(ModelError) in
                try document.add(RegisterEntry(id: id, kind: kind.kind, name: name, aliases: alias, wikidata: wikidata))
            }
        }
        print(id)
    }
}

struct RegisterListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the register entries.")

    @Argument(help: "The TEI file.", completion: .file())
    var file: String

    func run() throws {
        let document = try DocumentFile.load(file)
        for register in document.registers {
            for entry in register.entries {
                let aliases = entry.aliases.isEmpty ? "" : " (also: \(entry.aliases.joined(separator: ", ")))"
                print("\(entry.id)\t\(register.kind.rawValue)\t\(entry.name)\(aliases)\(entry.wikidata.map { "\t\($0)" } ?? "")")
            }
        }
    }
}

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Declare categories: extend a layer's taxonomy, or create one for a custom layer.",
        subcommands: [TaxonomyAddCommand.self]
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
