import ArgumentParser
import StandoffModel

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an annotation by id and record the removal in the file's revision history.",
        discussion: "An annotation that others link to (a stance target, say) is kept; remove those first."
    )

    @Argument(help: "The TEI file (changed in place, atomically).", completion: .file())
    var file: String

    @Argument(help: "The id of the annotation to remove.")
    var id: Identifier

    @OptionGroup(title: "Who removes it (recorded in the revision history)") var who: AnnotatorOptions

    func run() throws {
        let removed = try DocumentFile.edit(file) { document in
            let removed = try DocumentFile.model(file) { () throws(ModelError) in try document.removeAnnotation(id) }
            let category = removed.category.map { " \($0)" } ?? ""
            document.revisions.append(Revision(
                time: try Clock.now(), who: try who.declare(in: &document, file: file),
                description: "Removed annotation \(removed.id) (\(removed.layer)\(category) \"\(removed.coveredText)\")."))
            return removed
        }
        print("removed \(removed.id)")
    }
}
