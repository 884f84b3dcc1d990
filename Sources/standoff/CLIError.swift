import Foundation
import StandoffFiles
import StandoffModel
import StandoffTEI
import StandoffValidation

/// A data error, printed as `standoff: error: …` with a hint and ending in exit code 1, or 2
/// for an input that cannot be read at all (README's exit codes).
struct CLIError: Error {
    var rendered: String
    var exitCode: Int32 = 1

    init(_ message: String, hint: String, file: String? = nil) {
        rendered = "standoff: error: \(file.map { "\($0): " } ?? "")\(message)\n  hint: \(hint)"
    }

    /// An error of the arguments (exit 2) when `usage`, of the data (exit 1) otherwise.
    init(_ message: String, hint: String, file: String? = nil, usage: Bool) {
        self.init(message, hint: hint, file: file)
        if usage { exitCode = 2 }
    }

    /// An input file that does not exist or cannot be read: exit code 2.
    static func unreadable(_ path: String) -> CLIError {
        var info = stat()
        let reason = stat(path, &info) != 0 ? String(cString: strerror(errno))
            : info.st_mode & S_IFMT == S_IFDIR ? "it is a directory"
            : info.st_mode & S_IFMT != S_IFREG ? "it is not a regular file" : "permission denied"
        var error = CLIError("cannot read \(path) (\(reason))", hint: "check the path and that the file is readable")
        error.exitCode = 2
        return error
    }

    init(_ error: ModelError, file: String? = nil) {
        self.init(error.description, hint: error.hint, file: file)
    }

    init(_ error: TEIReadError) {
        let shown = error.problems.prefix(20).map { problem in
            let finding = RuleCatalogue.diagnostic(for: problem)
            let place = problem.location.line > 0 ? problem.location.description : problem.location.file
            return "\(place): error: \(finding.message)\n  hint: \(finding.hint)"
        }
        let more = error.problems.count > 20 ? ["… and \(error.problems.count - 20) more problems"] : []
        rendered = (shown + more).joined(separator: "\n")
        if error.problems.contains(where: { if case .notWellFormed(_, .unreadable) = $0.fact { true } else { false } }) { exitCode = 2 }
    }

    init(_ error: FileWriteError) {
        rendered = "standoff: error: \(error.path.isEmpty ? "" : error.path + ": ")\(error.message)\n  hint: \(error.hint)"
    }
}
