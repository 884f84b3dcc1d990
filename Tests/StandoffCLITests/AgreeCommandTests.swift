import Foundation
import Testing
import TestSupport

/// `standoff agree` as a user runs it: files, directories, one file with several annotators.
@Suite("standoff agree")
struct AgreeCommandTests {
    let directory = TemporaryDirectory()
    let shipped = Repository.shippedAnnotations

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

    // MARK: Agreement as documented (issue 22)

    /// Makes a TEI file of `text` in `folder` named `name`.
    func document(_ text: String, named name: String, in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = directory.file("\(name).txt")
        try text.write(toFile: source, atomically: true, encoding: .utf8)
        let file = folder + "/\(name).tei.xml"
        let made = try CLI.run(["init", source, "-o", file])
        #expect(made.status == 0, "\(made.stderr)")
        return file
    }

    func tokenKappa(_ report: [String: Any], layer: String, pair: [String]) throws -> Double? {
        let layers = try #require(report["layers"] as? [[String: Any]])
        let figures = try #require(layers.first { $0["layer"] as? String == layer })
        let pairs = try #require(figures["pairs"] as? [[String: Any]])
        let found = try #require(pairs.first { $0["annotators"] as? [String] == pair })
        return (found["tokenKappa"] as? [String: Any])?["value"] as? Double
    }

    /// A document nobody marked in a layer still counts its tokens: κ of alice and bob over the
    /// 11 tokens of both texts is −0.1 (over the first text's 6 alone it would be −0.2), whether or
    /// not carol, who marked only the second text, is compared too.
    @Test func documentsNobodyMarkedCountTheirTokensWhoeverElseIsCompared() throws {
        var files: [String: [String: String]] = [:]
        for annotator in ["alice", "bob", "carol"] {
            let folder = directory.file(annotator)
            files[annotator] = ["met": try document("Kim met Trump in Hanoi.", named: "met", in: folder),
                                "nothing": try document("Nothing here at all.", named: "nothing", in: folder)]
        }
        #expect(try CLI.run(["add", "entity", files["alice"]!["met"]!, "--text", "Kim", "--category", "PER"]).status == 0)
        #expect(try CLI.run(["add", "entity", files["bob"]!["met"]!, "--text", "Trump", "--category", "PER"]).status == 0)
        #expect(try CLI.run(["add", "entity", files["carol"]!["nothing"]!, "--text", "Nothing", "--category", "PER"]).status == 0)
        let two = try json(try CLI.run(["agree", directory.file("alice"), directory.file("bob"), "--format", "json", "--bootstrap", "0"]))
        let three = try json(try CLI.run(["agree", directory.file("alice"), directory.file("bob"), directory.file("carol"), "--format", "json", "--bootstrap", "0"]))
        let kappaOfTwo = try #require(try tokenKappa(two, layer: "entity", pair: ["alice", "bob"]))
        let kappaOfThree = try #require(try tokenKappa(three, layer: "entity", pair: ["alice", "bob"]))
        #expect(abs(kappaOfTwo - -0.1) < 1e-12, "\(kappaOfTwo)")
        #expect(kappaOfTwo == kappaOfThree)
        // With --category too.
        let narrowed = try json(try CLI.run(["agree", directory.file("alice"), directory.file("bob"), "--category", "PER", "--format", "json", "--bootstrap", "0"]))
        #expect(try tokenKappa(narrowed, layer: "entity", pair: ["alice", "bob"]).map { abs($0 - -0.1) < 1e-12 } == true)
    }

