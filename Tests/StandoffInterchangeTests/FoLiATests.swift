import Foundation
import StandoffInterchange
import StandoffModel
import Testing

/// FoLiA: words with their spacing, spans over them, and what FoLiA cannot hold counted.
@Suite("FoLiA")
struct FoLiATests {
    @Test func wordsSpansAndLosses() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump.\nNo deal."))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(8, 13)]))
        try document.add(Annotation(id: "quo1", layer: .quotation, category: "direct", ranges: [TextRange(15, 22)]))
        try document.add(Annotation(id: "err1", layer: .error, category: "grammar", ranges: [TextRange(15, 17)], correction: "No,", severity: .minor))
        let (bytes, losses) = try FoLiA.export(document)
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains(#"<w xml:id="d.p.1.w.3" space="no">"#) && xml.contains("<t>Trump</t>"), "\(xml)")
        #expect(xml.contains(#"<entity xml:id="d.ent1" class="PER">"#) && xml.contains(#"<wref id="d.p.1.w.3"/>"#))
        #expect(xml.contains(#"<observation xml:id="d.err1" class="grammar">"#) && xml.contains("<desc>correction: No,; severity: minor</desc>"))
        #expect(losses.counts == ["quotations dropped (FoLiA quotes are structure, not spans over words)": 1])
    }

    /// Features and notes go in FoLiA's `feat` and `comment`, and are not counted lost.
    @Test func featuresAndNotesAreCarried() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump."))
        _ = try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)],
                                        features: ["checked": "yes & sure"], notes: ["first <note>", "second"]))
        let (bytes, losses) = try FoLiA.export(document)
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains(#"<feat subset="checked" class="yes &amp; sure"/>"#), "\(xml)")
        #expect(xml.contains("<comment>first &lt;note&gt;</comment>") && xml.contains("<comment>second</comment>"))
        #expect(xml.contains("<comment-annotation/>"), "comments are declared")
        #expect(losses.isEmpty, "\(losses.counts)")
    }

    /// Provenance goes in FoLiA's common attributes; certainty and the register are counted.
    @Test func provenanceIsCarriedAndTheRestCounted() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump."))
        try document.add(RegisterEntry(id: "kim", kind: .person, name: "Kim Jong Un", wikidata: "Q56226"))
        try document.declare(Annotator(id: "ann1", name: "A. Annotator"))
        _ = try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)], links: [Link(role: .ref, target: .id("kim"))],
                                        provenance: Provenance(annotator: "ann1", time: Date(timeIntervalSince1970: 1_732_406_400), method: .automatic, certainty: .high)))
        let (bytes, losses) = try FoLiA.export(document)
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains(#"<entity xml:id="d.ent1" class="PER" annotator="ann1" annotatortype="auto" datetime="2024-11-24T00:00:00Z">"#), "\(xml)")
        #expect(losses.counts["annotations' certainty dropped"] == 1)
        #expect(xml.contains(#"<relation class="kim" xlink:href="http://www.wikidata.org/entity/Q56226" xlink:type="simple">"#), "\(xml)")
        #expect(xml.contains(#"<feat subset="name" class="Kim Jong Un"/>"#) && xml.contains(#"<feat subset="kind" class="person"/>"#))
        #expect(!losses.counts.keys.contains { $0.contains("register") }, "the entry is carried by the relation: \(losses.counts)")
    }
}
