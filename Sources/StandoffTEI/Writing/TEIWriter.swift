import CLibXML2
import Foundation
import StandoffFiles
import StandoffModel

/// Writes a ``Document`` as Standoff's TEI P5 stand-off encoding (see docs/FORMAT.md).
///
/// Output is deterministic: layers in fixed order, annotations by start offset then id, indented
/// outside `<p>` and `<note>`, whose text is written exactly. Preserved foreign content goes back
/// where it was read.
public enum TEIWriter {
    /// The document as UTF-8 XML bytes.
    public static func serialize(_ document: Document) throws(TEIWriteError) -> [UInt8] {
        // Room for the whole file at once: grown step by step, the buffer of a 100 MB file is
        // copied again and again (a third of the time of an edit, measured).
        let estimate = document.text.string.utf8.count * 2 + document.annotations.count * 320 + 65_536
        guard let emitter = TEIEmitter(preserved: document.preserved, capacity: estimate) else {
            throw TEIWriteError(path: "", message: "libxml2 could not create a text writer", hint: "this is a bug; please report it")
        }
        emitter.document(document)
        return try emitter.finish()
    }

    /// One `<annotation>` element as ``serialize(_:)`` writes it inside its `<listAnnotation>`,
    /// from the line break before it (for an edit spliced into a file's bytes: ``SplicedEdit``).
    static func annotationElement(_ annotation: Annotation, in document: Document) throws(TEIWriteError) -> [UInt8] {
        guard let emitter = TEIEmitter(preserved: PreservedContent(), capacity: 4096) else {
            throw TEIWriteError(path: "", message: "libxml2 could not create a text writer", hint: "this is a bug; please report it")
        }
        return try emitter.fragment(depth: 3) { $0.annotation(annotation, in: document) }
    }

    /// One `<change>` of the header's revision history as ``serialize(_:)`` writes it, from the
    /// line break before it (``SplicedEdit``).
    static func changeElement(_ revision: Revision) throws(TEIWriteError) -> [UInt8] {
        guard let emitter = TEIEmitter(preserved: PreservedContent(), capacity: 1024) else {
            throw TEIWriteError(path: "", message: "libxml2 could not create a text writer", hint: "this is a bug; please report it")
        }
        return try emitter.fragment(depth: 3) { $0.change(revision) }
    }

    /// Writes the document to `path` atomically (temporary file, fsync, rename).
    public static func write(_ document: Document, to path: String, replacing: Bool = true) throws(TEIWriteError) {
        var bytes: [UInt8]
        do throws(TEIWriteError) { bytes = try serialize(document) } catch {
            throw TEIWriteError(path: path, message: error.message, hint: error.hint)
        }
        try AtomicFile.replace(path, with: bytes, replacing: replacing)
    }
}

