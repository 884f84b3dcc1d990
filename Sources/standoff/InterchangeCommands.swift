import ArgumentParser
import Foundation
import StandoffFiles
import StandoffInterchange
import StandoffModel
import StandoffTEI

/// The formats `export` and `import` know, as the interchange module registers them
/// (docs/FORMATS.md).
extension CoNLL.Scheme: ExpressibleByArgument {}

/// A format `export` writes, by its name.
struct ExportFormat: ExpressibleByArgument {
    let exporter: Exporter
    init?(argument: String) {
        guard let exporter = Interchange.exporter(named: argument) else { return nil }
        self.exporter = exporter
    }
    static var allValueStrings: [String] { Interchange.exporters.map(\.name) }
    var name: String { exporter.name }
}

/// A format `import` reads, by its name: CoNLL and FoLiA are written only.
struct ImportFormat: ExpressibleByArgument {
    let importer: Importer
    init?(argument: String) {
        guard let importer = Interchange.importer(named: argument) else { return nil }
        self.importer = importer
    }
    static var allValueStrings: [String] { Interchange.importers.map(\.name) }
    var name: String { importer.name }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a TEI file's annotations in another tool's format; what the format cannot hold is counted on standard error.",
        discussion: """
            Formats: brat (NAME.ann with NAME.txt beside it; -o NAME.ann; offsets as brat reads \
            the text, a span across a line break as its pieces), w3c (W3C Web Annotation JSON-LD: one \
            annotation a span, TextPositionSelector and TextQuoteSelector), conll (CoNLL-2003 columns, \
            --scheme bio|bioes, --layer entity), xmi (UIMA CAS XMI, offsets in UTF-16 code units, \
            TypeSystem.xml beside it; -o NAME.xmi), folia (FoLiA 2.5: words, entities, sentiments for \
            stances, observations for errors), tei-inline (TEI with inline persName, said, choice, seg; \
            crossing spans as fragments joined by @next/@prev), jsonl (one document a line: text and \
            spans in code points, for spaCy, Prodigy and doccano-style pipelines; every field of an \
            annotation kept). An -o file that exists is replaced only with --force, the TEI file read \
            never. docs/FORMATS.md has each format's mapping and what it loses.

            Examples:
              standoff export article.tei.xml --to brat -o brat/article.ann
              standoff export article.tei.xml --to jsonl -o article.jsonl
              standoff export article.tei.xml --to jsonl --fail-on-loss | jq .spans
            """
    )

    @Argument(help: "The TEI file.", completion: .file())
    var file: String

    @Option(help: "The format to write.")
    var to: ExportFormat

    @Option(name: .shortAndLong, help: "Where to write (atomically); standard output if left out or -.", completion: .file())
    var output: String?

    @Flag(help: "Exit 1, writing nothing, if the format cannot hold everything.")
    var failOnLoss = false

    @Flag(help: "Replace files that exist (never the TEI file read).")
    var force = false

    @Option(help: "conll: bio (IOB2, the default) or bioes.")
    var scheme: CoNLL.Scheme?

    @Option(help: "conll: the layer to tag, one a file (default: entity).", transform: Layer.argument)
    var layer: Layer?

    @Option(help: "text or json: how the losses are reported on standard error.")
    var report: LossFormat = .text

    enum LossFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if let companion = to.exporter.companion, output?.hasSuffix(companion.outputSuffix) != true { throw ValidationError(companion.explanation) }
        for (given, option) in [(scheme != nil, Exporter.Option.scheme), (layer != nil, .layer)] where given && !to.exporter.options.contains(option) {
            throw ValidationError("\(option.rawValue) is for conll: \(to.name) writes every layer as it is")
        }
    }

    func run() throws {
        // `-o -` is standard output, as `import -` reads standard input (not a file named `-`).
        let output = self.output == "-" ? nil : self.output
        let exporter = to.exporter
        // The files to be written, checked before anything is read: never the TEI file itself,
        // and a file that exists only with --force.
        let companionPath = output.flatMap { output in exporter.companion.map { $0.path(output) } }
        if let output {
            for path in [output] + (companionPath.map { [$0] } ?? []) { try DocumentFile.checkNewFile(path, reading: [(file, "the TEI file")], force: force) }
        }
        if let streaming = exporter.streaming, try runStreamed(streaming, output: output) { return }
        let document = try DocumentFile.load(file)
        // The XML formats throw when libxml2's writer fails: nothing is written then.
        let made: Export
        do throws(XMLWriteError) {
            made = try exporter.export(document, options: ExportOptions(layer: layer ?? .entity, scheme: scheme ?? .bio))
        } catch {
            throw CLIError("could not write the \(exporter.name) of \(file): \(error); nothing was written",
                           hint: "libxml2 refuses a call only when memory runs out or for a name XML cannot hold; report it with the file")
        }
        LossReport.print(made.losses, format: exporter.name, as: report)
        if failOnLoss && !made.losses.isEmpty {
            throw CLIError("\(exporter.name) cannot hold everything in \(file); nothing was written", hint: "leave out --fail-on-loss to write it anyway")
        }
        if let output {
            do throws(FileWriteError) {
                if let companionPath, let companion = made.companion { try AtomicFile.replace(companionPath, with: companion, replacing: force) }
                try AtomicFile.replace(output, with: made.content, replacing: force)
            } catch { throw CLIError(error) }
        } else {
            print(String(decoding: made.content, as: UTF8.self), terminator: "")
        }
    }
}

