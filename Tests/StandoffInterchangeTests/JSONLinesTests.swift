import Foundation
import StandoffInterchange
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// JSON Lines out and back: nothing but the revision history is lost, offsets are checked
/// against the text, and offsets in another unit are converted and reported.
@Suite("JSON Lines")
struct JSONLinesTests {
    static let shipped = Repository.shippedAnnotations

    /// Streams `document`'s annotations in `order` into the streamed export; its bytes and losses,
    /// or nil if it refused the order.
    static func streamed(_ document: Document, order: [Annotation]) throws -> (bytes: [UInt8], losses: Losses)? {
        var declarations = try Document(id: document.id, title: document.title, language: document.language, text: document.text,
                                        paragraphIDs: document.paragraphIDs, source: document.source, taxonomies: document.taxonomies)
        for register in document.registers { for entry in register.entries { try declarations.add(entry) } }
        for annotator in document.annotators { try declarations.declare(annotator) }
        let stream = JSONLines.Stream(declarations: declarations)
        var bytes: [UInt8] = []
        for annotation in order { guard try stream.add(annotation, write: { bytes += $0 }) else { return nil } }
        let losses = try stream.finish(revisions: document.revisions, preserved: document.preserved) { bytes += $0 }
        return (bytes, losses)
    }

    /// The streamed export writes the bytes `JSONEncoder` writes for the whole line, on the
    /// shipped file, on a document holding every field (odd strings among them), and on one
    /// with no annotation; a file out of the model's order is refused, not written otherwise.
    @Test func theStreamedLineIsTheEncodersLine() throws {
        var odd = try RoundTripMatrixTests.everyField()
        var first = try #require(odd.annotation("ent1"))
        first.features["ключ \"quoted\"/\u{1}"] = "tab\there\nnew line \u{7F} \u{2028} 🇰🇵 é"
        first.notes.append("back\\slash </script>")
        try odd.replaceAnnotation(first)
        let empty = try Document(id: "empty", title: "No annotations \"at all\"", text: SourceText("Just text."))
        for document in [try TEIReader.load(path: Self.shipped), odd, empty] {
            let (line, losses) = JSONLines.export(document)
            let streamed = try #require(try Self.streamed(document, order: document.sortedAnnotations()))
            #expect(String(decoding: streamed.bytes, as: UTF8.self) == line + "\n")
            #expect(streamed.losses == losses, "\(streamed.losses.counts) against \(losses.counts)")
        }
        let document = try TEIReader.load(path: Self.shipped)
        var order = document.sortedAnnotations()
        order.swapAt(3, 4)
        #expect(try Self.streamed(document, order: order) == nil)
    }

    @Test func theShippedAnnotationsRoundTrip() throws {
        let document = try TEIReader.load(path: Self.shipped)
        let (line, losses) = JSONLines.export(document)
        #expect(!line.contains("\n"))
        #expect(losses.counts == ["revision history entries dropped": document.revisions.count])
        let (documents, back) = try JSONLines.importDocuments(Data(line.utf8), file: "x.jsonl")
        #expect(back.repairs.isEmpty && documents.count == 1)
        let again = try #require(documents.first)
        #expect(again.text == document.text)
        #expect(again.annotations.sorted { $0.id < $1.id } == document.annotations.sorted { $0.id < $1.id })
        #expect(again.registers == document.registers)
        #expect(again.annotators == document.annotators)
        #expect(again.taxonomies.map(\.id) == document.taxonomies.map(\.id))
    }

    @Test func aDiscontinuousSpanIsOneSpanARangeAndComesBackWhole() throws {
        var document = try Document(id: "d", title: "t", text: SourceText("alpha beta gamma"))
        try document.add(Annotation(id: "err1", layer: .error, category: "spelling", ranges: [TextRange(0, 5), TextRange(11, 16)], correction: "x"))
        let (line, _) = JSONLines.export(document)
        let decoded = try JSONDecoder().decode(JSONLines.Line.self, from: Data(line.utf8))
        #expect(decoded.spans.map { [$0.start, $0.end, $0.part ?? -1] } == [[0, 5, 0], [11, 16, 1]])
        let back = try JSONLines.importDocuments(Data(line.utf8), file: "x").documents[0]
        #expect(back.annotation("err1")?.ranges == [try TextRange(0, 5), try TextRange(11, 16)])
    }

    @Test func offsetsInUTF16UnitsAreConvertedAndReported() throws {
        // After an emoji (two UTF-16 units), a tool counting UTF-16 units is one off per emoji.
        let text = "👍 Kim met Trump"
        let line = #"{"id":"d","text":"\#(text)","spans":[{"start":3,"end":6,"label":"PER","layer":"entity","id":"e1","text":"Kim"},{"start":11,"end":16,"label":"PER","layer":"entity","id":"e2","text":"Trump"}]}"#
        let (documents, losses) = try JSONLines.importDocuments(Data(line.utf8), file: "x")
        #expect(documents[0].annotation("e1")?.ranges == [try TextRange(2, 5)])
        #expect(losses.repairs == ["annotations with offsets in UTF-16 code units, converted to code points": 2])
        #expect(losses.summary(format: "jsonl")?.contains("2 annotations with offsets in UTF-16 code units, converted to code points") == true)
    }

