import Foundation
import StandoffModel
import StandoffTEI
import StandoffValidation
import Testing
import TestSupport

/// Each rule fires on its own fixture, with its code, at the marked line, and nothing else fires
/// there; the clean fixture and the shipped corpus fire nothing.
@Suite("Validation rules on their fixtures")
struct RuleFixtureTests {
    /// A fixture, and the line the finding must be on: the line holding `<!-- expect CODE -->`, or
    /// the first line containing `needle`.
    struct Case: CustomTestStringConvertible, Sendable {
        var code: String
        var fixture: String
        var needle: String?
        var testDescription: String { "\(code) on \(fixture)" }
    }

    static let cases: [Case] = [
        Case(code: "SO001", fixture: "truncated.xml", needle: "<fileDesc><titleStmt><title>Trunc"),
        Case(code: "SO002", fixture: "rules/SO002-schema.tei.xml"),
        Case(code: "SO004", fixture: "not-tei.xml", needle: "<html>"),
        Case(code: "SO004", fixture: "rules/SO004-link-without-role.tei.xml"),
        Case(code: "SO005", fixture: "rules/SO005-unknown-tei-name.tei.xml"),
        Case(code: "SO006", fixture: "rules/SO006-unread-stand-off.tei.xml"),
        Case(code: "SO101", fixture: "missing-paragraph.tei.xml", needle: "string-range(p9"),
        Case(code: "SO102", fixture: "offset-past-end.tei.xml", needle: "string-range(p1,8,10)"),
        Case(code: "SO103", fixture: "malformed-range.tei.xml", needle: "#range(p1"),
        Case(code: "SO104", fixture: "rules/SO104-empty-range.tei.xml"),
        Case(code: "SO201", fixture: "duplicate-id.tei.xml", needle: "string-range(p1,8,5)"),
        Case(code: "SO202", fixture: "dangling-reference.tei.xml", needle: "#nobody\""),
        Case(code: "SO203", fixture: "rules/SO203-invalid-id.tei.xml"),
        Case(code: "SO301", fixture: "undeclared-category.tei.xml", needle: "ana=\"#spelling\""),
        Case(code: "SO302", fixture: "rules/SO302-wrong-link-kind.tei.xml"),
        Case(code: "SO303", fixture: "rules/SO303-invalid-value.tei.xml"),
        Case(code: "SO401", fixture: "rules/SO401-source-drift.tei.xml", needle: "type=\"sha256\""),
        Case(code: "SO402", fixture: "rules/SO402-snapshot-mismatch.tei.xml"),
        Case(code: "SO501", fixture: "rules/SO501-quotation-without-speaker.tei.xml"),
        Case(code: "SO502", fixture: "rules/SO502-incomplete-stance.tei.xml"),
        Case(code: "SO503", fixture: "rules/SO503-incomplete-error.tei.xml"),
        Case(code: "SO504", fixture: "rules/SO504-missing-category.tei.xml"),
        Case(code: "SO601", fixture: "rules/SO601-duplicate-annotation.tei.xml"),
        Case(code: "SO602", fixture: "rules/SO602-split-word.tei.xml"),
        Case(code: "SO603", fixture: "rules/SO603-conflicting-categories.tei.xml"),
        Case(code: "SO604", fixture: "rules/SO604-open-proposal.tei.xml"),
        Case(code: "SO701", fixture: "rules/SO701-unused-entry.tei.xml"),
    ]

