import Foundation
import StandoffValidation
import Testing
import TestSupport

@Suite("Reports: text, JSON and SARIF")
struct ReportTests {
    let reports = Validator().validate(files: [
        Repository.fixture("missing-paragraph.tei.xml"), Repository.fixture("rules/SO602-split-word.tei.xml"),
    ])

    @Test func textHasCompilerStyleHeadlinesAndHints() {
        let text = DiagnosticReport.text(reports, showSource: true)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasSuffix("missing-paragraph.tei.xml:17:74: error: annotation 'ent1': '#string-range(p9,0,3)' points at paragraph 'p9', which does not exist [SO101]"))
        #expect(lines[1].contains(##"<annotation xml:id="ent1" target="#string-range(p9,0,3)""##))
        #expect(lines[2].hasSuffix("^") && lines[2].count == 4 + 73 + 1)
        #expect(lines[3].hasPrefix("  hint: "))
        #expect(DiagnosticReport.text(reports, showSource: false, minimum: .error).split(separator: "\n").count == 2)
        #expect(ValidationSummary(reports).line == "2 files checked: 1 error, 1 warning")
    }

    @Test func findingsAtOnePlaceSortTheSameWayEveryTime() {
        // libxml2 can report two faults at one position under one code: their order must not
        // depend on the process (a set's order does).
        func finding(_ message: String) -> Diagnostic {
            Diagnostic(file: "f.xml", line: 3, column: 9, severity: .error, code: "SO001", rule: "xml-syntax", message: message, hint: "")
        }
        let findings = [finding("b: attributes construct error"), finding("a: Couldn't find end of Start Tag"), finding("c")]
        #expect(findings.sorted().map(\.message) == ["a: Couldn't find end of Start Tag", "b: attributes construct error", "c"])
        #expect(findings.reversed().sorted() == findings.sorted())
        #expect(!(finding("x") < finding("x")))
    }

    @Test func jsonHasEveryDiagnosticAndTheSummary() throws {
        let json = DiagnosticReport.json(reports, summary: ValidationSummary(reports))
        let decoded = try JSONDecoder().decode(DiagnosticReport.JSONDocument.self, from: Data(json.utf8))
        #expect(decoded.diagnostics.map(\.code) == ["SO101", "SO602"])
        #expect(decoded.summary == ValidationSummary(reports))
        #expect(decoded.diagnostics[0].line == 17)
    }

    @Test func sarifIsVersion210WithRulesAndLocations() throws {
        let sarif = DiagnosticReport.sarif(reports, rules: RuleCatalogue.all)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [[String: Any]])?.map { $0["id"] as? String } == ["SO101", "SO602"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "warning"])
        let region = ((results[0]["locations"] as? [[String: Any]])?[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
        #expect(region == ["startLine": 17, "startColumn": 74])
    }
}
