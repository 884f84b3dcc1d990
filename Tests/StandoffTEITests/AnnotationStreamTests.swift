import Foundation
import StandoffModel
@testable import StandoffTEI
import Testing
import TestSupport

/// Keeps what a statistics pass would: counts per category, and each record's id and line.
private final class CountingConsumer: TEIAnnotationConsumer {
    var begins = 0
    var ends = 0
    var paragraphs = 0
    var perCategory: [String: Int] = [:]
    var ids: [String] = []
    var lines: [Int] = []

    func begin(with declarations: Document, expecting count: Int) {
        begins += 1
        paragraphs = declarations.paragraphIDs.count
        #expect(declarations.annotations.isEmpty, "the declarations hold no annotation")
        perCategory = [:]
        ids = []
        lines = []
    }

    func consume(_ record: AnnotationRecord) {
        perCategory[record.annotation.category?.rawValue ?? "-", default: 0] += 1
        ids.append(record.annotation.id.rawValue)
        lines.append(record.location.line)
    }

    func end() { ends += 1 }
}

@Suite("Streaming the annotations to a consumer, without a document")
struct AnnotationStreamTests {
    /// A valid annotation, numbered.
    static func annotation(_ index: Int) -> String {
        ##"      <annotation xml:id="x\##(index)" target="#string-range(p1,0,3)" ana="#PER"><ptr type="ref" target="#kim"/></annotation>"##
    }

    @Test func recordsAreWhatTheFileSaysEvenWhereTheDocumentWouldRefuseThem() throws {
        // An undeclared annotator: a record for the consumer, a refusal (SO202) for the document.
        let directory = TemporaryDirectory()
        let path = directory.file("resp.tei.xml")
        try SchemaStreamingTests.file(count: 3).write(toFile: path, atomically: true, encoding: .utf8)
        let consumer = CountingConsumer()
        let streamed = TEIReader.stream(path: path, into: consumer)
        #expect(consumer.ids.filter { $0.hasPrefix("x") } == ["x0", "x1", "x2"])
        #expect(streamed.problems.isEmpty)
        let read = TEIReader.read(path: path)
        #expect(read.document?.annotations.filter { $0.id.rawValue.hasPrefix("x") }.isEmpty == true)
        #expect(read.problems.map(\.code) == [.danglingReference, .danglingReference, .danglingReference])
    }

    @Test(arguments: [TEIReader.Concurrency.callingThreadOnly, .withHelpers])
    func aConsumerGetsWhatTheDocumentGetsInFileOrder(concurrency: TEIReader.Concurrency) throws {
        let count = 20_000
        let xml = SchemaStreamingTests.file(count: count) { index in
            switch index {
            case 100: ##"      <annotation xml:id="x100" target="#string-range(p9,0,3)" ana="#PER"/>"##
            case 17_000: ##"      <annotation xml:id="x17000" target="#string-range(p1,0,3)" ana="#ORG"><ptr type="ref" target="#kim"/></annotation>"##
            default: Self.annotation(index)
            }
        }
        let directory = TemporaryDirectory()
        let path = directory.file("large.tei.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)

        let consumer = CountingConsumer()
        let streamed = TEIReader.read(path: path, into: consumer, concurrency: concurrency)
        #expect(streamed.document == nil)
        #expect((consumer.begins, consumer.ends) == (1, 1))
        let read = TEIReader.read(path: path, concurrency: concurrency)
        let document = try #require(read.document)
        #expect(consumer.ids == document.annotations.map(\.id.rawValue))
        #expect(consumer.lines == read.annotationLocations.map(\.line))
        #expect(consumer.paragraphs == document.paragraphIDs.count)
        #expect(consumer.perCategory["ORG"] == document.annotations.filter { $0.category == "ORG" }.count)
        // The pointer to a missing paragraph is found while reading, with or without a document.
        #expect(streamed.problems.map(\.code) == [.missingParagraph])
        #expect(read.problems.map(\.code) == [.missingParagraph])
    }

    @Test func aFileReadAgainStartsTheConsumerOver() throws {
        // Registers after the annotations: the work begun early is dropped and the file read
        // again; the consumer hears `begin` again and ends with one full pass.
        let count = 20_000
        var xml = SchemaStreamingTests.file(count: count, annotation: Self.annotation)
        let registers = xml.components(separatedBy: "\n").first { $0.contains("<listPerson>") }!
        xml = xml.replacingOccurrences(of: registers + "\n", with: "").replacingOccurrences(of: "  </standOff>", with: registers + "\n  </standOff>")
        let directory = TemporaryDirectory()
        let path = directory.file("late.tei.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let consumer = CountingConsumer()
        _ = TEIReader.read(path: path, into: consumer, concurrency: .withHelpers)
        let document = try #require(TEIReader.read(path: path).document)
        // Once for the work begun early (void: the registers came after it), once for the second read.
        #expect(consumer.begins == 2)
        #expect(consumer.ids == document.annotations.map(\.id.rawValue))
    }

    @Test func theMinimalFixtureStreamsItsOneAnnotation() {
        let consumer = CountingConsumer()
        let result = TEIReader.stream(path: Repository.fixture("minimal.tei.xml"), into: consumer)
        #expect(result.problems.isEmpty)
        #expect(consumer.ids == ["ent1"])
        #expect(consumer.lines == [18])
        #expect(consumer.perCategory == ["PER": 1])
    }
}
