import StandoffXML
import CLibXML2
import Foundation
import StandoffModel

/// Checks a document against a RELAX NG schema while the SAX2 parser streams it, with
/// libxml2's progressive validation (`xmlRelaxNGValidatePushElement` and friends).
///
/// libxml2's own streaming reader does the same, but it registers every `xml:id` in a string
/// dictionary that, in libxml2 2.9, stops growing at a few thousand buckets: on a file with
/// hundreds of thousands of ids its time becomes quadratic. Here the nodes libxml2 needs are
/// made with its public tree API (`xmlNewDocNode`, `xmlNewNsProp`, `xmlAddChild`) along the
/// path of open elements: an element and its attributes and, for the few elements whose content
/// model cannot be checked event by event (libxml2 asks for them whole), their subtree. Each is
/// freed (`xmlFreeNode`) when its element ends, so memory stays bounded by the depth of the
/// document and the size of the largest such subtree. Lines are kept beside the nodes, for
/// messages (a node's own line field stops at 65,535).
final class RelaxNGFeed: SAXHandler {
    struct Message {
        var text: String
        var line: Int
        var column: Int
        /// libxml2's RELAX NG error code (`xmlRelaxNGValidErr`).
        var code: Int32
    }

    // Properties read and written on every SAX event are marked @exclusivity(unchecked): an
    // instance serves one parse on one thread, libxml2 calls back in sequence, and no callback
    // touches a property while another access to it is under way. The runtime's dynamic
    // exclusivity checks cost a fifth of the time of a large file otherwise.
    private let context: xmlRelaxNGValidCtxtPtr
    private let document: xmlDocPtr
    /// One namespace per URI, held by a node of its own (`xmlNewNs` on it), freed with the feed.
    private let namespaceHolder: xmlNodePtr
    @exclusivity(unchecked) private var namespaces: [UnsafePointer<UInt8>: xmlNsPtr] = [:]
    /// The namespace looked up last: elements and their attributes mostly share one.
    @exclusivity(unchecked) private var lastNamespace: (uri: UnsafePointer<UInt8>?, namespace: xmlNsPtr?) = (nil, nil)
    /// A node pushed without attributes and checked before (an `<annotation>` of a known shape),
    /// kept for the next element of its name and namespace instead of being freed and made again:
    /// hundreds of thousands of annotations then cost no allocation each.
    @exclusivity(unchecked) private var spare: (name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, node: xmlNodePtr)?
    /// The line of each node of the subtree validated whole, for libxml2's messages about them.
    @exclusivity(unchecked) private var nodeLines: [UnsafeMutableRawPointer: Int] = [:]

    private struct OpenElement {
        /// The node libxml2 sees; `nil` for an element inside a subtree validated whole, which
        /// is recorded instead and built only if its shape is new (see ``Recording``).
        var node: xmlNodePtr?
        var name: UnsafePointer<UInt8>
        var namespace: UnsafePointer<UInt8>?
        var line: Int
        var column: Int
    }

