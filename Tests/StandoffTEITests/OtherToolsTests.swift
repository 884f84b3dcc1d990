import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

@Suite("Files other TEI tools write: divisions, prologs, other source descriptions, odd pointers")
struct OtherToolsTests {
    let fixture = Repository.fixture("other-tool.tei.xml")

    func written(_ document: Document) throws -> String {
        String(decoding: try TEIWriter.serialize(document), as: UTF8.self)
    }

    func position(of needle: String, in xml: String) -> Int {
        xml.range(of: needle).map { xml.distance(from: xml.startIndex, to: $0.lowerBound) } ?? -1
    }

    @Test func paragraphsInsideDivisionsAreParagraphs() throws {
        let result = TEIReader.read(path: fixture)
        #expect(result.problems.isEmpty, "\(result.problems)")
        let document = try #require(result.document)
        #expect(document.paragraphIDs.map(\.rawValue) == ["p1", "p2", "p3"])
        #expect(document.text.string == "Kim met Trump.\nThey talked.\nNothing came of it.")
        #expect(document.annotation("ent1")?.ranges == [try TextRange(0, 3)])
    }

    @Test func anEditKeepsDivisionsHeadsAndWhatStandsOutsideTheRoot() throws {
        var document = try TEIReader.load(path: fixture)
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: document.ranges(of: "Trump")))
        let xml = try written(document)
        let order = [
            "<?xml-model href=", "<!-- Exercises:", "<TEI", #"<div type="chapter" n="1">"#, "<head>The meeting</head>",
            #"<div type="section">"#, #"<p xml:id="p1">"#, "<!-- end of chapter 1 -->", #"<div type="chapter" n="2">"#,
            #"<p xml:id="p2">"#, #"<p xml:id="p3">"#, "</body>", "</TEI>", "<!-- after the root -->",
        ]
        let positions = order.map { position(of: $0, in: xml) }
        #expect(!positions.contains(-1), "missing: \(zip(order, positions).filter { $0.1 < 0 }.map(\.0))")
        #expect(positions == positions.sorted(), "out of order:\n\(xml)")
        // Three <div> start tags in, three end tags out: the grouping is whole.
        #expect(xml.components(separatedBy: "<div type=").count - 1 == 3)
        #expect(xml.components(separatedBy: "</div>").count - 1 == 3)
    }

    @Test func readWriteReadIsStable() throws {
        let directory = TemporaryDirectory()
        let first = try TEIReader.load(path: fixture)
        let second = try Samples.roundTrip(first, in: directory)
        #expect(second.paragraphIDs == first.paragraphIDs)
        #expect(second.preserved == first.preserved)
        #expect(try TEIWriter.serialize(second) == TEIWriter.serialize(first))
    }

    @Test func aSourceDescribedInParagraphsGetsNoBiblBesideThem() throws {
        let xml = try written(TEIReader.load(path: fixture))
        #expect(xml.contains("<p>Born digital.</p>"))
        #expect(!xml.contains("<bibl>"), "TEI allows no <bibl> beside <p> in <sourceDesc>")
        #expect(!xml.contains(#"<idno type="sha256"></idno>"#))
    }

    @Test func aFileWithoutARecordedHashGetsTheHashOfItsText() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("nohash.tei.xml")
        let xml = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
            .replacingOccurrences(of: #"<idno type="sha256">0d16ffd5ab07edaa65e51e72c55d60b2ccb6712bb945c5404e0ddbbd9d9b7245</idno>"#, with: "")
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let document = try TEIReader.load(path: path)
        #expect(document.source.sha256 == "")
        let out = try written(document)
        #expect(out.contains(#"<idno type="sha256">\#(document.text.sha256)</idno>"#))
    }

    @Test func aBodyWithoutParagraphsIsAnErrorNotACrash() throws {
        let directory = TemporaryDirectory()
        let minimal = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
        let paragraphs = #"<p xml:id="p1">Kim met Trump.</p><p xml:id="p2">They talked.</p>"#
        for (name, body) in [("empty", ""), ("divs", "<div><head>Only a heading</head></div>")] {
            let path = directory.file("\(name).tei.xml")
            try Data(minimal.replacingOccurrences(of: paragraphs, with: body).utf8).write(to: URL(fileURLWithPath: path))
            let result = TEIReader.read(path: path)
            #expect(result.document == nil)
            let problem = try #require(result.problems.first { $0.code.rawValue == "missing-text" }, "\(name): \(result.problems)")
            #expect(problem.message.contains("no <text><body><p>"))
            #expect(throws: TEIReadError.self) { try TEIReader.load(path: path) }
        }
    }

    @Test(arguments: [
        ("#string-range(p1,9223372036854775807,1)", "range-out-of-bounds", "reaches past the end of paragraph p1"),
        ("#string-range(p1,1,9223372036854775807)", "range-out-of-bounds", "reaches past the end of paragraph p1"),
        ("#string-range(p1,0,99999999999999999999)", "range-out-of-bounds", "a number too large"),
        ("#string-range(p1,99999999999999999999,1)", "range-out-of-bounds", "a number too large"),
        ("#string-range(p1,-2,3)", "range-out-of-bounds", "has a negative offset"),
        ("#string-range(p1,9223372036854775807,9223372036854775807)", "range-out-of-bounds", "reaches past the end"),
    ])
    func offsetsThatOverflowAnIntegerAreErrors(target: String, code: String, message: String) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("overflow.tei.xml")
        let xml = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
            .replacingOccurrences(of: "#string-range(p1,0,3)", with: target)
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let problems = TEIReader.read(path: path).problems
        let problem = try #require(problems.first { $0.code.rawValue == code }, "\(problems)")
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.message.contains(target))
        #expect(problem.location.line == 18)
    }
}
