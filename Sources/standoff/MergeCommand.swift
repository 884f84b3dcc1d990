import ArgumentParser
import Foundation
import StandoffCuration
import StandoffModel
import StandoffTEI

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge several annotators' work on one text into a gold file; what the strategy cannot decide stays as proposals for `standoff review`.",
        discussion: """
            Give the annotators' work as one file each (all of the same text), one directory each \
            (documents paired by their text; one gold file per text, written into the -o directory), \
            or one file with --annotators naming the annotators (by resp) to merge.

            Two annotations are the same reading when they have the same layer, ranges, category, \
            correction and links (--match relaxed: overlapping ranges, taking the boundaries most of \
            them gave). Readings compete when they mark the same span differently (another category, \
            speaker, holder, target, entry or correction) or when overlapping spans of one category \
            have other boundaries. In each conflict the strategy takes one reading (with everyone who \
            made it in @resp, method merged, certainty from the share that made it) and drops the \
            readings it beat; where it cannot choose, every reading stays, marked \
            <change status="proposed" n="c3">, for `standoff review`. `standoff validate` warns while \
            proposals remain (SO604; --strict fails).

            Strategies:
              unanimous        taken when every annotator made it; everything else is proposed
              majority         taken when more than half made it; dropped where more than half made
                               nothing; ties and split votes proposed (the default)
              at-least:N       taken when N or more made it; everything else is proposed
              prefer:NAME      NAME's reading taken wherever NAME made one; elsewhere as majority

            Register entries and categories are merged by id; one id declared differently (another \
            name, Wikidata id or description) is reported with both values, and the first input's \
            value is kept. docs/CURATION.md explains it all, with a worked example.

            Examples:
              standoff merge alice.tei.xml bob.tei.xml carol.tei.xml -o gold.tei.xml
              standoff merge alice/ bob/ carol/ -o gold/ --strategy unanimous
              standoff merge doc.tei.xml --annotators ann1,ann2 -o gold.tei.xml --format json
            """
    )

    @Argument(help: "Files (one per annotator) or directories (one per annotator).", completion: .file())
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The gold file to write (a directory when the inputs are directories); - writes it to standard output and the summary to standard error.", completion: .file())
    var output: String

    @Option(help: "unanimous, majority, at-least:N or prefer:ANNOTATOR.")
    var strategy: String = "majority"

    @Option(help: "exact (same ranges) or relaxed (overlapping ranges of one category are one reading).")
    var match: MatchMode = .exact

    @Option(help: "With one file: the annotators to merge, comma-separated (ids of their respStmt).")
    var annotators: String?

    @Option(help: "table (a summary for people) or json.")
    var format: OutputFormat = .table

    @Flag(help: "Replace gold files that exist.")
    var force = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the annotators' files or directories") }
        if annotators == nil && paths.count < 2 { throw ValidationError("give two or more files or directories, or one file with --annotators a,b") }
        if annotators != nil && paths.count != 1 { throw ValidationError("--annotators goes with one file") }
    }

    func run() throws {
        let strategy = try curation { () throws(CurationProblem) in try MergeStrategy(parsing: self.strategy) }
        for path in paths where !FileManager.default.fileExists(atPath: path) { throw CLIError.unreadable(path) }
        let time = try Clock.now()
        let directories = paths.filter(Self.isDirectory)
        let summary: MergeSummary
        if !directories.isEmpty {
            guard output != "-" else { throw CLIError("-o - writes one gold file; directories give one per text", hint: "give -o a directory", usage: true) }
            guard directories.count == paths.count, annotators == nil else {
                throw CLIError("\(directories[0]) is a directory and \(paths.first { !Self.isDirectory($0) }!) is not",
                               hint: "give one file per annotator, or one directory per annotator, not both", usage: true)
            }
            summary = try mergeCorpus(strategy: strategy, time: time)
        } else {
            let inputs = try curation { () throws(CurationProblem) in
                if let annotators {
                    let names = annotators.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    guard names.count >= 2 else { throw CurationProblem("--annotators names two or more annotators", hint: "e.g. --annotators ann1,ann2", isUsage: true) }
                    return try MergeInputs.oneFile(paths[0], annotators: names)
                }
                return try MergeInputs.files(paths)
            }
            if output != "-" { try DocumentFile.checkNewFile(output, reading: paths.map { ($0, "an input") }, force: force) }
            let merged = try curation { () throws(CurationProblem) in try Merger.merge(inputs, strategy: strategy, match: match, time: time) }
            if output == "-" {
                let bytes: [UInt8]
                do throws(TEIWriteError) { bytes = try TEIWriter.serialize(merged.document) } catch { throw CLIError(error) }
                print(String(decoding: bytes, as: UTF8.self), terminator: "")
                Terminal.printError(format == .json ? try Self.json(merged.summary) : merged.summary.text)
                return
            }
            try DocumentFile.create(merged.document, at: output, force: force)
            var written = merged.summary
            written.written = [output]
            summary = written
        }
        switch format {
        case .json: print(try Self.json(summary))
        case .table: print(summary.text + "\n  wrote: \(summary.written.count == 1 ? summary.written[0] : "\(summary.written.count) gold files in \(output)")")
        }
    }

    /// One gold file per text the directories share, read and merged one text at a time.
    private func mergeCorpus(strategy: MergeStrategy, time: Date) throws -> MergeSummary {
        let plan = try curation { () throws(CurationProblem) in try MergeInputs.plan(directories: paths) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CLIError("\(output) is not a directory", hint: "with directories as inputs, -o names the directory for the gold files") }
        } else {
            do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
                throw CLIError("\(output) cannot be made: \(error.localizedDescription)", hint: "give a directory you can write to")
            }
        }
        guard !plan.texts.isEmpty else {
            throw CLIError("no text is annotated by two of the annotators: nothing to merge", hint: "merge pairs documents by their text; give directories holding files made from the same texts")
        }
        var total = MergeSummary(strategy: strategy, match: match, annotators: plan.annotators.map(\.id.rawValue))
        let names = plan.texts.map(\.outputName)
        for (number, text) in plan.texts.enumerated() {
            let name = names[..<number].contains(text.outputName) ? "\(number + 1)-\(text.outputName)" : text.outputName
            let target = (output as NSString).appendingPathComponent(name)
            try DocumentFile.checkNewFile(target, reading: text.files.map { ($0.path, "an input") }, force: force)
            let merged = try curation { () throws(CurationProblem) in
                var inputs: [MergeInput] = []
                for file in text.files { inputs.append(MergeInput(annotator: plan.annotators[file.annotator], file: file.path, document: try MergeInputs.load(file.path))) }
                return try Merger.merge(inputs, strategy: strategy, match: match, time: time)
            }
            try DocumentFile.create(merged.document, at: target, force: force)
            var summary = merged.summary
            summary.written = [target]
            total.add(summary)
            if Terminal.standardErrorIsTerminal && (number + 1) % 25 == 0 { Terminal.printError("standoff: merged \(number + 1) of \(plan.texts.count) texts…") }
        }
        for file in plan.unpaired { Terminal.printError("standoff: note: \(file) has no other annotator's version: not merged") }
        return total
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func json(_ summary: MergeSummary) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(summary), as: UTF8.self)
    }
}

/// Runs a curation call, turning its problem into the command's error (exit 2 for usage).
func curation<T>(_ body: () throws(CurationProblem) -> T) throws(CLIError) -> T {
    do throws(CurationProblem) { return try body() } catch {
        if let read = error.readError { throw CLIError(read) }
        throw CLIError(error.message, hint: error.hint, file: error.file, usage: error.isUsage)
    }
}

extension MatchMode: ExpressibleByArgument {}
