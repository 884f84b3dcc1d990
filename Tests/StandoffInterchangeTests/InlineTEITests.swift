import Foundation
import StandoffInterchange
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// TEI with inline markup: valid against the full TEI schema, the text unchanged, crossing and
/// discontinuous spans as fragments joined by @next/@prev.
@Suite("TEI with inline markup")
struct InlineTEITests {
    let directory = TemporaryDirectory()

    @Test func crossingSpansBecomeFragmentsJoinedByNextAndPrev() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("alpha beta gamma delta"))
        try document.add(RegisterEntry(id: "x", kind: .person, name: "X"))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 16)], links: [Link(role: .ref, target: .id("x"))]))
        try document.add(Annotation(id: "err1", layer: .error, category: "grammar", ranges: [TextRange(6, 22)], correction: "BETA"))
        let xml = String(decoding: try InlineTEI.export(document).xml, as: UTF8.self)
        #expect(xml.contains(##"<p xml:id="p1"><persName xml:id="ent1" ref="#x" ana="#PER">alpha <choice><sic xml:id="err1" ana="#grammar" next="#err1-2">beta gamma</sic><corr>BETA</corr></choice></persName><sic xml:id="err1-2" ana="#grammar" prev="#err1"> delta</sic></p>"##), "\(xml)")
        // The text is the text: markup removed, the paragraph reads as before.
        let paragraph = try #require(xml.firstMatch(of: /<p xml:id="p1">(.*?)<\/p>/)?.1)
        #expect(String(paragraph).replacing(/<corr>.*?<\/corr>/, with: "").replacing(/<[^>]+>/, with: "") == "alpha beta gamma delta")
    }

    @Test(.enabled(if: Repository.teiAllSchema != nil, "tei_all.rng not found beside the repository"))
    func theShippedAnnotationsAreValidTEI() throws {
        let document = try TEIReader.load(path: BratTests.shipped)
        let path = directory.file("inline.xml")
        try Data(InlineTEI.export(document).xml).write(to: URL(fileURLWithPath: path))
        let schema = try TEISchema(path: try #require(Repository.teiAllSchema))
        let problems = schema.validate(path: path, code: .teiAll)
        #expect(problems.isEmpty, "\(problems.prefix(3).map(\.location))")
    }

    /// Certainty and method are counted as dropped, each under its own name.
    @Test func certaintyAndMethodAloneAreCountedAsProvenance() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump."))
        _ = try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)],
                                        provenance: Provenance(method: .automatic, certainty: .low)))
        let counts = try InlineTEI.export(document).losses.counts
        #expect(counts["annotations' method dropped"] == 1 && counts["annotations' certainty dropped"] == 1 && counts["annotations' annotator dropped"] == nil)
    }
}
