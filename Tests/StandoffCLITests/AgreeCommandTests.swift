import Foundation
import Testing
import TestSupport

/// `standoff agree` as a user runs it: files, directories, one file with several annotators.
@Suite("standoff agree")
struct AgreeCommandTests {
    let directory = TemporaryDirectory()
    let shipped = Repository.root.appendingPathComponent("Annotations/north-korea-diplomacy.tei.xml").path

    func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func identicalFilesAgreeFully() throws {
        let copy = directory.file("bob.tei.xml")
        try FileManager.default.copyItem(atPath: shipped, toPath: copy)
        let result = try CLI.run(["agree", shipped, copy, "--format", "json", "--bootstrap", "20"])
        #expect(result.status == 0, "\(result.stderr)")
        let layers = try #require(try json(result)["layers"] as? [[String: Any]])
        #expect(layers.count == 4)
        for layer in layers {
            let alpha = try #require(layer["krippendorffAlpha"] as? [String: Any])
            #expect(alpha["value"] as? Double == 1, "\(layer["layer"] ?? "")")
            let pair = try #require((layer["pairs"] as? [[String: Any]])?.first)
            #expect(((pair["exact"] as? [String: Any])?["f1"] as? [String: Any])?["value"] as? Double == 1)
        }
        #expect((try json(result)["disagreements"] as? [Any])?.isEmpty == true)
        for format in ["table", "csv", "markdown"] {
            #expect(try CLI.run(["agree", shipped, copy, "--format", format, "--bootstrap", "0"]).status == 0)
        }
    }

    @Test func filesOfDifferentTextsAreRefusedWithBothHashesAndTheParagraph() throws {
        let other = directory.file("other.tei.xml")
        let text = directory.file("other.txt")
        var seed = try String(contentsOfFile: Repository.seed, encoding: .utf8)
        seed = seed.replacingOccurrences(of: "Kim will be more cautious", with: "Kim will be more careful")
        try seed.write(toFile: text, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["init", text, "-o", other]).status == 0)
        let result = try CLI.run(["agree", shipped, other])
        #expect(result.status == 1)
        #expect(result.stderr.contains("annotate different texts (SHA-256 ") && result.stderr.contains("first differ in paragraph 10"), "\(result.stderr)")
    }

    @Test func directoriesArePairedByTextAndTheRestListed() throws {
        let alice = directory.file("alice")
        let bob = directory.file("bob")
        for folder in [alice, bob] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: shipped, toPath: alice + "/article.xml")
        try FileManager.default.copyItem(atPath: shipped, toPath: bob + "/same-article-other-name.xml")
        try FileManager.default.copyItem(atPath: Repository.fixture("minimal.tei.xml"), toPath: alice + "/only-alice.xml")
        let result = try CLI.run(["agree", alice, bob, "--format", "json", "--bootstrap", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result)
        #expect(report["documents"] as? [String] == ["north-korea-diplomacy"])
        let unpaired = try #require(report["unpaired"] as? [String: [String]])
        #expect(unpaired["bob"]?.count == 1, "\(unpaired)")
        let byDocument = try json(try CLI.run(["agree", alice, bob, "--format", "json", "--bootstrap", "0", "--by", "document"]))
        #expect((byDocument["documentFigures"] as? [[String: Any]])?.first?["document"] as? String == "north-korea-diplomacy")
    }

    @Test func oneFileWithSeveralAnnotators() throws {
        let file = directory.file("two.tei.xml")
        #expect(try CLI.run(["init", Repository.seed, "-o", file]).status == 0)
        for (annotator, category) in [("ann1", "PER"), ("ann2", "PER"), ("ann2", "ORG")] {
            let range = category == "ORG" ? "0:2" : "3:9"
            #expect(try CLI.run(["add", "entity", file, "--range", range, "--category", category, "--annotator", annotator]).status == 0)
        }
        let result = try CLI.run(["agree", file, "--annotators", "ann1,ann2", "--format", "json", "--bootstrap", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let pair = try #require(((try json(result)["layers"] as? [[String: Any]])?.first?["pairs"] as? [[String: Any]])?.first)
        let exact = try #require(pair["exact"] as? [String: Any])
        #expect(exact["reference"] as? Int == 1 && exact["predicted"] as? Int == 2 && exact["matched"] as? Int == 1)
        let unknown = try CLI.run(["agree", file, "--annotators", "ann1,zed"])
        #expect(unknown.status == 1 && unknown.stderr.contains("declares no annotator 'zed'"))
        #expect(try CLI.run(["agree", directory.file("missing.xml"), file]).status == 2)
    }
}
