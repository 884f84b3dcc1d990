import Foundation
@testable import StandoffTEI
import Testing
import TestSupport

/// Standoff's schema as the validator runs it: progressive RELAX NG fed by the SAX2 parser
/// (`RelaxNGFeed`), the streaming variant of `standoff.rng`, and the memory of valid shapes.
@Suite("Standoff's schema, checked while streaming")
struct SchemaStreamingTests {
    /// A valid file with `count` entity annotations; `annotation(i)` may replace the i-th one.
    static func file(count: Int, padding: Int = 0, annotation: (Int) -> String? = { _ in nil }) -> String {
        var lines = try! String(contentsOfFile: Repository.fixture("rules/clean.tei.xml"), encoding: .utf8)
            .components(separatedBy: "\n")
        let index = lines.firstIndex { $0.contains(#"<annotation xml:id="ent2""#) }!
        var added: [String] = Array(repeating: "", count: padding)
        for number in 0..<count {
            added.append(annotation(number)
                ?? ##"      <annotation xml:id="x\##(number)" target="#string-range(p1,0,3)" motivation="identifying" ana="#PER" resp="#a"><ptr type="ref" target="#kim"/><note type="comment">n\##(number)</note></annotation>"##)
        }
        lines.insert(contentsOf: added, at: index + 1)
        return lines.joined(separator: "\n")
    }

    static func problems(_ xml: String, schema: TEISchema) throws -> [TEIProblem] {
        let directory = TemporaryDirectory()
        let path = directory.file("doc.tei.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return schema.validate(path: path)
    }

    /// The streaming variant without remembered shapes: libxml2 decides every annotation.
    static func plainSchema() throws -> TEISchema {
        let schema = try TEISchema.standoffStreaming()
        schema.shapeKey = nil
        return schema
    }

    @Test func theStreamingVariantDropsOnlyTheWildcardsInLongLists() throws {
        let text = try String(contentsOfFile: Repository.root.appendingPathComponent("Sources/StandoffTEI/Resources/standoff.rng").path, encoding: .utf8)
        let variant = TEISchema.streamingVariant(of: text)
        // standOff, listAnnotation, the three registers, a taxonomy's categories, and the way to
        // them in the header (teiHeader, encodingDesc, classDecl).
        let references = text.components(separatedBy: ##"<ref name="containerForeign"/>"##).count - 1
        #expect(references == 9)
        #expect(!variant.contains(##"<ref name="containerForeign"/>"##))
        #expect(variant.count == text.count - references * ##"<ref name="containerForeign"/>"##.count)
    }

    @Test func foreignElementsInStandOffNeedTheFullSchema() throws {
        let fixture = Repository.fixture("foreign-content.tei.xml")
        let streaming = try TEISchema.standoffStreaming().validate(path: fixture)
        // Foreign elements in the header and in standOff: the streaming variant refuses both.
        #expect(streaming.map(\.message) == ["standoff.rng: Did not expect element profileDesc there", "standoff.rng: Did not expect element provenance there"])
        #expect(try TEISchema.standoff().validate(path: fixture).isEmpty)
    }

    @Test func oneMisplacedElementInALongListIsOneProblem() throws {
        // libxml2 refuses every later sibling once one is refused; the feed reports the first.
        let xml = Self.file(count: 200) { $0 == 20 ? "      <listPerson/>" : nil }
        let problems = try Self.problems(xml, schema: TEISchema.standoffStreaming())
        let line = xml.components(separatedBy: "\n").firstIndex { $0.contains("<listPerson/>") }! + 1
        #expect(problems.map(\.location.line) == [line])
        #expect(problems.first?.message.contains("listPerson") == true)
    }

    @Test func aValidFileHasNoProblemsWithOrWithoutRememberedShapes() throws {
        let xml = Self.file(count: 300)
        #expect(try Self.problems(xml, schema: TEISchema.standoffStreaming()).isEmpty)
        #expect(try Self.problems(xml, schema: Self.plainSchema()).isEmpty)
    }

    @Test func rememberedShapesHideNoError() throws {
        // Faults after many valid annotations of the same shape, each in a different place.
        let faults: [Int: String] = [
            150: ##"      <annotation xml:id="x150" target="#string-range(p1,0,3)" motivation="shouting" ana="#PER" resp="#a"><ptr type="ref" target="#kim"/><note type="comment">n</note></annotation>"##,
            160: ##"      <annotation xml:id="x160" target="#string-range(p1,0,3)" motivation="identifying" ana="#PER" resp="#a" cert="sure"><ptr type="ref" target="#kim"/><note type="comment">n</note></annotation>"##,
            170: ##"      <annotation xml:id="x170" target="#string-range(p1,0,3)" motivation="identifying" ana="#PER" resp="#a"><ptr type="ref" target="#kim"/><ptr target="#kim"/></annotation>"##,
            180: ##"      <annotation xml:id="x180" target="#string-range(p1,0,3)" motivation="identifying" ana="   " resp="#a"><ptr type="ref" target="#kim"/><note type="comment">n</note></annotation>"##,
            190: ##"      <annotation xml:id="1x190" target="#string-range(p1,0,3)" motivation="identifying" ana="#PER" resp="#a"><ptr type="ref" target="#kim"/><note type="comment">n</note></annotation>"##,
            195: ##"      <annotation xml:id="x195" target="#string-range(p1,0,3)" motivation="identifying" ana="#PER" resp="#a"><ref type="speaker">somebody</ref></annotation>"##,
        ]
        let xml = Self.file(count: 300) { faults[$0] }
        let lineOf = { (id: String) in xml.components(separatedBy: "\n").firstIndex { $0.contains(#"xml:id="\#(id)""#) }! + 1 }
        let remembered = try Self.problems(xml, schema: TEISchema.standoffStreaming())
        let plain = try Self.problems(xml, schema: Self.plainSchema())
        #expect(remembered.map(\.location.line) == plain.map(\.location.line))
        #expect(remembered.map(\.message) == plain.map(\.message))
        for id in ["x150", "x160", "x170", "x180", "1x190", "x195"] {
            #expect(remembered.contains { $0.location.line == lineOf(id) }, "no problem reported for \(id)")
        }
    }

    @Test func valuesTheSchemaLeavesOpenAreOpen() throws {
        // ShapeKey.standoff treats these values as "empty or not"; libxml2 must accept any of them.
        let odd = ["#", "x y z", "#string-range(", "ünïcödé ✓", "a\u{9}b", "&amp;", "#p1 #p2", "-1"]
        for (number, value) in odd.enumerated() {
            let annotation = #"      <annotation xml:id="o\#(number)" target="\#(value)" ana="\#(value)" resp="\#(value)"><ptr type="ref" target="\#(value)"/><ptr type="cue" target="\#(value)"/><revisionDesc><change who="\#(value)" type="manual"/></revisionDesc><note type="quote">\#(value)</note></annotation>"#
            let problems = try Self.problems(Self.file(count: 1) { _ in annotation }, schema: Self.plainSchema())
            #expect(problems.isEmpty, "value \(value): \(problems.map(\.message))")
        }
    }

    @Test func checkingWhileReadingFindsWhatASeparatePassFinds() throws {
        // Large enough that the recorded events cross many blocks (EventLog hands over 256 KB
        // at a time), with faults early, late, inside annotations checked whole, and a
        // misplaced element near the end.
        let faults: [Int: String] = [
            10: ##"      <annotation xml:id="x10" target="#string-range(p1,0,3)" motivation="a&amp;b" ana="#PER" resp="#a"><ptr type="ref" target="#kim"/></annotation>"##,
            2_500: ##"      <annotation xml:id="x2500" target="#string-range(p1,0,3)" motivation="identifying" ana="#PER" resp="#a" cert="sure"><ptr type="ref" target="#kim"/></annotation>"##,
            7_000: ##"      <annotation xml:id="x7000" target="#string-range(p1,0,3)" motivation="identifying" ana="#PER" resp="#a"><ptr target="#kim"/></annotation>"##,
            7_990: "      <listPerson/>",
        ]
        let xml = Self.file(count: 8_000) { faults[$0] }
        let directory = TemporaryDirectory()
        let path = directory.file("doc.tei.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(xml.utf8.count > 1_500_000)

        let separate = try TEISchema.standoffStreaming().validate(path: path)
        // Recorded and checked on a thread of its own, as a large file is (a small file is read,
        // then checked, on the calling thread: the same findings, see below).
        let (read, together) = TEIReader.read(path: path, checkingAgainst: try TEISchema.standoffStreaming(), concurrency: .withHelpers)
        let (readAlone, checkedAfter) = TEIReader.read(path: path, checkingAgainst: try TEISchema.standoffStreaming(), concurrency: .callingThreadOnly)
        #expect(checkedAfter.map(\.message) == together.map(\.message))
        #expect(readAlone.problems.map(\.message) == read.problems.map(\.message))
        #expect(readAlone.document?.annotations.map(\.id) == read.document?.annotations.map(\.id))
        #expect(together.map(\.location.line) == separate.map(\.location.line))
        #expect(together.map(\.message) == separate.map(\.message))
        let lineOf = { (text: String) in xml.components(separatedBy: "\n").firstIndex { $0.contains(text) }! + 1 }
        for text in [#"xml:id="x10""#, #"xml:id="x2500""#, #"xml:id="x7000""#, "<listPerson/>"] {
            #expect(together.contains { $0.location.line == lineOf(text) }, "no problem reported for \(text)")
        }
        // Reading is the same with or without the schema beside it.
        let alone = TEIReader.read(path: path)
        #expect(read.document?.annotations.map(\.id) == alone.document?.annotations.map(\.id))
        #expect(read.problems.map(\.message) == alone.problems.map(\.message))
    }

    @Test func checkingWhileReadingABrokenFileEnds() throws {
        // The parse stops early; the checking thread must finish with what it was given.
        let xml = String(Self.file(count: 3_000).prefix(400_000))
        let directory = TemporaryDirectory()
        let path = directory.file("truncated.tei.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        for concurrency in [TEIReader.Concurrency.withHelpers, .callingThreadOnly] {
            let (read, _) = TEIReader.read(path: path, checkingAgainst: try TEISchema.standoffStreaming(), concurrency: concurrency)
            #expect(read.problems.contains { $0.code.rawValue == "xml-syntax" && $0.message.contains("truncated") })
            let (missing, problems) = TEIReader.read(path: directory.file("absent.tei.xml"), checkingAgainst: try TEISchema.standoffStreaming(), concurrency: concurrency)
            #expect(missing.problems.map(\.code.rawValue) == ["xml-syntax"])
            #expect(problems.isEmpty)
        }
    }

    @Test func problemsPastLine65535KeepTheirLine() throws {
        let bad = ##"      <annotation xml:id="late" target="#string-range(p1,0,3)" motivation="shouting" ana="#PER"><ptr type="ref" target="#kim"/></annotation>"##
        let xml = Self.file(count: 3, padding: 70_000) { $0 == 2 ? bad : nil }
        let line = xml.components(separatedBy: "\n").firstIndex { $0.contains(#"xml:id="late""#) }! + 1
        #expect(line > 70_000)
        let problems = try Self.problems(xml, schema: TEISchema.standoffStreaming())
        #expect(problems.map(\.location.line).contains(line), "\(problems.map(\.location.line))")
        #expect(problems.allSatisfy { $0.location.line <= line })
    }
}