extension ExportCommand {
    /// A format written from the annotations as the reader streams them (CoNLL, JSON Lines, W3C, brat): the
    /// document is never built, and the file is written in pieces (atomically, as every write).
    /// False when the format needs the annotations in another order than the file's: nothing
    /// was written then, and the caller exports the loaded document.
    func runStreamed(_ streaming: @escaping @Sendable (Document, ExportOptions) -> any StreamingExport, output: String?) throws -> Bool {
        let refusal = CLIError("\(to.name) cannot hold everything in \(file); nothing was written", hint: "leave out --fail-on-loss to write it anyway")
        guard let output else {
            // Standard output: held until the losses are known, so that --fail-on-loss prints nothing.
            var text: [UInt8] = []
            guard let (losses, _) = try stream(streaming, write: { text += $0 }) else { return false }
            LossReport.print(losses, format: to.name, as: report)
            if failOnLoss && !losses.isEmpty { throw refusal }
            print(String(decoding: text, as: UTF8.self), terminator: "")
            return true
        }
        struct OutOfOrder: Error {}
        let companionPath = to.exporter.companion.map { $0.path(output) }
        do {
            try AtomicFile.write(output, replacing: force) { file in
                guard let (losses, companion) = try stream(streaming, write: { try file.write($0) }) else { throw OutOfOrder() }
                LossReport.print(losses, format: to.name, as: report)
                if failOnLoss && !losses.isEmpty { throw refusal }
                // The file beside it (brat's text) first: the main file is put in place last.
                if let companionPath, let companion { try AtomicFile.replace(companionPath, with: companion, replacing: force) }
            }
        } catch is OutOfOrder {
            return false
        } catch let error as FileWriteError {
            throw CLIError(error)
        }
        return true
    }

