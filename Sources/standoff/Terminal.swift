import Foundation
#if canImport(SwiftGlibc)
@preconcurrency import SwiftGlibc
#endif

/// Where output goes and whether it may be coloured.
enum Terminal {
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Rewrites one progress line on standard error; cleared when `finished`.
    static func progress(_ text: String, finished: Bool) {
        FileHandle.standardError.write(Data(("\r" + text + (finished ? "\r\u{1B}[K" : "")).utf8))
    }

    /// Writes out what is buffered for standard output; the reason when that, or an earlier
    /// write, failed (`nil` when all of it was written).
    static func flushStandardOutput() -> String? {
        // `stdout` is a C global (hence the @preconcurrency import), read on the main thread as the command ends.
        let output = stdout
        if fflush(output) != 0 { return String(cString: strerror(errno)) }
        if ferror(output) != 0 { return "a write failed" }
        return nil
    }

    /// Sends what was printed so far (a prompt without a line end) to the terminal.
    static func flush() {
        let output = stdout
        fflush(output)
    }

    /// True when standard error is a terminal: progress and waiting notes go there, never into a pipe.
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// True when standard output is a terminal and NO_COLOR is not set.
    static var colourEnabled: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// The time stamps written into files: now, or `SOURCE_DATE_EPOCH` for reproducible output.
enum Clock {
    static func now() throws(CLIError) -> Date {
        guard let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return Date() }
        guard let seconds = Int(epoch) else {
            throw CLIError("SOURCE_DATE_EPOCH is '\(epoch)', not a number of seconds", hint: "set it to a Unix time such as 1732406400, or unset it")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
