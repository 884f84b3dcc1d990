import StandoffModel
import StandoffTEI

/// One check, with a stable code, a severity and a one-line summary; documented in
/// docs/VALIDATION.md. Each rule is its own small type in `Rules/`.
public protocol ValidationRule: Sendable {
    /// A stable code such as `SO101`.
    var code: String { get }
    /// A readable name such as `missing-paragraph`.
    var name: String { get }
    var severity: DiagnosticSeverity { get }
    /// What the rule checks, in one sentence.
    var summary: String { get }
    func check(_ context: ValidationContext) -> [Diagnostic]
    /// The codes of the reader's and the schemas' problems this rule reports: every code is
    /// claimed by a rule (a test checks it), so no problem found is left out of a report.
    var claimedProblemCodes: Set<TEIProblem.Code> { get }
}

extension ValidationRule {
    public var claimedProblemCodes: Set<TEIProblem.Code> { [] }
}

extension ValidationRule {
    /// A finding of this rule for a problem the reader or a schema found, with its words.
    public func diagnostic(for problem: TEIProblem) -> Diagnostic {
        var found = diagnostic(problem.message, hint: problem.hint, at: problem.location)
        found.specificity = problem.specificity
        return found
    }

    /// A finding of this rule at `location`.
    public func diagnostic(_ message: String, hint: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(file: location.file, line: location.line, column: location.column, severity: severity,
                   code: code, rule: name, message: message, hint: hint)
    }
}

/// A rule whose findings are problems the TEI reader reports while reading (a pointer to a
/// missing paragraph, a duplicate id, …), turned into diagnostics with the rule's code.
public protocol ReaderProblemRule: ValidationRule {
    /// The reader's problem codes this rule reports.
    var readerCodes: Set<TEIProblem.Code> { get }
}

extension ReaderProblemRule {
    public var claimedProblemCodes: Set<TEIProblem.Code> { readerCodes }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.read.problems.filter { readerCodes.contains($0.code) }.map(diagnostic(for:))
    }
}

/// What the rules look at for one file.
public struct ValidationContext: Sendable {
    public let file: String
    /// The reader's result: the document (when it could be built), problems and locations.
    public let read: TEIReadResult
    /// Problems found by Standoff's schema.
    public let schemaProblems: [TEIProblem]
    /// Problems found by a full TEI schema (`--tei-all`), if one was given.
    public let teiAllProblems: [TEIProblem]

    public init(file: String, read: TEIReadResult, schemaProblems: [TEIProblem] = [], teiAllProblems: [TEIProblem] = []) {
        self.file = file
        self.read = read
        self.schemaProblems = schemaProblems
        self.teiAllProblems = teiAllProblems
    }

    public var document: Document? { read.document }

    /// Where the element with `id` starts, or the top of the file.
    public func location(of id: Identifier) -> SourceLocation {
        read.location(of: id) ?? SourceLocation(file: file, line: 1, column: 1)
    }
}
