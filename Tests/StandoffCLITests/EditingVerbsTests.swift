import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// The verbs and options people expect of the editing commands, and what they say.
@Suite("Editing verbs, options and messages")
struct EditingVerbsTests {
    let directory = TemporaryDirectory()
    var file: String { directory.file("doc.tei.xml") }

    func initSeed() throws {
        let result = try CLI.run(["init", Repository.seed, "-o", file])
        #expect(result.status == 0, "\(result.stderr)")
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try CLI.run(arguments.map { $0 == "FILE" ? file : $0 }, environment: environment)
    }

    @Test func registerAndTaxonomyEntriesAreRemovedOnlyWhenUnused() throws {
        try initSeed()
        #expect(try run(["register", "add", "person", "FILE", "--id", "kim", "--name", "Kim Jong Un"]).status == 0)
        #expect(try run(["register", "add", "person", "FILE", "--id", "nobody", "--name", "Nobody"]).status == 0)
        #expect(try run(["add", "entity", "FILE", "--text", "Kim Jong Un", "--category", "PER", "--ref", "kim"]).stdout == "ent1\n")
        let used = try run(["register", "remove", "FILE", "kim"])
        #expect(used.status == 1 && used.stderr.contains("'kim' is still used by 1 annotation: ent1"), "\(used.stderr)")
        #expect(try run(["register", "remove", "FILE", "nobody"]).stdout == "removed nobody\n")
        let missing = try run(["register", "remove", "FILE", "nobody"])
        #expect(missing.status == 1 && missing.stderr.contains("no register entry has id 'nobody'"))
        let list = try run(["register", "list", "FILE", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1 && entries[0]["id"] as? String == "kim" && entries[0]["links"] as? Int == 1)

        #expect(try run(["taxonomy", "add", "FILE", "topic", "sanctions"]).status == 0)
        #expect(try run(["taxonomy", "add", "FILE", "topic", "summits"]).status == 0)
        let perUsed = try run(["taxonomy", "remove", "FILE", "PER"])
        #expect(perUsed.status == 1 && perUsed.stderr.contains("'PER' is still used by 1 annotation"))
        #expect(try run(["taxonomy", "remove", "FILE", "sanctions"]).stdout == "removed sanctions\n")
        // The last category takes its taxonomy: TEI has no empty taxonomy.
        #expect(try run(["taxonomy", "remove", "FILE", "summits"]).stdout == "removed summits, topic\n")
        let document = try TEIReader.load(path: file)
        #expect(document.taxonomy("topic") == nil)
        #expect(try run(["validate", "FILE"]).status == 0)
    }

    @Test func removeRecordsWhoRemoved() throws {
        try initSeed()
        #expect(try run(["add", "entity", "FILE", "--range", "0:3", "--category", "MISC"]).status == 0)
        #expect(try run(["add", "entity", "FILE", "--range", "4:9", "--category", "MISC"]).status == 0)
        #expect(try run(["remove", "FILE", "ent1", "--annotator", "zed", "--annotator-name", "Zed"]).status == 0)
        #expect(try run(["remove", "FILE", "ent2"], environment: ["STANDOFF_ANNOTATOR": "amy"]).status == 0)
        let document = try TEIReader.load(path: file)
        #expect(document.annotator("zed")?.name == "Zed")
        #expect(document.revisions.suffix(2).map(\.who) == ["zed", "amy"])
        #expect(try run(["validate", "FILE"]).status == 0)
    }

    @Test func aNameForAnAnnotatorAlreadyDeclaredIsSaidNotToBeUsed() throws {
        try initSeed()
        #expect(try run(["add", "entity", "FILE", "--range", "0:3", "--category", "MISC", "--annotator", "bob", "--annotator-name", "Bob"]).status == 0)
        let again = try run(["add", "entity", "FILE", "--range", "4:9", "--category", "MISC", "--annotator", "bob", "--annotator-name", "New Name"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("annotator 'bob' is declared as \"Bob\"; --annotator-name \"New Name\" is not used"), "\(again.stderr)")
    }

    @Test func listAndShowRefuseALayerTheFileDoesNotHave() throws {
        try initSeed()
        for command in ["list", "show"] {
            let result = try run([command, "FILE", "--layer", "entiy"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("the file has no layer 'entiy'") && result.stderr.contains("did you mean entity?"), "\(result.stderr)")
        }
        #expect(try run(["list", "FILE", "--layer", "stance"]).status == 0, "a built-in layer without annotations is fine")
        let invalid = try run(["add", "my layer!", "FILE", "--range", "0:3"])
        #expect(invalid.status == 2 && invalid.stderr.contains("invalid layer name 'my layer!'") && !invalid.stderr.contains("Please provide one of"), "\(invalid.stderr)")
    }

    @Test func severitiesComeFromTheSeverityTaxonomy() throws {
        try initSeed()
        #expect(try run(["taxonomy", "add", "FILE", "severity", "cosmetic", "--description", "Harmless"]).status == 0)
        let added = try run(["add", "error", "FILE", "--text", "Novemberadding", "--category", "spacing", "--correction", "November, adding", "--severity", "cosmetic"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try TEIReader.load(path: file).annotation("err1")?.severity?.rawValue == "cosmetic")
        let undeclared = try run(["add", "error", "FILE", "--range", "0:3", "--category", "spelling", "--severity", "trivial"])
        #expect(undeclared.status == 1 && undeclared.stderr.contains("trivial"), "\(undeclared.stderr)")
        #expect(try run(["validate", "FILE"]).status == 0)
    }

    @Test func aCueIsNeverTakenFromInsideTheQuotation() throws {
        let text = directory.file("said.txt")
        #expect(FileManager.default.createFile(atPath: text, contents: Data("He said: “I said no.” Then he left.\n".utf8)))
        #expect(try CLI.run(["init", text, "-o", file]).status == 0)
        let quote = try run(["add", "quotation", "FILE", "--text", "“I said no.”", "--category", "direct", "--speaker", "unknown", "--cue", "said", "--format", "json"])
        #expect(quote.status == 0, "\(quote.stderr)")
        #expect(quote.stdout.contains("\"cue\" : [\n      [\n        3,\n        7"), "\(quote.stdout)")
        let inside = try run(["add", "quotation", "FILE", "--text", "“I said no.”", "--category", "direct", "--speaker", "unknown", "--cue", "no"])
        #expect(inside.status == 1 && inside.stderr.contains("occurs only inside the quotation"), "\(inside.stderr)")
    }

    @Test func registerEntriesRefuseRepeatedNamesAndNonWikidataIds() throws {
        try initSeed()
        let twice = try run(["register", "add", "person", "FILE", "--id", "kim", "--name", "Kim", "--alias", "Kim Jong Un", "--alias", "Kim Jong Un"])
        #expect(twice.status == 1 && twice.stderr.contains("gives \"Kim Jong Un\" twice"), "\(twice.stderr)")
        let asName = try run(["register", "add", "person", "FILE", "--id", "kim", "--name", "Kim", "--alias", "Kim"])
        #expect(asName.status == 1)
        for id in ["Q0", "Q01", "Q", "q5", "Q1234567890123"] {
            let bad = try run(["register", "add", "person", "FILE", "--id", "kim", "--name", "Kim", "--wikidata", id])
            #expect(bad.status == 1 && bad.stderr.contains("is not a Wikidata item id"), "\(id): \(bad.stderr)")
        }
        #expect(try run(["register", "add", "person", "FILE", "--id", "kim", "--name", "Kim", "--wikidata", "Q56226"]).status == 0)
    }

    @Test func initChecksTheLanguageTagAndSaysParagraphsInTheSingular() throws {
        let bad = try CLI.run(["init", Repository.seed, "-o", file, "--lang", "not a lang!"])
        #expect(bad.status == 2 && bad.stderr.contains("is not a BCP 47 language tag"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try CLI.run(["init", Repository.seed, "-o", file, "--lang", "zh-Hant-TW"]).status == 0)
        let one = directory.file("one.txt")
        #expect(FileManager.default.createFile(atPath: one, contents: Data("Just one line".utf8)))
        let result = try CLI.run(["init", one, "-o", directory.file("one.tei.xml")])
        #expect(result.stdout.contains(": 1 paragraph, 13 code points,"), "\(result.stdout)")
    }

    @Test func addSaysWhenTheTextDiffersOnlyInUnicodeNormalisation() throws {
        let text = directory.file("nfd.txt")
        #expect(FileManager.default.createFile(atPath: text, contents: Data("Cafe\u{301} au lait".utf8)))
        #expect(try CLI.run(["init", text, "-o", file]).status == 0)
        let result = try run(["add", "entity", "FILE", "--text", "Caf\u{E9}", "--category", "MISC"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("another Unicode normalisation form"), "\(result.stderr)")
        #expect(try run(["add", "entity", "FILE", "--text", "Cafe\u{301}", "--category", "MISC"]).status == 0)
    }

    @Test func aDuplicateIdGivenWithIdSaysToLeaveItOut() throws {
        try initSeed()
        #expect(try run(["add", "entity", "FILE", "--range", "0:3", "--category", "MISC"]).status == 0)
        let result = try run(["add", "entity", "FILE", "--range", "4:9", "--category", "MISC", "--id", "ent1"])
        #expect(result.stderr.contains("id 'ent1' is already used by an annotation") && result.stderr.contains("leave --id out"), "\(result.stderr)")
        let register = try run(["register", "add", "person", "FILE", "--id", "ent1", "--name", "X"])
        #expect(register.stderr.contains("already used by an annotation") && !register.stderr.contains("leave --id out"), "\(register.stderr)")
    }

    @Test func aLanguageOnAParagraphIsKept() throws {
        let shipped = try String(contentsOfFile: Repository.shippedAnnotations, encoding: .utf8)
        try shipped.replacingOccurrences(of: "<p xml:id=\"p2\">", with: "<p xml:id=\"p2\" xml:lang=\"en-GB\">").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try run(["validate", "FILE"]).status == 0)
        #expect(try run(["add", "entity", "FILE", "--range", "0:3", "--category", "MISC"]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("<p xml:id=\"p2\" xml:lang=\"en-GB\">"))
    }

    @Test func quietDropsWarningsFromEveryFormat() throws {
        let warned = Repository.fixture("rules/SO602-split-word.tei.xml")
        for format in ["json", "sarif"] {
            let loud = try CLI.run(["validate", warned, "--format", format])
            let quiet = try CLI.run(["validate", warned, "--format", format, "-q"])
            #expect(loud.stdout.contains("warning") && !quiet.stdout.contains("\"warning\""), "\(format): \(quiet.stdout)")
        }
    }
}
