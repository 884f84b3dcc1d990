import Foundation
import StandoffInterchange
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// W3C Web Annotation out and back; positions checked against quotes, re-anchored by a quote
/// that occurs once, refused otherwise.
@Suite("W3C Web Annotation")
struct WebAnnotationTests {
    static let shipped = Repository.root.appendingPathComponent("Annotations/north-korea-diplomacy.tei.xml").path

    @Test func theShippedAnnotationsRoundTrip() throws {
        let document = try TEIReader.load(path: Self.shipped)
        let (json, losses) = WebAnnotation.export(document)
        #expect(losses.counts["revision history entries dropped"] == document.revisions.count)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "AnnotationCollection" && object["total"] as? Int == 186)
        let (back, repairs) = try WebAnnotation.importDocument(Data(json.utf8), text: document.text.string, id: "north-korea-diplomacy", file: "nk.jsonld")
        #expect(repairs.repairs.isEmpty)
        #expect(BratTests.essence(back) == BratTests.essence(document))
        #expect(Set(back.annotations.map(\.id)) == Set(document.annotations.map(\.id)), "Standoff's ids come back from the IRIs")
        #expect(back.annotation("ent1")?.provenance.annotator == "standoff-team" && back.annotation("ent1")?.provenance.time != nil)
    }

    @Test func aWrongPositionIsReanchoredByItsQuoteOrRefused() throws {
        func file(start: Int, end: Int, exact: String, prefix: String = "", suffix: String = "") -> Data {
            Data("""
            {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:a1", "type": "Annotation", "motivation": "identifying",
             "body": {"type": "TextualBody", "purpose": "tagging", "value": "PER"},
             "target": {"source": "urn:x", "selector": [{"type": "TextPositionSelector", "start": \(start), "end": \(end)},
                        {"type": "TextQuoteSelector", "exact": "\(exact)", "prefix": "\(prefix)", "suffix": "\(suffix)"}]}}
            """.utf8)
        }
        let text = "Kim met Trump. Then Trump left."
        let (moved, losses) = try WebAnnotation.importDocument(file(start: 0, end: 5, exact: "Trump", prefix: "met ", suffix: "."), text: text, id: "d", file: "a.json")
        #expect(moved.annotations.first?.ranges == [try TextRange(8, 13)])
        #expect(losses.repairs == ["annotations re-anchored by their quote (the position did not hold it)": 1])
        #expect { try WebAnnotation.importDocument(file(start: 0, end: 5, exact: "Trump"), text: text, id: "d", file: "a.json") } throws: { error in
            (error as? ImportError).map { $0.message.contains("urn:x:a1") && $0.message.contains("occurs 2 times") } ?? false
        }
    }
}
