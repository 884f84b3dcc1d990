import CLibXML2
import Foundation
import StandoffModel

/// Checks a document against a RELAX NG schema while the SAX2 parser streams it, with
/// libxml2's progressive validation (`xmlRelaxNGValidatePushElement` and friends).
///
/// libxml2's own streaming reader does the same, but it registers every `xml:id` in a string
/// dictionary that, in libxml2 2.9, stops growing at a few thousand buckets: on a file with
/// hundreds of thousands of ids its time becomes quadratic. Here the nodes libxml2 needs are
/// built by hand in a stack-ordered arena: an element, its attributes and, for the few elements
/// whose content model cannot be checked event by event (libxml2 asks for them whole), their
/// subtree. Memory is returned when the element ends, so it stays bounded by the depth of the
/// document and the size of the largest such subtree.
final class RelaxNGFeed: SAXHandler {
    struct Message {
        var text: String
        var line: Int
        var column: Int
    }

    private let context: xmlRelaxNGValidCtxtPtr
    private let document: xmlDocPtr
    private var arena = StackArena()
    private var namespaces: [UnsafePointer<UInt8>: UnsafeMutablePointer<xmlNs>] = [:]

    private struct OpenElement {
        var node: xmlNodePtr
        /// The arena before this element was built.
        var mark: StackArena.Mark
        var line: Int
        var column: Int
    }

    private var open: [OpenElement] = []
    /// After libxml2 refuses an element, it refuses every later event in the same parent
    /// ("Did not expect element … there", once per element to the end of the list). From the
    /// first refusal until that parent ends, events there are not passed on: one fault, one
    /// message. Holds the depth (in ``open``) of the refused element.
    private var quietFrom: Int?
    /// Where in ``open`` the element libxml2 validates whole stands, while one is open.
    private var wholeElementDepth: Int?
    /// Text of the current element inside a whole-validated subtree, not yet made a node.
    private var pendingText: [UInt8] = []
    /// A NUL-terminated copy of text for `xmlRelaxNGValidatePushCData`.
    private var cdata: [UInt8] = []
    /// The start tag being read, for the nodes built for it.
    private var line = 0
    /// Where the element libxml2 is looking at starts: messages are placed there.
    private var reportLine = 0
    private var reportColumn = 0
    /// The first line of the subtree being validated whole, while one is.
    private var wholeStartLine: Int?
    private(set) var messages: [Message] = []
    /// Whether libxml2 reported a mismatch (some come without a message).
    private(set) var failed = false
    nonisolated(unsafe) private static let textName: UnsafePointer<UInt8> = {
        let name = UnsafeMutablePointer<UInt8>.allocate(capacity: 5)
        for (index, byte) in "text".utf8.enumerated() { name[index] = byte }
        name[4] = 0
        return UnsafePointer(name)
    }()

    /// Shapes of subtrees libxml2 validated whole and found valid (see ``ShapeKey``).
    private var validShapes: Set<ShapeKey.Shape> = []
    private var shapes: ShapeKey?

