import Dispatch
import Foundation
import StandoffModel
import StandoffTEI

/// Which rules run and how strictly.
public struct ValidationOptions: Sendable {
    /// Warnings count as errors.
    public var strict = false
    /// Only these rules (codes or names); empty means all.
    public var only: Set<String> = []
    /// Rules to leave out (codes or names).
    public var disabled: Set<String> = []
    /// A full TEI schema to check against as well (`--tei-all`).
    public var teiAll: TEISchema?

    public init(strict: Bool = false, only: Set<String> = [], disabled: Set<String> = [], teiAll: TEISchema? = nil) {
        self.strict = strict
        self.only = only
        self.disabled = disabled
        self.teiAll = teiAll
    }
}

/// The outcome for one file.
public struct FileReport: Sendable {
    public var file: String
    public var diagnostics: [Diagnostic]

    public init(file: String, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }

    public func count(_ severity: DiagnosticSeverity) -> Int { diagnostics.filter { $0.severity == severity }.count }
    public var isValid: Bool { count(.error) == 0 }
}

/// Checks files: well-formedness and structure (the streaming reader), Standoff's schema, and
/// the semantic rules of ``RuleCatalogue``. Files are checked in parallel; within a file, the
/// file is parsed once and the schema checks the reader's events on a thread of its own.
public struct Validator: Sendable {
    public let options: ValidationOptions
    public let rules: [any ValidationRule]

    public init(options: ValidationOptions = ValidationOptions()) {
        self.options = options
        let key = { (rule: any ValidationRule) -> Set<String> in [rule.code.lowercased(), rule.name.lowercased()] }
        let only = Set(options.only.map { $0.lowercased() })
        let disabled = Set(options.disabled.map { $0.lowercased() })
        rules = RuleCatalogue.all.filter { rule in
            (only.isEmpty || !key(rule).isDisjoint(with: only)) && key(rule).isDisjoint(with: disabled)
        }
    }

    /// Validates one file.
    public func validate(file: String) -> FileReport {
        let wantsSchema = rules.contains { $0 is SchemaRule }
        // Well-formedness alone (`--rule xml-syntax`) needs no document: the file is only parsed.
        let wantsDocument = rules.contains { !($0 is XMLSyntaxRule) }
        let wantsTEIAll = options.teiAll != nil && rules.contains { $0 is TEIAllRule }
        // The full TEI schema takes seconds: it runs beside the reading when it is asked for.
        let teiAllResult = TEIAllResult()
        let group = DispatchGroup()
        if wantsTEIAll, let teiAll = options.teiAll {
            DispatchQueue.global().async(group: group) { teiAllResult.set(teiAll.validate(path: file, code: .teiAll)) }
        }
        var read: TEIReadResult
        var schemaProblems: [TEIProblem] = []
        if !wantsDocument {
            read = TEIReader.checkWellFormedness(path: file)
        } else if !wantsSchema {
            read = TEIReader.read(path: file)
        } else {
            // A large file is parsed once: the schema checks the reader's events on a thread of its own.
            do throws(TEISchemaError) {
                (read, schemaProblems) = TEIReader.read(path: file, checkingAgainst: try TEISchema.standoffStreaming())
            } catch {
                read = TEIReader.read(path: file)
                schemaProblems = [Self.schemaLoadProblem(error, file: file)]
            }
        }
        group.wait()
        // The streaming schema refuses foreign elements among the children of <standOff> and
        // <listAnnotation>; where the file has foreign markup, the full schema decides. Where
        // both find a fault on a line, the streaming schema's message is kept beside the full
        // one (it is often the clearer: "Did not expect element listPerson there"), and the
        // one-message-per-line choice below picks between them.
        if wantsSchema, !schemaProblems.isEmpty, read.hasForeignMarkup {
            let full = Self.checkSchema(file, with: TEISchema.standoff)
            let faultLines = Set(full.map(\.location.line))
            schemaProblems = full + schemaProblems.filter { faultLines.contains($0.location.line) }
        }
        // A file that is not well-formed gets one diagnosis, not the schema's echo of it.
        let malformed = read.problems.contains { $0.code == .xmlSyntax }
        let context = ValidationContext(
            file: file, read: consume read,
            schemaProblems: malformed ? [] : schemaProblems,
            teiAllProblems: malformed ? [] : teiAllResult.problems)
        // Rules are independent: run them side by side, and keep their order in the report.
        // Side by side only for a large document: for a small one, threads cost more than they save.
        var diagnostics: [Diagnostic]
        if (context.document?.annotations.count ?? 0) < Self.parallelRulesThreshold {
            diagnostics = rules.flatMap { $0.check(context) }
        } else {
            let findings = ReportSlots<[Diagnostic]>(count: rules.count)
            let rules = self.rules
            DispatchQueue.concurrentPerform(iterations: rules.count) { index in findings.set(index, rules[index].check(context)) }
            diagnostics = findings.all.flatMap { $0 }
        }
        BackgroundRelease.release(consume context)
        // Where a specific rule explains a line, the schema's generic message there is noise.
        let isSchema = { (d: Diagnostic) in d.code == "SO002" || d.code == "SO003" }
        let explained = Set(diagnostics.filter { !isSchema($0) && $0.severity == .error }.map(\.line))
        diagnostics.removeAll { isSchema($0) && explained.contains($0.line) }
        // libxml2 follows an invalid element with generic messages about its ancestors ("Element
        // standOff has extra content", "failed to validate attributes", or its own "Internal
        // error: no state") at or before its line; when a more precise error lies at or after
        // such a line, the message is an echo.
        let isEcho = { (d: Diagnostic) in d.specificity == .echo }
        let lastPreciseLine = diagnostics.filter { $0.severity == .error && !(isSchema($0) && isEcho($0)) }.map(\.line).max()
        diagnostics.removeAll { d in isSchema(d) && isEcho(d) && lastPreciseLine.map { $0 >= d.line } == true }
        // One schema message per line: libxml2 adds follow-on messages for the same element
        // ("Expecting an element revisionDesc, got nothing" beside "Invalid attribute
        // motivation"); keep the one that names the fault.
        var schemaLines: Set<Int> = []
        diagnostics = diagnostics.sorted { a, b in
            (a.line, a.specificity) < (b.line, b.specificity) || ((a.line, a.specificity) == (b.line, b.specificity) && a < b)
        }.filter { d in !isSchema(d) || schemaLines.insert(d.line * 2 + (d.code == "SO002" ? 0 : 1)).inserted }
        if options.strict {
            for index in diagnostics.indices where diagnostics[index].severity == .warning { diagnostics[index].severity = .error }
        }
        return FileReport(file: file, diagnostics: Array(Set(diagnostics)).sorted())
    }

