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

            Every token of every paired document counts, also where nobody marked the layer, so a \
            pair's figures do not depend on who else is compared; a figure that cannot be computed \
            says why. The same output, byte for byte, for the same inputs and --seed. An annotator \
            compared with itself (a file given twice, --annotators a,a) and a --layer no annotation \
            is in are usage errors; two files of one text in one annotator's directory are named.

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

    @Option(parsing: .unconditional, help: "The seed of the bootstrap's draws, a whole number from 0 to 18446744073709551615: the same seed gives the same intervals.")
    var seed: Seed = Seed(value: 1)

    /// A seed read so that `-1` is named as a wrong seed, not as a missing value.
    struct Seed: ExpressibleByArgument {
        var value: UInt64
        init(value: UInt64) { self.value = value }
        init?(argument: String) {
            guard let value = UInt64(argument) else { return nil }
            self.value = value
        }
        var defaultValueDescription: String { String(value) }
    }

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
            } else if let directory = paths.first(where: { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }) {
                let file = paths.first { !(FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue) }!
                var error = CLIError("\(directory) is a directory and \(file) is not", hint: "give one file per annotator, or one directory per annotator, not both")
                error.exitCode = 2
                throw error
            } else {
                inputs = try AgreementInputs.files(paths)
            }
            try inputs.checkLayers(layer)
        } catch let problem as AgreementInputs.Problem {
            if let read = problem.readError { throw CLIError(read.error) }
            var error = CLIError(problem.message, hint: problem.hint)
            if problem.isUsage { error.exitCode = 2 }
            throw error
        }
        let report = AgreementReport(inputs, layers: layer.isEmpty ? nil : Set(layer), categories: category.isEmpty ? nil : Set(category),
                                     resamples: bootstrap, seed: seed.value, byDocument: by == .document)
        switch format {
        case .json: print(report.json())
        case .table: print(ReportSection.table(report.sections))
        case .markdown: print(ReportSection.markdown(report.sections), terminator: "")
        case .csv: print(ReportSection.csv(report.sections), terminator: "")
        }
    }
}