    /// With `shapes`, a subtree of the same shape as one found valid before is not validated
    /// again: Standoff's own schemas give every annotation the same few shapes.
    init?(schema: xmlRelaxNGPtr, shapes: ShapeKey? = nil) {
        self.shapes = shapes
        guard let context = xmlRelaxNGNewValidCtxt(schema) else { return nil }
        guard let document = xmlNewDoc("1.0") else {
            xmlRelaxNGFreeValidCtxt(context)
            return nil
        }
        self.context = context
        self.document = document
        xmlRelaxNGSetValidStructuredErrors(context, RelaxNGFeed.callback, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlRelaxNGFreeValidCtxt(context)
        xmlFreeDoc(document)
        for namespace in namespaces.values {
            UnsafeMutablePointer(mutating: namespace.pointee.href).deallocate()
            namespace.deallocate()
        }
        arena.deallocateAll()
    }

    // MARK: SAX events

    func startElement(_ tag: StartTag, at position: (line: Int, column: Int)) {
        flushText()
        line = position.line
        let mark = arena.mark
        let node = makeElement(tag)
        if let parent = open.last { node.pointee.parent = parent.node }
        if let quiet = quietFrom, open.count >= quiet {
            open.append(OpenElement(node: node, mark: mark, line: position.line, column: position.column))
            return
        }
        if wholeElementDepth != nil {
            // Inside a subtree validated whole: link it to its parent and keep it.
            append(node, to: open[open.count - 1].node)
            open.append(OpenElement(node: node, mark: mark, line: position.line, column: position.column))
            return
        }
        (reportLine, reportColumn) = (position.line, position.column)
        let result = xmlRelaxNGValidatePushElement(context, document, node)
        if result == 0 {
            wholeElementDepth = open.count
        } else if result != 1 {
            failed = true
            quietFrom = open.count
        }
        open.append(OpenElement(node: node, mark: mark, line: position.line, column: position.column))
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        flushText()
        guard let element = open.popLast() else { return }
        if let quiet = quietFrom {
            if open.count >= quiet {
                arena.release(to: element.mark)
                return
            }
            // The parent of the refused element ends: libxml2 hears from it again.
            quietFrom = nil
        }
        if let depth = wholeElementDepth {
            // Children of the whole-validated element stay until it ends.
            guard open.count == depth else { return }
            (reportLine, reportColumn) = (element.line, element.column)
            wholeStartLine = element.line
            let key = shapes?.key(of: element.node)
            if let key, validShapes.contains(key) {
                // The same shape was valid before.
            } else {
                let messagesBefore = messages.count
                let valid = xmlRelaxNGValidateFullElement(context, document, element.node) == 1
                if !valid { failed = true }
                if valid, messages.count == messagesBefore, let key, validShapes.count < 10_000 { validShapes.insert(key) }
            }
            wholeStartLine = nil
            wholeElementDepth = nil
        } else {
            (reportLine, reportColumn) = (element.line, element.column)
            if xmlRelaxNGValidatePopElement(context, document, element.node) != 1 { failed = true }
        }
        arena.release(to: element.mark)
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let quiet = quietFrom, open.count >= quiet { return }
        if wholeElementDepth != nil {
            pendingText.append(contentsOf: bytes)
            return
        }
        guard !open.isEmpty, !XMLWhitespace.isBlank(bytes) else { return }
        (reportLine, reportColumn) = (open[open.count - 1].line, open[open.count - 1].column)
        cdata.removeAll(keepingCapacity: true)
        cdata.append(contentsOf: bytes)
        cdata.append(0)
        let result = cdata.withUnsafeBufferPointer { xmlRelaxNGValidatePushCData(context, $0.baseAddress, Int32(bytes.count)) }
        if result != 1 { failed = true }
    }

    func comment(_ text: UnsafePointer<UInt8>) {}

    func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) {}

    // MARK: Nodes