    @exclusivity(unchecked) private var open: [OpenElement] = []
    /// How many subtrees libxml2 was given whole (the rest were known shapes): the work that
    /// grows with a file's variety, which a test holds down.
    private(set) var wholeValidations = 0
    /// The most elements one subtree given whole had: libxml2's check of a subtree grows with
    /// the square of its children, so a long list must never be one.
    private(set) var largestWholeSubtree = 0
    @exclusivity(unchecked) private var wholeSubtreeElements = 0
    /// After libxml2 refuses an element, it refuses every later event in the same parent
    /// ("Did not expect element … there", once per element to the end of the list). From the
    /// first refusal until that parent ends, events there are not passed on: one fault, one
    /// message. Holds the depth (in ``open``) of the refused element.
    @exclusivity(unchecked) private var quietFrom: Int?
    /// Where in ``open`` the element libxml2 validates whole stands, while one is open.
    @exclusivity(unchecked) private var wholeElementDepth: Int?
    /// Text of the current element inside a whole-validated subtree, not yet made a node.
    @exclusivity(unchecked) private var pendingText: [UInt8] = []
    /// A NUL-terminated copy of text for `xmlRelaxNGValidatePushCData`.
    @exclusivity(unchecked) private var cdata: [UInt8] = []
    /// The start tag being read, for the nodes built for it.
    @exclusivity(unchecked) private var line = 0
    /// Where the element libxml2 is looking at starts: messages are placed there.
    @exclusivity(unchecked) private var reportLine = 0
    @exclusivity(unchecked) private var reportColumn = 0
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
    @exclusivity(unchecked) private var validShapes = ShapeKey.ValidShapes()
    @exclusivity(unchecked) private var shapes: ShapeKey?
    private let remembersShapes: Bool
    /// The events inside the subtree validated whole, while one is open.
    @exclusivity(unchecked) private var recording = Recording()
    /// The start tag of the element validated whole, when its node was built without its
    /// attributes (see ``validatedWhole``): they are added only if libxml2 is asked about it.
    @exclusivity(unchecked) private var wholeRootTag = Recording(capacity: 1024)
    @exclusivity(unchecked) private var wholeRootIsBare = false
    /// Elements (by name, with their parent's) that libxml2 validated whole before. libxml2
    /// reads no attribute of such an element when it is pushed (it asks for the element whole
    /// instead), so with remembered shapes its node is pushed bare, and gets its attributes only
    /// if its shape is new. This holds for Standoff's schemas, where an element name under a
    /// parent has one definition; it is not used without remembered shapes.
    @exclusivity(unchecked) private var validatedWhole: [(parent: UnsafePointer<UInt8>?, name: UnsafePointer<UInt8>)] = []
    /// The key of the subtree validated whole, while one is open (see ``ShapeKey``).
    @exclusivity(unchecked) private var keyBuffer = ByteBuffer(capacity: 4096)

