import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

@Suite("Foreign content: what the model does not know is kept on read and write")
struct ForeignContentTests {
    let fixture = Repository.fixture("foreign-content.tei.xml")

    func written(_ document: Document) throws -> String {
        String(decoding: try TEIWriter.serialize(document), as: UTF8.self)
    }

    @Test func foreignElementsAttributesAndCommentsAreWrittenBack() throws {
        let document = try TEIReader.load(path: fixture)
        let xml = try written(document)
        #expect(xml.contains(#"<ex:provenance xmlns:ex="http://example.org/ns/extra" ex:batch="7">Imported from <ex:tool version="2">an older tool</ex:tool> &amp; checked.</ex:provenance>"#))
        #expect(xml.contains(#"<person xml:id="kim" xmlns:ex="http://example.org/ns/extra" ex:confidence="0.9">"#) || xml.contains(#"ex:confidence="0.9""#))
        #expect(xml.contains(#"ex:reviewed="yes""#))
        #expect(xml.contains(#"<ex:score xmlns:ex="http://example.org/ns/extra">0.98</ex:score>"#))
        #expect(xml.contains("<author>A. Uthor</author>"))
        #expect(xml.contains(#"<profileDesc><langUsage><language ident="en">English</language></langUsage></profileDesc>"#))
        #expect(xml.contains("<!-- kept: a comment in the header -->"))
    }

    @Test func foreignContentKeepsItsPlaceAmongKnownSiblings() throws {
        let xml = try written(TEIReader.load(path: fixture))
        func position(_ needle: String) -> Int { xml.range(of: needle).map { xml.distance(from: xml.startIndex, to: $0.lowerBound) } ?? -1 }
        #expect(position("<title>Fixture</title>") < position("<author>"))
        #expect(position("<author>") < position("</titleStmt>"))
        #expect(position("</encodingDesc>") < position("<profileDesc>"))
        #expect(position("<profileDesc>") < position("</teiHeader>"))
        #expect(position("<standOff>") < position("<ex:provenance"))
        #expect(position("<ex:provenance") < position("<listPerson>"))
        #expect(position(#"<ptr type="ref""#) < position("<ex:score"))
    }

    @Test func readWriteReadIsStable() throws {
        let directory = TemporaryDirectory()
        let first = try TEIReader.load(path: fixture)
        #expect(!first.preserved.isEmpty)
        let second = try Samples.roundTrip(first, in: directory)
        expectSameContent(first, second)
        #expect(try TEIWriter.serialize(second) == TEIWriter.serialize(first))
    }

    @Test func anEditKeepsForeignContent() throws {
        let directory = TemporaryDirectory()
        var document = try TEIReader.load(path: fixture)
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: document.ranges(of: "Trump")))
        let read = try Samples.roundTrip(document, in: directory)
        #expect(read.annotation("ent2") != nil)
        #expect(read.preserved == document.preserved)
        let xml = try written(read)
        for needle in ["<ex:provenance", "ex:confidence", "ex:reviewed", "<ex:score", "<profileDesc>", "<author>"] {
            #expect(xml.contains(needle), "lost \(needle)")
        }
    }

    @Test func removingAnAnnotationRemovesOnlyWhatWasInsideIt() throws {
        var document = try TEIReader.load(path: fixture)
        try document.removeAnnotation("ent1")
        let xml = try written(document)
        #expect(!xml.contains("<ex:score"))
        #expect(!xml.contains("ex:reviewed"))
        #expect(xml.contains("<ex:provenance"))
        #expect(xml.contains("ex:confidence"))
    }

    @Test func anAmpersandInAForeignAttributeSurvivesARoundTrip() throws {
        // libxml2's SAX2 keeps '&' as "&#38;" in attribute values that held a reference.
        let directory = TemporaryDirectory()
        let source = try String(contentsOfFile: fixture, encoding: .utf8)
            .replacingOccurrences(of: #"ex:reviewed="yes""#, with: #"ex:url="https://example.org/?a=1&amp;b=&lt;2&gt;""#)
        let path = directory.file("ampersand.tei.xml")
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        let document = try TEIReader.load(path: path)
        let values = document.preserved.attributes.values.flatMap { $0 }.filter { $0.localName == "url" }.map(\.value)
        #expect(values == ["https://example.org/?a=1&b=<2>"])
        #expect(try written(document).contains(#"ex:url="https://example.org/?a=1&amp;b=&lt;2&gt;""#))
    }
}
