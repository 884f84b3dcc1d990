import Foundation
import StandoffModel
@testable import StandoffTEI
import Testing
import TestSupport

/// Files large enough that the reader prepares annotations in parallel chunks (16,384 each):
/// the result must be the one reading them one by one gives, in file order.
@Suite("Reading a large file")
struct LargeFileReadingTests {
    @Test func annotationsAndProblemsComeInFileOrderAcrossChunks() throws {
        let count = 20_000
        let faulty = [100, 17_000, 19_000]
        let xml = SchemaStreamingTests.file(count: count) { index in
            switch index {
            case 100: ##"      <annotation xml:id="x100" target="#string-range(p9,0,3)" ana="#PER"/>"##
            case 17_000: ##"      <annotation xml:id="x17000" target="#string-range(p1,0,3)" ana="#spelling"/>"##
            case 19_000: ##"      <annotation xml:id="x5" target="#string-range(p1,8,5)" ana="#PER"/>"##
            default: ##"      <annotation xml:id="x\##(index)" target="#string-range(p1,0,3)" ana="#PER"><ptr type="ref" target="#kim"/></annotation>"##
            }
        }
        let directory = TemporaryDirectory()
        let path = directory.file("large.tei.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)

        // Helpers prepare the chunks while the parse goes on (as for a file of 4 MB or more).
        let result = TEIReader.read(path: path, concurrency: .withHelpers)
        let document = try #require(result.document)
        let read = document.annotations.map(\.id.rawValue).filter { $0.hasPrefix("x") }
        let expected = (0..<count).filter { !faulty.contains($0) }.map { "x\($0)" }
        #expect(read.count == expected.count)
        #expect(read == expected, "annotations are not in file order")
        #expect(result.problems.map(\.code.rawValue) == ["missing-paragraph", "undeclared-category", "duplicate-id"])
        let lines = xml.components(separatedBy: "\n")
        #expect(result.problems.map(\.location.line) == [
            lines.firstIndex { $0.contains(#"xml:id="x100""#) }! + 1,
            lines.firstIndex { $0.contains(#"xml:id="x17000""#) }! + 1,
            lines.lastIndex { $0.contains(#"xml:id="x5""#) }! + 1,
        ])
        #expect(result.problems.last?.message.contains("'x5'") == true)
    }
}

/// The pipeline that prepares chunks on helper threads while the reader adds earlier ones.
@Suite("Preparing annotations in a pipeline")
struct PreparationPipelineTests {
    @Test func givesTheSameAnnotationsAndProblemsInOrderWithAnyNumberOfHelpers() throws {
        let document = try Document(id: "d", title: "t", text: SourceText("Kim met Lee in Seoul."))
        var pending = PendingAnnotations()
        for index in 0..<50_000 {
            // Every 997th is refused (an undeclared category): problems must keep their order too.
            let ana = index % 997 == 0 ? "#NOPE" : (index % 2 == 0 ? "#PER" : "#GPE")
            pending.append(layer: "entity", id: "a\(index)", target: "#string-range(p1,\(index % 3),3)", ana: ana, line: index + 1, column: 7)
        }
        #expect(pending.chunks.count == 4)
        func run(helpers: Int) -> (ids: [String], problemLines: [Int]) {
            let pipeline = PreparationPipeline(pending, in: document, file: "f.xml", helpers: helpers)
            var ids: [String] = []
            var problemLines: [Int] = []
            while let chunk = pipeline.takeNext() {
                for prepared in chunk {
                    if let annotation = prepared.annotation { ids.append(annotation.id.rawValue) }
                    problemLines += prepared.problems.map(\.location.line)
                }
            }
            return (ids, problemLines)
        }
        let alone = run(helpers: 0)
        #expect(alone.ids.count == 50_000 - 51)
        #expect(alone.ids.first == "a1" && alone.ids.last == "a49999")
        #expect(alone.problemLines == stride(from: 0, to: 50_000, by: 997).map { $0 + 1 })
        for helpers in [1, 3] {
            let helped = run(helpers: helpers)
            #expect(helped.ids == alone.ids, "\(helpers) helpers changed the annotations or their order")
            #expect(helped.problemLines == alone.problemLines)
        }
    }
}

/// Pointers name paragraphs by id; ids of the form pN are looked for at position N-1 first.
@Suite("Resolving paragraph ids in pointers")
struct ParagraphPointerTests {
    @Test func idsOutOfOrderOrNotNumberedResolveByID() throws {
        // Positions: 0 is p2, 1 is p1, 2 is intro, 3 is p04.
        let document = try Document(id: "d", title: "t", text: SourceText("aaa\nbbb\nccc\nddd"), paragraphIDs: ["p2", "p1", "intro", "p04"])
        var pending = PendingAnnotations()
        let targets = ["p1", "p2", "intro", "p04", "p3", "p4", "p0"]
        for (index, paragraph) in targets.enumerated() {
            pending.append(layer: "entity", id: "a\(index)", target: "#string-range(\(paragraph),0,3)", ana: "#PER", line: index + 1)
        }
        let prepared = try #require(PreparationPipeline(pending, in: document, file: "f.xml", helpers: 0).takeNext())
        let covered = prepared.map { $0.annotation.map { document.text[$0.ranges[0]] } }
        #expect(covered == ["bbb", "aaa", "ccc", "ddd", nil, nil, nil])
        // p3 and p0 do not exist; p4 is not the id at position 3 (p04 is).
        #expect(prepared[4...].map { $0.problems.map(\.code.rawValue) } == [["missing-paragraph"], ["missing-paragraph"], ["missing-paragraph"]])
    }
}

/// Large files are prepared while they are still parsed, against the document as it stands at
/// the first `<listAnnotation>`; what comes after that must not change the outcome.
@Suite("Preparing while parsing")
struct EarlyPreparationTests {
    @Test func linksToAnnotationsFurtherOnResolveAndLinksToNothingDoNot() throws {
        // The shipped file with its stances moved before the entities, one stance pointed at an
        // entity mention (further on now), and, in a second file, at an id nothing declares.
        let shipped = try String(contentsOfFile: Repository.shippedAnnotations, encoding: .utf8)
        let lines = shipped.components(separatedBy: "\n")
        let entityStart = try #require(lines.firstIndex { $0.contains("<listAnnotation type=\"entity\">") })
        let stanceStart = try #require(lines.firstIndex { $0.contains("<listAnnotation type=\"stance\">") })
        let stanceEnd = try #require(lines[stanceStart...].firstIndex { $0.contains("</listAnnotation>") })
        var moved = lines
        moved.removeSubrange(stanceStart...stanceEnd)
        moved.insert(contentsOf: lines[stanceStart...stanceEnd], at: entityStart)
        let original = ##"<ptr type="target" target="#denuclearization"/>"##
        let joined = moved.joined(separator: "\n")
        let firstTarget = try #require(joined.range(of: original))
        let ahead = joined.replacingCharacters(in: firstTarget, with: ##"<ptr type="target" target="#ent1"/>"##)
        let broken = joined.replacingCharacters(in: firstTarget, with: ##"<ptr type="target" target="#nothing-here"/>"##)
        let directory = TemporaryDirectory()
        let aheadPath = directory.file("ahead.tei.xml")
        let brokenPath = directory.file("broken.tei.xml")
        try ahead.write(toFile: aheadPath, atomically: true, encoding: .utf8)
        try broken.write(toFile: brokenPath, atomically: true, encoding: .utf8)

        let read = TEIReader.read(path: aheadPath)
        #expect(read.problems.isEmpty, "\(read.problems)")
        let document = try #require(read.document)
        #expect(document.annotations.count == 186)
        #expect(document.annotations.first?.id == "sta1")
        #expect(document.annotation("sta1")?.links(.target) == [.id("ent1")])
        #expect(document.kind(of: "ent1") == .annotation)
        #expect(document.position(ofAnnotation: "ent1")! > document.position(ofAnnotation: "sta1")!)

        let brokenRead = TEIReader.read(path: brokenPath)
        #expect(brokenRead.problems.map(\.code.rawValue) == ["dangling-reference"])
        #expect(brokenRead.problems.first?.message.contains("points at 'nothing-here', which is not declared") == true)
    }

    @Test func registersAfterTheAnnotationsGiveTheSameOutcome() throws {
        // Every annotation links to kim, and one names kim (a person, not a category) in @ana.
        let count = 20_000
        var xml = SchemaStreamingTests.file(count: count) { index in
            ##"      <annotation xml:id="x\##(index)" target="#string-range(p1,0,3)" ana="\##(index == 12_345 ? "#kim" : "#PER")"><ptr type="ref" target="#kim"/></annotation>"##
        }
        let registers = xml.components(separatedBy: "\n").first { $0.contains("<listPerson>") }!
        let before = xml
        xml = xml.replacingOccurrences(of: registers + "\n", with: "")
            .replacingOccurrences(of: "  </standOff>", with: registers + "\n  </standOff>")
        #expect(xml != before)
        let directory = TemporaryDirectory()
        var outcomes: [(ids: [String], problems: [String])] = []
        let schema = try TEISchema.standoffStreaming()
        for (name, text) in [("first.tei.xml", before), ("last.tei.xml", xml)] {
            let path = directory.file(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            // Read alone, and read while the schema checks the same parse: with the registers
            // last, the annotations handed over early were let go, and the file is read again.
            for result in [TEIReader.read(path: path, concurrency: .withHelpers), TEIReader.read(path: path, checkingAgainst: schema, concurrency: .withHelpers).read,
                           TEIReader.read(path: path)] {
                let document = try #require(result.document)
                outcomes.append((document.annotations.map(\.id.rawValue), result.problems.map { "\($0.code.rawValue): \($0.message)" }))
            }
        }
        // With the registers first or last: the same annotations, and the same single problem.
        #expect(outcomes.count == 6)
        for outcome in outcomes.dropFirst() {
            #expect(outcome.ids == outcomes[0].ids)
            #expect(outcome.problems == outcomes[0].problems)
        }
        #expect(outcomes[1].problems.count == 1)
        #expect(outcomes[1].problems.first?.hasPrefix("undeclared-category:") == true, "\(outcomes[1].problems)")
        // The fixture's five annotations and the 20,000, less the one refused.
        #expect(outcomes[1].ids.count == 5 + count - 1)
    }
}
