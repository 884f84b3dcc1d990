import StandoffTEI
import TestSupport
import Foundation
import StandoffInterchange
import StandoffModel
import Testing

/// UIMA CAS XMI: offsets in UTF-16 code units, one type a layer, a type system that declares
/// every feature written.
@Suite("UIMA XMI")
struct XMITests {
    @Test func offsetsAreUTF16CodeUnits() throws {
        // 👍 is one code point and two UTF-16 units: "Kim" starts at code point 2, unit 3.
        var document = try Document(id: "d", title: "t", text: SourceText("👍 Kim met Trump"))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(2, 5)]))
        try document.add(Annotation(id: "err1", layer: .error, category: "spelling", ranges: [TextRange(6, 9)], correction: "meets", severity: .minor))
        let (bytes, losses) = try XMI.export(document)
        let xmi = String(decoding: bytes, as: UTF8.self)
        #expect(xmi.contains(#"<standoff:Entity xmi:id="3" sofa="2" begin="3" end="6" standoffId="ent1" layer="entity" category="PER"/>"#), "\(xmi)")
        #expect(xmi.contains(#"begin="7" end="10""#) && xmi.contains(#"correction="meets" severity="minor""#))
        #expect(xmi.contains(#"<cas:View sofa="2" members="1 3 4"/>"#))
        #expect(losses.counts == ["document titles dropped": 1], "the type system has no title; everything of the annotations is carried")
        let typeSystem = String(decoding: try XMI.typeSystem(), as: UTF8.self)
        for feature in ["standoffId", "category", "correction", "severity", "cueBegin", "holder"] {
            #expect(typeSystem.contains("<name>\(feature)</name>"), "\(feature)")
        }
    }
}

/// XMI back into Standoff: our types whole, other annotation types as custom layers.
@Suite("UIMA XMI import")
struct XMIImportTests {
    let directory = TemporaryDirectory()

    @Test func theShippedAnnotationsRoundTrip() throws {
        let document = try TEIReader.load(path: BratTests.shipped)
        let path = directory.file("nk.xmi")
        try Data(XMI.export(document).xmi).write(to: URL(fileURLWithPath: path))
        let (back, _) = try XMI.importDocument(path: path, id: "north-korea-diplomacy", lossy: false)
        #expect(back.text == document.text)
        #expect(BratTests.essence(back) == BratTests.essence(document))
        #expect(Set(back.annotations.map(\.id)) == Set(document.annotations.map(\.id)))
    }

