import Foundation
import StandoffInterchange
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// Inline TEI read back into stand-off annotations: Standoff's own export returns the same
/// annotations over the same text, and an edition-style file gives its entities, quotations and
/// corrections, with everything else counted.
@Suite("Inline TEI import")
struct InlineTEIImportTests {
    let directory = TemporaryDirectory()

    /// What an annotation says, for comparing two documents.
    static func facts(_ annotation: Annotation, in document: Document) -> [String] {
        [annotation.layer.name, annotation.category?.rawValue ?? "", annotation.ranges.map(\.description).joined(separator: ","),
         annotation.links.map { "\($0.role)=\($0.target)" }.sorted().joined(separator: " "), annotation.correction ?? "-",
         annotation.severity?.rawValue ?? "-", annotation.ranges.map { document.text[$0] }.joined(separator: "|")]
    }

    @Test func ourOwnInlineExportReadsBackToTheSameAnnotations() throws {
        let original = try TEIReader.load(path: BratTests.shipped)
        let (xml, exportLosses) = try InlineTEI.export(original)
        let path = directory.file("inline.xml")
        try Data(xml).write(to: URL(fileURLWithPath: path))
        let (back, losses) = try InlineTEI.importDocument(path: path, id: "back")
        #expect(back.text == original.text)
        #expect(back.annotations.count == original.annotations.count)
        // Fragments joined by @next/@prev (crossing spans, spans across paragraphs) are one annotation again.
        #expect(exportLosses.repairs.keys.contains { $0.contains("@next/@prev") })
        var differences: [String] = []
        for annotation in original.annotations {
            guard let read = back.annotation(annotation.id) else { differences.append("\(annotation.id) missing"); continue }
            var expected = Self.facts(annotation, in: original)
            // The one thing the export says it drops: a speaker recorded as unknown.
            if annotation.links(.speaker).contains(.unknown) { expected[3] = "" }
            if expected != Self.facts(read, in: back) { differences.append("\(annotation.id): \(expected) ≠ \(Self.facts(read, in: back))") }
        }
        #expect(differences.isEmpty, "\(differences)")
        #expect(exportLosses.counts["quotation speakers recorded as unknown dropped"] == 1)
        #expect(losses.isEmpty, "\(losses.counts)")
        // The register and the topics stance targets point at came along.
        #expect(back.entry("kim")?.wikidata == "Q56226" && back.entry("kim")?.aliases.contains("Kim") == true)
        #expect(back.taxonomy(declaring: "new-talks") == "topic")
    }

    @Test func anEditionGivesItsEntitiesQuotationsAndCorrections() throws {
        let (document, losses) = try InlineTEI.importDocument(path: Repository.fixture("inline-edition.tei.xml"), id: "letter")
        #expect(document.title == "A letter from the harbour")
        #expect(document.text.paragraphText(0) == "Letter the first")
        #expect(document.text.paragraphText(1) == "Mary wrote from Geneva on a wet evening. We shall sail tommorow, said Percy.")
        #expect(document.text.paragraphText(2) == "The colour of the sea was grey and cold.")
        func at(_ text: String, _ layer: Layer) -> Annotation? {
            document.annotations.first { $0.layer == layer && $0.ranges.map { document.text[$0] }.joined() == text }
        }
        #expect(at("Mary", .entity)?.category == "PER" && at("Mary", .entity)?.links(.ref) == [.id("mary")])
        #expect(at("Geneva", .entity)?.category == "GPE" && document.entry("geneva")?.wikidata == "Q71")
        #expect(at("wet evening", .entity)?.category == "DATE")
        #expect(at("Percy", .entity)?.links(.ref) == [.id("percy")], "@key names the entry")
        #expect(at("We shall sail tommorow", .quotation)?.links(.speaker) == [.id("percy")])
        #expect(at("tommorow", .error)?.correction == "tomorrow")
        #expect(at("colour", .error)?.correction == "color" && at("sea", .error)?.correction == "lake")
        #expect(document.entry("mary")?.aliases == ["Mary"] && document.entry("mary")?.wikidata == "Q47152")
        #expect(losses.counts["<hi> elements read as text only"] == 1)
        #expect(losses.counts["<note> elements (not the running text)"] == 1)
        #expect(losses.counts["<seg> elements without a layer (@type) or category (@ana)"] == 2)
    }

