import StandoffModel
import StandoffXML

/// Keeps what the model does not know (foreign elements with everything inside them, foreign
/// attributes, comments, processing instructions, what stands outside the root, the `<div>`s
/// around paragraphs) as ``PreservedContent``, each piece anchored where it stood, so that
/// ``TEIWriter`` puts it back. The reader tells it where it is; it knows nothing of TEI's places.
struct ForeignContentKeeper {
    private var preserved = PreservedContent()
    /// The foreign subtree being kept, while one is open, and where it goes.
    private var capture: MarkupCapture?
    private var captureAnchor: (anchor: String, after: String?) = ("", nil)
    private var captureTags: [(prefix: String?, localName: String)] = []
    /// The xml:ids of the elements kept, with the element's name and where it starts: ids
    /// Standoff does not read but may not give again (``PreservedContent/reservedIDs``).
    private(set) var ids: [(id: String, element: String, location: SourceLocation)] = []

    /// Whether a foreign subtree is open: every event goes into it until it ends.
    var isCapturing: Bool { capture != nil }

    /// Whether anything was kept.
    var hasMarkup: Bool { !preserved.nodes.isEmpty }

    /// Opens a foreign subtree at `anchor`, after the known sibling `after`.
    mutating func beginCapture(_ tag: StartTag, name: String, anchor: String, after: String?, at location: SourceLocation) {
        captureAnchor = (anchor, after)
        capture = MarkupCapture()
        capture!.start(tag)
        captureTags = [(tag.prefix.map { String(cString: $0) }, name)]
        noteID(of: tag, name: name, at: location)
    }

    mutating func captureStart(_ tag: StartTag, at location: SourceLocation) {
        capture!.start(tag)
        captureTags.append((tag.prefix.map { String(cString: $0) }, tag.name))
        noteID(of: tag, name: tag.name, at: location)
    }

    private mutating func noteID(of tag: StartTag, name: String, at location: SourceLocation) {
        if let id = tag.attribute("id", namespace: "http://www.w3.org/XML/1998/namespace") {
            ids.append((id, name, location))
            preserved.reservedIDs.insert(id)
        }
    }

    /// Closes an element of the open subtree; `true` when that was the subtree itself, now kept
    /// (owned by the annotation `owner`, if it stood inside one).
    mutating func captureEnd(owner: String?) -> Bool {
        capture!.end(captureTags.removeLast())
        guard capture!.depth == 0 else { return false }
        keep(.init(anchor: captureAnchor.anchor, after: captureAnchor.after, markup: capture!.markup), owner: owner)
        capture = nil
        return true
    }

    mutating func captureText(_ bytes: UnsafeBufferPointer<UInt8>) { capture!.text(bytes) }
    mutating func captureComment(_ text: String) { capture!.comment(text) }
    mutating func captureProcessingInstruction(_ target: String, _ data: String?) { capture!.processingInstruction(target, data) }

    /// Keeps a piece of markup, noting the annotation it lies inside, if any.
    mutating func keep(_ node: PreservedContent.Node, owner: String?) {
        preserved.nodes.append(node)
        if let owner = owner.flatMap({ try? Identifier($0) }) { preserved.owners[node.anchor] = owner }
    }

    /// Keeps a foreign attribute of the element at `anchor`.
    mutating func keep(_ attribute: PreservedContent.Attribute, at anchor: String, owner: String?) {
        preserved.attributes[anchor, default: []].append(attribute)
        if let owner = owner.flatMap({ try? Identifier($0) }) { preserved.owners[anchor] = owner }
    }

    /// Keeps a comment, processing instruction or document type before the root element (an
    /// `<?xml-model?>` naming the schema, a licence comment) or after it.
    mutating func keepOutsideRoot(_ markup: String, afterRoot: Bool) {
        preserved.nodes.append(.init(anchor: PreservedContent.outsideRoot, after: afterRoot ? "TEI" : nil, markup: markup))
    }

    /// Notes that the element with `key` (a `<div>`) opens, or (with `nil`) that the innermost
    /// one closes, before the paragraph `index`.
    mutating func noteContainer(_ key: String?, beforeParagraph index: Int) {
        preserved.paragraphContainers.append(.init(beforeParagraph: index, opening: key))
    }

    /// What was kept, with owners only for anchors that still hold something.
    func finished() -> PreservedContent {
        var result = preserved
        let used = Set(result.nodes.map(\.anchor)).union(result.attributes.keys)
        result.owners = result.owners.filter { used.contains($0.key) }
        return result
    }
}