    private func makeElement(_ tag: StartTag) -> xmlNodePtr {
        let node = newNode(type: XML_ELEMENT_NODE, name: tag.localName)
        node.pointee.ns = namespace(tag.namespace)
        var previous: xmlAttrPtr?
        for index in 0..<tag.attributeCount {
            let base = index * 5
            guard let fields = tag.attributes, let name = fields[base], let start = fields[base + 3], let end = fields[base + 4] else { continue }
            let attribute = arena.allocate(xmlAttr.self)
            attribute.initialize(to: xmlAttr())
            attribute.pointee.type = XML_ATTRIBUTE_NODE
            attribute.pointee.name = name
            attribute.pointee.ns = namespace(fields[base + 2])
            attribute.pointee.parent = node
            attribute.pointee.doc = document
            attribute.pointee.psvi = UnsafeMutableRawPointer(bitPattern: line)
            let value = StartTag.withDecodedValue(start: start, end: end) { newText($0) }
            value.pointee.parent = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)
            attribute.pointee.children = value
            attribute.pointee.last = value
            if let previous {
                previous.pointee.next = attribute
                attribute.pointee.prev = previous
            } else {
                node.pointee.properties = attribute
            }
            previous = attribute
        }
        return node
    }

    private func newNode(type: xmlElementType, name: UnsafePointer<UInt8>) -> xmlNodePtr {
        let node = arena.allocate(xmlNode.self)
        node.initialize(to: xmlNode())
        node.pointee.type = type
        node.pointee.name = name
        node.pointee.doc = document
        node.pointee.line = UInt16(clamping: line)
        // The line, for messages past line 65535 (which `line` cannot hold).
        node.pointee.psvi = UnsafeMutableRawPointer(bitPattern: line)
        return node
    }

    /// A text node holding a NUL-terminated copy of `bytes`.
    private func newText<C: Collection>(_ bytes: C) -> xmlNodePtr where C.Element == UInt8 {
        let node = newNode(type: XML_TEXT_NODE, name: Self.textName)
        let content = arena.allocateBytes(bytes.count + 1)
        var index = 0
        for byte in bytes {
            content[index] = byte
            index += 1
        }
        content[index] = 0
        node.pointee.content = content
        return node
    }

    private func append(_ child: xmlNodePtr, to parent: xmlNodePtr) {
        child.pointee.parent = parent
        if let last = parent.pointee.last {
            last.pointee.next = child
            child.pointee.prev = last
        } else {
            parent.pointee.children = child
        }
        parent.pointee.last = child
    }

    private func flushText() {
        guard wholeElementDepth != nil, !pendingText.isEmpty, let parent = open.last?.node else {
            pendingText.removeAll(keepingCapacity: true)
            return
        }
        append(newText(pendingText), to: parent)
        pendingText.removeAll(keepingCapacity: true)
    }

    /// One `xmlNs` per namespace URI (the parser interns URIs, so the pointer is the key).
    private func namespace(_ uri: UnsafePointer<UInt8>?) -> UnsafeMutablePointer<xmlNs>? {
        guard let uri else { return nil }
        if let known = namespaces[uri] { return known }
        let namespace = UnsafeMutablePointer<xmlNs>.allocate(capacity: 1)
        namespace.initialize(to: xmlNs())
        namespace.pointee.type = XML_NAMESPACE_DECL
        let length = strlen(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self))
        let href = UnsafeMutablePointer<UInt8>.allocate(capacity: length + 1)
        href.initialize(from: uri, count: length + 1)
        namespace.pointee.href = UnsafePointer(href)
        namespaces[uri] = namespace
        return namespace
    }

    // MARK: Messages

    private static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let feed = Unmanaged<RelaxNGFeed>.fromOpaque(context).takeUnretainedValue()
        guard error.pointee.level != XML_ERR_WARNING else { return }
        feed.failed = true
        guard feed.messages.count < 1000 else { return }
        var text = error.pointee.message.map { String(cString: $0) } ?? "error"
        while text.last?.isNewline == true { text.removeLast() }
        var line = feed.reportLine
        var column = feed.reportColumn
        // Inside a subtree validated whole, the node in the message is one of its nodes, alive,
        // with its line in psvi. (Elsewhere libxml2 may name a node whose memory is reused.)
        if let first = feed.wholeStartLine, let node = error.pointee.node?.assumingMemoryBound(to: xmlNode.self),
           [XML_ELEMENT_NODE, XML_TEXT_NODE, XML_ATTRIBUTE_NODE].contains(node.pointee.type) {
            let recorded = Int(bitPattern: node.pointee.type == XML_ATTRIBUTE_NODE
                ? UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlAttr.self).pointee.psvi
                : node.pointee.psvi)
            if recorded > line, recorded >= first, recorded <= feed.line {
                line = recorded
                column = 1
            }
        }
        feed.messages.append(Message(text: text, line: line, column: max(column, 1)))
    }
}