    @Test func notTEIOrNoTextIsRefusedNamingTheLine() throws {
        let path = directory.file("html.xml")
        try "<html><body><p>x</p></body></html>".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) { try InlineTEI.importDocument(path: path, id: "x") }
        let broken = directory.file("broken.xml")
        try #"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</body></TEI>"#.write(toFile: broken, atomically: true, encoding: .utf8)
        do {
            _ = try InlineTEI.importDocument(path: broken, id: "x")
            Issue.record("a malformed file was imported")
        } catch {
            #expect(error.line == 1)
        }
    }

    /// A name outside a register entry (the header's author) is not an entry's name: it crashed
    /// the import (a `where` that guarded only the last of five names).
    @Test func aNameOrIdnoInTheHeaderOutsideARegisterIsLeftAlone() throws {
        let path = directory.file("author.xml")
        try """
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
        <author><persName>Jane Doe</persName></author></titleStmt><publicationStmt><idno>x-1</idno></publicationStmt>
        <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
        <text><body><p>Kim met <persName>Trump</persName>.</p></body></text></TEI>
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let (document, _) = try InlineTEI.importDocument(path: path, id: "d")
        #expect(document.annotations.map { document.text[$0.ranges[0]] } == ["Trump"])
        #expect(document.registers.allSatisfy { $0.entries.isEmpty })
    }
}

/// TEI written by other projects (Tests/Fixtures/third-party/tei/, sources and licences in its
/// LICENSES.md), imported with every element not read counted, spans spot-checked.
@Suite("Inline TEI from other projects")
struct ThirdPartyTEITests {
    func imported(_ name: String) throws -> (Document, Losses) {
        try InlineTEI.importDocument(path: Repository.fixture("third-party/tei/\(name)"), id: "d")
    }

    func text(_ annotation: Annotation?, in document: Document) -> String? {
        annotation.map { $0.ranges.map { document.text[$0] }.joined(separator: "|") }
    }

    @Test func theThunLetter() throws {
        let (document, losses) = try imported("thun-nostitz-1860-01-04.xml")
        #expect(document.text.paragraphs.count == 6)
        #expect(document.text.paragraphText(0) == "Prag, am 4. Jänner [1]860")
        // The note inside the third paragraph is set aside, <lb/> is a space.
        #expect(document.text.paragraphText(2).hasPrefix("In der beiliegenden Broschüre habe ich meine Ansicht"))
        #expect(document.text.paragraphText(2).contains("ausgesprochen. Ich übersende"))
        let places = document.annotations.filter { $0.layer == .entity }
        #expect(places.map { text($0, in: document) } == ["Prag", "Böhmen"] && places.allSatisfy { $0.category == "GPE" })
        #expect(losses.counts["<note> elements (not the running text)"] == 1 && losses.counts["<index> elements (not the running text)"] == 1)
        #expect(losses.counts["pointers to ids the file does not declare"] == 1, "Böhmen's @ref names a place of another file")
        #expect(document.entry("per_123")?.name == "Johann Thayer", "the register in <back>")
    }

    @Test func theCasebooksConsultation() throws {
        let (document, losses) = try imported("casebooks-CASE80043.xml")
        #expect(document.text.paragraphText(0) == "A note of Directions for the noble lady Magdalen Egerton may 14th 1633.")
        // An illegible deletion leaves its addition as the text: "That is", not "at is".
        #expect(document.text.paragraphText(3).hasPrefix("That is give her a clyster."))
        // lb type="hyphenated" joins the word.
        #expect(document.text.string.contains("sarzaperilla"))
        func error(_ original: String) -> Annotation? { document.annotations.first { $0.layer == .error && text($0, in: document) == original } }
        #expect(error("behoofehull")?.correction == "behoofefull" && error("behoofehull")?.category == "sic")
        #expect(error("foote")?.correction == "right leg" && error("foote")?.category == "deletion")
        #expect(error("wch")?.correction == "which" && error("wch")?.category == "orig")
        #expect(text(document.annotations.first { $0.layer == .entity }, in: document) == "linford")
        #expect(losses.counts["<del> elements read as text only"] == 10 && losses.counts["<gap> elements read as text only"] == 8)
        #expect(losses.repairs["choices and substitutions with an empty original reading, the other reading read as the text"] == 4)
    }

    @Test func theArabicPapyrus() throws {
        let (document, losses) = try imported("apd-pap-24.xml")
        #expect(document.text.paragraphs.count == 1)
        // The lemma is the text, the other reading set aside; Arabic code points kept as they are.
        #expect(document.text.paragraphText(0).hasPrefix("إليّ بخبرك وخبر منك الّذي"))
        #expect(!document.text.string.contains("ماجن"))
        #expect(losses.counts["<rdg> elements (not the running text)"] == 4 && losses.counts["<app> elements read as text only"] == 4)
        #expect(document.annotations.isEmpty)
    }
}
