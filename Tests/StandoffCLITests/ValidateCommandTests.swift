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
        let shipped = try String(contentsOfFile: Repository.shippedAnnotations, encoding: .utf8)
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
        #expect(missing.status == 2 && missing.stdout.contains("/nonexistent/corpus:0:0: error: cannot read: No such file or directory"))
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
        #expect(rules.stdout.split(separator: "\n").count == 27)
        #expect(rules.stdout.contains("SO005  unknown-tei-name") && rules.stdout.contains("SO006  unread-stand-off"))
        #expect(rules.stdout.contains("SO602  split-word"))
    }

    @Test func aDirectoryIsSearchedForXMLFiles() throws {
        let result = try CLI.run(["validate", Repository.root.appendingPathComponent("Tests/Fixtures/rules").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("files checked"))
        #expect(result.stdout.contains("[SO104]") && result.stdout.contains("[SO701]"))
    }

    @Test func anUnreadableInputIsAnErrorInEveryReportFormat() throws {
        let directory = TemporaryDirectory()
        let shipped = Repository.shippedAnnotations
        try FileManager.default.createDirectory(atPath: directory.file("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: shipped, toPath: directory.file("sub/good.xml"))
        try FileManager.default.createSymbolicLink(atPath: directory.file("dangling.xml"), withDestinationPath: "gone.xml")
        let missing = directory.file("missing.xml")
        let text = try CLI.run(["validate", directory.path, missing])
        #expect(text.status == 2, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("dangling.xml:0:0: error: cannot read: a symbolic link to a file that does not exist [SO001]"), "\(text.stdout)")
        #expect(text.stdout.contains("missing.xml:0:0: error: cannot read: No such file or directory [SO001]"), "\(text.stdout)")
        for format in ["json", "sarif"] {
            let report = try CLI.run(["validate", directory.path, missing, "--format", format])
            #expect(report.status == 2)
            let object = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8))
            #expect(report.stdout.contains("dangling.xml") && report.stdout.contains("missing.xml"), "\(format): \(report.stdout)")
            #expect(object is [String: Any])
        }
    }

    @Test func filesAreCheckedAndReportedInNaturalOrder() throws {
        let directory = TemporaryDirectory()
        for name in ["f500.xml", "f7.xml", "f60.xml"] {
            #expect(FileManager.default.createFile(atPath: directory.file(name), contents: Data("<broken".utf8)))
        }
        let result = try CLI.run(["validate", directory.path])
        let order = result.stdout.split(separator: "\n").compactMap { line in ["f7.xml", "f60.xml", "f500.xml"].first { line.contains("/" + $0 + ":") } }
        var firstSeen: [String] = []
        for name in order where !firstSeen.contains(name) { firstSeen.append(name) }
        #expect(firstSeen == ["f7.xml", "f60.xml", "f500.xml"], "\(result.stdout)")
    }

    /// A corpus directory given as a link, and links inside it, are followed; a link back up
    /// does not loop, and a file reached twice is checked once.
    @Test func aCorpusReachedThroughLinksIsSearched() throws {
        let directory = TemporaryDirectory()
        let real = directory.file("real")
        try FileManager.default.createDirectory(atPath: real + "/sub", withIntermediateDirectories: true)
        let shipped = Repository.shippedAnnotations
        try FileManager.default.copyItem(atPath: shipped, toPath: real + "/a.xml")
        try FileManager.default.copyItem(atPath: Repository.fixture("minimal.tei.xml"), toPath: real + "/sub/b.xml")
        try FileManager.default.createSymbolicLink(atPath: real + "/sub/up", withDestinationPath: real)
        try FileManager.default.createSymbolicLink(atPath: real + "/again.xml", withDestinationPath: real + "/a.xml")
        try FileManager.default.createSymbolicLink(atPath: directory.file("corpus"), withDestinationPath: real)
        let result = try CLI.run(["validate", directory.file("corpus")])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("2 files checked"), "\(result.stdout)")
    }
}
