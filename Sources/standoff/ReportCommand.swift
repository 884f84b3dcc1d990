import ArgumentParser
import Foundation
import StandoffFiles
import StandoffAgreement
import StandoffModel
import StandoffReport
import StandoffStatistics
import StandoffTEI
import StandoffValidation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML page of a document's annotations (or a comparison of annotators, or a corpus) that anyone opens from disk.",
        discussion: """
            One file, with CSS and script inside, no network access: the text with every span \
            highlighted (stacked underlines, one colour per category, a line style per layer, an \
            error struck through with its correction beside it), layer toggles, each annotation's \
            details on selection, the register with mention counts, quotations by speaker, the \
            stances, the errors, and the document's statistics with charts. With --compare, each \
            paragraph once per annotator with the spans that have no exact partner marked, and the \
            tables of `standoff agree`. With several files or a directory, -o names a directory: an \
            index page (the corpus statistics, a row per document) and a page per document. \
            Without scripts the page shows the same text, highlights and tables.

            Examples:
              standoff report article.tei.xml -o article.html
              standoff report alice.tei.xml --compare bob.tei.xml carol.tei.xml -o agreement.html
              standoff report corpus/ -o report/
            """
    )

    @Argument(help: "TEI files or directories.", completion: .file())
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The page to write (NAME.html), or a directory for a corpus.")
    var output: String

    @Option(parsing: .upToNextOption, help: "Other annotators' files of the same text, compared with the first.")
    var compare: [String] = []

    @Option(help: "With --compare: bootstrap resamples of paragraphs for the agreement tables' intervals; 0 turns them off.")
    var bootstrap = 1000

    @Option(help: "With --compare: the seed of the bootstrap's draws.")
    var seed: UInt64 = 1

    @Flag(help: "Replace pages that exist.")
    var force = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the TEI file (or files, or a directory) to report") }
        if !compare.isEmpty && paths.count != 1 { throw ValidationError("--compare goes with one file: standoff report A.tei.xml --compare B.tei.xml") }
        if bootstrap < 0 || bootstrap > 100_000 { throw ValidationError("--bootstrap takes 0 to 100000 resamples") }
    }

    /// A corpus when several inputs, a directory, or an output that is (or ends like) a directory.
    var isCorpus: Bool {
        var isDirectory: ObjCBool = false
        return compare.isEmpty && (paths.count > 1 || output.hasSuffix("/")
            || paths.contains { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }
            || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue))
    }

    func run() throws {
        for path in paths + compare where !FileManager.default.fileExists(atPath: path) { throw CLIError.unreadable(path) }
        if isCorpus { try corpus(); return }
        let inputs = (paths + compare).map { ($0, "an input") }
        try DocumentFile.checkNewFile(output, reading: inputs, force: force)
        let page: String
        if compare.isEmpty {
            let document = try load(paths[0])
            let summary = try self.summary(of: paths[0])
            page = try html { () throws(ReportError) in try HTMLReport.document(document, summary: summary) }
        } else {
            let files = paths + compare
            let documents = try files.map(load)
            let agreement: AgreementReport
            do {
                agreement = AgreementReport(try AgreementInputs.documents(Array(zip(files, documents))), resamples: bootstrap, seed: seed)
            } catch let problem as AgreementInputs.Problem {
                throw CLIError(problem.message, hint: problem.hint)
            }
            page = try html { () throws(ReportError) in try HTMLReport.comparison(Array(zip(AgreementInputs.annotatorNames(files), documents)), agreement: agreement) }
        }
        try write(page, to: output)
        print("wrote \(output)")
    }

    func corpus() throws {
        let inputs = InputFiles.expand(paths)
        for item in inputs.unreadable { Terminal.printError("standoff: error: \(item.path): cannot read: \(item.reason)") }
        guard !inputs.files.isEmpty else {
            throw CLIError("no *.xml files in \(paths.joined(separator: ", "))", hint: "give TEI files or directories that hold them")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && !isDirectory.boolValue {
            var error = CLIError("\(output) is a file: the report of several documents is a directory (an index and a page per document)",
                                 hint: "give -o a directory, e.g. -o report/")
            error.exitCode = 2
            throw error
        }
        do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
            throw CLIError("cannot create the directory \(output)", hint: "check the path and its permissions")
        }
        let showProgress = Terminal.standardErrorIsTerminal && inputs.files.count > 20
        var total = CorpusSummary()
        var rows: [HTMLReport.IndexRow] = []
        var unread: [(file: String, reason: String)] = []
        var pageNames = Set<String>(["index"])
        for (number, file) in inputs.files.enumerated() {
            if showProgress { Terminal.progress("reported \(number)/\(inputs.files.count) files", finished: false) }
            let document: Document
            let summary: CorpusSummary
            do {
                document = try TEIReader.load(path: file)
                summary = try self.summary(of: file)
            } catch {
                unread.append((file, "not a valid Standoff file; `standoff validate \(file)` explains"))
                continue
            }
            var name = document.id.rawValue
            var suffix = 2
            while !pageNames.insert(name).inserted { name = "\(document.id.rawValue)-\(suffix)"; suffix += 1 }
            let page = (output as NSString).appendingPathComponent(name + ".html")
            try DocumentFile.checkNewFile(page, reading: [(file, "an input")], force: force)
            try write(try html { () throws(ReportError) in try HTMLReport.document(document, summary: summary, back: "index.html") }, to: page)
            do throws(CountOverflow) { try total.merge(summary) } catch {
                throw CLIError("the count of \(error.field) outgrows a 64-bit integer", hint: "report the corpus in parts")
            }
            rows.append(HTMLReport.IndexRow(title: document.title.isEmpty ? document.id.rawValue : document.title, file: file, page: name + ".html",
                                            paragraphs: summary.paragraphs, tokens: summary.tokens, annotations: summary.perDocument.first?.annotations ?? [:]))
        }
        if showProgress { Terminal.progress("reported \(inputs.files.count)/\(inputs.files.count) files", finished: true) }
        let index = (output as NSString).appendingPathComponent("index.html")
        try DocumentFile.checkNewFile(index, reading: [], force: force)
        try write(try html { () throws(ReportError) in try HTMLReport.index(title: "Corpus: " + paths.joined(separator: ", "), rows: rows, summary: total, unread: unread) }, to: index)
        for item in unread { Terminal.printError("standoff: error: \(item.file): \(item.reason)") }
        print("wrote \(index) and \(rows.count) document page\(rows.count == 1 ? "" : "s")")
        if !inputs.unreadable.isEmpty { throw ExitCode(2) }
        if !unread.isEmpty { throw ExitCode(1) }
    }

    /// A page, or the report's error as the command's.
    func html(_ make: () throws(ReportError) -> String) throws -> String {
        do throws(ReportError) { return try make() } catch { throw CLIError(error.message, hint: error.hint) }
    }

    func load(_ path: String) throws -> Document {
        do throws(TEIReadError) { return try TEIReader.load(path: path) } catch { throw CLIError(error) }
    }

    func summary(of file: String) throws -> CorpusSummary {
        let (summary, unread) = Statistics.summarize(file: file)
        if let unread { throw CLIError(unread.error) }
        return summary
    }

    func write(_ page: String, to path: String) throws {
        do throws(FileWriteError) { try AtomicFile.replace(path, with: Array(page.utf8), replacing: force) } catch { throw CLIError(error) }
    }
}