/// Drives libxml2's text writer and puts preserved content back in place.
private final class TEIEmitter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private let preserved: PreservedContent
    private var emitted: Set<Int> = []
    private var nodesByAnchor: [String: [Int]] = [:]
    private var stack: [(anchor: String, key: String, counts: [String: Int], hasChildren: Bool)] = []
    private var failed = false
    /// Whether anchors are worked out at all: only preserved content needs them, and a file
    /// Standoff wrote has none (building an anchor string for each of 600,000 annotations and
    /// their children cost a third of an edit's writing time, measured).
    private let tracksAnchors: Bool
    /// A line break and the indentation of each depth, made once.
    private var indents: [String] = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }
    /// The first value XML cannot hold (a control character in a note, say): nothing is
    /// written then, since no parser would read the file again.
    private var unstorable: (place: String, scalar: Unicode.Scalar)?

    init?(preserved: PreservedContent, capacity: Int) {
        guard let buffer = xmlBufferCreateSize(max(4096, min(capacity, Int(Int32.max) / 2))) else { return nil }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            return nil
        }
        self.buffer = buffer
        self.writer = writer
        self.preserved = preserved
        tracksAnchors = !preserved.isEmpty
        for (index, node) in preserved.nodes.enumerated() { nodesByAnchor[node.anchor, default: []].append(index) }
        // Indentation is written by hand: libxml2's automatic indentation loses track after raw
        // markup, and text elements must never be indented inside.
        xmlTextWriterSetIndent(writer, 0)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func finish() throws(TEIWriteError) -> [UInt8] {
        check(xmlTextWriterEndDocument(writer))
        check(xmlTextWriterWriteRaw(writer, ""))
        check(xmlTextWriterFlush(writer))
        if let unstorable {
            throw TEIWriteError(path: "", message: "\(unstorable.place) holds \(XMLCharacters.describe(unstorable.scalar)), which XML cannot store; nothing was written",
                                hint: "remove the character from the value")
        }
        guard !failed else {
            throw TEIWriteError(path: "", message: "libxml2's text writer failed", hint: "this is a bug; please report it")
        }
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        var bytes = Array(UnsafeBufferPointer(start: content, count: count))
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return bytes
    }

    // MARK: The document

    /// What `write` writes, alone, indented as at `depth` (TEI, standOff, listAnnotation: 3).
    func fragment(depth: Int, _ write: (TEIEmitter) -> Void) throws(TEIWriteError) -> [UInt8] {
        for _ in 0..<depth { stack.append(("", "", [:], true)) }
        write(self)
        check(xmlTextWriterFlush(writer))
        if let unstorable {
            throw TEIWriteError(path: "", message: "\(unstorable.place) holds \(XMLCharacters.describe(unstorable.scalar)), which XML cannot store; nothing was written",
                                hint: "remove the character from the value")
        }
        guard !failed, let content = xmlBufferContent(buffer) else {
            throw TEIWriteError(path: "", message: "libxml2's text writer failed", hint: "this is a bug; please report it")
        }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    func document(_ document: Document) {
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
        for index in nodesByAnchor[PreservedContent.outsideRoot] ?? [] where preserved.nodes[index].after == nil {
            raw(index)
            check(xmlTextWriterWriteRaw(writer, "\n"))
        }
        open("TEI", namespace: TEI.namespace, attributes: [("xml:id", document.id.rawValue), ("xml:lang", document.language.isEmpty ? nil : document.language)])
        header(document)
        open("text")
        open("body")
        var containers = document.preserved.paragraphContainers[...]
        for (index, id) in document.paragraphIDs.enumerated() {
            while let next = containers.first, next.beforeParagraph <= index {
                container(next)
                containers.removeFirst()
            }
            textElement("p", key: "p[\(id)]", attributes: [("xml:id", id.rawValue)], text: document.text.paragraphText(index))
        }
        for next in containers { container(next) }
        while stack.count > 3 { close() }
        close()
        close()
        standOff(document)
        close()
        for index in nodesByAnchor[PreservedContent.outsideRoot] ?? [] where !emitted.contains(index) {
            check(xmlTextWriterWriteRaw(writer, "\n"))
            raw(index)
        }
    }

    /// Opens or closes a `<div>` (or another element that groups paragraphs) read from the file.
    private func container(_ event: PreservedContent.ParagraphContainer) {
        guard let key = event.opening else {
            // Never the body itself: a container list that closes more than it opened is ignored.
            if stack.count > 3 { close() }
            return
        }
        open(String(key.prefix { $0 != "[" }), key: key)
    }

    private func header(_ document: Document) {
        open("teiHeader")
        open("fileDesc")
        open("titleStmt")
        textElement("title", text: document.title)
        for annotator in document.annotators {
            open("respStmt", key: "respStmt[\(annotator.id)]", attributes: [("xml:id", annotator.id.rawValue)])
            textElement("resp", text: annotator.role)
            textElement("name", text: annotator.name)
            close()
        }
        close()
        open("publicationStmt")
        if !document.publicationStatement.isEmpty || !hasPreserved(under: currentAnchor) {
            textElement("p", text: document.publicationStatement)
        }
        close()
        open("sourceDesc")
        // TEI's <sourceDesc> holds either paragraphs or bibliographic elements: where the file
        // describes its source in paragraphs of its own, Standoff adds no <bibl> beside them.
        if !describesSourceInParagraphs(at: currentAnchor) {
            open("bibl")
            if !document.source.fileName.isEmpty {
                textElement("idno", attributes: [("type", "filename")], text: document.source.fileName)
            }
            // A file that recorded no hash gets the hash of its text as it is now.
            let sha256 = document.source.sha256.isEmpty ? document.text.sha256 : document.source.sha256
            textElement("idno", attributes: [("type", "sha256")], text: sha256)
            close()
        }
        close()
        close()
        if !document.taxonomies.isEmpty {
            open("encodingDesc")
            open("classDecl")
            for taxonomy in document.taxonomies {
                open("taxonomy", key: "taxonomy[\(taxonomy.id)]", attributes: [("xml:id", taxonomy.id.rawValue)])
                if let description = taxonomy.description { textElement("desc", text: description) }
                for category in taxonomy.categories {
                    open("category", key: "category[\(category.id)]", attributes: [("xml:id", category.id.rawValue)])
                    textElement("catDesc", text: category.description)
                    close()
                }
                close()
            }
            close()
            close()
        }
        if !document.revisions.isEmpty {
            open("revisionDesc")
            for revision in document.revisions { change(revision) }
            close()
        }
        close()
    }

    func change(_ revision: Revision) {
        textElement("change", attributes: [
            ("when", revision.time.map(TEIDate.format)), ("who", revision.who.map { "#\($0)" }),
        ], text: revision.description)
    }

    private func standOff(_ document: Document) {
        let hasRegisters = document.registers.contains { !$0.entries.isEmpty }
        guard hasRegisters || !document.annotations.isEmpty || hasPreserved(under: "TEI/standOff") else { return }
        open("standOff")
        for register in document.registers where !register.entries.isEmpty {
            let names = TEI.elements(for: register.kind)
            open(names.list)
            for entry in register.entries {
                open(names.entry, key: "\(names.entry)[\(entry.id)]", attributes: [("xml:id", entry.id.rawValue)])
                textElement(names.name, text: entry.name)
                for alias in entry.aliases { textElement(names.name, attributes: [("type", "alias")], text: alias) }
                if let wikidata = entry.wikidata { textElement("idno", attributes: [("type", "wikidata")], text: wikidata) }
                close()
            }
            close()
        }
        for layer in document.layers {
            open("listAnnotation", key: "listAnnotation[\(layer.name)]", attributes: [("type", layer.name)])
            for annotation in document.sortedAnnotations(in: layer) { self.annotation(annotation, in: document) }
            close()
        }
        emitOrphans(under: "TEI/standOff")
        close()
    }

    private func pointers(_ ranges: [TextRange], in document: Document) -> String {
        ranges.flatMap { range in
            document.text.paragraphPieces(of: range).map { piece in
                StringRangePointer.format(paragraph: document.paragraphIDs[piece.paragraph], offset: piece.local.start, length: piece.local.length)
            }
        }.joined(separator: " ")
    }

    /// `#a #b`: TEI pointers to ids, or nothing for none.
    static func pointers(to ids: [Identifier]) -> String? {
        ids.isEmpty ? nil : ids.map { "#\($0)" }.joined(separator: " ")
    }

    func annotation(_ annotation: Annotation, in document: Document) {
        let key = tracksAnchors ? "annotation[\(annotation.id)]" : ""
        let customMotivation = tracksAnchors
            && preserved.attributes[currentAnchor + "/" + key]?.contains { $0.localName == "motivation" && $0.namespace == nil } ?? false
        var ana: [String] = []
        if let category = annotation.category { ana.append("#\(category)") }
        if let severity = annotation.severity { ana.append("#\(severity.rawValue)") }
        open("annotation", key: key, attributes: [
            ("xml:id", annotation.id.rawValue),
            ("target", pointers(annotation.ranges, in: document)),
            ("motivation", customMotivation ? nil : TEI.motivation(for: annotation.layer)),
            ("ana", ana.isEmpty ? nil : ana.joined(separator: " ")),
            ("resp", Self.pointers(to: annotation.provenance.annotators)),
            ("cert", annotation.provenance.certainty?.rawValue),
        ])
        let provenance = annotation.provenance
        let hasProvenanceChange = provenance.time != nil || provenance.method != nil
        if hasProvenanceChange || !annotation.history.isEmpty {
            open("revisionDesc")
            if hasProvenanceChange {
                emptyElement("change", attributes: [
                    ("when", provenance.time.map(TEIDate.format)), ("who", Self.pointers(to: provenance.annotators)),
                    ("type", provenance.method?.rawValue),
                ])
            }
            for step in annotation.history {
                let attributes = [("when", step.time.map(TEIDate.format)), ("who", Self.pointers(to: step.who)),
                                  ("status", step.status.rawValue), ("n", step.conflict)]
                if step.description.isEmpty { emptyElement("change", attributes: attributes) } else { textElement("change", attributes: attributes, text: step.description) }
            }
            close()
        }
        for link in annotation.links {
            switch link.target {
            case .id(let id): emptyElement("ptr", attributes: [("type", link.role.name), ("target", "#\(id)")])
            case .unknown: textElement("ref", attributes: [("type", link.role.name)], text: "unknown")
            }
        }
        if !annotation.cue.isEmpty {
            emptyElement("ptr", attributes: [("type", "cue"), ("target", pointers(annotation.cue, in: document))])
        }
        for quote in annotation.snapshot { textElement("note", attributes: [("type", "quote")], text: quote) }
        if let correction = annotation.correction { textElement("note", attributes: [("type", "correction")], text: correction) }
        for (key, value) in annotation.features.sorted(by: { $0.key < $1.key }) {
            textElement("note", attributes: [("type", "feature"), ("n", key)], text: value)
        }
        for note in annotation.notes { textElement("note", attributes: [("type", "comment")], text: note) }
        close()
    }

    // MARK: Elements and preserved content

    private var currentAnchor: String { stack.last?.anchor ?? "" }

    /// Whether kept markup at `anchor` holds paragraphs (`<p>`, `<ab>`).
    private func describesSourceInParagraphs(at anchor: String) -> Bool {
        (nodesByAnchor[anchor] ?? []).contains { index in
            let markup = preserved.nodes[index].markup
            return ["<p>", "<p ", "<ab>", "<ab "].contains { markup.hasPrefix($0) }
        }
    }

    private func hasPreserved(under prefix: String) -> Bool {
        preserved.nodes.contains { $0.anchor.hasPrefix(prefix) }
    }

    private func open(_ name: String, key: String? = nil, namespace: String? = nil, attributes: [(String, String?)] = []) {
        guard tracksAnchors else {
            newline()
            check(namespace.map { xmlTextWriterStartElementNS(writer, nil, name, $0) } ?? xmlTextWriterStartElement(writer, name))
            for (attribute, value) in attributes {
                if let value {
                    checkStorable(value, "@\(attribute) of <\(name)>")
                    check(xmlTextWriterWriteAttribute(writer, attribute, value))
                }
            }
            stack.append(("", "", [:], false))
            return
        }
        let key = key ?? nextKey(name)
        let anchor = (stack.last.map { $0.anchor + "/" } ?? "") + key
        newline()
        if let namespace {
            check(xmlTextWriterStartElementNS(writer, nil, name, namespace))
        } else {
            check(xmlTextWriterStartElement(writer, name))
        }
        for (attribute, value) in attributes {
            if let value {
                checkStorable(value, "@\(attribute) of <\(name)>")
                check(xmlTextWriterWriteAttribute(writer, attribute, value))
            }
        }
        for attribute in preserved.attributes[anchor] ?? [] {
            if attribute.namespace == TEI.xmlNamespace {
                check(xmlTextWriterWriteAttribute(writer, "xml:" + attribute.localName, attribute.value))
            } else if let namespace = attribute.namespace {
                check(xmlTextWriterWriteAttributeNS(writer, attribute.prefix, attribute.localName, namespace, attribute.value))
            } else {
                check(xmlTextWriterWriteAttribute(writer, attribute.localName, attribute.value))
            }
        }
        stack.append((anchor, key, [:], false))
        emitPreserved(anchor: anchor, after: nil)
    }

    private func close() {
        let frame = stack.removeLast()
        // Content whose preceding sibling is gone goes at the end of its parent.
        if tracksAnchors { for index in nodesByAnchor[frame.anchor] ?? [] where !emitted.contains(index) { raw(index) } }
        if frame.hasChildren { stack.append(frame); newline(closing: true); stack.removeLast() }
        check(xmlTextWriterEndElement(writer))
        if tracksAnchors, let parent = stack.last { emitPreserved(anchor: parent.anchor, after: frame.key) }
    }

    private func textElement(_ name: String, key: String? = nil, attributes: [(String, String?)] = [], text: String) {
        open(name, key: key, attributes: attributes)
        checkStorable(text, "the text of <\(name)>")
        check(xmlTextWriterWriteString(writer, text))
        let frame = stack.removeLast()
        check(xmlTextWriterEndElement(writer))
        if tracksAnchors, let parent = stack.last { emitPreserved(anchor: parent.anchor, after: frame.key) }
    }

    private func checkStorable(_ value: String, _ place: @autoclosure () -> String) {
        guard unstorable == nil, let (scalar, _) = XMLCharacters.firstUnstorable(in: value) else { return }
        unstorable = (place(), scalar)
    }

    private func emptyElement(_ name: String, attributes: [(String, String?)]) {
        open(name, attributes: attributes)
        close()
    }

    private func nextKey(_ name: String) -> String {
        guard !stack.isEmpty else { return name }
        let count = (stack[stack.count - 1].counts[name] ?? 0) + 1
        stack[stack.count - 1].counts[name] = count
        return count == 1 ? name : "\(name)[\(count)]"
    }

    private func emitPreserved(anchor: String, after: String?) {
        for index in nodesByAnchor[anchor] ?? [] where !emitted.contains(index) && preserved.nodes[index].after == after {
            raw(index)
        }
    }

    private func emitOrphans(under prefix: String) {
        for (index, node) in preserved.nodes.enumerated() where !emitted.contains(index) && node.anchor.hasPrefix(prefix) {
            raw(index)
        }
    }

    private func raw(_ index: Int) {
        emitted.insert(index)
        newline()
        check(xmlTextWriterWriteRaw(writer, preserved.nodes[index].markup))
    }

    /// Starts a new line indented for the next child of the innermost open element (or, when
    /// `closing`, for that element's end tag), and notes that the element has children.
    private func newline(closing: Bool = false) {
        guard !stack.isEmpty else { return }
        if !closing { stack[stack.count - 1].hasChildren = true }
        let depth = closing ? stack.count - 1 : stack.count
        while indents.count <= depth { indents.append("\n" + String(repeating: "  ", count: indents.count)) }
        check(xmlTextWriterWriteRaw(writer, indents[depth]))
    }

    private func check(_ result: Int32) {
        if result < 0 { failed = true }
    }
}