/// Memory handed out and given back in stack order, in large chunks: allocation is a pointer
/// bump and releasing everything after a mark is an assignment.
struct StackArena {
    struct Mark {
        var chunk: Int
        var used: Int
    }

    private var chunks: [(base: UnsafeMutableRawPointer, size: Int)] = []
    private var chunk = -1
    private var used = 0
    private static let chunkSize = 1 << 20

    var mark: Mark { Mark(chunk: chunk, used: used) }

    mutating func release(to mark: Mark) {
        chunk = mark.chunk
        used = mark.used
    }

    mutating func allocate<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
        allocateRaw(MemoryLayout<T>.stride).bindMemory(to: T.self, capacity: 1)
    }

    mutating func allocateBytes(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        allocateRaw(count).bindMemory(to: UInt8.self, capacity: count)
    }

    private mutating func allocateRaw(_ count: Int) -> UnsafeMutableRawPointer {
        let size = (count + 15) & ~15
        if chunk >= 0, used + size <= chunks[chunk].size {
            defer { used += size }
            return chunks[chunk].base + used
        }
        let next = chunk + 1
        let wanted = max(size, Self.chunkSize)
        if next == chunks.count {
            chunks.append((UnsafeMutableRawPointer.allocate(byteCount: wanted, alignment: 16), wanted))
        } else if chunks[next].size < size {
            chunks[next].base.deallocate()
            chunks[next] = (UnsafeMutableRawPointer.allocate(byteCount: wanted, alignment: 16), wanted)
        }
        chunk = next
        used = size
        return chunks[chunk].base
    }

    func deallocateAll() {
        for chunk in chunks { chunk.base.deallocate() }
    }
}

/// The shape of a subtree as far as a schema can tell: element and attribute names, and the
/// values and text the schema constrains. Values the schema accepts whatever they are (its
/// "opaque" attributes and text) count only as empty or not; an `xml:id` counts as "a valid
/// NCName" when it plainly is one. Two subtrees with the same key are both valid or both not.
///
/// Which values are opaque is a property of the schema: ``standoff`` lists those of
/// `standoff.rng`, and a test checks the schema accepts any value there.
struct ShapeKey {
    /// (element, attribute) pairs whose value the schema does not constrain; "*" is any element.
    let opaqueAttributes: Set<[String]>
    /// Elements whose text the schema does not constrain.
    let opaqueText: Set<String>
    /// Subtrees with longer keys are not remembered.
    var limit = 4096

    static var standoff: ShapeKey { ShapeKey(
        opaqueAttributes: [["annotation", "target"], ["annotation", "resp"], ["annotation", "ana"], ["ptr", "target"], ["change", "who"]],
        opaqueText: ["note"]) }

    /// What ``isOpaque(element:attribute:)`` and the opaque-text test decided, by the parser's
    /// interned names. A file uses a few dozen names: a short list searched in order is faster
    /// than hashing.
    private var decidedAttributes: [(element: UnsafePointer<UInt8>?, attribute: UnsafePointer<UInt8>?, namespace: UnsafeMutablePointer<xmlNs>?, isXMLID: Bool, opaque: Bool)] = []
    private var decidedText: [(element: UnsafePointer<UInt8>?, opaque: Bool)] = []
    private var buffer: [UInt8] = []

    init(opaqueAttributes: Set<[String]>, opaqueText: Set<String>) {
        self.opaqueAttributes = opaqueAttributes
        self.opaqueText = opaqueText
    }

    /// The key of the subtree at `node`, or `nil` if it is too large to remember.
    /// A key: its bytes, hashed as one block rather than byte by byte.
    struct Shape: Hashable {
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    mutating func key(of node: xmlNodePtr) -> Shape? {
        buffer.removeAll(keepingCapacity: true)
        append(pointer: node.pointee.parent?.pointee.name)
        guard appendShape(of: node) else { return nil }
        return Shape(bytes: buffer)
    }

