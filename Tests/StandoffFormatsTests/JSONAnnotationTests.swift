import Foundation
import StandoffFormats
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// `list --format json`'s records, written by hand, are the bytes `JSONEncoder` writes: on every
/// fixture that reads, on the shipped annotations, and on records made to hold every odd value.
@Suite("JSON records")
struct JSONAnnotationTests {
    static func written(_ records: [JSONAnnotation]) -> String {
        var out = ""
        var writer = JSONAnnotation.ArrayWriter { out += $0 }
        for record in records { writer.add(record) }
        writer.finish()
        return out
    }

    static var fixtures: [String] {
        let directory = Repository.root.appendingPathComponent("Tests/Fixtures")
        let files = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".tei.xml") }
        return files.sorted().map { directory.appendingPathComponent($0).path } + [Repository.shippedAnnotations]
    }

    @Test func everyFixtureIsWrittenAsTheEncoderWritesIt() throws {
        var compared = 0
        for path in Self.fixtures {
            guard let document = try? TEIReader.load(path: path) else { continue }
            let records = document.sortedAnnotations().map { JSONAnnotation($0, in: document) }
            #expect(Self.written(records) == JSONAnnotation.json(records) + "\n", "\(path)")
            compared += records.count
        }
        #expect(compared > 200, "the fixtures and the shipped file hold annotations")
    }

    @Test func oddValuesAreWrittenAsTheEncoderWritesThem() throws {
        let text = SourceText("Quote \"this\" \\ back/slash\ttab é 👩🏽‍💻 \u{1}\u{1F}\u{7F} \u{2028} end")
        let odd = "a\"b\\c/d\u{8}\u{C}\n\r\t\u{0}\u{1B}\u{7F}é\u{2028}💻"
        let annotations = [
            Annotation(id: "a1", layer: .entity, category: "PER", ranges: [try TextRange(0, 5)]),
            Annotation(id: "a2", layer: .error, category: "spelling", ranges: [try TextRange(6, 12), try TextRange(14, 16)], snapshot: ["x", odd],
                       links: [Link(role: .ref, target: .id("k")), Link(role: try LinkRole("zeta"), target: .unknown), Link(role: .ref, target: .id("j"))],
                       features: [odd: odd, "B": "1", "a": ""], notes: [odd, ""], provenance: Provenance(annotator: "ann", time: Date(timeIntervalSince1970: 1_700_000_000.75),
                                                                                                      method: .automatic, certainty: .low),
                       cue: [try TextRange(1, 2)], correction: odd, severity: .major),
        ]
        let records = annotations.map { JSONAnnotation($0, text: text) }
        #expect(Self.written(records) == JSONAnnotation.json(records) + "\n")
        #expect(Self.written([]) == JSONAnnotation.json([JSONAnnotation]()) + "\n")
    }
}