    /// The same inputs and seed give the same bytes, run after run (a dictionary's order, which
    /// changes with every process, must not reach a sum).
    @Test func theSameInputsGiveTheSameBytesEveryRun() throws {
        // Four annotators: the shipped file and three with about a third of its entity
        // categories drawn anew, so that Fleiss' kappa sums shares of many labels (which, summed
        // in a dictionary's order, differed in the last digit from run to run).
        let text = try String(contentsOfFile: shipped, encoding: .utf8)
        let categories = ["PER", "GPE", "ORG", "NORP", "DATE", "LOC", "EVENT", "FAC"]
        var files = [shipped]
        for name in ["d", "e", "f"] {
            var generator = SeededGenerator(seed: UInt64(name.unicodeScalars.first!.value))
            var relabelled = ""
            var rest = Substring(text)
            while let found = rest.range(of: " ana=\"#") {
                let close = try #require(rest[found.upperBound...].firstIndex(of: "\""))
                let category = String(rest[found.upperBound..<close])
                relabelled += rest[..<found.upperBound]
                let drawn = categories.contains(category) && Double.random(in: 0..<1, using: &generator) < 0.3
                relabelled += drawn ? categories.randomElement(using: &generator)! : category
                rest = rest[close...]
            }
            relabelled += rest
            let file = directory.file("\(name).tei.xml")
            try relabelled.write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        var outputs = Set<String>()
        for _ in 0..<10 {
            let result = try CLI.run(["agree"] + files + ["--format", "json", "--bootstrap", "20"])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.insert(result.stdout)
        }
        #expect(outputs.count == 1)
        let report = try json(try CLI.run(["agree"] + files + ["--format", "json", "--bootstrap", "20"]))
        let entity = try #require((report["layers"] as? [[String: Any]])?.first { $0["layer"] as? String == "entity" })
        let fleiss = try #require((entity["fleissKappa"] as? [String: Any])?["value"] as? Double)
        #expect(fleiss > 0.5 && fleiss < 1, "\(fleiss)")
    }

    @Test func nothingToCompareIsExplained() throws {
        let a = try document("Kim met Trump in Hanoi.", named: "a", in: directory.path)
        let b = directory.file("b.tei.xml")
        try FileManager.default.copyItem(atPath: a, toPath: b)
        let all = try CLI.run(["agree", a, b, "--format", "json", "--bootstrap", "0"])
        #expect(all.status == 0)
        #expect(try json(all)["undefinedBecause"] as? String == "no annotator marked a span in any layer: there is nothing to compare")
        let table = try CLI.run(["agree", a, b, "--bootstrap", "0"])
        #expect(table.stdout.contains("undefined: no annotator marked a span in any layer"), "\(table.stdout)")
        let entity = try CLI.run(["agree", a, b, "--layer", "entity", "--format", "json", "--bootstrap", "0"])
        let layer = try #require((try json(entity)["layers"] as? [[String: Any]])?.first)
        let pair = try #require((layer["pairs"] as? [[String: Any]])?.first)
        #expect(((pair["exact"] as? [String: Any])?["f1"] as? [String: Any])?["undefinedBecause"] as? String == "neither annotator marked a span here")
        #expect((pair["tokenKappa"] as? [String: Any])?["undefinedBecause"] as? String != nil)
        #expect((layer["fleissKappa"] as? [String: Any])?["undefinedBecause"] as? String != nil)
        #expect((layer["krippendorffAlpha"] as? [String: Any])?["undefinedBecause"] as? String != nil)
        #expect((layer["unitizingAlpha"] as? [String: Any])?["undefinedBecause"] as? String != nil)
    }

    @Test func anAnnotatorComparedWithItselfOrAnUnknownLayerIsAUsageError() throws {
        let file = directory.file("two.tei.xml")
        #expect(try CLI.run(["init", Repository.seed, "-o", file]).status == 0)
        #expect(try CLI.run(["add", "entity", file, "--range", "3:9", "--category", "PER", "--annotator", "ann1"]).status == 0)
        #expect(try CLI.run(["add", "entity", file, "--range", "3:9", "--category", "PER", "--annotator", "ann2"]).status == 0)
        let twice = try CLI.run(["agree", file, "--annotators", "ann1,ann1"])
        #expect(twice.status == 2 && twice.stderr.contains("names 'ann1' twice"), "\(twice.stderr)")
        let sameFile = try CLI.run(["agree", shipped, shipped])
        #expect(sameFile.status == 2 && sameFile.stderr.contains("is given twice"), "\(sameFile.stderr)")
        let link = directory.file("link.tei.xml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: shipped)
        let sameByLink = try CLI.run(["agree", shipped, link])
        #expect(sameByLink.status == 2 && sameByLink.stderr.contains("are the same file"), "\(sameByLink.stderr)")
        let typo = try CLI.run(["agree", file, "--annotators", "ann1,ann2", "--layer", "entities"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'entity'?"), "\(typo.stderr)")
        let seed = try CLI.run(["agree", file, "--annotators", "ann1,ann2", "--seed", "-1"])
        #expect(seed.status == 2 && seed.stderr.contains("'-1'") && seed.stderr.contains("--seed"), "\(seed.stderr)")
        #expect(!seed.stderr.contains("Missing value"))
        #expect(try CLI.run(["agree", file, "--annotators", "ann1,ann2", "--seed", "7", "--bootstrap", "5"]).status == 0)
    }

    @Test func corpusDirectoriesAreSearchedThroughLinksAndNeverPickedSilently() throws {
        let empty = [directory.file("empty-a"), directory.file("empty-b")]
        for folder in empty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let none = try CLI.run(["agree"] + empty)
        #expect(none.status == 1 && none.stderr.contains("holds no *.xml files"), "\(none.stderr)")
        let mixed = try CLI.run(["agree", empty[0], shipped])
        #expect(mixed.status == 2 && mixed.stderr.contains("is a directory and") && mixed.stderr.contains("not both"), "\(mixed.stderr)")
        // Directories reached through links are searched (and a link back up does not loop).
        let alice = directory.file("real-alice")
        let bob = directory.file("bob")
        for folder in [alice, bob] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: shipped, toPath: alice + "/article.xml")
        try FileManager.default.copyItem(atPath: shipped, toPath: bob + "/article.xml")
        try FileManager.default.createSymbolicLink(atPath: alice + "/loop", withDestinationPath: alice)
        try FileManager.default.createSymbolicLink(atPath: directory.file("alice"), withDestinationPath: alice)
        let linked = try CLI.run(["agree", directory.file("alice"), bob, "--format", "json", "--bootstrap", "0"])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try json(linked)["documents"] as? [String] == ["north-korea-diplomacy"])
        // Two files of one text in one annotator's directory: which is theirs? Both named.
        try FileManager.default.copyItem(atPath: shipped, toPath: bob + "/article-copy.xml")
        let twice = try CLI.run(["agree", alice, bob])
        #expect(twice.status == 1, "\(twice.stderr)")
        #expect(twice.stderr.contains("bob/article-copy.xml") && twice.stderr.contains("bob/article.xml") && twice.stderr.contains("annotate the same text"), "\(twice.stderr)")
    }
}
