import Foundation
import StandoffFormats
import StandoffModel
import Testing

@Suite("Inline rendering and JSON records")
struct InlineMarkupTests {
    func document() throws -> Document {
        var document = try Document(id: "d", title: "", text: SourceText("Kim met “Trump”.\nNo deal."))
        try document.add(RegisterEntry(id: "kim", kind: .person, name: "Kim Jong Un"))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)], links: [Link(role: .ref, target: .id("kim"))]))
        try document.add(Annotation(id: "quo1", layer: .quotation, category: "scare", ranges: [TextRange(8, 15)], links: [Link(role: .speaker, target: .unknown)]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(9, 14)]))
        try document.add(Annotation(id: "err1", layer: .error, category: "punctuation", ranges: [TextRange(15, 19)], correction: ". No", severity: .minor))
        return document
    }

    @Test func bracketsNestAndLabelEachSpan() throws {
        let document = try document()
        let text = InlineMarkup(style: .brackets).render(document, annotations: document.sortedAnnotations())
        #expect(text == "[Kim]{ent1 PER → kim} met [“[Trump]{ent2 PER}”]{quo1 scare speaker: unknown}[.\nNo]{err1 punctuation minor → \". No\"} deal.")
    }

    @Test func colourKeepsTheTextAndMarksLayers() throws {
        let document = try document()
        let text = InlineMarkup(style: .ansi).render(document, annotations: document.sortedAnnotations())
        let plain = text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        #expect(plain == document.text.string)
        #expect(text.hasPrefix(InlineMarkup.colour(for: .entity) + "Kim"))
        #expect(text.contains(InlineMarkup.colour(for: .error)))
    }

    @Test func recordsCarryRangesTextAndLinks() throws {
        let document = try document()
        let record = JSONAnnotation(try #require(document.annotation("err1")), in: document)
        #expect(record.ranges == [[15, 19]])
        #expect(record.text == [".\nNo"])
        #expect(record.correction == ". No" && record.severity == "minor")
        let json = JSONAnnotation.json([JSONAnnotation(try #require(document.annotation("quo1")), in: document)])
        #expect(json.contains(#""speaker" : ["#) && json.contains(#""unknown""#))
        let decoded = try JSONDecoder().decode([JSONAnnotation].self, from: Data(json.utf8))
        #expect(decoded.first?.id == "quo1")
    }
}
