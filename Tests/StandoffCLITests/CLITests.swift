import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// Runs the real `standoff` executable, as a user would.
@Suite("standoff command line")
struct CLITests {
    let directory = TemporaryDirectory()
    var file: String { directory.file("doc.tei.xml") }

    func initSeed() throws {
        let result = try CLI.run(["init", Repository.seed, "-o", file, "--title", "North Korea"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func initCreatesADocumentThatRebuildsTheSeed() throws {
        try initSeed()
        let document = try TEIReader.load(path: file)
        #expect(Array(document.text.string.utf8) == Repository.read(Repository.seed))
        #expect(document.id == "north-korea-diplomacy")
        #expect(document.title == "North Korea")
        #expect(document.source.fileName == "north-korea-diplomacy.txt")
        #expect(document.source.sha256 == document.text.sha256)
        #expect(document.revisions.first?.time == Date(timeIntervalSince1970: 1_732_406_400))
    }

    @Test func initRefusesToOverwriteWithoutForce() throws {
        try initSeed()
        let before = Repository.read(file)
        let again = try CLI.run(["init", Repository.seed, "-o", file])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists") && again.stderr.contains("--force"))
        #expect(Repository.read(file) == before)
        #expect(try CLI.run(["init", Repository.seed, "-o", file, "--force"]).status == 0)
    }

    @Test func initRefusesTextThatIsNotUTF8() throws {
        let text = directory.file("latin1.txt")
        #expect(FileManager.default.createFile(atPath: text, contents: Data([0x63, 0x61, 0x66, 0x0A, 0x63, 0x61, 0x66, 0xE9])))
        let result = try CLI.run(["init", text, "-o", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("latin1.txt:2:4: invalid UTF-8 at byte 7"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func addPrintsTheNewIdAndListShowsIt() throws {
        try initSeed()
        #expect(try CLI.run(["register", "add", "person", file, "--id", "kim", "--name", "Kim Jong Un", "--alias", "Kim", "--wikidata", "Q56226"]).stdout == "kim\n")
        let add = try CLI.run(["add", "entity", file, "--text", "Kim Jong Un", "--category", "PER", "--ref", "kim", "--annotator", "ann1", "--cert", "high"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "ent1\n")
        let quote = try CLI.run(["add", "quotation", file, "--text", "“hardest counterattacks”", "--category", "partial",
                                 "--speaker", "kim", "--cue", "promised"])
        #expect(quote.stdout == "quo1\n", "\(quote.stderr)")
        let error = try CLI.run(["add", "error", file, "--text", "Novemberadding", "--category", "spacing",
                                 "--correction", "November, adding", "--severity", "minor"])
        #expect(error.stdout == "err1\n")

        let list = try CLI.run(["list", file, "--format", "json"])
        #expect(list.status == 0)
        let records = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]
        #expect(records.map { $0["id"] as? String } == ["ent1", "quo1", "err1"])
        #expect(records[0]["ranges"] as? [[Int]] == [[697, 708]])
        #expect(records[0]["text"] as? [String] == ["Kim Jong Un"])
        #expect(records[0]["links"] as? [String: [String]] == ["ref": ["kim"]])
        #expect(records[0]["annotator"] as? String == "ann1")
        #expect(records[0]["method"] as? String == "manual")
        #expect(records[1]["cue"] as? [[Int]] == [[3918, 3926]])
        #expect(records[2]["correction"] as? String == "November, adding")
        #expect(records[2]["severity"] as? String == "minor")

        let table = try CLI.run(["list", file, "--layer", "error"])
        #expect(table.stdout.contains("err1  error  spacing   3820:3834  Novemberadding"))
        #expect(table.stdout.hasSuffix("1 annotation\n"))
        // The offsets are code points: Python's len() and slicing agree.
        let scalars = Array(String(decoding: Repository.read(Repository.seed), as: UTF8.self).unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[3918..<3926])) == "promised")
    }

    @Test func addWithOccurrenceAllAndRange() throws {
        try initSeed()
        #expect(try CLI.run(["add", "entity", file, "--text", "Kim", "--occurrence", "2", "--category", "PER"]).stdout == "ent1\n")
        let all = try CLI.run(["add", "entity", file, "--text", "Pyongyang", "--all", "--category", "GPE"])
        #expect(all.stdout.split(separator: "\n").count == 5, "\(all.stdout)\(all.stderr)")
        #expect(try CLI.run(["add", "entity", file, "--range", "28:40", "--category", "PER", "--id", "trump1"]).stdout == "trump1\n")
        let document = try TEIReader.load(path: file)
        #expect(document.annotation("ent1")?.ranges == [try TextRange(874, 877)])
        #expect(document.annotation("trump1")?.snapshot == ["Donald Trump"])
        #expect(document.annotations.count == 7)
    }

    @Test func dataErrorsExitOneWithAHintAndLeaveTheFileAlone() throws {
        try initSeed()
        let before = Repository.read(file)
        let ambiguous = try CLI.run(["add", "entity", file, "--text", "Kim", "--category", "PER"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("\"Kim\" occurs 13 times"))
        #expect(ambiguous.stderr.contains("hint: pick one with --occurrence N"))
        let absent = try CLI.run(["add", "entity", file, "--text", "Macron", "--category", "PER"])
        #expect(absent.status == 1 && absent.stderr.contains("does not contain \"Macron\""))
        let undeclared = try CLI.run(["add", "entity", file, "--text", "Kim Jong Un", "--category", "PERSON"])
        #expect(undeclared.status == 1 && undeclared.stderr.contains("category 'PERSON' is not declared in taxonomy 'entity'"))
        let dangling = try CLI.run(["add", "entity", file, "--text", "Kim Jong Un", "--category", "PER", "--ref", "kim"])
        #expect(dangling.status == 1 && dangling.stderr.contains("register add"))
        let outside = try CLI.run(["add", "entity", file, "--range", "5940:6000"])
        #expect(outside.status == 1 && outside.stderr.contains("outside the text, which has 5933 code points"))
        #expect(Repository.read(file) == before)
        #expect(directory.contents == ["doc.tei.xml"])
    }

    @Test func usageErrorsExitTwo() throws {
        try initSeed()
        let noSpan = try CLI.run(["add", "entity", file, "--category", "PER"])
        #expect(noSpan.status == 2)
        #expect(noSpan.stderr.contains("give the span with --text"))
        let wrongLayer = try CLI.run(["add", "entity", file, "--text", "Kim Jong Un", "--correction", "x"])
        #expect(wrongLayer.status == 2 && wrongLayer.stderr.contains("--correction applies to the error layer"))
        #expect(try CLI.run(["add", "entity", file, "--text", "Kim", "--all", "--occurrence", "2"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
        #expect(try CLI.run(["add", "entity", file, "--text", "Kim Jong Un", "--polarity", "favor"]).status == 2)
    }

    @Test func helpTeachesTheExitCodes() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit codes:"))
        #expect(help.stdout.contains("2  a usage error"))
        let addHelp = try CLI.run(["add", "--help"])
        #expect(addHelp.stdout.contains("--occurrence") && addHelp.stdout.contains("Examples:"))
    }

    @Test func removeRecordsTheRemovalAndRefusesLinkedAnnotations() throws {
        try initSeed()
        try CLI.run(["register", "add", "person", file, "--id", "kim", "--name", "Kim Jong Un"])
        try CLI.run(["add", "entity", file, "--text", "Kim Jong Un", "--category", "PER"])
        try CLI.run(["add", "stance", file, "--text", "This was the right decision at the time.", "--polarity", "favor", "--holder", "kim", "--target", "ent1"])
        let refused = try CLI.run(["remove", file, "ent1"])
        #expect(refused.status == 1 && refused.stderr.contains("is still used by 1 annotation: sta1"))
        #expect(try CLI.run(["remove", file, "sta1"]).stdout == "removed sta1\n")
        let document = try TEIReader.load(path: file)
        #expect(document.annotation("sta1") == nil)
        #expect(document.revisions.last?.description == "Removed annotation sta1 (stance favor \"This was the right decision at the time.\").")
        #expect(try CLI.run(["remove", file, "sta1"]).status == 1)
    }

    @Test func showBracketsAndLabelsSpansWhenNotATerminal() throws {
        try initSeed()
        try CLI.run(["register", "add", "person", file, "--id", "trump", "--name", "Donald Trump"])
        try CLI.run(["add", "entity", file, "--text", "Donald Trump", "--category", "PER", "--ref", "trump"])
        try CLI.run(["add", "entity", file, "--text", "President-elect Donald Trump", "--category", "MISC"])
        let show = try CLI.run(["show", file])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("To say that [President-elect [Donald Trump]{ent1 PER → trump}]{ent2 MISC} has many plans"))
        #expect(!show.stdout.contains("\u{1B}["))
        let filtered = try CLI.run(["show", file, "--layer", "error"])
        #expect(filtered.stdout.hasPrefix("To say that President-elect Donald Trump has"))
    }

    @Test func anUnknownElementInStandOffSurvivesAnAdd() throws {
        try FileManager.default.copyItem(atPath: Repository.fixture("foreign-content.tei.xml"), toPath: file)
        let add = try CLI.run(["add", "entity", file, "--text", "Trump", "--category", "PER"])
        #expect(add.status == 0, "\(add.stderr)")
        let xml = String(decoding: Repository.read(file), as: UTF8.self)
        #expect(xml.contains("<ex:provenance"))
        #expect(xml.contains("<ex:score"))
        #expect(xml.contains(#"ex:confidence="0.9""#))
        #expect(xml.contains(#"<annotation xml:id="ent2""#))
    }

    @Test func aBrokenFileIsReportedWithItsLocation() throws {
        let result = try CLI.run(["list", Repository.fixture("offset-past-end.tei.xml")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("offset-past-end.tei.xml:17:"))
        #expect(result.stderr.contains("hint:"))
    }

    @Test func registerAndTaxonomyDeclareWhatAnnotationsUse() throws {
        try initSeed()
        #expect(try CLI.run(["taxonomy", "add", file, "topic", "sanctions", "--description", "Economic sanctions"]).status == 0)
        let custom = try CLI.run(["add", "topic", file, "--text", "more economic sanctions", "--category", "sanctions"])
        #expect(custom.stdout == "topic1\n", "\(custom.stderr)")
        let duplicate = try CLI.run(["register", "add", "org", file, "--id", "sanctions", "--name", "X"])
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already used by a category"))
        let badQID = try CLI.run(["register", "add", "place", file, "--id", "kp", "--name", "North Korea", "--wikidata", "423"])
        #expect(badQID.status == 1 && badQID.stderr.contains("Q followed by a number"))
        let listing = try CLI.run(["register", "add", "place", file, "--id", "kp", "--name", "North Korea", "--wikidata", "Q423"])
        #expect(listing.status == 0)
        #expect(try CLI.run(["register", "list", file]).stdout == "kp\tplace\tNorth Korea\tQ423\n")
    }

    /// A full disk or a closed pipe behind standard output is an error (exit 1, a message), never
    /// a cut-short report with exit 0.
    @Test func aFailedWriteToStandardOutputIsAnError() throws {
        let shipped = Repository.shippedAnnotations
        let copy = directory.file("copy.tei.xml")
        try FileManager.default.copyItem(atPath: shipped, toPath: copy)
        for arguments in [["list", shipped], ["show", shipped], ["stats", shipped], ["validate", shipped], ["export", shipped, "--to", "jsonl"],
                          ["agree", shipped, copy, "--bootstrap", "0"]] {
            let script = "exec \"$0\" \"$@\" > /dev/full"
            let result = try CLI.run(["-c", script, CLI.executable] + arguments, launcher: "/bin/sh")
            #expect(result.status == 1, "\(arguments[0]): \(result.status)")
            #expect(result.stderr.contains("cannot write to standard output"), "\(arguments[0]): \(result.stderr)")
        }
    }
}
