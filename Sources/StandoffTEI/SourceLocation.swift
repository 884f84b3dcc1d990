/// A place in a file: path, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals link.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One thing wrong with a file: what, where, and what to do.
public struct TEIProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// A stable short name, such as `xml-syntax` or `missing-paragraph`.
    public var code: String
    public var severity: Severity
    public var message: String
    public var hint: String
    public var location: SourceLocation

    public init(code: String, severity: Severity = .error, message: String, hint: String, location: SourceLocation) {
        self.code = code
        self.severity = severity
        self.message = message
        self.hint = hint
        self.location = location
    }

    /// `file:line:col: error: message (hint)`.
    public var description: String { "\(location): \(severity.rawValue): \(message)\n  hint: \(hint)" }
}

/// Reading a TEI file failed; `problems` holds every error found, each with its location.
public struct TEIReadError: Error, Sendable, CustomStringConvertible {
    public var problems: [TEIProblem]

    public init(problems: [TEIProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Writing a file failed.
public struct TEIWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var hint: String

    public init(path: String, message: String, hint: String) {
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(path): error: \(message)\n  hint: \(hint)" }
}
