import ArgumentParser
import Foundation

/// The `standoff` command: stand-off annotation of plain text, stored as TEI XML.
@main
struct Standoff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standoff",
        abstract: "Annotate text without touching it: entities, quotations, stances and errors, stored as TEI stand-off XML.",
        discussion: """
            The text stays as it is; annotations point into it by Unicode code-point offsets \
            (half-open, as TEI string-range(), Python and brat count them).

            Start with `standoff init TEXT -o FILE.tei.xml`, then `standoff add` spans, \
            `standoff list` and `standoff show` them, `standoff validate` the file. `standoff stats` \
            counts a corpus, `standoff agree` compares annotators, `standoff export` and `standoff import` \
            move annotations to and from brat, W3C Web Annotation, UIMA XMI, FoLiA, CoNLL, JSON Lines \
            and inline TEI, `standoff report` writes an HTML page to look at them (or to compare \
            annotators, or a corpus). The format is described in docs/FORMAT.md.

            Exit codes:
              0  success
              1  a data error: the file, the text or the annotation is not as needed (the message says why and what to do)
              2  a usage error (unknown option, missing argument, options that do not go together, a malformed value), \
            or an input that does not exist or cannot be read
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, AddCommand.self, RemoveCommand.self, ListCommand.self, ShowCommand.self, ValidateCommand.self,
            RegisterCommand.self, TaxonomyCommand.self, StatsCommand.self, AgreeCommand.self, ExportCommand.self, ImportCommand.self, ReportCommand.self,
            MergeCommand.self, ReviewCommand.self,
        ]
    )

    /// Runs the command line, mapping errors to exit codes 1 (data) and 2 (usage). Whatever the
    /// outcome, what was printed is flushed first and a failed write to standard output (a full
    /// disk, a closed pipe) ends the command with exit 1 and a message, as `printf` does: a
    /// redirected report is never cut short in silence.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            exit(0)
        } catch let error as CLIError {
            Terminal.printError(error.rendered)
            exit(error.exitCode)
        } catch let exit as ExitCode {
            self.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                exit(0)
            }
            Terminal.printError(fullMessage(for: error))
            exit(2)
        }
    }

    /// Exits with `code` once standard output is written out, or with 1 if it could not be.
    static func exit(_ code: Int32) -> Never {
        if let failure = Terminal.flushStandardOutput() {
            Terminal.printError("standoff: error: cannot write to standard output: \(failure)\n"
                                + "  hint: what was printed is incomplete; check the disk or the pipe it goes to and run the command again")
            Foundation.exit(code == 0 ? 1 : code)
        }
        Foundation.exit(code)
    }
}