    /// Documents with at least this many annotations have their rules run side by side.
    static let parallelRulesThreshold = 20_000

    private static func checkSchema(_ file: String, with schema: () throws(TEISchemaError) -> TEISchema) -> [TEIProblem] {
        do throws(TEISchemaError) { return try schema().validate(path: file) } catch { return [schemaLoadProblem(error, file: file)] }
    }

    private static func schemaLoadProblem(_ error: TEISchemaError, file: String) -> TEIProblem {
        TEIProblem(.schemaMismatch(code: .schema, message: error.message, hint: error.hint), at: SourceLocation(file: file, line: 0, column: 0))
    }

    /// Validates many files on all cores; `progress` is called after each file. Small files are
    /// checked side by side, one thread each; large ones one after another, each with the
    /// reader's helper threads: the threads at work never outnumber the cores by more than the
    /// few one large file uses.
    public func validate(files: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [FileReport] {
        let reports = ReportSlots<FileReport>(count: files.count)
        let large = files.indices.filter { TEIReader.readsWithHelpers(files[$0]) }
        let small = Array(Set(files.indices).subtracting(large)).sorted()
        DispatchQueue.concurrentPerform(iterations: small.count) { slot in
            reports.set(small[slot], validate(file: files[small[slot]]))
            progress?(reports.completed, files.count)
        }
        for index in large {
            reports.set(index, validate(file: files[index]))
            progress?(reports.completed, files.count)
        }
        return reports.all
    }
}

/// The full TEI schema's findings, set by the thread that checked them.
private final class TEIAllResult: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [TEIProblem] = []

    func set(_ value: [TEIProblem]) { lock.withLock { found = value } }
    var problems: [TEIProblem] { lock.withLock { found } }
}

/// Results filled in from several threads, each into its own slot.
private final class ReportSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ report: Value) {
        lock.withLock {
            slots[index] = report
            done += 1
        }
    }

    var completed: Int { lock.withLock { done } }
    var all: [Value] { lock.withLock { slots.map { $0! } } }
}
