import Foundation
import StandoffModel
import StandoffTEI
import StandoffValidation
import Testing
import TestSupport

/// How the validator combines its passes: the streaming schema, and the full schema for files
/// with foreign markup.
@Suite("Validator: schema passes")
struct ValidatorTests {
    @Test func foreignElementsInStandOffAreAcceptedThroughTheFullSchema() {
        // The streaming schema refuses <ex:provenance> in <standOff>; the full schema decides.
        let report = Validator().validate(file: Repository.fixture("foreign-content.tei.xml"))
        #expect(report.diagnostics.filter { $0.code == "SO002" }.isEmpty, "\(report.diagnostics)")
        #expect(report.isValid)
    }

    @Test(arguments: ["truncated.xml", "empty.xml", "xxe.xml", "billion-laughs.xml", "missing-paragraph.tei.xml", "rules/SO005-unknown-tei-name.tei.xml"])
    func wellFormednessAloneParsesOnlyAndFindsWhatTheFullCheckFinds(fixture: String) {
        // `--rule xml-syntax` skips the document: the same findings, without building it.
        let path = Repository.fixture(fixture)
        let alone = Validator(options: ValidationOptions(only: ["xml-syntax"])).validate(file: path).diagnostics
        let full = Validator().validate(file: path).diagnostics.filter { $0.code == "SO001" }
        #expect(alone == full)
        if !fixture.hasSuffix(".tei.xml") { #expect(!alone.isEmpty, "the broken fixture must be found broken") }
        let checked = TEIReader.checkWellFormedness(path: path)
        #expect(checked.document == nil)
        #expect(checked.problems == TEIReader.read(path: path).problems.filter { $0.code == .xmlSyntax })
        #expect(checked.problems.allSatisfy { $0.code == .xmlSyntax && $0.location.file == path })
    }

    @Test func anOffsetThatOverflowsIsOneErrorAndTheOtherFilesAreStillChecked() throws {
        let directory = TemporaryDirectory()
        let minimal = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
        let bad = directory.file("a-overflow.tei.xml")
        try Data(minimal.replacingOccurrences(of: "#string-range(p1,0,3)", with: "#string-range(p1,9223372036854775807,1)").utf8)
            .write(to: URL(fileURLWithPath: bad))
        let good = directory.file("b-good.tei.xml")
        try Data(minimal.utf8).write(to: URL(fileURLWithPath: good))
        let reports = Validator().validate(files: [bad, good])
        #expect(reports.map(\.file) == [bad, good])
        #expect(reports[0].diagnostics.filter { $0.severity == .error }.map(\.code) == ["SO102"], "\(reports[0].diagnostics)")
        #expect(reports[1].isValid)
    }

    @Test(.timeLimit(.minutes(1)))
    func aPipeIsReadOnceForTheDocumentAndTheSchema() throws {
        // A small regular file is read, then checked against the schema; a pipe can be read once
        // only, so it is checked in the same parse (reading it twice waited for ever).
        let directory = TemporaryDirectory()
        let path = directory.file("pipe.tei.xml")
        #expect(mkfifo(path, 0o600) == 0)
        let contents = Repository.read(Repository.fixture("minimal.tei.xml"))
        DispatchQueue.global().async {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data(contents))
            try? handle.close()
        }
        let report = Validator().validate(file: path)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func teiFromOtherToolsWithDivisionsAndAPrologIsValid() {
        let report = Validator().validate(file: Repository.fixture("other-tool.tei.xml"))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func unusedEntriesAreNotJudgedWhileAnnotationsAreUnread() throws {
        // kim and trump are linked only from the entity list (the stance's links taken out).
        let clean = String(decoding: Repository.read(Repository.fixture("rules/clean.tei.xml")), as: UTF8.self)
            .replacingOccurrences(of: ##"<ptr type="holder" target="#kim"/><ptr type="target" target="#trump"/>"##, with: "")
        let directory = TemporaryDirectory()
        let path = directory.file("unread.tei.xml")
        try clean.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(!Validator().validate(file: path).diagnostics.contains { $0.code == "SO701" })
        // With that list misspelt, both mentions are unread: its one error, and no notes that
        // kim and trump are unused, which only the unread annotations would have answered.
        let misspelt = clean.replacingOccurrences(of: #"<listAnnotation type="entity">"#, with: #"<listAnnotaton type="entity">"#)
            .replacingOccurrences(of: "</listAnnotation>\n    <listAnnotation type=\"quotation\">", with: "</listAnnotaton>\n    <listAnnotation type=\"quotation\">")
        try misspelt.write(toFile: path, atomically: true, encoding: .utf8)
        let report = Validator().validate(file: path)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.code) == ["SO005"], "\(report.diagnostics.map(\.headline))")
        #expect(report.diagnostics.first { $0.code == "SO005" }?.message.hasSuffix("(2 annotations)") == true)
        #expect(!report.diagnostics.contains { $0.code == "SO701" }, "\(report.diagnostics.map(\.headline))")
    }

    @Test func duplicatesCompareAllRangesOfDiscontinuousSpans() throws {
        // Three entity mentions share their first range; two also share the second, one differs.
        var document = try Document(id: "doc", title: "T", text: SourceText("Kim met Trump and Moon."))
        try document.add(RegisterEntry(id: "kim", kind: .person, name: "Kim Jong Un"))
        for (id, second) in [("ent1", try TextRange(8, 13)), ("ent2", try TextRange(8, 13)), ("ent3", try TextRange(18, 22))] {
            try document.add(Annotation(id: Identifier(id), layer: .entity, category: "PER", ranges: [try TextRange(0, 3), second],
                                        links: [Link(role: .ref, target: .id("kim"))]))
        }
        let directory = TemporaryDirectory()
        let path = directory.file("discontinuous.tei.xml")
        try TEIWriter.write(document, to: path)
        let duplicates = Validator(options: ValidationOptions(only: ["SO601"])).validate(file: path).diagnostics
        #expect(duplicates.count == 1, "\(duplicates.map(\.headline))")
        #expect(duplicates.first?.message.hasPrefix("annotation 'ent2' duplicates 'ent1'") == true, "\(duplicates.map(\.headline))")
    }

    @Test func aMisplacedKnownElementIsOneClearSchemaError() throws {
        // <listPerson> inside <listAnnotation>: the reader keeps it as foreign markup, so the full
        // schema decides, and the streaming schema's clearer message is the one reported.
        let clean = try String(contentsOfFile: Repository.fixture("rules/clean.tei.xml"), encoding: .utf8)
        let xml = clean.replacingOccurrences(of: #"<annotation xml:id="ent2""#, with: "<listPerson/>\n      <annotation xml:id=\"ent2\"")
        let directory = TemporaryDirectory()
        let path = directory.file("misplaced.tei.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let line = xml.components(separatedBy: "\n").firstIndex { $0.contains("<listPerson/>") }! + 1

        let schema = Validator().validate(file: path).diagnostics.filter { $0.code == "SO002" }
        #expect(schema.map(\.line) == [line])
        #expect(schema.first?.message == "standoff.rng: Did not expect element listPerson there")
    }

    @Test func oneFaultGetsOneMessage() throws {
        let directory = TemporaryDirectory()
        let shipped = try String(contentsOfFile: Repository.shippedAnnotations, encoding: .utf8)
        // A file that stops inside its root's start tag: libxml2 says so three ways.
        let truncated = directory.file("truncated.xml")
        try (String(shipped.prefix(60)) + "<TEI").write(toFile: truncated, atomically: true, encoding: .utf8)
        let cut = Validator().validate(file: truncated).diagnostics
        #expect(cut.map(\.message) == ["the file ends inside the start tag of its root element: it is truncated"], "\(cut.map(\.headline))")
        // A <note> without a type in an annotation: libxml2 says "Element note failed to validate
        // content" and echoes it at the annotation, the list and <standOff>; the reader's message,
        // in Standoff's terms, is the only one kept.
        let note = directory.file("note.xml")
        try shipped.replacingOccurrences(of: "<note type=\"quote\">Donald Trump</note>", with: "<note type=\"quote\">Donald Trump</note><note>stray</note>")
            .write(toFile: note, atomically: true, encoding: .utf8)
        let stray = Validator().validate(file: note).diagnostics
        #expect(stray.count == 1 && stray.first?.code == "SO004" && stray.first?.message == "<note> in annotation 'ent1' has no @type, which says what the note holds",
                "\(stray.map(\.headline))")
        // A bad attribute on the root names the attribute.
        let root = directory.file("root.xml")
        try shipped.replacingOccurrences(of: "<TEI xml:id=\"north-korea-diplomacy\"", with: "<TEI xml:id=\"1bad\"").write(toFile: root, atomically: true, encoding: .utf8)
        let attribute = Validator().validate(file: root).diagnostics
        #expect(attribute.map(\.message) == ["standoff.rng: Invalid attribute id for element TEI"], "\(attribute.map(\.headline))")
    }

    @Test func theParagraphHintOfAOneParagraphTextNamesOneParagraph() {
        let problem = TEIProblem(.missingParagraph(TEIProblem.Pointer(annotation: "ent1", token: "#string-range(p2,0,1)"), paragraph: "p2", paragraphCount: 1),
                                 at: SourceLocation(file: "f", line: 1, column: 1))
        #expect(RuleCatalogue.diagnostic(for: problem).hint == "use the xml:id of a <p> in <text><body> (p1)")
    }
}
