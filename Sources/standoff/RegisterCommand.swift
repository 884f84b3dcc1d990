import ArgumentParser
import StandoffFormats
import StandoffModel

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Manage the registers of persons, organisations and places that annotations link to.",
        subcommands: [RegisterAddCommand.self, RegisterListCommand.self, RegisterRemoveCommand.self]
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
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the register entries: id, kind, name, aliases, Wikidata id, and how many annotations link to each.")

    @Argument(help: "The TEI file.", completion: .file())
    var file: String

    @Option(help: "table (tab-separated lines) or json.")
    var format: OutputFormat = .table

    /// One entry as `register list --format json` prints it.
    struct Record: Encodable {
        var id: String
        var kind: String
        var name: String
        var aliases: [String]
        var wikidata: String?
        var links: Int
    }

    func run() throws {
        let document = try DocumentFile.load(file)
        var linked: [Identifier: Int] = [:]
        for annotation in document.annotations {
            for link in annotation.links { if case .id(let target) = link.target { linked[target, default: 0] += 1 } }
        }
        let records = document.registers.flatMap { register in
            register.entries.map { entry in
                Record(id: entry.id.rawValue, kind: register.kind.rawValue, name: entry.name, aliases: entry.aliases,
                       wikidata: entry.wikidata, links: linked[entry.id] ?? 0)
            }
        }
        switch format {
        case .json:
            print(JSONAnnotation.json(records))
        case .table:
            for record in records {
                let aliases = record.aliases.isEmpty ? "" : " (also: \(record.aliases.joined(separator: ", ")))"
                print("\(record.id)\t\(record.kind)\t\(record.name)\(aliases)\(record.wikidata.map { "\t\($0)" } ?? "")")
            }
        }
    }
}

struct RegisterRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a register entry that no annotation links to.",
        discussion: "An entry that annotations link to (with --ref, --speaker, --holder or --target) is kept; change or remove those annotations first."
    )

    @Argument(help: "The TEI file (changed in place, atomically).", completion: .file())
    var file: String

    @Argument(help: "The id of the entry to remove.")
    var id: Identifier

    func run() throws {
        let removed = try DocumentFile.edit(file) { document in
            try DocumentFile.model(file) { () throws(ModelError) in try document.removeEntry(id) }
        }
        print("removed \(removed.id)")
    }
}
