import ArgumentParser
import Foundation
import StandoffFiles
import StandoffModel
import StandoffTEI

/// Loading and saving the annotation file a command works on.
enum DocumentFile {
    static func load(_ path: String) throws(CLIError) -> Document {
        do throws(TEIReadError) { return try TEIReader.load(path: path) } catch { throw CLIError(error) }
    }

    /// Refuses a file a command is about to write when it is one the command reads (by any
    /// name: a link, another path), whatever `force` says, or when it exists and `force` is not
    /// given. `what` names what is read ("the text file", "the TEI file").
    static func checkNewFile(_ output: String, reading inputs: [(path: String, what: String)], force: Bool) throws(CLIError) {
        var outputInfo = stat()
        var inputInfo = stat()
        for input in inputs where stat(output, &outputInfo) == 0 && stat(input.path, &inputInfo) == 0
            && outputInfo.st_ino == inputInfo.st_ino && outputInfo.st_dev == inputInfo.st_dev {
            throw CLIError("\(output) is \(input.what) itself; writing it would replace what is read", hint: "give the output another name")
        }
        if lstat(output, &outputInfo) == 0 && !force {
            throw CLIError("\(output) already exists", hint: "choose another name, or pass --force to replace it")
        }
    }

    /// Writes `document` to `path`; `replacing: false` refuses a file that exists by then.
    static func save(_ document: Document, to path: String, replacing: Bool = true) throws(CLIError) {
        do throws(TEIWriteError) { try TEIWriter.write(document, to: path, replacing: replacing) } catch { throw CLIError(error) }
    }

    /// Writes a new `document` to `path` (`init`, `import`): a file that exists by then is
    /// refused, or, with `force`, replaced under its ``EditLock``, so that an edit running on it
    /// finishes first and cannot write its older version over the new one afterwards.
    static func create(_ document: Document, at path: String, force: Bool) throws {
        guard force else { return try save(document, to: path, replacing: false) }
        let lock = try editLock(path)
        defer { lock?.release() }
        try save(document, to: path, replacing: true)
    }

    /// The file's ``EditLock``, waited for up to ``lockTimeout`` (said on a terminal); nil when
    /// the file does not exist.
    static func editLock(_ path: String) throws(CLIError) -> EditLock? {
        do throws(FileWriteError) {
            return try EditLock.acquire(path, timeout: lockTimeout) {
                if Terminal.standardErrorIsTerminal { Terminal.printError("standoff: waiting for another standoff command editing \(path)…") }
            }
        } catch { throw CLIError(error) }
    }

    /// Loads the file, lets `change` edit the document, and writes it back, holding the file's
    /// ``EditLock`` throughout: edits of one file by commands started at once are applied one
    /// after another, each to the file as the previous one left it. Nothing is written if
    /// `change` throws. A file that may not be written is refused before it is read.
    static func edit<T>(_ path: String, _ change: (inout Document) throws -> T) throws -> T {
        do throws(FileWriteError) { _ = try AtomicFile.writableTarget(path) } catch { throw CLIError(error) }
        let lock = try editLock(path)
        defer { lock?.release() }
        let before = try load(path)
        var document = before
        let result = try change(&document)
        // An edit that only added or only removed annotations is spliced into the file's bytes
        // (SplicedEdit); any other is written whole.
        if let original = FileBytes.read(path), let spliced = SplicedEdit.spliced(original, before: before, after: document) {
            do throws(FileWriteError) { try AtomicFile.replace(path, with: spliced, replacing: true) } catch { throw CLIError(error) }
        } else {
            try save(document, to: path)
        }
        return result
    }

    /// Seconds to wait for another edit of the same file: `STANDOFF_LOCK_TIMEOUT`, or 60.
    static var lockTimeout: Double {
        ProcessInfo.processInfo.environment["STANDOFF_LOCK_TIMEOUT"].flatMap(Double.init).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } ?? 60
    }

    /// Refuses a layer the document neither has nor could have: not a built-in layer, and not a
    /// custom layer with annotations or a taxonomy in the file (a misspelt name, most likely).
    static func checkLayers(_ layers: [Layer], known seen: Set<Layer>, in document: Document, file: String) throws(CLIError) {
        let known = Layer.builtIn.map(\.name) + seen.map(\.name) + document.taxonomies.map(\.id.rawValue).filter { $0 != Taxonomy.severityID.rawValue }
        for layer in layers where !known.contains(layer.name) {
            let suggestion = NameSuggestion.closest(to: layer.name, preferring: known, among: [])
            throw CLIError("the file has no layer '\(layer.name)'",
                           hint: (suggestion.map { "did you mean \($0)? " } ?? "") + "its layers: \(Array(Set(known)).sorted().joined(separator: ", "))", file: file)
        }
    }

    /// Runs `body` on a model call, turning a model error into a data error about `path`.
    static func model<T>(_ path: String, _ body: () throws(ModelError) -> T) throws(CLIError) -> T {
        do throws(ModelError) { return try body() } catch { throw CLIError(error, file: path) }
    }
}

/// `table` for people, `json` for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension Layer {
    /// A layer named on the command line: a built-in one or a custom name. Used as the
    /// arguments' `transform`, so that a bad name is told why (not "provide one of" the
    /// built-in names, since custom names are allowed).
    static func argument(_ text: String) throws -> Layer {
        do throws(ModelError) { return try Layer(text) } catch { throw ValidationError(error.description) }
    }

    static var completion: CompletionKind { .list(Layer.builtIn.map(\.name)) }
}

extension Identifier: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(argument) }
}

/// Document ids made from file names.
enum DocumentName {
    /// `wanted` (made from `path`'s name), or a free variant when a new document's own
    /// paragraphs or taxonomies take it (`p1.txt` gives `p1-doc`), said on standard error.
    static func free(_ wanted: Identifier, madeFrom path: String) -> Identifier {
        let (id, takenBy) = Document.freeDocumentID(wanted)
        if let takenBy {
            Terminal.printError("standoff: note: the document id is '\(id)': '\(wanted)', made from \(path), is the id of \(takenBy) (give another with --id)")
        }
        return id
    }
}
