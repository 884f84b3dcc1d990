import CLibXML2
import Foundation

/// Streams an XML file through libxml2's SAX2 push parser in fixed-size chunks.
///
/// Hardened for untrusted input: no network, no DTD loading, no entity declarations at all (an
/// internal subset that declares entities stops the parse with an error, which defeats external
/// entity reads and entity-expansion bombs), and libxml2's default limits on depth and on text
/// and attribute length.
public final class SAXParser {
    /// A fault in the file: libxml2's (recognised by its error code) or the hardening's.
    public struct Failure: Sendable {
        public var message: String
        public var line: Int
        public var column: Int
        public var isFatal: Bool
        /// What kind of fault it is, for a hint on what to do.
        public var kind: XMLFailureKind
        /// libxml2's error code (`xmlParserErrors`), for a fault libxml2 reported.
        var libxml2Code: Int32? = nil
        /// Whether libxml2 had consumed the whole input when it reported the fault.
        var atEndOfInput = false
    }

    /// Read on every event. A strong `let`: calls through it count no references, whereas an
    /// `unowned(unsafe)` reference is retained and released around each call.
    private let handler: SAXHandler
    // Properties read and written on every SAX event are marked @exclusivity(unchecked): an
    // instance serves one parse on one thread, libxml2 calls back in sequence, and no callback
    // touches a property while another access to it is under way. The runtime's dynamic
    // exclusivity checks cost a fifth of the time of a large file otherwise.
    private var context: xmlParserCtxtPtr?
    public private(set) var failures: [Failure] = []
    @exclusivity(unchecked) private var stopped = false
    /// Elements open at the moment, with the line each started on, to explain an early end.
    /// (The parser's interned names stay valid for the whole parse.)
    @exclusivity(unchecked) private var openElements: [(name: UnsafePointer<UInt8>, line: Int)] = []
    @exclusivity(unchecked) private var bytesRead = 0
    /// ``bytesRead`` when the last start tag or text came.
    @exclusivity(unchecked) private var bytesAtLastEvent = 0
    /// libxml2's limit on the length of a name, a text node or an attribute value (without XML_PARSE_HUGE).
    static let libxml2LengthLimit = 10_000_000
    /// libxml2's own default nesting limit, which its push parser does not apply itself.
    public static let maximumDepth = 256

    /// libxml2's limit with XML_PARSE_HUGE: 1,000,000,000 bytes.
    public static let hugeLengthLimit = 1_000_000_000

    /// Whether a name, text node or attribute value may be longer than
    /// ``libxml2LengthLimit`` (up to ``hugeLengthLimit``): for a format whose whole text is one
    /// attribute (UIMA XMI's sofa). Entities stay refused and the depth bounded either way.
    public var allowsHugeValues = false

    public init(handler: SAXHandler) { self.handler = handler }

    /// The parser's name dictionary, kept alive after the parse when asked (``parse(path:chunkSize:keepingNames:)``):
    /// recorded events name elements by its pointers. Let go by ``releaseNames()`` or with the parser.
    private var names: xmlDictPtr?

    /// Lets go of the names kept after the parse; pointers to them are invalid from now on.
    public func releaseNames() {
        if let names { xmlDictFree(names) }
        names = nil
    }

    deinit { releaseNames() }

