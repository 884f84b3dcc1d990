import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// A merge's annotations in TEI: several annotators in `@resp`, curation steps as
/// `<change status="…" n="CONFLICT">` in the annotation's `revisionDesc`.
@Suite("Curation in TEI")
struct CurationEncodingTests {
    static func merged() throws -> Document {
        var document = try Samples.richDocument()
        let time = Date(timeIntervalSince1970: 1_733_097_600)
        try document.declare(Annotator(id: "ed", name: "Ed Itor", role: "curation"))
        try document.add(Annotation(id: "ent9", layer: .entity, category: "PER", ranges: try document.ranges(of: "Trump"),
                                    provenance: Provenance(annotators: ["ann1", "bot"], time: time, method: .merged, certainty: .medium),
                                    history: [CurationStep(status: .proposed, who: ["ann1", "bot"], time: time, conflict: "c1", description: "category & <bounds>: 2 of 3"),
                                              CurationStep(status: .accepted, who: ["ed"], time: time.addingTimeInterval(60), conflict: "c1", description: "accepted")]))
        try document.add(Annotation(id: "ent10", layer: .entity, category: "ORG", ranges: try document.ranges(of: "Trump"),
                                    provenance: Provenance(annotators: ["ann1"], method: .merged),
                                    history: [CurationStep(status: .proposed, who: ["ann1"], conflict: "c1")]))
        return document
    }

    @Test func stepsAndSeveralAnnotatorsAreWrittenAndReadBack() throws {
        let document = try Self.merged()
        let directory = TemporaryDirectory()
        let back = try Samples.roundTrip(document, in: directory)
        #expect(back.annotation("ent9") == document.annotation("ent9"))
        #expect(back.annotation("ent10") == document.annotation("ent10"))
        #expect(back.annotation("ent9")?.curationStatus == .accepted && back.annotation("ent10")?.isOpenProposal == true)
        let xml = String(decoding: Repository.read(directory.file("doc.tei.xml")), as: UTF8.self)
        #expect(xml.contains(##"resp="#ann1 #bot" cert="medium">"##))
        #expect(xml.contains(##"<change when="2024-12-02T00:00:00Z" who="#ann1 #bot" status="proposed" n="c1">category &amp; &lt;bounds&gt;: 2 of 3</change>"##))
        #expect(xml.contains(##"<change when="2024-12-02T00:01:00Z" who="#ed" status="accepted" n="c1">accepted</change>"##))
        #expect(xml.contains(##"<change who="#ann1" status="proposed" n="c1"/>"##))
        #expect(xml.contains(##"<change who="#ann1" type="merged"/>"##), "the provenance change says the method, merged")
    }

    @Test(.enabled(if: Repository.teiAllSchema != nil, "tei_all.rng not found"))
    func theEncodingIsValidTEI() throws {
        let directory = TemporaryDirectory()
        try TEIWriter.write(try Self.merged(), to: directory.file("merged.tei.xml"))
        #expect(TEIAllSchema.shared.errors(validating: directory.file("merged.tei.xml")) == [])
    }

    @Test(arguments: [
        (##"<change status="draft" n="c1"/>"##, "<change status=\"draft\"> is not a curation status"),
        (##"<change status="proposed" who="ann1"/>"##, "@resp 'ann1' is not a pointer to an annotator"),
    ])
    func aStepThatIsNotOneIsNamedAtItsAnnotation(change: String, message: String) throws {
        let shipped = String(decoding: Repository.read(Repository.shippedAnnotations), as: UTF8.self)
        let first = try #require(shipped.range(of: ##"<change when="2024-11-30T00:00:00Z" who="#standoff-team" type="manual"/>"##))
        let broken = shipped.replacingCharacters(in: first, with: ##"<change when="2024-11-30T00:00:00Z" who="#standoff-team" type="manual"/>"## + change)
        let directory = TemporaryDirectory()
        try broken.write(toFile: directory.file("broken.tei.xml"), atomically: true, encoding: .utf8)
        let problems = TEIReader.read(path: directory.file("broken.tei.xml")).problems
        let words = problems.map(\.message)
        #expect(words.contains { $0.contains(message) }, "\(words)")
    }

    @Test func aRespOfSeveralPointersNamesEveryAnnotator() throws {
        let shipped = String(decoding: Repository.read(Repository.shippedAnnotations), as: UTF8.self)
        let edited = shipped.replacingOccurrences(of: ##"<respStmt xml:id="standoff-team">"##, with: ##"<respStmt xml:id="second"><resp>annotation</resp><name>Second</name></respStmt><respStmt xml:id="standoff-team">"##)
            .replacingOccurrences(of: ##"ana="#PER" resp="#standoff-team">"##, with: ##"ana="#PER" resp="#standoff-team #second">"##)
        let directory = TemporaryDirectory()
        try edited.write(toFile: directory.file("two.tei.xml"), atomically: true, encoding: .utf8)
        let document = try TEIReader.load(path: directory.file("two.tei.xml"))
        #expect(document.annotation("ent1")?.provenance.annotators == ["standoff-team", "second"])
        let unknown = edited.replacingOccurrences(of: ##"resp="#standoff-team #second""##, with: ##"resp="#standoff-team #nobody""##)
        try unknown.write(toFile: directory.file("unknown.tei.xml"), atomically: true, encoding: .utf8)
        #expect(throws: TEIReadError.self) { try TEIReader.load(path: directory.file("unknown.tei.xml")) }
    }
}
