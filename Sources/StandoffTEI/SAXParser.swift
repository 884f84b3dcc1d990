import CLibXML2
import Foundation

/// Receives the events of a ``SAXParser``. Names and values are only valid during the call.
protocol SAXHandler: AnyObject {
    func startElement(_ tag: StartTag, at location: (line: Int, column: Int))
    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?)
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    func comment(_ text: UnsafePointer<UInt8>)
    func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?)
    /// A `<!DOCTYPE>` (without entity declarations: those stop the parse).
    func documentType(name: String, publicID: String?, systemID: String?)
}

extension SAXHandler {
    func documentType(name: String, publicID: String?, systemID: String?) {}
}

/// A start tag as libxml2's SAX2 reports it, with allocation-free attribute access.
struct StartTag {
    let localName: UnsafePointer<UInt8>
    let prefix: UnsafePointer<UInt8>?
    let namespace: UnsafePointer<UInt8>?
    let namespaceCount: Int
    /// `prefix, uri` pairs of the namespaces this tag declares.
    let namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let attributeCount: Int
    /// `localname, prefix, URI, value, end` quintuples.
    let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    func isNamed(_ name: StaticString) -> Bool { SAXParser.equal(localName, name) }

    var name: String { String(cString: localName) }

    /// The value of the attribute `name` in no namespace (or in `namespace`).
    func attribute(_ name: StaticString, namespace: StaticString? = nil) -> String? {
        guard let attributes else { return nil }
        for index in 0..<attributeCount {
            let base = index * 5
            guard let local = attributes[base], SAXParser.equal(local, name) else { continue }
            let uri = attributes[base + 2]
            if let namespace {
                guard let uri, SAXParser.equal(uri, namespace) else { continue }
            } else if uri != nil { continue }
            return value(at: base)
        }
        return nil
    }

