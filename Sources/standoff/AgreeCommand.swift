import ArgumentParser
import Foundation
import StandoffAgreement
import StandoffFormats

struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Inter-annotator agreement: spans (exact and relaxed F1), token labels (Cohen's and Fleiss' kappa, Krippendorff's alpha), links and attributes.",
        discussion: """
            Give the annotators' work as one file each (all of the same text), as one directory each \
            (documents paired by their text's SHA-256; those only some annotators have are listed, not \
            compared), or as one file with --annotators naming the annotators whose annotations (by \
            resp) are compared. Every figure, its formula and what it compares: docs/STATISTICS.md.

            Examples:
              standoff agree alice.tei.xml bob.tei.xml
              standoff agree corpus-alice/ corpus-bob/ corpus-carol/ --layer entity --format json
              standoff agree doc.tei.xml --annotators ann1,ann2 --bootstrap 0
            """
    )

    @Argument(help: "Files (one per annotator) or directories (one per annotator).", completion: .file())
    var paths: [String] = []

    @Option(help: "With one file: the annotators to compare, comma-separated (ids of their respStmt).")
    var annotators: String?

    @Option(help: "Only this layer (repeatable).")
    var layer: [String] = []

    @Option(help: "Only this category (repeatable).")
    var category: [String] = []

    @Option(help: "Bootstrap resamples of paragraphs for the 95% intervals; 0 turns them off.")
    var bootstrap = 1000

    @Option(help: "The seed of the bootstrap's draws: the same seed gives the same intervals.")
    var seed: UInt64 = 1

    @Option(help: "table, json, csv (section,row,column,value) or markdown.")
    var format: ReportOptions.StatsFormat = .table

    @Option(help: "corpus (figures pooled over every paired document) or document (each document's figures too).")
    var by: Scope = .corpus

    enum Scope: String, ExpressibleByArgument, CaseIterable { case corpus, document }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the annotators' files or directories") }
        if annotators == nil && paths.count < 2 { throw ValidationError("give two or more files or directories, or one file with --annotators a,b") }
        if annotators != nil && paths.count != 1 { throw ValidationError("--annotators goes with one file") }
        if bootstrap < 0 || bootstrap > 100_000 { throw ValidationError("--bootstrap takes 0 to 100000 resamples") }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        for path in paths where !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { throw CLIError.unreadable(path) }
        let inputs: AgreementInputs
        do {
            if let annotators {
                let names = annotators.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard names.count >= 2 else { throw ValidationError("--annotators names two or more annotators") }
                inputs = try AgreementInputs.oneFile(paths[0], annotators: names)
            } else if paths.allSatisfy({ FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }) {
                inputs = try AgreementInputs.directories(paths)
            } else {
                inputs = try AgreementInputs.files(paths)
            }
        } catch let problem as AgreementInputs.Problem {
            if let read = problem.readError { throw CLIError(read.error) }
            throw CLIError(problem.message, hint: problem.hint)
        }
        let report = AgreementReport(inputs, layers: layer.isEmpty ? nil : Set(layer), categories: category.isEmpty ? nil : Set(category),
                                     resamples: bootstrap, seed: seed, byDocument: by == .document)
        switch format {
        case .json: print(report.json())
        case .table: print(ReportSection.table(report.sections))
        case .markdown: print(ReportSection.markdown(report.sections), terminator: "")
        case .csv: print(ReportSection.csv(report.sections), terminator: "")
        }
    }
}
