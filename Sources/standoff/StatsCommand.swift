import ArgumentParser
import Foundation
import StandoffStatistics
import StandoffTEI
import StandoffValidation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count documents, tokens and annotations: per layer, category, annotator and register entry.",
        discussion: """
            Files and directories (every *.xml below them) are read as they stream, on all cores; \
            memory does not grow with the number of files. Tokens are defined in docs/STATISTICS.md.

            A corpus too large for one machine is counted in shards and merged:
              standoff stats --partial shard1/ > 1.json     (on one machine)
              standoff stats --partial shard2/ > 2.json     (on another)
              standoff stats merge 1.json 2.json            (the same report as one run over both)

            Examples:
              standoff stats Annotations/
              standoff stats corpus/ --by document --format csv > documents.csv
              standoff stats corpus/ --format json | jq '.layers.entity.coverage'
            """,
        subcommands: [StatsCountCommand.self, StatsMergeCommand.self],
        defaultSubcommand: StatsCountCommand.self
    )
}

/// How a report is printed; shared by counting and merging.
struct ReportOptions: ParsableArguments {
    @Option(help: "table (aligned, for people), json (structured, for scripts), csv (one long table: section,row,column,value) or markdown.")
    var format: StatsFormat = .table

    @Option(help: "layer (the full report), document, category or annotator: which breakdown to print.")
    var by: BreakdownArgument = .layer

    enum StatsFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown }
    enum BreakdownArgument: String, ExpressibleByArgument, CaseIterable { case layer, document, category, annotator }

    func print(_ summary: CorpusSummary) {
        let breakdown = Breakdown(rawValue: by.rawValue)!
        switch format {
        case .json: Swift.print(StatisticsJSON(summary, by: breakdown).encoded())
        case .table: Swift.print(Report(summary, by: breakdown).table())
        case .markdown: Swift.print(Report(summary, by: breakdown).markdown(), terminator: "")
        case .csv: Swift.print(Report(summary, by: breakdown).csv(), terminator: "")
        }
    }
}

struct StatsCountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "count", abstract: "Count files and directories (the default).")

    @Argument(help: "Files and directories to count.", completion: .file())
    var paths: [String] = []

    @OptionGroup var report: ReportOptions

    @Flag(help: "Print a partial summary (JSON) for `standoff stats merge` instead of a report.")
    var partial = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or directory to count") }
    }

    func run() throws {
        let inputs = InputFiles.expand(paths)
        let showProgress = Terminal.standardErrorIsTerminal && inputs.files.count > 20
        let summary: CorpusSummary
        let unread: [Statistics.Unread]
        do throws(CountOverflow) {
            (summary, unread) = try Statistics.summarize(inputs.files) { done, total in
                if showProgress && (done % 10 == 0 || done == total) {
                    Terminal.progress("counted \(done)/\(total) files", finished: done == total)
                }
            }
        } catch {
            throw CLIError("the count of \(error.field) outgrows a 64-bit integer", hint: "count the corpus in shards (`stats --partial`) and merge fewer of them")
        }
        if partial { print(summary.partialJSON()) } else { report.print(summary) }
        for item in unread {
            Terminal.printError(CLIError(item.error).rendered)
        }
        for item in inputs.unreadable { Terminal.printError("standoff: error: \(item.path): cannot read: \(item.reason)") }
        if !unread.isEmpty {
            Terminal.printError("standoff: \(unread.count) file\(unread.count == 1 ? "" : "s") left out of the counts; `standoff validate` explains")
        }
        if !inputs.unreadable.isEmpty { throw ExitCode(2) }
        if !unread.isEmpty { throw ExitCode(1) }
    }
}

struct StatsMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine partial summaries (from `stats --partial`) into one report: what one run over all of them prints.")

    @Argument(help: "Partial summaries written by `standoff stats --partial`.", completion: .file())
    var partials: [String] = []

    @OptionGroup var report: ReportOptions

    @Flag(help: "Print the merged partial summary (to merge again later) instead of a report.")
    var partial = false

    func validate() throws {
        if partials.isEmpty { throw ValidationError("give the partial summaries to merge") }
    }

    func run() throws {
        var total = CorpusSummary()
        // Which partial counted each document (its file and text), so that none is counted twice.
        var countedIn: [String: String] = [:]
        for path in partials {
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.unreadable(path) }
            let summary: CorpusSummary
            do { summary = try CorpusSummary.partial(from: data, file: path) } catch let error as PartialError {
                throw CLIError(error.reason, hint: "give files written by `standoff stats --partial`", file: error.file)
            }
            for row in summary.perDocument {
                let key = row.file + "\u{0}" + row.sha256
                if let earlier = countedIn[key] {
                    throw CLIError(earlier == path ? "counts \(row.file) twice" : "counts \(row.file) again, already counted in \(earlier)",
                                   hint: "merge each shard's partial once, from shards that do not share files", file: path)
                }
                countedIn[key] = path
            }
            do throws(CountOverflow) { try total.merge(summary) } catch {
                throw CLIError("adding it makes the count of \(error.field) outgrow a 64-bit integer", hint: "merge fewer partials at once", file: path)
            }
        }
        if partial { print(total.partialJSON()) } else { report.print(total) }
    }
}
