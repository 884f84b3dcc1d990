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
    /// This rule's words for a fact the reader found, of a code it claims; `nil` for any other.
    func words(for fact: TEIProblem.Fact) -> FindingWords?
}

/// What a finding says: its message and a hint at what to do.
public struct FindingWords: Hashable, Sendable {
    public var message: String
    public var hint: String

    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}

extension ValidationRule {
    public var claimedProblemCodes: Set<TEIProblem.Code> { [] }
    public func words(for fact: TEIProblem.Fact) -> FindingWords? { nil }
}

extension ValidationRule {
    /// A finding of this rule for a problem the reader or a schema found, in this rule's words.
    public func diagnostic(for problem: TEIProblem) -> Diagnostic {
        let words = words(for: problem.fact) ?? FindingWords.shared(for: problem.fact)
        var found = diagnostic(words.message, hint: words.hint, at: problem.location)
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

extension FindingWords {
    /// The words of facts whose words come from elsewhere: what the model refused (its error
    /// says why), a schema's findings (libxml2's, made readable), and, should a rule leave a
    /// fact of its code unworded, the fact's code (a test checks that none is left).
    static func shared(for fact: TEIProblem.Fact) -> FindingWords {
        switch fact {
        case .refused(let error, let subject):
            return FindingWords("\(describe(subject)): \(error.description)", hint: error.hint)
        case .schemaMismatch(_, let message, let hint):
            return FindingWords(message, hint: hint)
        default:
            return FindingWords("\(fact.code)", hint: "run `standoff validate` on the file for details")
        }
    }

    private static func describe(_ subject: TEIProblem.Subject) -> String {
        switch subject {
        case .document: "document"
        case .taxonomy(let id): "taxonomy '\(id)'"
        case .category(let id): "category '\(id)'"
        case .annotator(let id): "annotator '\(id)'"
        case .registerEntry(let id): "register entry '\(id)'"
        case .annotation(let id): "annotation '\(id)'"
        }
    }

    /// How a finding names an element that needs an id.
    static func name(of element: TEIProblem.IdentifiedElement) -> String {
        switch element {
        case .annotation: "<annotation>"
        case .taxonomy: "<taxonomy>"
        case .category: "<category>"
        case .annotator: "<respStmt>"
        case .registerEntry: "register entry"
        }
    }

    /// How a finding names the annotation a pointer belongs to (or its cue).
    static func owner(of pointer: TEIProblem.Pointer) -> String {
        pointer.inCue ? "cue of annotation '\(pointer.annotation)'" : "annotation '\(pointer.annotation)'"
    }

    /// ` (the annotation in it is not read)` for the annotations of a list left unread.
    static func unreadSuffix(_ unread: Int) -> String {
        switch unread {
        case 0: ""
        case 1: " (the annotation in it is not read)"
        default: " (the \(unread) annotations in it are not read)"
        }
    }
}