    /// Streams the file into the export (once for each of its passes), which writes through
    /// `write`; its losses and the file beside it, or nil when it could not take the annotations
    /// in the file's order.
    private func stream(_ streaming: @escaping @Sendable (Document, ExportOptions) -> any StreamingExport,
                        write: @escaping ([UInt8]) throws -> Void) throws -> (Losses, [UInt8]?)? {
        let options = ExportOptions(layer: layer ?? .entity, scheme: scheme ?? .bio)
        var export: (any StreamingExport)?
        var failure: (any Error)?
        var inOrder = true
        var pass = 1
        var read: StreamedAnnotations
        repeat {
            read = try StreamedAnnotations.read(file, begin: { declarations in
                if export == nil { export = streaming(declarations, options) }
                export?.begin(pass: pass)
            }, keep: { _ in true }) { annotation, _ in
                guard inOrder, failure == nil, let export else { return }
                do { inOrder = try export.add(annotation, write: write) } catch { failure = error }
            }
            if let changed = failure as? StreamingExportError {
                throw CLIError("\(file): \(changed); nothing was written", hint: "run the export again once the edit is done")
            }
            if let failure { throw failure }
            guard inOrder else { return nil }
            pass += 1
        } while pass <= (export?.passes ?? 1)
        guard let export else { throw CLIError("\(file) has no text to export", hint: "`standoff validate \(file)` explains") }
        do {
            return (try export.finish(revisions: read.revisions, preserved: read.preserved, write: write), export.companion())
        } catch let failure as StreamingExportError {
            throw CLIError("\(file): \(failure); nothing was written", hint: "run the export again once the edit is done")
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make TEI files from another tool's annotations, checking every offset against the text.",
        discussion: """
            Formats: brat (NAME.ann, its text from NAME.txt or --text; attributes become features, \
            relations links, events annotations of the layer event, normalisations register entries, \
            a reference into any database such as brat_eco:ECO:0001802 kept as the feature \
            Reference:DB and exported back as it came), w3c (with --text; collections, \
            pages, lists, Hypothesis API answers), xmi (UIMA CAS XMI as INCEpTION, WebAnno and DKPro \
            Core write it: offsets in UTF-16 code units, DKPro's NamedEntity an entity, other types \
            custom layers), jsonl (Standoff's own, spaCy's, Prodigy's and doccano's lines), tei-inline \
            (TEI with inline markup, as editions and Standoff's own tei-inline export write it: \
            persName, placeName, orgName, rs with @ref to entities, said/quote/q with @who to \
            quotations, choice of sic and corr (orig and reg), subst of del and add to errors with \
            their corrections, seg with @type and @ana to stances and custom layers; every other \
            element read as its text, counted).

            Every offset is checked against the text. Offsets that fit it only as UTF-16 code units, \
            UTF-8 bytes, on the text with \\r\\n read as \\n (as brat reads it) or after a byte \
            order mark are converted and reported; a W3C annotation whose position does not hold its \
            quote is read in UTF-16 or UTF-8 units, else re-anchored by the quote when it occurs once near \
            the position or in the whole text (and reported); any other mismatch \
            stops the import, naming the line and span, and nothing is written. With several \
            documents, -o names a directory (one ID.tei.xml each).

            Example:
              standoff import article.jsonl --from jsonl -o article.tei.xml
            """
    )

    @Argument(help: "The file to import; - reads standard input (jsonl, w3c, and brat with --text).", completion: .file())
    var file: String

    @Option(help: "Its format.")
    var from: ImportFormat

    @Option(name: .shortAndLong, help: "The TEI file to write, or a directory for several documents.", completion: .file())
    var output: String

    @Flag(help: "Replace files that exist.")
    var force = false

    @Option(help: "brat and w3c: the text the annotations were made on (brat's default: the .ann's name with .txt).", completion: .file())
    var text: String?

    @Flag(help: "Go on past what Standoff cannot hold (brat lines of no kind brat has, XMI structures without a span or with an empty one), counting what is left out.")
    var lossy = false

    @Option(help: "text or json: how what was left out or repaired is reported on standard error.")
    var report: ExportCommand.LossFormat = .text

    @Flag(help: "Write nothing if anything of the file is not read (counted on standard error), as for export.")
    var failOnLoss = false

    @Option(help: "xmi: the view (sofa) to import, for a CAS with several (default: the initial view); the others' annotations are counted as left out.")
    var view: String?

    @Option(help: "The document's id (default: made from the file's name, and made unique if the document's own paragraphs or taxonomies take it).")
    var id: String?

    func validate() throws {
        if let id {
            try OptionText.check(id, option: "--id")
            guard (try? Identifier(id)) != nil else { throw ValidationError("--id '\(id)' is not an id: start with a letter or _, then letters, digits, -, _ or .") }
        }
        let importer = from.importer
        if importer.text == .given && text == nil { throw ValidationError("a \(from.name) annotation file points at its text: give it with --text TEXT_FILE") }
        if importer.text == .inTheFile && text != nil { throw ValidationError("--text is for brat and w3c: a \(from.name) file holds its own text") }
        if view != nil && !importer.options.contains(.view) { throw ValidationError("--view is for xmi: the view (sofa) of a CAS to import") }
        if lossy && !importer.options.contains(.lossy) { throw ValidationError("--lossy is for brat and xmi: \(from.name) imports stop at nothing they can go past") }
        if file == "-" && importer.readsPath { throw ValidationError("\(from.name) is read from its file: give its path, not - (standard input)") }
        if file == "-" && importer.text == .besideOrGiven && text == nil { throw ValidationError("reading \(from.name) from standard input, give its text with --text TEXT_FILE") }
    }

    /// The document's id: --id, or one made from `path`'s name, made unique if need be (and said).
    func documentID(madeFrom path: String) -> String {
        if let id { return id }
        let made = TextFileDecoder.identifier(from: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        guard let identifier = try? Identifier(made) else { return made }
        return DocumentName.free(identifier, madeFrom: path).rawValue
    }

    func run() throws {
        let importer = from.importer
        // `-` is standard input, for the formats read from their bytes.
        let data: Data
        if importer.readsPath {
            guard FileManager.default.isReadableFile(atPath: file) else { throw CLIError.unreadable(file) }
            data = Data()
        } else if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: file) else { throw CLIError.unreadable(file) }
            data = read
        }
        // Where the text is apart (brat, W3C), the document is named after the text file.
        var textPath: String?
        var textString: String?
        if importer.text != .inTheFile {
            let path = text ?? (file.hasSuffix(".ann") ? String(file.dropLast(4)) : file) + ".txt"
            guard let textData = FileManager.default.contents(atPath: path) else { throw CLIError.unreadable(path) }
            textString = try TextFileDecoder.decode(Array(textData), file: path)
            textPath = path
        }
        let namedAfter = textPath ?? (file.hasSuffix(".tei.xml") ? String(file.dropLast(4)) : file)
        let request = ImportRequest(path: file == "-" ? "(standard input)" : file, data: data, text: textString,
                                    id: documentID(madeFrom: namedAfter), lossy: lossy, view: view)
        let documents: [Document]
        let losses: Losses
        do throws(ImportError) {
            (documents, losses) = try importer.read(request)
        } catch {
            throw CLIError(error.message, hint: error.hint, file: error.line > 0 ? "\(error.file):\(error.line)" : error.file)
        }
        guard !documents.isEmpty else { throw CLIError("\(file) holds no document", hint: "each line is one document (docs/FORMATS.md)") }
        if id != nil && documents.count > 1 {
            throw CLIError("--id names one document, and \(file) holds \(documents.count)", hint: "leave --id out: each line's document keeps its own id")
        }
        var isDirectory: ObjCBool = false
        let intoDirectory = documents.count > 1 || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
        if intoDirectory && !(FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw CLIError("\(file) holds \(documents.count) documents; -o \(output) is not a directory", hint: "create the directory, or give one")
        }
        let targets = documents.map { intoDirectory ? (output as NSString).appendingPathComponent("\($0.id).tei.xml") : output }
        let read = [(file, "the file imported")] + (textPath.map { [($0, "the text file")] } ?? [])
        for target in targets { try DocumentFile.checkNewFile(target, reading: read, force: force) }
        LossReport.print(losses, format: from.name, as: report)
        if failOnLoss && !losses.isEmpty {
            throw CLIError("\(file) holds what Standoff does not read (listed above); nothing was written", hint: "leave out --fail-on-loss to import what it can")
        }
        for (document, target) in zip(documents, targets) {
            try DocumentFile.create(document, at: target, force: force)
            print("imported \(target): \(document.annotations.count) annotation\(document.annotations.count == 1 ? "" : "s")")
        }
    }
}

/// Losses and repairs on standard error, for people or (`--report json`) for scripts.
enum LossReport {
    static func print(_ losses: Losses, format: String, as style: ExportCommand.LossFormat) {
        switch style {
        case .text:
            if let summary = losses.summary(format: format) { Terminal.printError("standoff: " + summary) }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Terminal.printError(String(decoding: (try? encoder.encode(losses)) ?? Data("{}".utf8), as: UTF8.self))
        }
    }
}
