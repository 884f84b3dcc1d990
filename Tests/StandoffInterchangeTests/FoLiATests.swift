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
        let (bytes, losses) = FoLiA.export(document)
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains(#"<w xml:id="d.p.1.w.3" space="no">"#) && xml.contains("<t>Trump</t>"), "\(xml)")
        #expect(xml.contains(#"<entity xml:id="d.ent1" class="PER">"#) && xml.contains(#"<wref id="d.p.1.w.3"/>"#))
        #expect(xml.contains(#"<observation xml:id="d.err1" class="grammar">"#) && xml.contains("<desc>correction: No,; severity: minor</desc>"))
        #expect(losses.counts == ["quotations dropped (FoLiA quotes are structure, not spans over words)": 1])
    }
}
