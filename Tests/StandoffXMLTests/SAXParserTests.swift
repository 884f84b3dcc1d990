import Foundation
import StandoffXML
import Testing
import TestSupport

/// Records what the parser reports, as text.
private final class EventRecorder: SAXHandler {
    var events: [String] = []

    func startElement(_ tag: StartTag, at location: (line: Int, column: Int)) {
        let attributes = tag.allAttributes.map { " \($0.localName)=\($0.value)" }.joined()
        events.append("start \(tag.name)\(attributes) @\(location.line)")
    }
    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) { events.append("end \(String(cString: localName))") }
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) { events.append("text \(String(decoding: bytes, as: UTF8.self))") }
    func comment(_ text: UnsafePointer<UInt8>) { events.append("comment \(String(cString: text))") }
    func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) { events.append("pi \(String(cString: target))") }
    func documentType(name: String, publicID: String?, systemID: String?) { events.append("doctype \(name) \(systemID ?? "-")") }
}

@Suite("The hardened SAX layer: events, faults by kind, no entities")
struct SAXParserTests {
    func parse(_ xml: [UInt8]) -> (events: [String], failures: [SAXParser.Failure]) {
        let directory = TemporaryDirectory()
        let path = directory.file("input.xml")
        _ = FileManager.default.createFile(atPath: path, contents: Data(xml))
        let recorder = EventRecorder()
        let parser = SAXParser(handler: recorder)
        parser.parse(path: path)
        return (recorder.events, parser.failures)
    }

    func parse(_ xml: String) -> (events: [String], failures: [SAXParser.Failure]) { parse(Array(xml.utf8)) }

    @Test func eventsComeInDocumentOrderWithLinesAndDecodedValues() {
        let (events, failures) = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"r.dtd\">\n<?model x?>\n<r a=\"1 &amp; 2\">\n<!-- c --><b>t&lt;</b></r>\n")
        #expect(failures.isEmpty)
        #expect(events == ["doctype r r.dtd", "pi model", "start r a=1 & 2 @4", "text \n", "comment  c ", "start b @5", "text t", "text <", "end b", "end r"])
    }

    @Test(arguments: [
        ("", XMLFailureKind.notXML),
        ("hello", .notXML),
        ("<r><title>abc", .truncated),
        ("<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>", .entity),
        ("<r>&undeclared;</r>", .entity),
        ("<r>a & b</r>", .other),
        ("<r><a></b></r>", .other),
    ])
    func faultsAreToldByKind(xml: String, kind: XMLFailureKind) throws {
        let failure = try #require(parse(xml).failures.first)
        #expect(failure.kind == kind, "\(failure.message)")
        #expect(failure.isFatal)
    }

    @Test func bytesThatAreNotUTF8AreAnEncodingFault() throws {
        let failure = try #require(parse(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>caf".utf8) + [0xE9] + Array("</r>".utf8)).failures.first)
        #expect(failure.kind == .encoding)
        #expect(failure.line == 2)
    }

    @Test func aValuePastLibxml2sLimitIsTooLong() throws {
        let failure = try #require(parse("<r a=\"" + String(repeating: "x", count: 10_000_001) + "\"/>").failures.first)
        #expect(failure.kind == .tooLong)
        #expect(failure.message.hasPrefix("a name, text or attribute value is longer than libxml2's limit"))
    }

    @Test func nestingStopsAtTheDepthLimit() throws {
        let (events, failures) = parse(String(repeating: "<a>", count: 1000) + String(repeating: "</a>", count: 1000))
        let failure = try #require(failures.first)
        #expect(failure.kind == .tooDeep)
        #expect(events.filter { $0.hasPrefix("start") }.count == SAXParser.maximumDepth)
    }

    @Test func aMissingFileIsUnreadable() throws {
        let parser = SAXParser(handler: EventRecorder())
        parser.parse(path: "/nonexistent/input.xml")
        let failure = try #require(parser.failures.first)
        #expect(failure.kind == .unreadable)
        #expect(failure.message.contains("cannot open"))
    }
}
