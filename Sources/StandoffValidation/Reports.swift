import Foundation

/// Totals over all files.
public struct ValidationSummary: Codable, Equatable, Sendable {
    public var files: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var skipped: Int

    public init(_ reports: [FileReport], skipped: Int = 0) {
        files = reports.count
        errors = reports.reduce(0) { $0 + $1.count(.error) }
        warnings = reports.reduce(0) { $0 + $1.count(.warning) }
        infos = reports.reduce(0) { $0 + $1.count(.info) }
        self.skipped = skipped
    }

    /// `3 files: 1 error, 2 warnings`.
    public var line: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [plural(errors, "error"), plural(warnings, "warning")]
        if infos > 0 { parts.append(plural(infos, "note")) }
        let skippedText = skipped > 0 ? " (\(plural(skipped, "non-XML file")) skipped)" : ""
        return "\(plural(files, "file")) checked\(skippedText): " + parts.joined(separator: ", ")
    }
}

/// Renders diagnostics for people, scripts and code-review tools.
public enum DiagnosticReport {
    /// `file:line:col: severity: message [CODE]` lines with hints; with `sourceLines`, the
    /// offending line and a caret under the column (for terminals).
    public static func text(_ reports: [FileReport], showSource: Bool, minimum: DiagnosticSeverity = .info) -> String {
        var out: [String] = []
        for report in reports {
            let shown = report.diagnostics.filter { $0.severity >= minimum }
            guard !shown.isEmpty else { continue }
            let lines = showSource ? SourceLines(path: report.file, wanted: Set(shown.map(\.line))) : nil
            for diagnostic in shown {
                out.append(diagnostic.headline)
                if let source = lines?.line(diagnostic.line) {
                    let trimmed = String(source.prefix(200))
                    out.append("    " + trimmed)
                    let caretColumn = min(max(diagnostic.column - 1, 0), trimmed.count)
                    out.append("    " + String(repeating: " ", count: caretColumn) + "^")
                }
                out.append("  hint: \(diagnostic.hint)")
            }
        }
        return out.joined(separator: "\n")
    }

    public struct JSONDocument: Codable, Sendable {
        public var diagnostics: [Diagnostic]
        public var summary: ValidationSummary
    }

    /// One JSON document: every diagnostic as an object, and the summary.
    public static func json(_ reports: [FileReport], summary: ValidationSummary) -> String {
        encode(JSONDocument(diagnostics: reports.flatMap(\.diagnostics), summary: summary))
    }

    /// SARIF 2.1.0, for code-review tools.
    public static func sarif(_ reports: [FileReport], rules: [any ValidationRule]) -> String {
        let used = Set(reports.flatMap { $0.diagnostics.map(\.code) })
        let ruleList = rules.filter { used.contains($0.code) }
        let index = Dictionary(uniqueKeysWithValues: ruleList.enumerated().map { ($1.code, $0) })
        let results: [SARIF.Result] = reports.flatMap(\.diagnostics).map { diagnostic in
            SARIF.Result(
                ruleId: diagnostic.code, ruleIndex: index[diagnostic.code] ?? 0, level: SARIF.level(diagnostic.severity),
                message: .init(text: diagnostic.message + " (hint: " + diagnostic.hint + ")"),
                locations: [.init(physicalLocation: .init(
                    artifactLocation: .init(uri: diagnostic.file),
                    region: .init(startLine: max(diagnostic.line, 1), startColumn: max(diagnostic.column, 1))))])
        }
        let driver = SARIF.Driver(
            name: "standoff", informationUri: "https://tei-c.org/release/doc/tei-p5-doc/en/html/SA.html", version: "0.1.0",
            rules: ruleList.map { rule in
                SARIF.Rule(id: rule.code, name: rule.name, shortDescription: .init(text: rule.summary),
                           defaultConfiguration: .init(level: SARIF.level(rule.severity)))
            })
        return encode(SARIF.Log(runs: [.init(tool: .init(driver: driver), results: results)]))
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}

/// The SARIF 2.1.0 subset Standoff writes.
enum SARIF {
    static func level(_ severity: DiagnosticSeverity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var informationUri: String; var version: String; var rules: [Rule] }
    struct Rule: Encodable { var id: String; var name: String; var shortDescription: Text; var defaultConfiguration: Configuration }
    struct Configuration: Encodable { var level: String }
    struct Text: Encodable { var text: String }
    struct Result: Encodable { var ruleId: String; var ruleIndex: Int; var level: String; var message: Text; var locations: [Location] }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }
}

/// The lines of a file that diagnostics point at, read in one pass.
struct SourceLines {
    private var lines: [Int: String] = [:]

    init(path: String, wanted: Set<Int>) {
        guard let handle = FileHandle(forReadingAtPath: path), let last = wanted.max() else { return }
        defer { try? handle.close() }
        var number = 1
        var current: [UInt8] = []
        while number <= last, let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            for byte in chunk {
                if byte == 0x0A {
                    if wanted.contains(number) { lines[number] = String(decoding: current, as: UTF8.self) }
                    number += 1
                    current.removeAll(keepingCapacity: true)
                    if number > last { break }
                } else if wanted.contains(number) && current.count < 4096 {
                    current.append(byte)
                }
            }
        }
        if number <= last, wanted.contains(number) { lines[number] = String(decoding: current, as: UTF8.self) }
    }

    func line(_ number: Int) -> String? { lines[number] }
}
