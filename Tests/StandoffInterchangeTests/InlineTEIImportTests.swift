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
        let (xml, exportLosses) = InlineTEI.export(original)
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
}