    @Test func aSpanWhoseTextIsNotThereIsAnErrorNamingIt() {
        let line = #"{"id":"d","text":"Kim met Trump","spans":[{"start":0,"end":3,"label":"PER","layer":"entity","id":"e1","text":"Kim"},{"start":4,"end":7,"label":"PER","layer":"entity","id":"e2","text":"Putin"}]}"#
        #expect { try JSONLines.importDocuments(Data(("\n" + line).utf8), file: "in.jsonl") } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == 2 && error.message.contains("span 'e2'") && error.message.contains("\"Putin\"") && error.message.contains("\"met\"")
        }
        #expect(throws: ImportError.self) { try JSONLines.importDocuments(Data("{not json}".utf8), file: "in.jsonl") }
    }

    @Test func linesOtherToolsWriteImport() throws {
        // Prodigy (no ids, bookkeeping fields, a rejected example), spaCy's Doc.to_json() (ents
        // and a span group), doccano (numeric ids, entities with relations; the older label form),
        // with a byte order mark before the first line.
        let lines = [
            #"{"text":"Kim met Trump.","spans":[{"start":0,"end":3,"label":"PER","token_start":0,"token_end":0},{"start":8,"end":13,"label":"PER"}],"_input_hash":1,"answer":"accept","meta":{"source":"x"}}"#,
            #"{"text":"No deal.","spans":[],"answer":"reject"}"#,
            #"{"text":"👍 Moon spoke.","ents":[{"start":2,"end":6,"label":"PER"}],"spans":{"sc":[{"start":7,"end":12,"label":"SPEECH"}]},"sents":[{"start":0,"end":13}],"tokens":[]}"#,
            #"{"id":7,"text":"Kim met Trump.","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":3},{"id":2,"label":"PER","start_offset":8,"end_offset":13}],"relations":[{"id":1,"from_id":1,"to_id":2,"type":"met"}],"Comments":[]}"#,
            #"{"id":8,"text":"Kim met Trump.","label":[[0,3,"PER"],[8,13,"PER"]]}"#,
        ]
        let (documents, losses) = try JSONLines.importDocuments(Data(([0xEF, 0xBB, 0xBF]) + Array(lines.joined(separator: "\n").utf8)), file: "in.jsonl", name: "in")
        #expect(documents.map(\.id.rawValue) == ["in-1", "in-3", "in-7", "in-8"])
        func spans(_ document: Document) -> [String] {
            document.annotations.map { "\($0.id) \($0.layer) \($0.category?.rawValue ?? "-") \(document.text[$0.ranges[0]])\($0.links.map { " \($0.role)=\($0.target)" }.joined())" }
        }
        #expect(spans(documents[0]) == ["ent1 entity PER Kim", "ent2 entity PER Trump"])
        #expect(spans(documents[1]) == ["ent1 entity PER Moon", "sc1 sc SPEECH spoke"])
        #expect(spans(documents[2]) == ["doccano-1 entity PER Kim met=doccano-2", "doccano-2 entity PER Trump"])
        #expect(spans(documents[3]) == ["ent1 entity PER Kim", "ent2 entity PER Trump"])
        #expect(losses.counts == ["Prodigy examples answered reject left out": 1, "lines with a \"Comments\" field, not read": 1])
        // Two documents of one id would be one file: an error naming the second line.
        #expect { try JSONLines.importDocuments(Data("{\"id\":\"a\",\"text\":\"Kim\",\"spans\":[]}\n\n{\"id\":\"a\",\"text\":\"Trump\",\"spans\":[]}\n".utf8), file: "d.jsonl") } throws: { error in
            (error as? ImportError).map { $0.line == 3 && $0.message.contains("'a' was already read from line 1") } ?? false
        }
        // A doccano relation naming an entity the line lacks is an error naming the line.
        let broken = #"{"id":1,"text":"Kim","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":3}],"relations":[{"id":1,"from_id":1,"to_id":9,"type":"met"}]}"#
        #expect { try JSONLines.importDocuments(Data(broken.utf8), file: "d.jsonl") } throws: { error in
            (error as? ImportError).map { $0.line == 1 && $0.message.contains("doccano-9") } ?? false
        }
    }

    /// A line that is not what the format needs is named with its line, its field or column,
    /// and what is expected; never Foundation's "The given data was not valid JSON".
    @Test(arguments: [
        (#"{"text": "Kim met Trump.", "spans": [{"start": 6, "end": 0, "label": "PER"}]}"#, "[6, 0) is reversed"),
        (#"{"text": "Kim met Trump.", "spans": [{"start": 5.5, "end": 7, "label": "PER"}]}"#, "spans[0].start: 5.5 is not a whole number"),
        (#"{"text": "Kim met Trump.", "spans": [{"start": 1e30, "end": 7, "label": "PER"}]}"#, "spans[0].start: 1e+30 is not a whole number"),
        (#"{"text": null, "spans": []}"#, "text is null where a string is needed"),
        (#"[1, 2]"#, "the line is not a JSON object"),
        (#"{"text": "a\ud800", "spans": []}"#, "column 12: \\ud800 is half of a surrogate pair"),
        (#"{"text": "Kim", "text": "Bob", "spans": []}"#, "column 17: the key \"text\" is given twice in one object"),
        (#"{"text": "Kim", "spans": [}"#, "column 27: '}' where a value"),
        (String(repeating: "[", count: 150) + String(repeating: "]", count: 150), "nested more than 100 deep"),
    ])
    func aLineThatIsNotADocumentIsNamedWithWhatIsWrong(line: String, said: String) {
        let data = Data(("{\"text\": \"ok\", \"spans\": []}\n" + line + "\n").utf8)
        do {
            _ = try JSONLines.importDocuments(data, file: "x.jsonl")
            Issue.record("imported")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains(said), "\(error.message)")
            #expect(!error.message.contains("not valid JSON") && !error.message.contains("DecodingError"))
        }
    }

    @Test func bytesThatAreNotUTF8AreNamedWithTheirColumn() {
        do {
            _ = try JSONLines.importDocuments(Data([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]), file: "x.jsonl")
            Issue.record("imported")
        } catch {
            #expect(error.message == "column 7: bytes that are not UTF-8", "\(error.message)")
        }
    }
}