    /// With `shapes`, a subtree of the same shape as one found valid before is not validated
    /// again: Standoff's own schemas give every annotation the same few shapes.
    init?(schema: xmlRelaxNGPtr, shapes: ShapeKey? = nil) {
        remembersShapes = shapes != nil
        self.shapes = shapes
        guard let context = xmlRelaxNGNewValidCtxt(schema) else { return nil }
        guard let document = xmlNewDoc("1.0") else {
            xmlRelaxNGFreeValidCtxt(context)
            return nil
        }
        guard let holder = xmlNewDocNode(document, nil, "namespaces", nil) else {
            xmlFreeDoc(document)
            xmlRelaxNGFreeValidCtxt(context)
            return nil
        }
        self.context = context
        self.document = document
        namespaceHolder = holder
        xmlRelaxNGSetValidStructuredErrors(context, RelaxNGFeed.callback, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlRelaxNGFreeValidCtxt(context)
        // The open elements' nodes hang from the outermost one.
        if let outermost = open.lazy.compactMap(\.node).first { free(outermost) }
        if let spare { xmlFreeNode(spare.node) }
        xmlFreeNode(namespaceHolder)
        xmlFreeDoc(document)
        recording.deallocate()
        wholeRootTag.deallocate()
        keyBuffer.deallocate()
    }

    // MARK: SAX events

    func startElement(_ tag: StartTag, at position: (line: Int, column: Int)) {
        flushText()
        line = position.line
        if let quiet = quietFrom, open.count >= quiet {
            open.append(OpenElement(node: nil, name: tag.localName, namespace: tag.namespace, line: position.line, column: position.column))
            return
        }
        if wholeElementDepth != nil {
            // Inside a subtree validated whole: its shape is noted and its events recorded; the
            // nodes are built only if the shape is new.
            shapes?.appendStart(tag, in: &keyBuffer)
            recording.start(tag, line: position.line, column: position.column)
            wholeSubtreeElements += 1
            open.append(OpenElement(node: nil, name: tag.localName, namespace: tag.namespace, line: position.line, column: position.column))
            return
        }
        let parentName = open.last?.name
        let bare = remembersShapes && validatedWhole.contains { $0.parent == parentName && $0.name == tag.localName }
        let node = bare ? (takeSpare(for: tag) ?? newElement(tag)) : makeElement(tag)
        // Along the path of open elements: libxml2 looks at a pushed element's ancestors.
        if let parent = open.last?.node { xmlAddChild(parent, node) }
        (reportLine, reportColumn) = (position.line, position.column)
        let result = xmlRelaxNGValidatePushElement(context, document, node)
        if result == 0 {
            if remembersShapes, !bare, validatedWhole.count < 64 { validatedWhole.append((parentName, tag.localName)) }
            wholeRootIsBare = bare
            if bare {
                wholeRootTag.reset()
                wholeRootTag.start(tag, line: position.line, column: position.column)
            }
            wholeElementDepth = open.count
            wholeSubtreeElements = 1
            recording.reset()
            if remembersShapes { ShapeKey.begin(parent: open.last?.name, in: &keyBuffer) }
            shapes?.appendStart(tag, in: &keyBuffer)
        } else if result != 1 {
            failed = true
            quietFrom = open.count
        }
        open.append(OpenElement(node: node, name: tag.localName, namespace: tag.namespace, line: position.line, column: position.column))
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        flushText()
        guard let element = open.popLast() else { return }
        // Whether the element's node is as it was pushed, bare, and can serve the next one.
        var reusable = false
        defer {
            if let node = element.node {
                if reusable { keepSpare(node, name: element.name, namespace: element.namespace) } else { free(node) }
            }
        }
        if let quiet = quietFrom {
            if open.count >= quiet { return }
            // The parent of the refused element ends: libxml2 hears from it again.
            quietFrom = nil
        }
        if let depth = wholeElementDepth {
            if remembersShapes { ShapeKey.appendEnd(in: &keyBuffer) }
            // Children of the whole-validated element are recorded until it ends.
            guard open.count == depth, let root = element.node else {
                recording.end(localName, namespace: namespace)
                return
            }
            (reportLine, reportColumn) = (element.line, element.column)
            wholeStartLine = element.line
            let key = remembersShapes ? ShapeKey.finish(keyBuffer) : nil
            if let key, validShapes.contains(key) {
                // The same shape was valid before: nothing was added to the node.
                reusable = wholeRootIsBare
            } else {
                if wholeRootIsBare {
                    // The attributes the node was pushed without, placed on the element's line.
                    let currentLine = line
                    wholeRootTag.replay(start: { tag, line, _ in
                        self.line = line
                        self.addAttributes(of: tag, to: root)
                    }, text: { _ in }, end: { _, _ in })
                    line = currentLine
                }
                build(recording, under: root)
                let messagesBefore = messages.count
                wholeValidations += 1
                let valid = xmlRelaxNGValidateFullElement(context, document, root) == 1
                if !valid { failed = true }
                if valid, messages.count == messagesBefore, let key, validShapes.count < 10_000 { validShapes.insert(key) }
                nodeLines.removeAll(keepingCapacity: true)
            }
            wholeStartLine = nil
            wholeElementDepth = nil
            largestWholeSubtree = max(largestWholeSubtree, wholeSubtreeElements)
        } else if let node = element.node {
            (reportLine, reportColumn) = (element.line, element.column)
            if xmlRelaxNGValidatePopElement(context, document, node) != 1 { failed = true }
        }
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
        let node = newElement(tag)
        addAttributes(of: tag, to: node)
        return node
    }

    /// An element node without its attributes.
    private func newElement(_ tag: StartTag) -> xmlNodePtr {
        let node = xmlNewDocNode(document, namespace(tag.namespace), tag.localName, nil)!
        if wholeStartLine != nil || wholeElementDepth != nil { nodeLines[UnsafeMutableRawPointer(node)] = line }
        return node
    }

    private func addAttributes(of tag: StartTag, to node: xmlNodePtr) {
        for index in 0..<tag.attributeCount {
            let base = index * 5
            guard let fields = tag.attributes, let name = fields[base], let start = fields[base + 3], let end = fields[base + 4] else { continue }
            let attribute = StartTag.withDecodedValue(start: start, end: end) { value in
                withNulTerminated(value) { xmlNewNsProp(node, namespace(fields[base + 2]), name, $0) }
            }
            if let attribute, wholeStartLine != nil || wholeElementDepth != nil { nodeLines[UnsafeMutableRawPointer(attribute)] = line }
        }
    }

    /// Calls `body` with a NUL-terminated copy of `bytes` (libxml2's text functions want one).
    private func withNulTerminated<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<UInt8>) -> R) -> R {
        cdata.removeAll(keepingCapacity: true)
        cdata.append(contentsOf: bytes)
        cdata.append(0)
        return cdata.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The spare node, if it has `tag`'s name and namespace.
    private func takeSpare(for tag: StartTag) -> xmlNodePtr? {
        guard let kept = spare, kept.name == tag.localName, kept.namespace == tag.namespace else { return nil }
        spare = nil
        return kept.node
    }

    /// Keeps a bare node that has ended for the next element of its name.
    private func keepSpare(_ node: xmlNodePtr, name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        xmlUnlinkNode(node)
        if let kept = spare { xmlFreeNode(kept.node) }
        spare = (name, namespace, node)
    }

    /// Frees an element that has ended, with whatever was built under it.
    private func free(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    private func flushText() {
        guard wholeElementDepth != nil, !pendingText.isEmpty, let parent = open.last else {
            pendingText.removeAll(keepingCapacity: true)
            return
        }
        pendingText.withUnsafeBufferPointer { text in
            shapes?.appendText(text, of: parent.name, in: &keyBuffer)
            recording.text(text)
        }
        pendingText.removeAll(keepingCapacity: true)
    }

    /// Builds the recorded children of a subtree validated whole under its root node.
    private func build(_ recording: Recording, under root: xmlNodePtr) {
        let currentLine = line
        defer { line = currentLine }
        var parents = [root]
        recording.replay(
            start: { tag, line, _ in
                self.line = line
                let node = self.makeElement(tag)
                xmlAddChild(parents[parents.count - 1], node)
                parents.append(node)
            },
            text: { bytes in
                let text = xmlNewDocTextLen(self.document, bytes.baseAddress, Int32(bytes.count))!
                // Text next to text is merged into it (and the new node freed).
                if let added = xmlAddChild(parents[parents.count - 1], text) { self.nodeLines[UnsafeMutableRawPointer(added)] = self.line }
            },
            end: { _, _ in parents.removeLast() })
    }

    /// One `xmlNs` per namespace URI (the parser interns URIs, so the pointer is the key).
    private func namespace(_ uri: UnsafePointer<UInt8>?) -> xmlNsPtr? {
        guard let uri else { return nil }
        if uri == lastNamespace.uri { return lastNamespace.namespace }
        if let known = namespaces[uri] {
            lastNamespace = (uri, known)
            return known
        }
        // Prefixes only tell namespaces apart here: libxml2 validates by URI.
        let prefix = "ns\(namespaces.count)"
        let namespace = xmlNewNs(namespaceHolder, uri, prefix)
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
        // with its line noted beside it. (Elsewhere libxml2 may name a node already freed.)
        if let first = feed.wholeStartLine, let node = error.pointee.node, let recorded = feed.nodeLines[node] {
            if recorded > line, recorded >= first, recorded <= feed.line {
                line = recorded
                column = 1
            }
        }
        feed.messages.append(Message(text: text, line: line, column: max(column, 1), code: error.pointee.code))
    }
}