    private mutating func appendShape(of node: xmlNodePtr) -> Bool {
        guard buffer.count < limit else { return false }
        buffer.append(0x3C)
        append(pointer: node.pointee.name)
        append(pointer: node.pointee.ns.map { UnsafePointer($0) })
        var attribute = node.pointee.properties
        while let current = attribute {
            buffer.append(0x20)
            append(pointer: current.pointee.name)
            append(pointer: current.pointee.ns.map { UnsafePointer($0) })
            let content = current.pointee.children?.pointee.content
            if isOpaque(element: node.pointee.name, attribute: current) {
                buffer.append(Self.hasContent(content) ? 0x2A : 0x2D)
            } else if let content {
                appendBytes(content)
            }
            buffer.append(0)
            attribute = current.pointee.next
        }
        let textIsOpaque = isTextOpaque(element: node.pointee.name)
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                guard appendShape(of: current) else { return false }
            } else if current.pointee.type == XML_TEXT_NODE {
                buffer.append(0x54)
                if textIsOpaque {
                    buffer.append(Self.hasContent(current.pointee.content) ? 0x2A : 0x2D)
                } else if let content = current.pointee.content {
                    appendBytes(content)
                }
                buffer.append(0)
            }
            child = current.pointee.next
        }
        buffer.append(0x3E)
        return buffer.count < limit
    }

    private mutating func isOpaque(element: UnsafePointer<UInt8>?, attribute: xmlAttrPtr) -> Bool {
        let name = attribute.pointee.name
        let namespace = attribute.pointee.ns
        for known in decidedAttributes where known.element == element && known.attribute == name && known.namespace == namespace {
            // xml:id is an NCName: opaque when it plainly is one.
            return known.isXMLID ? Self.isPlainNCName(attribute.pointee.children?.pointee.content) : known.opaque
        }
        let inXML = namespace.map { SAXParser.equal($0.pointee.href, "http://www.w3.org/XML/1998/namespace") } ?? false
        let isXMLID = inXML && name.map { SAXParser.equal($0, "id") } == true
        let elementName = element.map { String(cString: $0) } ?? ""
        let attributeName = name.map { String(cString: $0) } ?? ""
        let opaque = namespace == nil
            && (opaqueAttributes.contains([elementName, attributeName]) || opaqueAttributes.contains(["*", attributeName]))
        decidedAttributes.append((element, name, namespace, isXMLID, opaque))
        return isXMLID ? Self.isPlainNCName(attribute.pointee.children?.pointee.content) : opaque
    }

    private mutating func isTextOpaque(element: UnsafePointer<UInt8>?) -> Bool {
        for known in decidedText where known.element == element { return known.opaque }
        let opaque = element.map { opaqueText.contains(String(cString: $0)) } ?? false
        decidedText.append((element, opaque))
        return opaque
    }

    /// The bytes of a NUL-terminated string.
    private static func bytes(_ content: UnsafeMutablePointer<UInt8>?) -> UnsafeBufferPointer<UInt8> {
        guard let content else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
    }

    /// An id that is plainly an NCName: a valid Standoff id in ASCII (ids are a subset of NCNames).
    private static func isPlainNCName(_ content: UnsafeMutablePointer<UInt8>?) -> Bool {
        Identifier.isValid(asciiBytes: bytes(content)) == true
    }

    private static func hasContent(_ content: UnsafeMutablePointer<UInt8>?) -> Bool {
        !XMLWhitespace.isBlank(bytes(content))
    }

    private mutating func append(pointer: UnsafePointer<UInt8>?) {
        var value = UInt(bitPattern: pointer)
        withUnsafeBytes(of: &value) { buffer.append(contentsOf: $0) }
    }

    private mutating func append<T>(pointer: UnsafePointer<T>?) {
        var value = UInt(bitPattern: pointer)
        withUnsafeBytes(of: &value) { buffer.append(contentsOf: $0) }
    }

    private mutating func appendBytes(_ content: UnsafeMutablePointer<UInt8>) {
        var index = 0
        while content[index] != 0 {
            buffer.append(content[index])
            index += 1
        }
    }
}
