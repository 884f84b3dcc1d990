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
        let (bytes, losses) = XMI.export(document)
        let xmi = String(decoding: bytes, as: UTF8.self)
        #expect(xmi.contains(#"<standoff:Entity xmi:id="3" sofa="2" begin="3" end="6" standoffId="ent1" layer="entity" category="PER"/>"#), "\(xmi)")
        #expect(xmi.contains(#"begin="7" end="10""#) && xmi.contains(#"correction="meets" severity="minor""#))
        #expect(xmi.contains(#"<cas:View sofa="2" members="1 3 4"/>"#))
        #expect(losses.isEmpty)
        let typeSystem = String(decoding: XMI.typeSystem(), as: UTF8.self)
        for feature in ["standoffId", "category", "correction", "severity", "cueBegin", "holder"] {
            #expect(typeSystem.contains("<name>\(feature)</name>"), "\(feature)")
        }
    }
}
