import Foundation
import Testing
import TestSupport

@Suite("standoff validate")
struct ValidateCommandTests {
    @Test func manyFilesAtOnceEachGetTheSchema() throws {
        // Files are checked in parallel, each compiling the schema: libxml2 registers its
        // datatype libraries on first use, and two threads doing that at once used to break the
        // schema ("does not compile"). Fresh processes, so that every run starts unregistered.
        let directory = TemporaryDirectory()
        let shipped = try String(contentsOfFile: Repository.root.appendingPathComponent("Annotations/north-korea-diplomacy.tei.xml").path, encoding: .utf8)
        for number in 1...8 { try shipped.write(toFile: directory.file("copy\(number).xml"), atomically: true, encoding: .utf8) }
        for _ in 1...5 {
            let result = try CLI.run(["validate", directory.path])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("8 files checked: 0 errors, 0 warnings"))
        }
    }

    @Test func theShippedAnnotationsAreValid() throws {
        let result = try CLI.run(["validate", Repository.root.appendingPathComponent("Annotations").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "1 file checked: 0 errors, 0 warnings\n")
    }

    @Test func errorsExitOneWithCompilerStyleLines() throws {
        let result = try CLI.run(["validate", Repository.fixture("missing-paragraph.tei.xml"), Repository.fixture("minimal.tei.xml")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("missing-paragraph.tei.xml:17:74: error: annotation 'ent1': '#string-range(p9,0,3)' points at paragraph 'p9', which does not exist [SO101]\n  hint: "))
        #expect(result.stdout.hasSuffix("2 files checked: 1 error, 0 warnings\n"))
        #expect(!result.stdout.contains("^"), "no source excerpt when not printing to a terminal")
    }

    @Test func warningsPassUnlessStrict() throws {
        let fixture = Repository.fixture("rules/SO502-incomplete-stance.tei.xml")
        let relaxed = try CLI.run(["validate", fixture])
        #expect(relaxed.status == 0 && relaxed.stdout.contains("warning: stance 'sta1' has no target [SO502]"))
        let strict = try CLI.run(["validate", "--strict", fixture])
        #expect(strict.status == 1 && strict.stdout.contains("error: stance 'sta1' has no target [SO502]"))
        let disabled = try CLI.run(["validate", "--strict", "--disable", "incomplete-stance", fixture])
        #expect(disabled.status == 0)
    }

    @Test func unreadableInputAndBadUsageExitTwo() throws {
        let missing = try CLI.run(["validate", "/nonexistent/corpus"])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/corpus: no such file or directory"))
        #expect(try CLI.run(["validate"]).status == 2)
        let unknownRule = try CLI.run(["validate", "--rule", "SO999", Repository.fixture("minimal.tei.xml")])
        #expect(unknownRule.status == 2 && unknownRule.stderr.contains("--list-rules"))
        let badSchema = try CLI.run(["validate", "--tei-all", "/nonexistent.rng", Repository.fixture("minimal.tei.xml")])
        #expect(badSchema.status == 2 && badSchema.stderr.contains("cannot read the schema"))
    }

    @Test func jsonAndSarifAreMachineReadable() throws {
        let json = try CLI.run(["validate", "--format", "json", Repository.fixture("rules/SO104-empty-range.tei.xml")])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "SO104")
        #expect((object["summary"] as? [String: Int])?["errors"] == 1)
        let sarif = try CLI.run(["validate", "--format", "sarif", Repository.fixture("rules/SO104-empty-range.tei.xml")])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
    }

    @Test func quietPrintsErrorsOnlyAndListRulesListsThemAll() throws {
        let quiet = try CLI.run(["validate", "--quiet", Repository.fixture("rules/SO602-split-word.tei.xml")])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
        let rules = try CLI.run(["validate", "--list-rules"])
        #expect(rules.stdout.split(separator: "\n").count == 25)
        #expect(rules.stdout.contains("SO005  unknown-tei-name"))
        #expect(rules.stdout.contains("SO602  split-word"))
    }

    @Test func aDirectoryIsSearchedForXMLFiles() throws {
        let result = try CLI.run(["validate", Repository.root.appendingPathComponent("Tests/Fixtures/rules").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("files checked"))
        #expect(result.stdout.contains("[SO104]") && result.stdout.contains("[SO701]"))
    }
}