    static func expectedLine(_ testCase: Case) -> Int {
        let text = String(decoding: Repository.read(Repository.fixture(testCase.fixture)), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let marker = testCase.needle ?? "<!-- expect \(testCase.code) -->"
        // Skip the first lines' "Exercises" comment, which may quote the needle.
        return (lines.indices.first { $0 >= 2 && lines[$0].contains(marker) } ?? -1) + 1
    }

    @Test(arguments: cases)
    func ruleFiresOnItsFixtureAndNothingElseDoes(_ testCase: Case) throws {
        let path = Repository.fixture(testCase.fixture)
        let report = Validator().validate(file: path)
        let codes = Set(report.diagnostics.map(\.code))
        #expect(codes == [testCase.code], "\(report.diagnostics.map(\.headline))")
        let findings = report.diagnostics.filter { $0.code == testCase.code }
        #expect(findings.count == 1, "\(findings.map(\.headline))")
        let finding = try #require(findings.first)
        #expect(finding.file == path)
        #expect(finding.line == Self.expectedLine(testCase), "\(finding.headline)")
        #expect(finding.column >= 1)
        #expect(!finding.message.isEmpty && !finding.hint.isEmpty)
        let rule = try #require(RuleCatalogue.rule(named: testCase.code))
        #expect(finding.rule == rule.name)
        #expect(finding.severity == rule.severity)
    }

    @Test func aLinkWithoutRoleInALargerFileIsOneClearError() throws {
        // A misspelt @type: libxml2 answers with "Internal error: no state" at two ancestors
        // and a generic message at the <ptr>; the reader's message says what is wrong, alone.
        let shipped = String(decoding: Repository.read(Repository.shippedAnnotations), as: UTF8.self)
        let first = try #require(shipped.range(of: ##"<ptr type="ref" target="#trump"/>"##))
        let broken = shipped.replacingCharacters(in: first, with: ##"<ptr typo="ref" target="#trump"/>"##)
        let directory = TemporaryDirectory()
        let path = directory.file("link-without-role.tei.xml")
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let report = Validator().validate(file: path)
        #expect(report.diagnostics.map(\.code) == ["SO004"], "\(report.diagnostics.map(\.headline))")
        #expect(report.diagnostics.first?.message == "<ptr target=\"#trump\"> in annotation 'ent1' has no @type, which names the link's role")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(##"<ptr typo="ref""##) }! + 1
        #expect(report.diagnostics.first?.line == line)
    }

    /// libxml2 says "Element note failed to validate content" of a note without @type, and
    /// "Expecting element teiHeader, got respStmt" of a <respStmt> in an annotation; the reader
    /// says what is wrong in Standoff's terms, alone, at the element's line.
    @Test(arguments: [
        (##"<note type="quote">Donald Trump</note><note>checked</note>"##, "<note>checked", "<note> in annotation 'ent1' has no @type, which says what the note holds"),
        (##"<respStmt><resp>checked</resp><name>Ann</name></respStmt><note type="quote">Donald Trump</note>"##, "<respStmt>",
         "<respStmt> inside annotation 'ent1' is not read: Standoff names an annotation's annotator with resp=\"#ID\", pointing at a <respStmt xml:id=\"ID\"> in the header"),
    ])
    func annotationContentTheSchemaRefusesIsNamedInStandoffsTerms(replacement: String, needle: String, message: String) throws {
        let shipped = String(decoding: Repository.read(Repository.shippedAnnotations), as: UTF8.self)
        let first = try #require(shipped.range(of: ##"<note type="quote">Donald Trump</note>"##))
        let broken = shipped.replacingCharacters(in: first, with: replacement)
        let directory = TemporaryDirectory()
        let path = directory.file("broken.tei.xml")
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let report = Validator().validate(file: path)
        #expect(report.diagnostics.map(\.code) == ["SO004"], "\(report.diagnostics.map(\.headline))")
        #expect(report.diagnostics.first?.message == message)
        #expect(report.diagnostics.first?.line == broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1)
    }

    @Test func everyRuleHasAFixture() {
        let covered = Set(Self.cases.map(\.code)).union(["SO003"])  // SO003 needs tei_all: TEIAllRuleTests
        #expect(Set(RuleCatalogue.all.map(\.code)) == covered)
    }

    @Test func everyProblemCodeTheReaderCanReportIsClaimedByOneRule() {
        // An unclaimed code would vanish from `validate`'s output.
        let claims = RuleCatalogue.all.flatMap { rule in rule.claimedProblemCodes.map { ($0, rule.code) } }
        #expect(Set(claims.map(\.0)) == Set(TEIProblem.Code.allCases), "unclaimed: \(Set(TEIProblem.Code.allCases).subtracting(claims.map(\.0)))")
        let twice = Dictionary(grouping: claims, by: \.0).filter { $0.value.count > 1 }
        #expect(twice.isEmpty, "claimed by more than one rule: \(twice)")
    }

    @Test func theCleanFixtureAndTheShippedCorpusAreClean() {
        for path in [Repository.fixture("rules/clean.tei.xml"), Repository.fixture("minimal.tei.xml"),
                     Repository.shippedAnnotations] {
            let report = Validator().validate(file: path)
            #expect(report.diagnostics.isEmpty, "\(path): \(report.diagnostics.map(\.headline))")
        }
    }
}

@Suite("Full TEI schema (--tei-all)", .enabled(if: Repository.teiAllSchema != nil, "tei_all.rng not found beside the repository"))
struct TEIAllRuleTests {
    @Test func aForeignAttributeStandoffKeepsIsReportedOnlyByTheFullSchema() throws {
        let schema = try TEISchema(path: try #require(Repository.teiAllSchema))
        let path = Repository.fixture("rules/SO003-tei-all.tei.xml")
        #expect(Validator().validate(file: path).diagnostics.isEmpty)
        let report = Validator(options: ValidationOptions(teiAll: schema)).validate(file: path)
        #expect(report.diagnostics.map(\.code) == ["SO003"])
        #expect(report.diagnostics.first?.line == RuleFixtureTests.expectedLine(.init(code: "SO003", fixture: "rules/SO003-tei-all.tei.xml")))
        #expect(report.diagnostics.first?.message.contains("reviewed") == true)
        // And the shipped corpus is valid TEI.
        let corpus = Repository.shippedAnnotations
        #expect(Validator(options: ValidationOptions(teiAll: schema)).validate(file: corpus).diagnostics.isEmpty)
    }
}

@Suite("Rule catalogue and options")
struct CatalogueTests {
    @Test func codesAndNamesAreUniqueAndDocumented() throws {
        let codes = RuleCatalogue.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(Set(RuleCatalogue.all.map(\.name)).count == codes.count)
        let docs = String(decoding: Repository.read(Repository.root.appendingPathComponent("docs/VALIDATION.md").path), as: UTF8.self)
        for rule in RuleCatalogue.all {
            #expect(docs.contains("## \(rule.code) \(rule.name)"), "docs/VALIDATION.md lacks a section for \(rule.code) \(rule.name)")
        }
    }

    @Test func theReadmeCountsTheRules() {
        let readme = String(decoding: Repository.read(Repository.root.appendingPathComponent("README.md").path), as: UTF8.self)
        #expect(readme.contains("schema, \(RuleCatalogue.all.count) rules"), "README.md's validate line gives another number of rules")
    }

    @Test func strictTurnsWarningsIntoErrors() {
        let path = Repository.fixture("rules/SO501-quotation-without-speaker.tei.xml")
        #expect(Validator().validate(file: path).isValid)
        let strict = Validator(options: ValidationOptions(strict: true)).validate(file: path)
        #expect(!strict.isValid)
        #expect(strict.diagnostics.map(\.severity) == [.error])
    }

    @Test func rulesCanBeSelectedAndDisabledByCodeOrName() {
        let path = Repository.fixture("rules/SO602-split-word.tei.xml")
        #expect(Validator(options: ValidationOptions(disabled: ["SO602"])).validate(file: path).diagnostics.isEmpty)
        #expect(Validator(options: ValidationOptions(disabled: ["split-word"])).validate(file: path).diagnostics.isEmpty)
        #expect(Validator(options: ValidationOptions(only: ["SO101"])).validate(file: path).diagnostics.isEmpty)
        #expect(Validator(options: ValidationOptions(only: ["split-word"])).validate(file: path).diagnostics.map(\.code) == ["SO602"])
    }

    @Test func splitWordKnowsGraphemeClusters() throws {
        let text = SourceText("cafe\u{301} 🇰🇵 ok")
        #expect(SplitWordRule.cut(at: 4, in: text) == "a character (grapheme cluster) in two")  // between e and its accent
        #expect(SplitWordRule.cut(at: 7, in: text) == "a character (grapheme cluster) in two")  // inside the flag
        #expect(SplitWordRule.cut(at: 5, in: text) == nil)
        #expect(SplitWordRule.cut(at: 2, in: text) == "a word in two")
        // Quotation marks and dashes never join a cluster, unless a combining mark follows.
        let quoted = SourceText("“Kim”—\u{301}x")
        #expect(SplitWordRule.cut(at: 1, in: quoted) == nil)
        #expect(SplitWordRule.cut(at: 4, in: quoted) == nil)
        #expect(SplitWordRule.cut(at: 6, in: quoted) == "a character (grapheme cluster) in two")  // between — and its accent
        #expect(SplitWordRule.cut(at: 7, in: quoted) == nil)
    }
}
