import Foundation
@testable import StandoffTEI
import Testing
import TestSupport

/// The schema check's work on large registers and taxonomies: no list is given to libxml2 whole
/// (its check of a subtree grows with the square of the children: a register of 100,000 persons
/// took 16 s, 50,000 3.6 s), and entries of one shape are checked once, not once each.
@Suite("Schema check work")
struct SchemaWorkTests {
    /// The minimal fixture with `count` persons of distinct names and `count` categories of
    /// distinct descriptions.
    static func file(count: Int) throws -> String {
        var xml = String(decoding: Repository.read(Repository.fixture("minimal.tei.xml")), as: UTF8.self)
        let persons = (0..<count).map { #"<person xml:id="person\#($0)"><persName>Person \#($0)</persName><persName type="alias">P\#($0)</persName></person>"# }
        let categories = (0..<count).map { #"<category xml:id="topic\#($0)"><catDesc>Topic \#($0)</catDesc></category>"# }
        xml = xml.replacingOccurrences(of: "<listPerson>", with: "<listPerson>" + persons.joined())
        xml = xml.replacingOccurrences(of: "</taxonomy>\n", with: "</taxonomy>\n<taxonomy xml:id=\"topic\">" + categories.joined() + "</taxonomy>\n")
        #expect(xml.contains("person\(count - 1)") && xml.contains("topic\(count - 1)"))
        return xml
    }

    @Test(arguments: [100, 2_000])
    func entriesOfOneShapeAreCheckedOnce(count: Int) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("doc.tei.xml")
        try Self.file(count: count).write(toFile: path, atomically: true, encoding: .utf8)
        let schema = try TEISchema.standoffStreaming()
        #expect(schema.validate(path: path).isEmpty)
        // The same handful of subtrees whatever the count (the shapes, not the entries), each small.
        let work = schema.lastWork
        #expect(work.wholeValidations <= 12, "\(work.wholeValidations) subtrees checked whole for \(count) persons and categories")
        #expect(work.largestWholeSubtree <= 10, "a subtree of \(work.largestWholeSubtree) elements was checked whole")
    }

    @Test func aBadNameIsStillFound() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("doc.tei.xml")
        let xml = try Self.file(count: 50).replacingOccurrences(of: #"<persName>Person 30</persName>"#, with: #"<persName>Person <b>30</b></persName>"#)
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let problems = try TEISchema.standoffStreaming().validate(path: path)
        #expect(!problems.isEmpty, "an element inside a name is refused by the schema")
    }

    /// Every annotation with a time of its own (as the CLI writes them): one shape, checked once;
    /// a time that is no date (29 February of a common year) is still found.
    @Test func annotationsWithTimesOfTheirOwnAreOneShape() throws {
        let xml = SchemaStreamingTests.file(count: 400) { number in
            let second = String(format: "%02d", number % 60), minute = String(format: "%02d", number / 60)
            let when = number == 250 ? "2023-02-29T12:00:00Z" : "2024-11-24T10:\(minute):\(second)Z"
            return ##"      <annotation xml:id="t\##(number)" target="#string-range(p1,0,3)" motivation="identifying" ana="#PER" resp="#a"><revisionDesc><change when="\##(when)" who="#a" type="manual"/></revisionDesc><ptr type="ref" target="#kim"/></annotation>"##
        }
        let directory = TemporaryDirectory()
        let path = directory.file("doc.tei.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let schema = try TEISchema.standoffStreaming()
        let problems = schema.validate(path: path)
        let line = xml.components(separatedBy: "\n").firstIndex { $0.contains(#"xml:id="t250""#) }! + 1
        #expect(problems.map(\.location.line) == [line], "\(problems.map(\.message))")
        #expect(schema.lastWork.wholeValidations <= 12, "\(schema.lastWork.wholeValidations) annotations checked whole")
    }
}
