import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

@Suite("Reading bad input: a clear error with file, line and column, never a crash")
struct ReadErrorTests {
    /// The 1-based line of the first line of a fixture that contains `needle`.
    func line(of needle: String, in fixture: String) -> Int {
        let text = String(decoding: Repository.read(Repository.fixture(fixture)), as: UTF8.self)
        return (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    func problems(_ fixture: String) -> [TEIProblem] {
        TEIReader.read(path: Repository.fixture(fixture)).problems
    }

    @Test(arguments: [
        ("missing-paragraph.tei.xml", "missing-paragraph", "string-range(p9", "paragraph 'p9', which does not exist"),
        ("offset-past-end.tei.xml", "range-out-of-bounds", "string-range(p1,8,10)", "past the end of paragraph p1, which has 14 code points"),
        ("duplicate-id.tei.xml", "duplicate-id", #"string-range(p1,8,5)"#, "id 'ent1' is already used by an annotation"),
        ("undeclared-category.tei.xml", "undeclared-category", ##"ana="#spelling""##, "category 'spelling' is not declared in taxonomy 'entity'"),
        ("dangling-reference.tei.xml", "dangling-reference", ##"target="#nobody""##, "points at 'nobody', which is not declared"),
        ("malformed-range.tei.xml", "malformed-range", ##"target="#range("##, "is not a #string-range(PARAGRAPH,OFFSET,LENGTH) pointer"),
    ])
    func semanticErrorsPointAtTheAnnotation(fixture: String, code: String, lineNeedle: String, message: String) throws {
        let found = problems(fixture)
        let problem = try #require(found.first { $0.code.rawValue == code }, "no \(code) in \(found)")
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.location.file == Repository.fixture(fixture))
        #expect(problem.location.line == line(of: lineNeedle, in: fixture))
        #expect(problem.location.column > 0)
        #expect(!problem.hint.isEmpty)
        #expect(throws: TEIReadError.self) { try TEIReader.load(path: Repository.fixture(fixture)) }
    }

    @Test func truncatedXMLReportsWhereItStops() throws {
        let problem = try #require(problems("truncated.xml").first)
        #expect(problem.code.rawValue == "xml-syntax")
        #expect(problem.location.line == 5)
        #expect(problem.message.contains("ends inside <title> (opened on line 5)"))
        #expect(problem.hint.contains("truncated"))
    }

    @Test func anEmptyFileIsNotADocument() throws {
        let problem = try #require(problems("empty.xml").first)
        #expect(problem.code.rawValue == "xml-syntax")
        #expect(problem.message.contains("empty"))
    }

    @Test func xmlThatIsNotTEIIsRefused() throws {
        let problem = try #require(problems("not-tei.xml").first)
        #expect(problem.code.rawValue == "not-tei")
        #expect(problem.message.contains("<html>"))
        #expect(problem.location.line == 3)
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let result = TEIReader.read(path: Repository.fixture("xxe.xml"))
        #expect(result.document == nil)
        let problem = try #require(result.problems.first)
        #expect(problem.message.contains("entity 'secret'"))
        #expect(problem.location.line == 3)
        #expect(!result.problems.contains { $0.message.contains("root:") })
    }

    @Test func entityBombsAreRefusedAtTheFirstDeclaration() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = TEIReader.read(path: Repository.fixture("billion-laughs.xml"))
        #expect(clock.now - start < .seconds(30), "a refusal, not an expansion")
        #expect(result.document == nil)
        #expect(try #require(result.problems.first).message.contains("entity 'a'"))
    }

    @Test func aMissingFileSaysSo() throws {
        let problem = try #require(TEIReader.read(path: "/nonexistent/file.tei.xml").problems.first)
        #expect(problem.message.contains("cannot open"))
        #expect(problem.hint.contains("path"))
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("latin1.xml")
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>caf".utf8)
        bytes += [0xE9, 0x20]  // é in Latin-1
        bytes += Array("</teiHeader></TEI>\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let problem = try #require(TEIReader.read(path: path).problems.first)
        #expect(problem.code.rawValue == "xml-syntax")
        #expect(problem.location.line == 3)
        #expect(problem.hint.contains("UTF-8"))
    }

    @Test func aParagraphWithALineBreakIsRefused() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("pretty.tei.xml")
        let xml = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
            .replacingOccurrences(of: "<p xml:id=\"p1\">Kim met Trump.</p>", with: "<p xml:id=\"p1\">\n  Kim met Trump.\n</p>")
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        // The annotations begin after the text, so the skeleton is first made while parsing (and
        // fails there), then again at the end: the problem is reported once.
        let problems = TEIReader.read(path: path).problems
        #expect(problems.map(\.code.rawValue) == ["newline-in-paragraph"])
        let problem = try #require(problems.first)
        #expect(problem.hint.contains("pretty-print"))
    }

    @Test(arguments: [
        (#"<listAnnotation>"#, "missing-attribute", "<listAnnotation> has no @type naming its layer (the annotation in it is not read)"),
        (#"<listAnnotation type="my layer">"#, "invalid-id", "<listAnnotation type=\"my layer\">: 'my layer' is not a layer name (the annotation in it is not read)"),
    ])
    func aListWithoutALayerIsOneErrorThatCountsWhatItHolds(start: String, code: String, message: String) throws {
        // The quotation list of the clean rule fixture, with its @type missing or not a name.
        let clean = String(decoding: Repository.read(Repository.fixture("rules/clean.tei.xml")), as: UTF8.self)
        let text = clean.replacingOccurrences(of: #"<listAnnotation type="quotation">"#, with: start)
        let directory = TemporaryDirectory()
        let path = directory.file("list.tei.xml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = TEIReader.read(path: path)
        #expect(result.problems.map(\.code.rawValue) == [code], "\(result.problems)")
        #expect(result.problems.first?.message == message)
        #expect(result.problems.first?.location.line == text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(start) }! + 1)
        #expect(result.unreadAnnotations == 1)
        // The rest is read; the quotation and its children are not (nor attached to another).
        let document = try #require(result.document)
        #expect(document.annotation("quo1") == nil && document.annotations.count == 4)
        #expect(document.annotation("ent2")?.links == [Link(role: .ref, target: .id("trump"))])
    }

    @Test func theMinimalFixtureReadsWithoutProblems() throws {
        let result = TEIReader.read(path: Repository.fixture("minimal.tei.xml"))
        #expect(result.problems == [])
        let document = try #require(result.document)
        #expect(document.annotation("ent1")?.snapshot == ["Kim"])
        #expect(document.entry("kim")?.name == "Kim Jong Un")
        #expect(result.location(of: "ent1")?.line == line(of: #"xml:id="ent1""#, in: "minimal.tei.xml"))
    }
}
