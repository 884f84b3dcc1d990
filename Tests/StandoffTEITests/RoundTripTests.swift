import CLibXML2
import Foundation
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

@Suite("TEI round trip: write, read, and get the same document")
struct RoundTripTests {
    @Test func everyFeatureSurvivesWriteAndRead() throws {
        let directory = TemporaryDirectory()
        let original = try Samples.richDocument()
        let read = try Samples.roundTrip(original, in: directory)
        expectSameContent(original, read)
        // Spot checks on the hard parts, so a failure names them.
        let err1 = try #require(read.annotation("err1"))
        #expect(err1.ranges.count == 1 && err1.snapshot == ["ok.\nThird"])
        #expect(read.annotation("err2")?.ranges.count == 2)
        #expect(read.annotation("quo1")?.links == [Link(role: .speaker, target: .unknown)])
        #expect(read.annotation("quo2")?.cue == (try original.ranges(of: "said")))
        #expect(read.annotation("ent2")?.features == ["gender": "m", "mention": "short"])
        #expect(read.annotation("ent1")?.provenance.method == .automatic)
        #expect(read.text.string.hasSuffix("\"no\".\r"))
    }

    @Test func outputIsDeterministicAndAFixpoint() throws {
        let directory = TemporaryDirectory()
        let document = try Samples.richDocument()
        let first = try TEIWriter.serialize(document)
        #expect(try TEIWriter.serialize(document) == first)
        let again = try TEIWriter.serialize(Samples.roundTrip(document, in: directory))
        #expect(again == first)
    }

    @Test func annotationsAreWrittenByLayerThenOffsetThenId() throws {
        let xml = String(decoding: try TEIWriter.serialize(Samples.richDocument()), as: UTF8.self)
        let layers = xml.matches(of: /<listAnnotation type="([^"]+)">/).map { String($0.1) }
        #expect(layers == ["entity", "quotation", "stance", "error", "topic"])
        let ids = xml.matches(of: /<annotation xml:id="([^"]+)"/).map { String($0.1) }
        #expect(ids == ["ent1", "ent2", "quo1", "quo2", "sta1", "err2", "err1", "x1"])
    }

    @Test func textIsNeverIndentedOrWrappedInsideParagraphs() throws {
        let xml = String(decoding: try TEIWriter.serialize(Samples.richDocument()), as: UTF8.self)
        let paragraphLines = xml.split(separator: "\n").filter { $0.contains("<p xml:id=") }
        #expect(paragraphLines.count == 3)
        for line in paragraphLines { #expect(line.hasSuffix("</p>")) }
        #expect(xml.contains("Third: Kim &amp; &lt;Trump&gt; said &quot;no&quot;.&#13;</p>"))
    }

    @Test func theSeedTextIsRebuiltByteForByte() throws {
        let directory = TemporaryDirectory()
        let seedBytes = Repository.read(Repository.seed)
        #expect(seedBytes.count == 5949)
        let read = try Samples.roundTrip(try Samples.seedDocument(), in: directory)
        #expect(Array(read.text.string.utf8) == seedBytes)
        #expect(read.paragraphIDs.count == 16)
        #expect(read.source.sha256 == read.text.sha256)

        // Independently of Standoff's reader: libxml2's tree parser, the <p> texts joined with \n.
        let path = directory.file("doc.tei.xml")
        let tree = try #require(xmlReadFile(path, nil, Int32(XML_PARSE_NONET.rawValue)))
        defer { xmlFreeDoc(tree) }
        var paragraphs: [[UInt8]] = []
        func walk(_ node: xmlNodePtr?) {
            var node = node
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == "p",
                   let parent = current.pointee.parent, String(cString: parent.pointee.name) == "body" {
                    let content = xmlNodeGetContent(current)!
                    paragraphs.append(Array(UnsafeBufferPointer(start: content, count: strlen(content))))
                    free(content)  // libxml2 allocates with malloc unless told otherwise
                }
                walk(current.pointee.children)
                node = current.pointee.next
            }
        }
        walk(xmlDocGetRootElement(tree))
        #expect(Array(paragraphs.joined(separator: [0x0A])) == seedBytes)
    }

    @Test func crossParagraphSpansAreWrittenAsOnePointerPerParagraph() throws {
        let xml = String(decoding: try TEIWriter.serialize(Samples.richDocument()), as: UTF8.self)
        #expect(xml.contains(##"<annotation xml:id="err1" target="#string-range(p2,28,3) #string-range(p3,0,5)""##))
        // Offsets are code points within the paragraph: the flag is two code points at 41 (the
        // combining accent before it counts as one).
        #expect(xml.contains(##"<annotation xml:id="ent1" target="#string-range(p1,41,2)""##))
    }
}
