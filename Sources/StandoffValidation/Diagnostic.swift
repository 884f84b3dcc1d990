import StandoffTEI

/// How much a finding matters. Errors make a file invalid; warnings do under `--strict`.
public enum DiagnosticSeverity: String, Codable, Comparable, Sendable, CaseIterable {
    case info, warning, error

    private var rank: Int { DiagnosticSeverity.allCases.firstIndex(of: self)! }
    public static func < (lhs: DiagnosticSeverity, rhs: DiagnosticSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding of one rule: where, how bad, what is wrong, and what to do.
public struct Diagnostic: Codable, Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: DiagnosticSeverity
    /// The rule's stable code, such as `SO101`.
    public var code: String
    /// The rule's name, such as `missing-paragraph`.
    public var rule: String
    public var message: String
    public var hint: String
    /// How much the message says about its fault (a schema's echo of a fault at a descendant
    /// says least); the report keeps the most specific message for a place. Not written out.
    public var specificity: TEIProblem.Specificity = .precise

    private enum CodingKeys: String, CodingKey { case file, line, column, severity, code, rule, message, hint }

    public init(file: String, line: Int, column: Int, severity: DiagnosticSeverity, code: String, rule: String, message: String, hint: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.rule = rule
        self.message = message
        self.hint = hint
    }

    /// `file:line:col: severity: message [CODE]`, the form compilers print and editors link.
    public var headline: String { "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(code)]" }
}

extension Diagnostic: Comparable {
    /// By file, then position, then code, then message (so that a report's order never depends
    /// on anything but its findings).
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.code, a.message) < (b.file, b.line, b.column, b.code, b.message)
    }
}