    func value(at base: Int) -> String {
        Self.withDecodedValue(start: attributes![base + 3]!, end: attributes![base + 4]!) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of an attribute value (see ``decodedValue(start:end:)``).
    static func withDecodedValue<R>(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard end.pointee == 0 else { return body(UnsafeBufferPointer(start: start, count: end - start)) }
        return decodedValue(start: start, end: end).withUnsafeBufferPointer(body)
    }

    /// The bytes of an attribute value as SAX2 reports it. Where the value held an entity
    /// reference, libxml2 has copied it (the copy ends in NUL) and kept each `&` as `&#38;`
    /// (for its tree builder to re-parse); everything else is already replaced.
    static func decodedValue(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> [UInt8] {
        let raw = UnsafeBufferPointer(start: start, count: end - start)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        let reference = Array("&#38;".utf8)
        while index < raw.count {
            if raw[index] == UInt8(ascii: "&"), index + reference.count <= raw.count,
               raw[index..<(index + reference.count)].elementsEqual(reference) {
                bytes.append(UInt8(ascii: "&"))
                index += reference.count
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return bytes
    }

    /// Every attribute as (prefix, namespace, local name, value).
    var allAttributes: [(prefix: String?, namespace: String?, localName: String, value: String)] {
        (0..<attributeCount).map(attribute(at:))
    }

    /// The attribute at `index` as (prefix, namespace, local name, value).
    func attribute(at index: Int) -> (prefix: String?, namespace: String?, localName: String, value: String) {
        let base = index * 5
        return (
            attributes![base + 1].map { String(cString: $0) },
            attributes![base + 2].map { String(cString: $0) },
            String(cString: attributes![base]!),
            value(at: base)
        )
    }

    /// The namespaces this tag declares, as (prefix, uri).
    var declaredNamespaces: [(prefix: String?, uri: String)] {
        (0..<namespaceCount).map { index in
            (namespaces![index * 2].map { String(cString: $0) }, namespaces![index * 2 + 1].map { String(cString: $0) } ?? "")
        }
    }
}

/// XML's whitespace (space, tab, line feed, carriage return).
enum XMLWhitespace {
    static func isBlank<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        !bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
    }
}

/// Streams an XML file through libxml2's SAX2 push parser in fixed-size chunks.
///
/// Hardened for untrusted input: no network, no DTD loading, no entity declarations at all (an
/// internal subset that declares entities stops the parse with an error, which defeats external
/// entity reads and entity-expansion bombs), and libxml2's default limits on depth and on text
/// and attribute length.
final class SAXParser {
    struct Failure {
        var message: String
        var line: Int
        var column: Int
        var isFatal: Bool
    }

    /// Read on every event. A strong `let`: calls through it count no references, whereas an
    /// `unowned(unsafe)` reference is retained and released around each call.
    private let handler: SAXHandler
    // Properties read and written on every SAX event are marked @exclusivity(unchecked): an
    // instance serves one parse on one thread, libxml2 calls back in sequence, and no callback
    // touches a property while another access to it is under way. The runtime's dynamic
    // exclusivity checks cost a fifth of the time of a large file otherwise.
    private var context: xmlParserCtxtPtr?
    private(set) var failures: [Failure] = []
    @exclusivity(unchecked) private var stopped = false
    /// Elements open at the moment, with the line each started on, to explain an early end.
    /// (The parser's interned names stay valid for the whole parse.)
    @exclusivity(unchecked) private var openElements: [(name: UnsafePointer<UInt8>, line: Int)] = []
    @exclusivity(unchecked) private var bytesRead = 0
    /// libxml2's own default nesting limit, which its push parser does not apply itself.
    static let maximumDepth = 256

    init(handler: SAXHandler) { self.handler = handler }

    /// The parser's name dictionary, kept alive after the parse when asked (``parse(path:chunkSize:keepingNames:)``):
    /// recorded events name elements by its pointers. Free it with `xmlDictFree` when done.
    private(set) var names: xmlDictPtr?

    /// Parses the file at `path`. Failures (I/O and XML) are in ``failures`` afterwards. With
    /// `keepingNames`, the names the parser interned stay valid after it (see ``names``).
    func parse(path: String, chunkSize: Int = 1 << 16, keepingNames: Bool = false) {
        xmlInitParser()
        guard let file = fopen(path, "rb") else {
            failures.append(Failure(message: "cannot open the file (\(String(cString: strerror(errno))))", line: 0, column: 0, isFatal: true))
            return
        }
        defer { fclose(file) }
        var sax = SAXParser.handlerTable
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, me, nil, 0, path) else {
            failures.append(Failure(message: "libxml2 could not create a parser", line: 0, column: 0, isFatal: true))
            return
        }
        self.context = context
        defer {
            if keepingNames, let dictionary = context.pointee.dict, xmlDictReference(dictionary) == 0 { names = dictionary }
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        var buffer = [CChar](repeating: 0, count: chunkSize)
        while !stopped {
            let count = fread(&buffer, 1, chunkSize, file)
            if count == 0 {
                if ferror(file) != 0 {
                    failures.append(Failure(message: "read error (\(String(cString: strerror(errno))))", line: 0, column: 0, isFatal: true))
                }
                let before = failures.count
                _ = xmlParseChunk(context, nil, 0, 1)
                explainEarlyEnd(since: before)
                break
            }
            bytesRead += count
            if xmlParseChunk(context, buffer, Int32(count), 0) != 0 && failures.contains(where: \.isFatal) { break }
        }
    }

    /// libxml2's message on one line, with its cryptic limits explained.
    static func readable(_ raw: String) -> String {
        let oneLine = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        if oneLine.contains("Huge input lookup") || oneLine.contains("too long") || oneLine.contains("length too long") {
            return "a name, text or attribute value is longer than libxml2's limit of 10,000,000 bytes (\(oneLine))"
        }
        if oneLine.contains("Excessive depth") { return "elements are nested more than \(maximumDepth) deep (\(oneLine))" }
        return oneLine
    }

    /// libxml2's push parser reports "Extra content at the end of the document" when the input
    /// ends too soon; say instead that the file is empty or where it stops.
    private func explainEarlyEnd(since index: Int) {
        guard index < failures.count, !failures[index...].isEmpty else { return }
        if bytesRead == 0 {
            failures[index] = Failure(message: "the file is empty", line: 1, column: 1, isFatal: true)
        } else if let open = openElements.last {
            failures[index].message = "the file ends inside <\(String(cString: open.name))> (opened on line \(open.line)): it is truncated or the element is not closed"
        } else if !sawRootElement {
            failures[index].message = "the file has no root element: it is not an XML document"
        }
    }

    @exclusivity(unchecked) private var sawRootElement = false

    /// Stops the parse from inside a callback.
    func stop(_ message: String) {
        failures.append(Failure(message: message, line: currentLine, column: currentColumn, isFatal: true))
        stopped = true
        if let context { xmlStopParser(context) }
    }

    var currentLine: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }
    var currentColumn: Int { context.map { Int(xmlSAX2GetColumnNumber($0)) } ?? 0 }

    static func equal(_ pointer: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            var index = 0
            while index < expected.count {
                if pointer[index] != expected[index] { return false }
                index += 1
            }
            return pointer[index] == 0
        }
    }

    private static func session(_ context: UnsafeMutableRawPointer?) -> SAXParser {
        Unmanaged<SAXParser>.fromOpaque(context!).takeUnretainedValue()
    }

    /// The parser a callback belongs to, without a reference count: the parser outlives its parse.
    private static func withSession(_ context: UnsafeMutableRawPointer?, _ body: (SAXParser) -> Void) {
        Unmanaged<SAXParser>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
    }

    private static var handlerTable: xmlSAXHandler { makeHandlerTable() }

    private static func makeHandlerTable() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            SAXParser.withSession(context) { parser in
                guard !parser.stopped, let localName else { return }
                let tag = StartTag(
                    localName: localName, prefix: prefix, namespace: uri, namespaceCount: Int(namespaceCount),
                    namespaces: namespaces, attributeCount: Int(attributeCount), attributes: attributes)
                parser.sawRootElement = true
                guard parser.openElements.count < SAXParser.maximumDepth else {
                    parser.stop("elements are nested more than \(SAXParser.maximumDepth) deep")
                    return
                }
                let line = parser.currentLine
                parser.openElements.append((localName, line))
                parser.handler.startElement(tag, at: (line, parser.currentColumn))
            }
        }
        sax.endElementNs = { context, localName, _, uri in
            SAXParser.withSession(context) { parser in
                guard !parser.stopped, let localName else { return }
                parser.openElements.removeLast()
                parser.handler.endElement(localName: localName, namespace: uri)
            }
        }
        sax.characters = { context, bytes, length in
            SAXParser.withSession(context) { parser in
                guard !parser.stopped, let bytes else { return }
                parser.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
            }
        }
        sax.cdataBlock = sax.characters
        sax.comment = { context, text in
            let parser = SAXParser.session(context)
            guard !parser.stopped, let text else { return }
            parser.handler.comment(text)
        }
        sax.processingInstruction = { context, target, data in
            let parser = SAXParser.session(context)
            guard !parser.stopped, let target else { return }
            parser.handler.processingInstruction(target: target, data: data)
        }
        sax.internalSubset = { context, name, externalID, systemID in
            let parser = SAXParser.session(context)
            guard !parser.stopped else { return }
            parser.handler.documentType(name: name.map { String(cString: $0) } ?? "", publicID: externalID.map { String(cString: $0) },
                                        systemID: systemID.map { String(cString: $0) })
        }
        sax.entityDecl = { context, name, _, _, _, _ in
            let parser = SAXParser.session(context)
            let entity = name.map { String(cString: $0) } ?? "?"
            parser.stop("the document declares the entity '\(entity)'; entity declarations are refused (they can read local files or expand without bound)")
        }
        sax.getEntity = { _, name in
            name.flatMap { xmlGetPredefinedEntity($0) }
        }
        sax.getParameterEntity = { _, _ in nil }
        sax.resolveEntity = { _, _, _ in nil }
        sax.reference = { context, name in
            let parser = SAXParser.session(context)
            let entity = name.map { String(cString: $0) } ?? "?"
            parser.stop("reference to the undeclared entity '&\(entity);'")
        }
        sax.serror = { context, error in
            guard let error else { return }
            let parser = SAXParser.session(context)
            let level = error.pointee.level
            guard level != XML_ERR_NONE, level != XML_ERR_WARNING else { return }
            let message = SAXParser.readable(error.pointee.message.map { String(cString: $0) } ?? "XML error")
            parser.failures.append(Failure(
                message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2),
                isFatal: level == XML_ERR_FATAL))
            if level == XML_ERR_FATAL { parser.stopped = true }
        }
        return sax
    }
}
