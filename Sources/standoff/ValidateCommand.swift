import ArgumentParser
import Foundation
import StandoffTEI
import StandoffValidation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check annotation files: well-formedness, schema, and semantic rules.",
        discussion: """
            Each file is read with libxml2 (well-formedness, with file, line and column), checked \
            against Standoff's RELAX NG schema for its TEI encoding, and then against the semantic \
            rules listed by --list-rules and documented in docs/VALIDATION.md. Directories are \
            searched for *.xml; files are checked in parallel on all cores.

            Diagnostics read `file:line:col: severity: message [CODE]`, followed by a hint (and, on a \
            terminal, the source line with a caret).

            Examples:
              standoff validate Annotations/
              standoff validate corpus/ --strict --format sarif > standoff.sarif
              standoff validate doc.tei.xml --tei-all ../shared/tei/tei_all.rng
              standoff validate doc.tei.xml --disable SO602 --format json

            Exit codes:
              0  every file is valid (warnings allowed unless --strict)
              1  errors were found, or warnings under --strict
              2  usage error, or a path that does not exist or cannot be read
            """
    )

    @Argument(help: "Files and directories to check (directories: every *.xml below them).", completion: .file())
    var paths: [String] = []

    @Option(help: "text, json (every diagnostic and a summary) or sarif (SARIF 2.1.0 for code-review tools).")
    var format: ReportFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Run only this rule, by code or name (repeatable). With xml-syntax alone the files are only parsed: a fast first pass.")
    var rule: [String] = []

    @Option(help: "Leave out this rule, by code or name (repeatable).")
    var disable: [String] = []

    @Option(help: "Also validate against this full TEI schema, such as tei_all.rng (compiling it takes about 10 s).", completion: .file())
    var teiAll: String?

    @Flag(name: .shortAndLong, help: "Errors only: no warnings or notes (in every format), and no summary line in text.")
    var quiet = false

    @Flag(help: "List the rules and exit.")
    var listRules = false

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    func validate() throws {
        if !listRules && paths.isEmpty { throw ValidationError("give at least one file or directory to validate") }
        for key in rule + disable where RuleCatalogue.rule(named: key) == nil {
            throw ValidationError("unknown rule '\(key)'; `standoff validate --list-rules` lists them")
        }
    }

    func run() throws {
        if listRules {
            for rule in RuleCatalogue.all {
                print("\(rule.code)  \(rule.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.summary)")
            }
            return
        }
        let inputs = InputFiles.expand(paths)
        var teiAllSchema: TEISchema?
        if let teiAll {
            do throws(TEISchemaError) { teiAllSchema = try TEISchema(path: teiAll) } catch {
                Terminal.printError("standoff: \(error.description)")
                throw ExitCode(2)
            }
        }
        let validator = Validator(options: ValidationOptions(
            strict: strict, only: Set(rule), disabled: Set(disable), teiAll: teiAllSchema))
        let showProgress = isatty(STDERR_FILENO) != 0 && inputs.files.count > 20 && format == .text
        // An input that cannot be read is reported like a file with an error, in every format.
        let reports = validator.validate(files: inputs.files) { done, total in
            if showProgress && (done % 10 == 0 || done == total) {
                FileHandle.standardError.write(Data("\rvalidated \(done)/\(total) files".utf8) + (done == total ? Data("\r\u{1B}[K".utf8) : Data()))
            }
        } + inputs.unreadable.map(\.report)
        let shown = quiet ? reports.map { FileReport(file: $0.file, diagnostics: $0.diagnostics.filter { $0.severity == .error }) } : reports
        let summary = ValidationSummary(shown, skipped: inputs.skipped)
        switch format {
        case .json: print(DiagnosticReport.json(shown, summary: summary))
        case .sarif: print(DiagnosticReport.sarif(shown, rules: RuleCatalogue.all))
        case .text:
            let text = DiagnosticReport.text(shown, showSource: Terminal.colourEnabled, minimum: .info)
            if !text.isEmpty { print(text) }
            if !quiet { print(summary.line) }
        }
        if !inputs.unreadable.isEmpty { throw ExitCode(2) }
        if summary.errors > 0 { throw ExitCode(1) }
    }
}
