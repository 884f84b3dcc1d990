import StandoffXML

/// Reads TEI with inline markup (an edition, a corpus, Standoff's own `tei-inline` export) into
/// what ``InlineTEI/importDocument(path:id:)`` makes a document of: the plain text, paragraph by
/// paragraph, and every element of the text with where it starts and ends in it; the registers
/// (`listPerson`, `listPlace`, `listOrg` anywhere outside the text) and the header's taxonomies.
///
/// The text is that of `<body>`'s paragraph-like elements (`p`, `head`, `ab`, `l`, `item`,
/// `speaker`, `stage`; text between them is a paragraph of its own). Inside a paragraph, a run of
/// white space that holds a line break is one space, and one at either end is dropped (the
/// indentation of pretty-printed XML); other white space is kept. `<lb/>` is a space (nothing with
/// `break="no"` or `type="hyphenated"`). What is not the running text (`corr`, `reg`, `expan`, `add` in a `choice` or
/// `subst`; a critical apparatus's `rdg` beside its `lem`; `note`, `fw`, `figDesc`, `index`) is set aside: a correction is kept as the correction of the
/// error it belongs to, the rest counted.
final class InlineTEIReader: SAXHandler {
    /// An element of the text, with its attributes and where it stands in the text: offsets
    /// into the paragraph it starts and ends in.
    struct Element {
        var name: String
        var attributes: [String: String]
        var line: Int
        var start: (paragraph: Int, offset: Int)
        var end: (paragraph: Int, offset: Int) = (0, 0)
        var closed = false
        /// For `choice`/`subst`: the text set aside (a correction, a regularisation), and the
        /// child element whose text stands in the text (`sic`, `orig`, `del`, `abbr`).
        var setAside = ""
        var original: Int?
        /// The `choice` or `subst` this element stands in, if any.
        var group: Int?
    }

    /// A register entry of the file.
    struct Entry { var id: String; var kind: String; var names: [String] = []; var wikidata: String?; var line: Int }
    /// A category of the header's taxonomies, with its description and its taxonomy's id.
    struct Category { var id: String; var taxonomy: String; var description: String }

    private(set) var paragraphs: [String] = []
    private(set) var elements: [Element] = []
    private(set) var entries: [Entry] = []
    private(set) var categories: [Category] = []
    private(set) var title: String?
    private(set) var language: String?
    /// Elements of the text left out or read as their text only, by name.
    private(set) var setAsideElements: [LossKind: Int] = [:]
    /// `choice`s and `subst`s whose original reading is empty (a gap, a glyph): the other reading
    /// was read as the text.
    private(set) var emptyOriginals = 0
    private(set) var rootName: String?
    private(set) var rootNamespace: String?

    private static let tei = "http://www.tei-c.org/ns/1.0"
    private static let blocks: Set<String> = ["p", "head", "ab", "l", "item", "speaker", "stage"]
    /// Elements whose text is set aside wherever they stand.
    private static let apart: Set<String> = ["note", "fw", "figDesc", "teiHeader", "rdg", "index"]
    /// In a `choice` or `subst`, the readings that are not the running text.
    private static let alternatives: Set<String> = ["corr", "reg", "expan", "add"]

    private enum Frame { case element(Int), block, apart, other(String), register(Int), registerName(Int), idno(Int), category(Int), title }
    private var stack: [Frame] = []
    private var inBody = 0
    private var inText = 0
    /// Where set-aside text goes: the group element collecting it, or nowhere.
    private var setAsideInto: [Int?] = []
    private var buffer = String.UnicodeScalarView()
    /// The code points in ``buffer``, counted as they are appended: a view's `count` walks it,
    /// and asking it at every element made reading one long paragraph quadratic.
    private var bufferCount = 0
    private var inBlock = false
    /// The paragraph being read was begun by text between paragraph-like elements (not by one):
    /// it ends where a structure (`div`, `lg`, …) begins or ends.
    private var blockIsImplicit = false
    private static let structures: Set<String> = ["div", "lg", "list", "sp", "body", "group", "text", "floatingText", "front", "back"]
    /// A run of white space holding a line break, not yet written (one space, if text follows).
    private var pendingSpace = false
    /// Spaces and tabs not yet written: dropped if a line break follows them.
    private var held = String.UnicodeScalarView()
    private var textCapture: String?
    private var taxonomyIDs: [String] = []

