import Foundation
import Testing
import TestSupport

/// Ids are unique in the whole file, markup Standoff keeps without reading included: a new id
/// is never one an element already has, and `validate` names an id used twice anywhere.
@Suite("Ids in the whole file")
struct IdentifierTests {
    let directory = TemporaryDirectory()

    /// The minimal fixture with `markup` put at the end of its header.
    func file(withHeaderMarkup markup: String, removingAnnotations: Bool = false) throws -> String {
        var text = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
        text = text.replacingOccurrences(of: "</teiHeader>", with: markup + "</teiHeader>")
        if removingAnnotations {
            text = text.replacingOccurrences(of: ##"<annotation xml:id="ent1" target="#string-range(p1,0,3)" ana="#PER"><ptr type="ref" target="#kim"/></annotation>"##, with: "")
        }
        let path = directory.file("ids-\(UUID().uuidString).tei.xml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aNewIdIsNeverOneThatKeptMarkupHas() throws {
        let path = try file(withHeaderMarkup: #"<note xml:id="ent1">kept, not read</note>"#, removingAnnotations: true)
        #expect(try CLI.run(["validate", path]).status == 0)
        let added = try CLI.run(["add", "entity", path, "--text", "Trump", "--category", "PER"])
        #expect(added.status == 0 && added.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ent2", "\(added.stdout)\(added.stderr)")
        let chosen = try CLI.run(["add", "entity", path, "--text", "Kim", "--category", "PER", "--id", "ent1"])
        #expect(chosen.status == 1 && chosen.stderr.contains("id 'ent1' is already used by an element Standoff keeps without reading"), "\(chosen.stderr)")
        let entry = try CLI.run(["register", "add", "person", path, "--id", "ent1", "--name", "Someone"])
        #expect(entry.status == 1, "\(entry.stderr)")
        let result = try CLI.run(["validate", path])
        #expect(result.status == 0, "\(result.stdout)")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.components(separatedBy: "xml:id=\"ent1\"").count == 2, "one element has ent1: the kept note")
    }

    @Test func anIdUsedTwiceAnywhereIsAnError() throws {
        let clash = try file(withHeaderMarkup: #"<note xml:id="ent1">kept</note>"#)
        let result = try CLI.run(["validate", clash])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: xml:id 'ent1' of annotation 'ent1' is already the id of <note> at line 13 [SO201]"), "\(result.stdout)")
        let twice = try file(withHeaderMarkup: #"<note xml:id="x1">a</note><note xml:id="x1">b</note>"#)
        let again = try CLI.run(["validate", twice])
        #expect(again.status == 1 && again.stdout.contains("xml:id 'x1' of <note> is already the id of <note> at line 13"), "\(again.stdout)")
        let register = try file(withHeaderMarkup: #"<note xml:id="kim">a</note>"#)
        let entry = try CLI.run(["validate", register])
        #expect(entry.status == 1 && entry.stdout.contains("xml:id 'kim' of another element is already the id of <note>"), "\(entry.stdout)")
    }
}

/// A document id made from a file name that the document's own ids take (`p1.txt`, `entity.ann`,
/// `minor.ann`) is made unique and said; `init` and `import` take `--id`.
@Suite("Document ids from file names")
struct DocumentNameTests {
    let directory = TemporaryDirectory()

    @Test func aFileNamedLikeAnIdStandoffMakesIsStillInitialisedAndImported() throws {
        for name in ["p1", "entity", "minor"] {
            let text = directory.file("\(name).txt")
            try "Kim met Trump.".write(toFile: text, atomically: true, encoding: .utf8)
            let made = try CLI.run(["init", text, "-o", directory.file("\(name)-init.tei.xml")])
            #expect(made.status == 0, "\(name): \(made.stderr)")
            #expect(made.stderr.contains("the document id is '\(name)-doc': '\(name)', made from"), "\(made.stderr)")
            try "T1\tPER 0 3\tKim\n".write(toFile: directory.file("\(name).ann"), atomically: true, encoding: .utf8)
            let imported = try CLI.run(["import", directory.file("\(name).ann"), "--from", "brat", "-o", directory.file("\(name)-brat.tei.xml")])
            #expect(imported.status == 0 && imported.stderr.contains("'\(name)-doc'"), "\(name): \(imported.stderr)")
            #expect(try CLI.run(["validate", directory.file("\(name)-brat.tei.xml")]).status == 0)
            let written = try String(contentsOfFile: directory.file("\(name)-brat.tei.xml"), encoding: .utf8)
            #expect(written.contains("<TEI xml:id=\"\(name)-doc\""))
        }
    }

    @Test func importTakesAnIdAndAnIdTakenByTheDocumentIsNamed() throws {
        let text = directory.file("article.txt")
        try "Kim met Trump.".write(toFile: text, atomically: true, encoding: .utf8)
        try "T1\tPER 0 3\tKim\n".write(toFile: directory.file("article.ann"), atomically: true, encoding: .utf8)
        let named = try CLI.run(["import", directory.file("article.ann"), "--from", "brat", "-o", directory.file("named.tei.xml"), "--id", "kim-article"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try String(contentsOfFile: directory.file("named.tei.xml"), encoding: .utf8).contains("xml:id=\"kim-article\""))
        let taken = try CLI.run(["init", text, "-o", directory.file("taken.tei.xml"), "--id", "p1"])
        #expect(taken.status == 1 && taken.stderr.contains("the document id 'p1' is also the id of paragraph 1"), "\(taken.stderr)")
        let malformed = try CLI.run(["import", directory.file("article.ann"), "--from", "brat", "-o", directory.file("x.tei.xml"), "--id", "1 bad"])
        #expect(malformed.status == 2 && malformed.stderr.contains("--id"), "\(malformed.stderr)")
        let lines = directory.file("two.jsonl")
        try #"{"id": "a", "text": "Kim met Trump.", "spans": []}"# .appending("\n").appending(#"{"id": "b", "text": "No deal.", "spans": []}"#).appending("\n")
            .write(toFile: lines, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory.file("out"), withIntermediateDirectories: true)
        let two = try CLI.run(["import", lines, "--from", "jsonl", "-o", directory.file("out"), "--id", "one"])
        #expect(two.status == 1 && two.stderr.contains("--id names one document"), "\(two.stderr)")
    }
}

/// TEI's other stand-off forms (a `<div>` around a `<listAnnotation>`, a `<spanGrp>`, a
/// `<linkGrp>`) are kept but not read: `validate`, `list` and `stats` say so, with counts.
@Suite("Stand-off forms Standoff does not read")
struct UnreadStandOffTests {
    let directory = TemporaryDirectory()

    @Test func aListInADivAndASpanGroupAreNamedWithTheirCounts() throws {
        var text = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
        text = text.replacingOccurrences(of: "</standOff>", with: """
            <div type="extra"><listAnnotation type="entity">
              <annotation xml:id="ent2" target="#string-range(p1,8,5)" ana="#PER"/>
              <annotation xml:id="ent3" target="#string-range(p2,0,4)" ana="#PER"/>
            </listAnnotation></div>
            <linkGrp><link target="#ent1 #ent2"/></linkGrp>
            </standOff>
            """)
        let path = directory.file("forms.tei.xml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let validated = try CLI.run(["validate", path])
        #expect(validated.status == 0, "warnings only: \(validated.stdout)")
        #expect(validated.stdout.contains("warning: <div> in <standOff> holds 2 annotations that Standoff does not read"), "\(validated.stdout)")
        #expect(validated.stdout.contains("<linkGrp> in <standOff> holds 1 link"), "\(validated.stdout)")
        #expect(try CLI.run(["validate", "--strict", path]).status == 1)
        let listed = try CLI.run(["list", path])
        #expect(listed.status == 0 && listed.stdout.contains("1 annotation"))
        #expect(listed.stderr.contains("<div> in <standOff> holds 2 annotations that Standoff does not read (not listed, not counted)"), "\(listed.stderr)")
        let stats = try CLI.run(["stats", path, "--format", "json"])
        let corpus = (try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])?["corpus"] as? [String: Any]
        #expect(corpus?["notRead"] as? Int == 3 && corpus?["annotations"] as? Int == 1, "\(String(describing: corpus))")
        // Kept as they were: an edit writes them back, and its new id is none of theirs.
        let added = try CLI.run(["add", "entity", path, "--text", "They", "--category", "PER"])
        #expect(added.status == 0 && added.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ent4", "\(added.stdout)\(added.stderr)")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("<div type=\"extra\"><listAnnotation type=\"entity\">") && written.contains("<link target=\"#ent1 #ent2\""))
    }
}

/// `standoff import --from tei-inline`: an edition becomes a valid stand-off file, and
/// `--fail-on-loss` writes nothing when something is not read.
@Suite("standoff import --from tei-inline")
struct InlineImportCommandTests {
    let directory = TemporaryDirectory()

    @Test func anEditionIsImportedAndWhatIsNotReadIsCounted() throws {
        let out = directory.file("letter.tei.xml")
        let result = try CLI.run(["import", Repository.fixture("inline-edition.tei.xml"), "--from", "tei-inline", "-o", out, "--id", "letter"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported \(out): 8 annotations"))
        #expect(result.stderr.contains("1 <hi> element read as text only"), "\(result.stderr)")
        #expect(try CLI.run(["validate", out]).status == 0)
        let strict = try CLI.run(["import", Repository.fixture("inline-edition.tei.xml"), "--from", "tei-inline", "-o", directory.file("no.tei.xml"), "--fail-on-loss"])
        #expect(strict.status == 1 && strict.stderr.contains("nothing was written"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("no.tei.xml")))
        // The round trip through the command line: export, import, the same annotations listed.
        let shipped = Repository.shippedAnnotations
        #expect(try CLI.run(["export", shipped, "--to", "tei-inline", "-o", directory.file("inline.xml")]).status == 0)
        let back = try CLI.run(["import", directory.file("inline.xml"), "--from", "tei-inline", "-o", directory.file("back.tei.xml")])
        #expect(back.status == 0 && back.stdout.contains("186 annotations"), "\(back.stderr)")
        #expect(try CLI.run(["validate", directory.file("back.tei.xml")]).stdout.contains("0 errors"))
    }
}
