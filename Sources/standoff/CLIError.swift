import StandoffModel
import StandoffTEI
import StandoffValidation

/// A data error, printed as `standoff: error: …` with a hint and ending in exit code 1.
struct CLIError: Error {
    var rendered: String

    init(_ message: String, hint: String, file: String? = nil) {
        rendered = "standoff: error: \(file.map { "\($0): " } ?? "")\(message)\n  hint: \(hint)"
    }

    init(_ error: ModelError, file: String? = nil) {
        self.init(error.description, hint: error.hint, file: file)
    }

    init(_ error: TEIReadError) {
        let shown = error.problems.prefix(20).map { problem in
            let finding = RuleCatalogue.diagnostic(for: problem)
            return "\(problem.location): error: \(finding.message)\n  hint: \(finding.hint)"
        }
        let more = error.problems.count > 20 ? ["… and \(error.problems.count - 20) more problems"] : []
        rendered = (shown + more).joined(separator: "\n")
    }

    init(_ error: TEIWriteError) {
        rendered = "standoff: error: \(error.description)"
    }
}