    /// Parses the file at `path`. Failures (I/O and XML) are in ``failures`` afterwards. With
    /// `keepingNames`, the names the parser interned stay valid after it (see ``names``).
    public func parse(path: String, chunkSize: Int = 1 << 16, keepingNames: Bool = false) {
        xmlInitParser()
        guard let file = fopen(path, "rb") else {
            failures.append(Failure(message: "cannot open the file (\(String(cString: strerror(errno))))", line: 0, column: 0, isFatal: true, kind: .unreadable))
            return
        }
        defer { fclose(file) }
        var sax = SAXParser.handlerTable
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, me, nil, 0, path) else {
            failures.append(Failure(message: "libxml2 could not create a parser", line: 0, column: 0, isFatal: true, kind: .other))
            return
        }
        self.context = context
        defer {
            if keepingNames, let dictionary = context.pointee.dict, xmlDictReference(dictionary) == 0 { names = dictionary }
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | (allowsHugeValues ? XML_PARSE_HUGE.rawValue : 0)))
        var buffer = [CChar](repeating: 0, count: chunkSize)
        while !stopped {
            let count = fread(&buffer, 1, chunkSize, file)
            if count == 0 {
                if ferror(file) != 0 {
                    failures.append(Failure(message: "read error (\(String(cString: strerror(errno))))", line: 0, column: 0, isFatal: true, kind: .unreadable))
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
    static func readable(_ raw: String, kind: XMLFailureKind) -> String {
        let oneLine = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        switch kind {
        case .tooLong: return "a name, text or attribute value is longer than libxml2's limit of 10,000,000 bytes (\(oneLine))"
        default: return oneLine
        }
    }

    /// libxml2's push parser reports "Extra content at the end of the document" when the input
    /// ends too soon; say instead that the file is empty or where it stops.
    private func explainEarlyEnd(since index: Int) {
        // A fault libxml2 finds only once the input is used up (an attribute or tag left open,
        // "Extra content at the end") means the file stops early; others keep their message.
        guard index < failures.count,
              failures[index].libxml2Code == Int32(XML_ERR_DOCUMENT_END.rawValue) || failures[index].atEndOfInput else { return }
        if bytesRead == 0 {
            failures[index] = Failure(message: "the file is empty", line: 1, column: 1, isFatal: true, kind: .notXML)
        } else if let open = openElements.last {
            failures[index].message = "the file ends inside <\(String(cString: open.name))> (opened on line \(open.line)): it is truncated or the element is not closed"
            failures[index].kind = .truncated
        } else if !sawRootElement, failures[index].libxml2Code != Int32(XML_ERR_DOCUMENT_END.rawValue) {
            failures[index].message = "the file ends inside the start tag of its root element: it is truncated"
            failures[index].kind = .truncated
        } else if !sawRootElement {
            failures[index].message = "the file has no root element: it is not an XML document"
            failures[index].kind = .notXML
        }
        // libxml2 reports one early end several times over ("Couldn't find end of Start Tag",
        // "attributes construct error", …): one fault, one message.
        let place = (failures[index].line, failures[index].column)
        failures = Array(failures[..<(index + 1)]) + failures[(index + 1)...].filter { ($0.line, $0.column) != place }
    }

    @exclusivity(unchecked) private var sawRootElement = false

    /// Stops the parse from inside a callback.
    func stop(_ message: String, kind: XMLFailureKind) {
        failures.append(Failure(message: message, line: currentLine, column: currentColumn, isFatal: true, kind: kind))
        stopped = true
        if let context { xmlStopParser(context) }
    }

    var currentLine: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }
    var currentColumn: Int { context.map { Int(xmlSAX2GetColumnNumber($0)) } ?? 0 }

    /// Whether the NUL-terminated name at `pointer` is `name`.
    @inlinable public static func equal(_ pointer: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
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
                    parser.stop("elements are nested more than \(SAXParser.maximumDepth) deep", kind: .tooDeep)
                    return
                }
                let line = parser.currentLine
                parser.bytesAtLastEvent = parser.bytesRead
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
                parser.bytesAtLastEvent = parser.bytesRead
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
            parser.stop("the document declares the entity '\(entity)'; entity declarations are refused (they can read local files or expand without bound)", kind: .entity)
        }
        sax.getEntity = { _, name in
            name.flatMap { xmlGetPredefinedEntity($0) }
        }
        sax.getParameterEntity = { _, _ in nil }
        sax.resolveEntity = { _, _, _ in nil }
        sax.reference = { context, name in
            let parser = SAXParser.session(context)
            let entity = name.map { String(cString: $0) } ?? "?"
            parser.stop("reference to the undeclared entity '&\(entity);'", kind: .entity)
        }
        sax.serror = { context, error in
            guard let error else { return }
            let parser = SAXParser.session(context)
            let level = error.pointee.level
            guard level != XML_ERR_NONE, level != XML_ERR_WARNING else { return }
            // libxml2 2.9 reports a value past its length limit and a value left open with one
            // code: what tells them apart is how far the parse went without an event.
            let pastLimit = parser.bytesRead - parser.bytesAtLastEvent > SAXParser.libxml2LengthLimit
            let kind = XMLFailureKind(libxml2Code: error.pointee.code, pastLengthLimit: pastLimit)
            let message = SAXParser.readable(error.pointee.message.map { String(cString: $0) } ?? "XML error", kind: kind)
            parser.failures.append(Failure(
                message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2),
                isFatal: level == XML_ERR_FATAL, kind: kind, libxml2Code: error.pointee.code,
                // A few bytes of slack: a character cut in two at the end is held back unparsed.
                atEndOfInput: parser.context.map { Int(xmlByteConsumed($0)) >= parser.bytesRead - 4 } ?? false))
            if level == XML_ERR_FATAL { parser.stopped = true }
        }
        return sax
    }
}
