import Foundation
@testable import StandoffInterchange
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// The W3C export writes its annotations by hand: the bytes `JSONEncoder` wrote, on the shipped
/// file, on a document using every field, and on values with every character JSON escapes.
@Suite("W3C writer")
struct WebAnnotationWriterTests {
    static func encoded(_ item: WebAnnotation.Item) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(item))
    }

    @Test func everyAnnotationIsWrittenAsTheEncoderWritesIt() throws {
        var odd = try RoundTripMatrixTests.everyField()
        try odd.add(Annotation(id: "ent950", layer: .entity, category: "PER", ranges: [try TextRange(0, 3)],
                               features: ["k\"ey": "va\nlue"], notes: ["quote \" back\\slash / tab\t nul\u{0} esc\u{1B} é 💻 \u{2028}"]))
        var compared = 0
        for document in [try TEIReader.load(path: Repository.shippedAnnotations), odd] {
            for annotation in document.sortedAnnotations() {
                let item = WebAnnotation.item(annotation, in: document)
                var written: [UInt8] = []
                WebAnnotation.write(item, into: &written)
                #expect(written == (try Self.encoded(item)), "\(annotation.id)")
                compared += 1
            }
        }
        #expect(compared > 370)
    }
}