    // MARK: Where the text stands

    private var position: (paragraph: Int, offset: Int) { (paragraphs.count, bufferCount) }

    private func append(_ scalar: Unicode.Scalar) {
        buffer.append(scalar)
        bufferCount += 1
    }

    /// One scalar at a time: the view's `append(contentsOf:)` makes a new string of the whole
    /// paragraph each time (quadratic on one long paragraph, measured).
    private func appendHeld() {
        for scalar in held { append(scalar) }
    }

    /// Writes out a space held back at a line break, once more text follows it.
    private func settle() {
        if pendingSpace {
            if !buffer.isEmpty { append(" ") }
        } else {
            appendHeld()
        }
        pendingSpace = false
        held = String.UnicodeScalarView()
    }

    private func startParagraph(implicit: Bool = false) {
        endParagraph()
        inBlock = true
        blockIsImplicit = implicit
    }

    private func endParagraph() {
        // An element still open keeps its place: its end falls in the next paragraph.
        if !pendingSpace { appendHeld() }
        if !buffer.isEmpty { paragraphs.append(String(buffer)) }
        buffer = String.UnicodeScalarView()
        bufferCount = 0
        held = String.UnicodeScalarView()
        pendingSpace = false
        inBlock = false
    }

    // MARK: SAX events

    func startElement(_ tag: StartTag, at location: (line: Int, column: Int)) {
        let name = tag.name
        let namespace = tag.namespace.map { String(cString: $0) }
        if rootName == nil { rootName = name; rootNamespace = namespace; language = tag.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace") }
        guard namespace == Self.tei else {
            if inBody > 0 { setAsideElements[.otherVocabulary(name), default: 0] += 1 }
            stack.append(.other(name))
            return
        }
        var attributes: [String: String] = [:]
        for attribute in tag.allAttributes {
            attributes[attribute.namespace == "http://www.w3.org/XML/1998/namespace" ? "xml:" + attribute.localName : attribute.localName] = attribute.value
        }
        if name == "text" { inText += 1 }
        if name == "body" { inBody += 1 }
        if setAsideInto.last != nil || (inBody > 0 && Self.apart.contains(name)) {
            // Inside text that is not the running text: a correction collects its text.
            if inBody > 0 && Self.apart.contains(name) { setAsideElements[.apartFromText(name), default: 0] += 1 }
            stack.append(.apart)
            setAsideInto.append(setAsideInto.last ?? nil)
            return
        }
        if inBody > 0 { startInBody(name, attributes, line: location.line) } else { startOutsideText(name, attributes, line: location.line) }
    }

    /// An element of the running text: a paragraph, a line break, or an element whose span
    /// becomes an annotation (a reading of a `choice` or `subst` collected apart).
    private func startInBody(_ name: String, _ attributes: [String: String], line: Int) {
        if Self.blocks.contains(name) { startParagraph(); stack.append(.block); return }
        if name == "lb" {
            if attributes["break"] != "no" && attributes["type"] != "hyphenated" { pendingSpace = true }
            stack.append(.other(name))
            return
        }
        if Self.structures.contains(name) {
            if inBlock && blockIsImplicit { endParagraph() }
            if !inBlock { stack.append(.other(name)); return }
        }
        // Outside a paragraph, an element starts where the next paragraph will (text in it
        // begins one); an empty one (a milestone, an anchor) begins none.
        if inBlock { settle() }
        var element = Element(name: name, attributes: attributes, line: line, start: position)
        if let group = openGroup() {
            element.group = group
            if Self.alternatives.contains(name) {
                // An empty original reading (an illegible deletion, a glyph) leaves the text
                // nothing: the other reading is the text then, and nothing is corrected.
                if let original = elements[group].original, elements[original].closed,
                   elements[original].start == elements[original].end {
                    emptyOriginals += 1
                    elements[group].original = nil
                    stack.append(.other(name))
                    return
                }
                stack.append(.apart)
                setAsideInto.append(group)
                return
            }
            if elements[group].original == nil { elements[group].original = elements.count }
        }
        elements.append(element)
        stack.append(.element(elements.count - 1))
    }

    /// Outside the text: registers, taxonomies, the title.
    private func startOutsideText(_ name: String, _ attributes: [String: String], line: Int) {
        switch name {
        case "person", "place", "org":
            entries.append(Entry(id: attributes["xml:id"] ?? "", kind: name, line: line))
            stack.append(.register(entries.count - 1))
        // A name or idno is a register entry's only inside one (a header's author has a persName too).
        case "persName", "placeName", "orgName", "geogName", "name", "idno":
            guard let entry = currentEntry else { stack.append(.other(name)); break }
            textCapture = ""
            if name == "idno" {
                stack.append(.idno(entry))
                if let type = attributes["type"], type.lowercased() == "wikidata" { entries[entry].wikidata = "" }
            } else {
                stack.append(.registerName(entry))
            }
        case "taxonomy":
            taxonomyIDs.append(attributes["xml:id"] ?? "")
            stack.append(.other(name))
        case "category":
            categories.append(Category(id: attributes["xml:id"] ?? "", taxonomy: taxonomyIDs.last ?? "", description: ""))
            stack.append(.other(name))
        case "catDesc" where !categories.isEmpty:
            textCapture = ""
            stack.append(.category(categories.count - 1))
        case "title" where title == nil && inText == 0:
            textCapture = ""
            stack.append(.title)
        default:
            stack.append(.other(name))
        }
    }

    private var currentEntry: Int? {
        for frame in stack.reversed() { if case .register(let index) = frame { return index } }
        return nil
    }

    /// The innermost open `choice` or `subst`.
    private func openGroup() -> Int? {
        for frame in stack.reversed() {
            if case .element(let index) = frame, ["choice", "subst"].contains(elements[index].name) { return index }
            if case .block = frame { return nil }
        }
        return nil
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        guard let frame = stack.popLast() else { return }
        let name = String(cString: localName)
        if namespace.map({ String(cString: $0) }) == Self.tei {
            if name == "text" { inText -= 1 }
            if name == "body" { inBody -= 1; if inBody == 0 { endParagraph() } }
        }
        switch frame {
        case .element(let index):
            elements[index].end = position
            elements[index].closed = true
        case .block:
            endParagraph()
        case .apart:
            setAsideInto.removeLast()
        case .registerName(let entry):
            if let text = textCapture { entries[entry].names.append(Self.collapsed(text)) }
            textCapture = nil
        case .idno(let entry):
            let value = Self.collapsed(textCapture ?? "")
            if entries[entry].wikidata == "" { entries[entry].wikidata = value } else if value.contains("wikidata.org/") {
                entries[entry].wikidata = String(value.split(separator: "/").last ?? "")
            }
            textCapture = nil
        case .category(let index):
            categories[index].description = Self.collapsed(textCapture ?? "")
            textCapture = nil
        case .title:
            title = Self.collapsed(textCapture ?? "")
            textCapture = nil
        case .other(let name):
            if name == "taxonomy" { _ = taxonomyIDs.popLast() }
            if Self.structures.contains(name) && inBlock && blockIsImplicit { endParagraph() }
        case .register:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        if textCapture != nil { textCapture! += text; return }
        if let target = setAsideInto.last {
            if let group = target { elements[group].setAside += text }
            return
        }
        guard inBody > 0 else { return }
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                held = String.UnicodeScalarView()
                pendingSpace = true
                continue
            }
            if scalar == " " || scalar == "\t" {
                if !pendingSpace && inBlock { held.append(scalar) }
                continue
            }
            if !inBlock { startParagraph(implicit: true) }
            settle()
            append(scalar)
        }
    }

    func comment(_ text: UnsafePointer<UInt8>) {}
    func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) {}

    /// Set-aside text (a correction) as the text is read: a run of white space holding a line
    /// break is one space, or nothing at either end; other white space is kept.
    static func normalized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        var runHasBreak = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                run.append(scalar)
                if scalar == "\n" || scalar == "\r" { runHasBreak = true }
                continue
            }
            if !run.isEmpty {
                if runHasBreak { if !result.isEmpty { result.append(" ") } } else { result.append(contentsOf: run) }
            }
            run = String.UnicodeScalarView()
            runHasBreak = false
            result.append(scalar)
        }
        if !runHasBreak { result.append(contentsOf: run) }
        return String(result)
    }

    /// Names and descriptions: every run of white space one space, none at either end.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
