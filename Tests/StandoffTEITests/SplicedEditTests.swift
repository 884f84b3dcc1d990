import Foundation
import StandoffModel
@testable import StandoffTEI
import Testing
import TestSupport

/// An edit that only adds annotations is written as the file's bytes with the new elements
/// spliced in: on a file Standoff wrote, exactly the bytes a whole write gives; on another
/// tool's file, its own bytes kept; anything more than additions is left to the whole write.
@Suite("Spliced edits")
struct SplicedEditTests {
    static func shipped() throws -> (bytes: [UInt8], document: Document) {
        let bytes = Repository.read(Repository.shippedAnnotations)
        return (bytes, try TEIReader.load(path: Repository.shippedAnnotations))
    }

    static func entity(_ document: Document, _ id: Identifier, _ start: Int, _ end: Int) throws -> Annotation {
        Annotation(id: id, layer: .entity, category: "PER", ranges: [try TextRange(start, end)],
                   snapshot: [document.text[try TextRange(start, end)]], provenance: Provenance(annotator: "standoff-team", time: Date(timeIntervalSince1970: 1_780_000_000), method: .manual))
    }

    @Test(arguments: [(0, 2), (700, 705), (4_000, 4_010)])
    func anAddedAnnotationGivesTheBytesOfAWholeWrite(start: Int, end: Int) throws {
        let (bytes, before) = try Self.shipped()
        var after = before
        try after.add(Self.entity(after, "ent900", start, min(end, after.text.count)))
        let spliced = try #require(SplicedEdit.spliced(bytes, before: before, after: after))
        #expect(spliced == (try TEIWriter.serialize(after)))
    }

    @Test func severalAnnotationsOfSeveralLayersAtOnce() throws {
        let (bytes, before) = try Self.shipped()
        var after = before
        try after.add(Self.entity(after, "ent900", 5, 9))
        try after.add(Self.entity(after, "ent901", 5, 9))
        try after.add(Annotation(id: "err900", layer: .error, category: "spelling", ranges: [try TextRange(10, 14)], snapshot: [after.text[try TextRange(10, 14)]],
                                 correction: "x", severity: .minor))
        let spliced = try #require(SplicedEdit.spliced(bytes, before: before, after: after))
        #expect(spliced == (try TEIWriter.serialize(after)))
    }

    /// A removal cuts the element out and records it at the end of the header's history.
    @Test(arguments: ["ent1", "quo3", "err1"])
    func aRemovalGivesTheBytesOfAWholeWrite(id: String) throws {
        let (bytes, before) = try Self.shipped()
        var after = before
        let removed = try after.removeAnnotation(Identifier(stringLiteral: id))
        after.revisions.append(Revision(time: Date(timeIntervalSince1970: 1_780_000_000), who: "standoff-team",
                                        description: "Removed annotation \(removed.id) (\(removed.layer) \"\(removed.coveredText)\")."))
        let spliced = try #require(SplicedEdit.spliced(bytes, before: before, after: after))
        #expect(spliced == (try TEIWriter.serialize(after)))
    }

    @Test func moreThanAdditionsIsLeftToTheWholeWrite() throws {
        let (bytes, before) = try Self.shipped()
        var declared = before
        try declared.declare(Annotator(id: "newcomer", name: "A Newcomer"))
        try declared.add(Self.entity(declared, "ent900", 0, 2))
        #expect(SplicedEdit.spliced(bytes, before: before, after: declared) == nil, "a new annotator changes the header")
        var both = before
        _ = try both.removeAnnotation(try #require(both.annotations.last { $0.layer == .error }).id)
        try both.add(Self.entity(both, "ent900", 0, 2))
        #expect(SplicedEdit.spliced(bytes, before: before, after: both) == nil, "a removal and an addition at once")
        var changed = before
        var first = try #require(changed.annotation("ent1"))
        first.notes.append("changed")
        _ = try changed.removeAnnotation("ent1")
        try changed.add(first)
        try changed.add(Self.entity(changed, "ent900", 0, 2))
        #expect(SplicedEdit.spliced(bytes, before: before, after: changed) == nil, "an annotation changed")
        var newLayer = before
        try newLayer.add(Taxonomy(id: "claim", categories: [Category(id: "verified", description: "")]))
        try newLayer.add(Annotation(id: "cla1", layer: try Layer("claim"), category: "verified", ranges: [try TextRange(0, 2)]))
        #expect(SplicedEdit.spliced(bytes, before: before, after: newLayer) == nil, "a layer the file has no list for")
    }

    /// `text` written to a file and read; one entity `ent9` added over `range`; the splice.
    static func spliceOne(into text: String, range: (Int, Int), in directory: TemporaryDirectory) throws -> (spliced: [UInt8], added: Annotation, after: Document) {
        let path = directory.file("other.tei.xml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try TEIReader.load(path: path)
        var after = before
        let span = try TextRange(range.0, min(range.1, after.text.count))
        let added = Annotation(id: "ent9", layer: .entity, category: "PER", ranges: [span], snapshot: [after.text[span]])
        try after.add(added)
        return (try #require(SplicedEdit.spliced(Repository.read(path), before: before, after: after)), added, after)
    }

    /// The spliced file reads back with the new annotation where it was put.
    static func readBack(_ spliced: [UInt8], in directory: TemporaryDirectory) throws -> Document {
        let back = directory.file("back.tei.xml")
        try Data(spliced).write(to: URL(fileURLWithPath: back))
        return try TEIReader.load(path: back)
    }

    /// Another tool's spacing, a comment with markup in it and a quoted `>` are kept byte for
    /// byte; the new element goes in its place among the siblings.
    @Test func anotherToolsFileKeepsItsBytes() throws {
        var text = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
        text = text.replacingOccurrences(of: "<standOff>", with: "<standOff><!-- </listAnnotation> <annotation xml:id=\"fake\"> -->")
        let directory = TemporaryDirectory()
        let (spliced, added, after) = try Self.spliceOne(into: text, range: (0, 4), in: directory)
        let written = String(decoding: spliced, as: UTF8.self)
        let element = String(decoding: try TEIWriter.annotationElement(added, in: after), as: UTF8.self)
        #expect(written.components(separatedBy: element).count == 2, "the new element, once")
        #expect(written.replacingOccurrences(of: element, with: "") == text, "everything else as it was")
        #expect(written.range(of: element)!.lowerBound > written.range(of: "<annotation xml:id=\"ent1\"")!.lowerBound, "after ent1, which starts at the same offset and sorts first by id")
        #expect(try Self.readBack(spliced, in: directory).annotation("ent9")?.ranges == added.ranges)
    }

    /// A file with CRLF line endings (and a byte order mark) stays CRLF throughout.
    @Test func crlfLinesStayCRLF() throws {
        let text = "\u{FEFF}" + String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        let directory = TemporaryDirectory()
        let (spliced, _, _) = try Self.spliceOne(into: text, range: (2, 6), in: directory)
        let written = String(decoding: spliced, as: UTF8.self)
        #expect(written.contains("ent9") && !written.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line break is CRLF")
        #expect(try Self.readBack(spliced, in: directory).annotation("ent9") != nil)
    }
}