    @Test func anotherToolsTypesBecomeCustomLayersAndOtherStructuresStopUnlessLossy() throws {
        let path = directory.file("other.xmi")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmlns:ner="http:///de/example/ner.ecore" xmi:version="2.0">
              <cas:NULL xmi:id="0"/>
              <cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="👍 Kim met Trump"/>
              <ner:NamedEntity xmi:id="2" sofa="1" begin="3" end="6" value="PER"/>
              <ner:Lemma xmi:id="3" value="meet"/>
              <cas:View sofa="1" members="2 3"/>
            </xmi:XMI>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try XMI.importDocument(path: path, id: "d", lossy: false) } throws: { error in
            (error as? ImportError).map { $0.line == 6 && $0.message.contains("Lemma") && $0.hint.contains("--lossy") } ?? false
        }
        let (document, losses) = try XMI.importDocument(path: path, id: "d", lossy: true)
        let entity = try #require(document.annotations.first)
        // PER is the entity layer's already: category ids are unique in a file, so it is renamed.
        #expect(entity.layer.name == "namedEntity" && entity.category == "namedEntity-PER" && document.text[entity.ranges[0]] == "Kim")
        #expect(losses.counts == ["feature structures without a span (Lemma) left out": 1])
        #expect(losses.repairs["labels another layer already uses, declared as LAYER-LABEL"] == 1)
    }

    @Test func offsetsWrittenInCodePointsAreReadAsSuchAndReported() throws {
        // "👍 Kim": Kim is [2, 5) in code points, [3, 6) in UTF-16 units; offset 1 falls inside 👍 in UTF-16.
        let path = directory.file("codepoints.xmi")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmlns:standoff="http:///org/standoff.ecore" xmi:version="2.0">
              <cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="👍 Kim met Trump"/>
              <standoff:Entity xmi:id="2" sofa="1" begin="2" end="5" standoffId="ent1" layer="entity" category="PER"/>
              <standoff:Entity xmi:id="3" sofa="1" begin="1" end="5" standoffId="ent2" layer="entity" category="MISC"/>
            </xmi:XMI>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let (document, losses) = try XMI.importDocument(path: path, id: "d", lossy: false)
        #expect(document.annotation("ent1").map { document.text[$0.ranges[0]] } == "Kim")
        #expect(losses.repairs["annotations with offsets in code points, not UTF-16 code units, read as code points"] == 2)
    }

    /// A CAS with two views: the initial view (or the one named) is imported, the other view's
    /// annotations are counted, never put on this view's text.
    @Test func aCASWithTwoViewsGivesOneViewAndCountsTheOther() throws {
        let path = Repository.fixture("two-views.xmi")
        let (initial, losses) = try XMI.importDocument(path: path, id: "d", lossy: false)
        #expect(initial.text.string == "Kim met Trump.")
        #expect(initial.annotations.map { initial.text[$0.ranges[0]] } == ["Kim"])
        #expect(losses.counts["annotations of other views (translation) left out"] == 2)
        let (translation, other) = try XMI.importDocument(path: path, id: "d", lossy: false, view: "translation")
        #expect(translation.text.string == "Trump a rencontré Kim.")
        #expect(translation.annotations.map { translation.text[$0.ranges[0]] }.sorted() == ["Kim", "Trump"])
        #expect(other.counts["annotations of other views (_InitialView) left out"] == 1)
        #expect(throws: ImportError.self) { try XMI.importDocument(path: path, id: "d", lossy: false, view: "nope") }
    }

    /// A text over libxml2's default 10,000,000-byte limit on a value: the export says so, and
    /// Standoff's import reads it back (up to 1 GB).
    @Test func aSofaOverTenMegabytesIsSaidAndReadBack() throws {
        let line = String(repeating: "Kim met Trump in Hanoi and nothing came of it. ", count: 20)
        let text = SourceText(Array(repeating: line, count: 10_700).joined(separator: "\n"))
        #expect(text.string.utf8.count > 10_000_000)
        var document = try Document(id: "d", title: "t", text: text)
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)]))
        let last = text.count - 5
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(last - 5, last - 1)]))
        let (bytes, losses) = try XMI.export(document)
        #expect(losses.repairs.keys.contains { $0.hasPrefix("texts over 10,000,000 bytes") })
        let path = directory.file("huge.xmi")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (back, _) = try XMI.importDocument(path: path, id: "d", lossy: false)
        #expect(back.text == text)
        #expect(back.annotations.map { $0.ranges } == document.annotations.map { $0.ranges })
        // Huge values allowed, entities still refused: an entity bomb stops the import at once.
        #expect(throws: ImportError.self) { try XMI.importDocument(path: Repository.fixture("billion-laughs.xml"), id: "d", lossy: false) }
    }

    /// A custom layer's links (which have no feature of their own in the type system) go in
    /// `links` and come back; they were dropped uncounted.
    @Test func provenanceComesBackAsFeaturesAndNothingIsCountedLost() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump."))
        try document.declare(Annotator(id: "ann1", name: "A. Annotator"))
        let when = Date(timeIntervalSince1970: 1_780_000_000)
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)],
                                    provenance: Provenance(annotator: "ann1", time: when, method: .automatic, certainty: .medium)))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(8, 13)]))
        let (bytes, losses) = try XMI.export(document)
        #expect(losses.counts == ["document titles dropped": 1, "annotators' names and roles dropped": 1], "\(losses)")
        let xmi = String(decoding: bytes, as: UTF8.self)
        #expect(xmi.contains(#"annotator="ann1" certainty="medium" method="automatic" time="2026-05-28T20:26:40Z""#), "\(xmi)")
        let typeSystem = String(decoding: try XMI.typeSystem(), as: UTF8.self)
        for feature in ["certainty", "method", "time"] { #expect(typeSystem.contains("<name>\(feature)</name>"), "\(feature)") }
        let path = directory.file("provenance.xmi")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (back, _) = try XMI.importDocument(path: path, id: "d", lossy: false)
        #expect(try #require(back.annotation("ent1")).provenance == document.annotation("ent1")?.provenance)
        #expect(try #require(back.annotation("ent2")).provenance == Provenance())
    }

    @Test func aCustomLayersLinksComeBack() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump."))
        try document.add(RegisterEntry(id: "kim", kind: .person, name: "Kim Jong Un"))
        try document.add(Taxonomy(id: "claim", categories: [Category(id: "verified", description: "")]))
        _ = try document.add(Annotation(id: "claim1", layer: try Layer("claim"), category: "verified", ranges: [TextRange(0, 3)],
                                        links: [Link(role: .ref, target: .id("kim")), Link(role: .target, target: .id("verified"))]))
        let path = directory.file("claim.xmi")
        try Data(XMI.export(document).xmi).write(to: URL(fileURLWithPath: path))
        let (back, _) = try XMI.importDocument(path: path, id: "d", lossy: false)
        let links = try #require(back.annotation("claim1")).links
        #expect(Set(links.map { "\($0.role)=\($0.target)" }) == ["ref=kim", "target=verified"])
    }
}
