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
    static let shipped = Repository.shippedAnnotations

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
        #expect(losses.counts.keys.allSatisfy { !$0.contains("method") && !$0.contains("certainty") }, "\(losses.counts)")
        for annotation in document.annotations { #expect(back.annotation(annotation.id)?.provenance == annotation.provenance, "\(annotation.id)") }
    }

    /// Method and certainty travel as `standoff:method` and `standoff:certainty`; a value the
    /// model has no word for is counted, not guessed.
    @Test func methodAndCertaintyComeBackAndUnknownValuesAreCounted() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump."))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)],
                                    provenance: Provenance(method: .automatic, certainty: .low)))
        let (json, losses) = WebAnnotation.export(document)
        #expect(losses.isEmpty, "\(losses)")
        #expect(json.contains(#""standoff:certainty":"low""#) && json.contains(#""standoff:method":"automatic""#), "\(json)")
        let (back, _) = try WebAnnotation.importDocument(Data(json.utf8), text: document.text.string, id: "d", file: "a.jsonld")
        #expect(back.annotation("ent1")?.provenance == Provenance(method: .automatic, certainty: .low))
        let odd = json.replacingOccurrences(of: #""standoff:method":"automatic""#, with: #""standoff:method":"semi-automatic""#)
        let (guessed, counted) = try WebAnnotation.importDocument(Data(odd.utf8), text: document.text.string, id: "d", file: "a.jsonld")
        #expect(guessed.annotation("ent1")?.provenance == Provenance(certainty: .low))
        #expect(counted.counts == ["standoff:method values other than manual and automatic left out": 1])
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
        #expect(losses.repairs == ["annotations re-anchored by the quote (the position did not hold it)": 1])
        #expect { try WebAnnotation.importDocument(file(start: 0, end: 5, exact: "Trump"), text: text, id: "d", file: "a.json") } throws: { error in
            (error as? ImportError).map { $0.message.contains("urn:x:a1") && $0.message.contains("occurs 2 times") } ?? false
        }
    }

    /// Positions a JavaScript client counted in UTF-16 code units (an emoji is two) are
    /// converted and reported, as JSON Lines' are, even where the quote alone is ambiguous.
    @Test func positionsInUTF16CodeUnitsAreConverted() throws {
        let text = "😀 Trump met Trump."
        // "Trump" (the second) at code points 12–17, UTF-16 units 13–18; the quote occurs twice.
        let json = Data("""
            {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:a1", "type": "Annotation", "motivation": "identifying",
             "body": {"type": "TextualBody", "purpose": "tagging", "value": "PER"},
             "target": {"source": "urn:x", "selector": [{"type": "TextPositionSelector", "start": 13, "end": 18},
                        {"type": "TextQuoteSelector", "exact": "Trump"}]}}
            """.utf8)
        let (document, losses) = try WebAnnotation.importDocument(json, text: text, id: "d", file: "a.json")
        #expect(document.annotations.first?.ranges == [try TextRange(12, 17)])
        #expect(losses.repairs == ["annotations with offsets in UTF-16 code units, converted to code points": 1])
    }

    @Test func annotationsInTheShapesOtherClientsWriteImport() throws {
        // The model's shorthands (bodyValue, a body that is an IRI, a list of motivations, a
        // quote alone), free-text tags and a Wikidata IRI as Recogito writes them, and a
        // Hypothesis API answer (rows with text and tags): written here in those shapes.
        let text = "Kim Jong Un met Donald Trump in Hanoi. Trump left early."
        let collection = """
            [{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno1", "type": "Annotation",
              "bodyValue": "Who arranged this?",
              "target": {"source": "http://example.org/page1", "selector": {"type": "TextQuoteSelector", "exact": "Hanoi"}}},
             {"id": "http://example.org/anno2", "type": "Annotation", "motivation": ["identifying"],
              "body": [{"type": "SpecificResource", "purpose": "identifying", "source": "http://www.wikidata.org/entity/Q22686"},
                       {"type": "TextualBody", "purpose": "tagging", "value": "head of state"},
                       {"type": "TextualBody", "purpose": "tagging", "value": "US"}],
              "target": {"source": "http://example.org/page1", "selector": [{"type": "TextPositionSelector", "start": 16, "end": 28}]}},
             {"id": "http://example.org/anno3", "type": "Annotation", "motivation": "commenting", "body": "http://example.org/note7",
              "target": {"selector": {"type": "TextQuoteSelector", "exact": "Trump", "prefix": ". ", "suffix": " left"}}}]
            """
        let (document, losses) = try WebAnnotation.importDocument(Data(collection.utf8), text: text, id: "d", file: "a.jsonld")
        let byText = Dictionary(uniqueKeysWithValues: document.annotations.map { (document.text[$0.ranges[0]] + "@\($0.start)", $0) })
        #expect(byText["Hanoi@32"]?.notes == ["Who arranged this?"])
        let trump = try #require(byText["Donald Trump@16"])
        #expect(trump.category == "head-of-state" && trump.notes == ["tag: US"])
        #expect(trump.links == [Link(role: .ref, target: .id("wd-Q22686"))])
        #expect(document.entry("wd-Q22686")?.wikidata == "Q22686" && document.entry("wd-Q22686")?.name == "Donald Trump")
        #expect(byText["Trump@39"]?.notes == ["http://example.org/note7"])
        #expect(losses.repairs["tags made a category id each (- for spaces and other characters an id cannot hold)"] == 1)
        #expect(losses.repairs["tags after the first kept as notes"] == 1)

        let hypothesis = """
            {"total": 1, "rows": [{"id": "Gh7x", "uri": "https://example.org/article", "text": "Check this name", "tags": ["person"],
              "target": [{"source": "https://example.org/article", "selector": [
                {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 11},
                {"type": "TextPositionSelector", "start": 0, "end": 11},
                {"type": "TextQuoteSelector", "exact": "Kim Jong Un", "prefix": "", "suffix": " met"}]}]}]}
            """
        let (rows, _) = try WebAnnotation.importDocument(Data(hypothesis.utf8), text: text, id: "h", file: "h.json")
        #expect(rows.annotations.map { "\($0.category?.rawValue ?? "-") \(rows.text[$0.ranges[0]]) \($0.notes)" } == [#"person Kim Jong Un ["Check this name"]"#])

        // JSON that holds no annotation in any of these shapes is refused, not read as none;
        // an empty collection is none; an empty tag is no category.
        for nothing in ["{}", "[1, 2]", #"{"type": "Annotation"}"#] {
            #expect { try WebAnnotation.importDocument(Data(nothing.utf8), text: text, id: "d", file: "n.json") } throws: { error in
                (error as? ImportError).map { $0.message.contains("holds no W3C annotations") } ?? false
            }
        }
        #expect(try WebAnnotation.importDocument(Data(#"{"type": "AnnotationCollection", "items": []}"#.utf8), text: text, id: "d", file: "e.json").document.annotations.isEmpty)
        let emptyTag = #"{"type": "Annotation", "body": {"purpose": "tagging", "value": " "}, "target": {"selector": {"type": "TextQuoteSelector", "exact": "Hanoi"}}}"#
        #expect(try WebAnnotation.importDocument(Data(emptyTag.utf8), text: text, id: "d", file: "t.json").document.annotations.first?.category == nil)

        // A target that only an XPath or a CSS selector places cannot be anchored on the text.
        let xpath = #"{"type": "Annotation", "target": {"selector": {"type": "XPathSelector", "value": "/p[2]"}}}"#
        #expect { try WebAnnotation.importDocument(Data(xpath.utf8), text: text, id: "d", file: "x.json") } throws: { error in
            (error as? ImportError).map { $0.message.contains("no TextPositionSelector or TextQuoteSelector (only XPathSelector)") && $0.description.hasPrefix("x.json: ") } ?? false
        }
    }
}
