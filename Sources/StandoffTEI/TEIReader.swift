import StandoffXML
import CLibXML2
import Foundation
import StandoffModel

/// What reading a TEI file produced: the document if it could be built, every problem found,
/// and where each declared id stands in the file.
public struct TEIReadResult: Sendable {
    public var document: Document?
    public var problems: [TEIProblem]
    /// The start tag of each register entry, category, annotator and paragraph, by id
    /// (annotations: ``annotationLocations``; ``location(of:)`` looks in both).
    public var locations: [Identifier: SourceLocation]
    /// The start tag of each annotation of ``document``, in the order of its `annotations`.
    public var annotationLocations: [SourceLocation] = []
    /// Where the header records the text's SHA-256.
    public var sourceHashLocation: SourceLocation? = nil
    /// Whether the file holds markup Standoff does not model (kept in ``Document/preserved``).
    public var hasForeignMarkup = false
    /// Annotations left unread with the element that holds them: in a `<listAnnotation>`
    /// without a layer, or inside an element TEI does not define (each reported once there).
    public var unreadAnnotations = 0

    public var errors: [TEIProblem] { problems.filter { $0.severity == .error } }

    /// Where the element that declares `id` starts.
    public func location(of id: Identifier) -> SourceLocation? {
        if let position = document?.position(ofAnnotation: id), position < annotationLocations.count {
            return annotationLocations[position]
        }
        return locations[id]
    }
}

/// Reads Standoff's TEI stand-off files (see docs/FORMAT.md) in one streaming pass.
///
/// Elements and attributes Standoff does not know, in the header and in `<standOff>`, are kept
/// in ``Document/preserved`` and written back by ``TEIWriter``.
public enum TEIReader {
    /// Reads a file and reports every problem instead of stopping at the first.
    public static func read(path: String) -> TEIReadResult {
        read(path: path, preparingEarly: true)
    }

    private static func read(path: String, preparingEarly: Bool) -> TEIReadResult {
        let builder = TEIDocumentBuilder(file: path, preparesEarly: preparingEarly)
        let parser = SAXParser(handler: builder)
        parser.parse(path: path)
        for failure in parser.failures {
            builder.problem(.xmlSyntax, failure.message, hint: xmlHint(for: failure.kind), line: failure.line, column: failure.column)
        }
        let result = builder.finish(parseFailed: parser.failures.contains { $0.isFatal })
        let mustReadAgain = builder.mustReadAgain
        // The builder still holds every annotation as read; the caller needs only the result.
        BackgroundRelease.release((consume builder, consume parser))
        return mustReadAgain ? read(path: path, preparingEarly: false) : result
    }

    /// Reads a file and checks it against `schema` in the same parse: the events are recorded
    /// as they come and checked on a thread of their own (see ``EventLog``) while this one
    /// builds the document.
    public static func read(path: String, checkingAgainst schema: TEISchema) -> (read: TEIReadResult, schemaProblems: [TEIProblem]) {
        let builder = TEIDocumentBuilder(file: path)
        let log = EventLog()
        let checked = CheckedProblems()
        let checking = Thread { checked.finish(schema.validate(log, file: path)) }
        checking.start()
        let handler = log.record(builder)
        let parser = SAXParser(handler: handler)
        withExtendedLifetime(handler) { parser.parse(path: path, keepingNames: true) }
        log.close()
        for failure in parser.failures {
            builder.problem(.xmlSyntax, failure.message, hint: xmlHint(for: failure.kind), line: failure.line, column: failure.column)
        }
        var result = builder.finish(parseFailed: parser.failures.contains { $0.isFatal })
        if builder.mustReadAgain { result = read(path: path, preparingEarly: false) }
        let schemaProblems = checked.wait()
        // The recorded events name elements by the parser's pointers: keep them valid until now.
        parser.releaseNames()
        // The builder still holds every annotation as read, and the parser and the handler hold
        // the builder; the caller needs only the result.
        BackgroundRelease.release((consume builder, consume parser, consume handler))
        return (result, schemaProblems)
    }

    /// Checks only that a file is well-formed XML, with the same hardening and messages as
    /// ``read(path:)``, without building a document: well-formedness at the parser's own speed.
    public static func checkWellFormedness(path: String) -> TEIReadResult {
        let parser = SAXParser(handler: IgnoringHandler())
        parser.parse(path: path)
        let problems = parser.failures.map { failure in
            TEIProblem(code: .xmlSyntax, message: failure.message, hint: xmlHint(for: failure.kind),
                       location: SourceLocation(file: path, line: failure.line, column: failure.column))
        }
        return TEIReadResult(document: nil, problems: problems, locations: [:])
    }

    /// Receives SAX events and does nothing with them.
    private final class IgnoringHandler: SAXHandler {
        func startElement(_ tag: StartTag, at location: (line: Int, column: Int)) {}
        func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {}
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
        func comment(_ text: UnsafePointer<UInt8>) {}
        func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) {}
    }

    /// Reads a file for editing: any error stops it, so that nothing is lost on write.
    public static func load(path: String) throws(TEIReadError) -> Document {
        let result = read(path: path)
        guard result.errors.isEmpty, let document = result.document else {
            throw TEIReadError(problems: result.errors.isEmpty ? result.problems : result.errors)
        }
        return document
    }

    /// The schema thread's problems, handed over once it is done.
    private final class CheckedProblems: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var problems: [TEIProblem] = []

        func finish(_ found: [TEIProblem]) {
            problems = found
            done.signal()
        }

        func wait() -> [TEIProblem] {
            done.wait()
            return problems
        }
    }

    private static func xmlHint(for kind: XMLFailureKind) -> String {
        switch kind {
        case .unreadable: "check the path and that the file is readable"
        case .entity: "replace entity references with the characters they stand for; Standoff files use no DTD"
        case .notXML: "the file is empty or not XML; create one with `standoff init`"
        case .truncated: "the file is truncated or a tag is not closed; restore it from a copy"
        case .tooLong: "Standoff files hold no value this long; check that this is the file you meant"
        case .tooDeep: "Standoff files nest about ten elements deep; check that this is the file you meant"
        case .encoding: "save the file as UTF-8"
        case .other: "fix the XML at this position; `xmllint --noout FILE` shows the same error"
        }
    }
}

/// Turns SAX events into a ``Document``, collecting problems with their locations.
final class TEIDocumentBuilder: SAXHandler {
    /// Where an element stands in Standoff's vocabulary: its path, as a value.
    private enum Place: Int, Hashable, CaseIterable {
        case document, tei, teiHeader, fileDesc, titleStmt, title, respStmt, resp, respName
        case publicationStmt, publicationP, sourceDesc, bibl, sourceIdno
        case encodingDesc, classDecl, taxonomy, taxonomyDesc, category, catDesc
        case headerRevisionDesc, headerChange
        case text, body, paragraph
        /// A `<div>` in the body (at any depth): it groups paragraphs.
        case div
        case standOff, listPerson, listOrg, listPlace, person, org, place, entryName, entryIdno
        case listAnnotation, annotation, annotationRevisionDesc, annotationChange, ptr, ref, note
        /// Inside a text-only element or unsupported markup: nothing there is read.
        case unsupported
        /// Inside a root that is not TEI: nothing there is worth a message.
        case notTEI

        /// Where foreign content is kept rather than refused.
        var keepsForeignContent: Bool {
            switch self {
            case .teiHeader, .fileDesc, .titleStmt, .title, .respStmt, .resp, .respName, .publicationStmt, .publicationP,
                 .sourceDesc, .bibl, .sourceIdno, .encodingDesc, .classDecl, .taxonomy, .taxonomyDesc, .category, .catDesc,
                 .headerRevisionDesc, .headerChange, .standOff, .listPerson, .listOrg, .listPlace, .person, .org, .place,
                 .entryName, .entryIdno, .listAnnotation, .annotation, .annotationRevisionDesc, .annotationChange, .ptr, .ref, .note:
                true
            default: false
            }
        }

        /// Elements that hold text only; child elements are refused there.
        var holdsText: Bool {
            switch self {
            case .title, .resp, .respName, .sourceIdno, .entryIdno, .taxonomyDesc, .catDesc, .headerChange, .annotationChange,
                 .publicationP, .paragraph, .entryName, .ref, .note:
                true
            default: false
            }
        }

        /// Elements whose children are paragraphs (and `<head>`s, kept as they are).
        var groupsParagraphs: Bool { self == .body || self == .div }

        /// Elements told apart among their siblings by their xml:id.
        var isKeyedByID: Bool {
            switch self {
            case .respStmt, .taxonomy, .category, .person, .org, .place, .annotation, .paragraph, .publicationP: true
            default: false
            }
        }
    }

    /// An element's key within its parent: its name, with its id, type or position where
    /// siblings of the same name are told apart (`annotation[ent1]`, `ptr[2]`).
    private struct ElementKey: CustomStringConvertible {
        var name: String
        var qualifier: String?
        var description: String { qualifier.map { "\(name)[\($0)]" } ?? name }
    }

    private struct Frame {
        var place: Place
        var key: ElementKey
        var lastKnownChild: ElementKey?
        /// Elements that hold text only; child elements are refused there.
        var isText: Bool
        /// How many children of each unkeyed name came so far.
        var childCounts = SiblingCounts()

        var isKnown: Bool { place != .unsupported && place != .notTEI }
    }
    /// How many children of each name an element has had so far: the first name inline (an
    /// `<annotation>` mostly has only `<ptr>` children), others in a list.
    private struct SiblingCounts {
        private var first: (name: String, count: Int)?
        private var others: [(name: String, count: Int)] = []

        /// Counts one more child called `name`, and says how many there are now.
        mutating func add(_ name: String) -> Int {
            if let current = first, current.name == name {
                first = (name, current.count + 1)
                return current.count + 1
            }
            guard first != nil else {
                first = (name, 1)
                return 1
            }
            if let index = others.firstIndex(where: { $0.name == name }) {
                others[index].count += 1
                return others[index].count
            }
            others.append((name, 1))
            return 1
        }

        /// How many children called `name` came so far.
        func count(of name: String) -> Int {
            if let first, first.name == name { return first.count }
            return others.first { $0.name == name }?.count ?? 0
        }
    }

    let file: String
    // Properties read and written on every SAX event are marked @exclusivity(unchecked): an
    // instance serves one parse on one thread, the parser calls back in sequence, and no
    // callback touches a property while another access to it is under way. The runtime's
    // dynamic exclusivity checks cost a fifth of the time of a large file otherwise.
    @exclusivity(unchecked) private var problems: [TEIProblem] = []
    private var locations: [Identifier: SourceLocation] = [:]
    private var annotationLocations: [SourceLocation] = []
    @exclusivity(unchecked) private var stack: [Frame] = []
    @exclusivity(unchecked) private var capture: MarkupCapture?
    private var captureAnchor: (anchor: String, after: String?) = ("", nil)
    private var captureTagStack: [(prefix: String?, localName: String)] = []
    @exclusivity(unchecked) private var textBuffer: [UInt8] = []
    @exclusivity(unchecked) private var collectingText = false
    private var sawRoot = false
    private var sawText = false

    // What the file declares, in file order: what the document skeleton is made from, and more.
    @exclusivity(unchecked) private var declared: DocumentSkeleton
    private var publicationStatement = ""
    private var sourceHashLocation: SourceLocation?
    private var pendingAnnotator: DocumentSkeleton.PendingAnnotator?
    private var revisions: [(when: String?, who: String?, text: String)] = []
    private var pendingChange: (when: String?, who: String?, type: String?)?
    @exclusivity(unchecked) private var pendingParagraph: (id: String?, location: SourceLocation)?
    @exclusivity(unchecked) private var annotations = PendingAnnotations()
    @exclusivity(unchecked) private var currentLayer: String?
    /// ``currentLayer`` parsed, once per `<listAnnotation>`.
    @exclusivity(unchecked) private var currentLayerValue: Layer?
    private var preserved = PreservedContent()
    @exclusivity(unchecked) private var pendingTextElement: (type: String?, n: String?) = (nil, nil)
    /// The xml:id of the annotation being read, which owns what is kept inside it.
    @exclusivity(unchecked) private var currentAnnotationOwner: String?
    /// While a `<listAnnotation>` without a valid layer is open: its problem, and how many
    /// annotations it holds (not read; told in the problem's message once the list ends).
    @exclusivity(unchecked) private var unreadList: (problem: Int, annotations: Int)?
    /// Annotations left unread so far, in such lists and in elements TEI does not define.
    private var unreadAnnotations = 0
    /// While an element TEI does not define is kept unread: its problem, and how many
    /// annotations it holds (told in the problem's message once the element ends).
    @exclusivity(unchecked) private var unreadElement: (problem: Int, annotations: Int)?
    /// The motivation written for the current layer, which is not kept as foreign content.
    @exclusivity(unchecked) private var currentMotivation: [UInt8] = []
    private var dates = TEIDate.Parser()
    private var headerEnded = false
    private var textEnded = false
    /// Begun when the first `<listAnnotation>` began: the pipeline preparing the annotations
    /// chunk by chunk as the parse goes on, the adder making the skeleton from what was declared
    /// then and adding the annotations to it, and how many of each declaration there were.
    private var early: (pipeline: PreparationPipeline, adder: AnnotationAdder, counts: [Int])?
    @exclusivity(unchecked) private var earlyChunksHandedOver = 0
    private static var helpers: Int { ProcessInfo.processInfo.activeProcessorCount - 1 }
    /// Whether the work may begin while parsing (``startPreparingEarly()``).
    private let preparesEarly: Bool
    /// Set by ``finish(parseFailed:)`` when the work begun while parsing had to be dropped (a
    /// declaration came after the first `<listAnnotation>`) after the annotations it was given
    /// were let go, to keep memory low: the file must then be read again, without early work.
    /// Standoff writes no such file; others rarely do.
    private(set) var mustReadAgain = false

    init(file: String, preparesEarly: Bool = true) {
        self.file = file
        self.preparesEarly = preparesEarly
        declared = DocumentSkeleton(file: file)
    }

    // MARK: Which elements are known

    /// Known children of each known element; text-only elements have none.
    private static let knownChildren: [Place: [String: Place]] = [
        .document: ["TEI": .tei],
        .tei: ["teiHeader": .teiHeader, "text": .text, "standOff": .standOff],
        .teiHeader: ["fileDesc": .fileDesc, "encodingDesc": .encodingDesc, "revisionDesc": .headerRevisionDesc],
        .fileDesc: ["titleStmt": .titleStmt, "publicationStmt": .publicationStmt, "sourceDesc": .sourceDesc],
        .titleStmt: ["title": .title, "respStmt": .respStmt],
        .respStmt: ["resp": .resp, "name": .respName],
        .publicationStmt: ["p": .publicationP],
        .sourceDesc: ["bibl": .bibl],
        .bibl: ["idno": .sourceIdno],
        .encodingDesc: ["classDecl": .classDecl],
        .classDecl: ["taxonomy": .taxonomy],
        .taxonomy: ["desc": .taxonomyDesc, "category": .category],
        .category: ["catDesc": .catDesc],
        .headerRevisionDesc: ["change": .headerChange],
        .text: ["body": .body],
        .body: ["p": .paragraph, "div": .div],
        .div: ["p": .paragraph, "div": .div],
        .standOff: ["listPerson": .listPerson, "listOrg": .listOrg, "listPlace": .listPlace, "listAnnotation": .listAnnotation],
        .listPerson: ["person": .person],
        .listOrg: ["org": .org],
        .listPlace: ["place": .place],
        .person: ["persName": .entryName, "idno": .entryIdno],
        .org: ["orgName": .entryName, "idno": .entryIdno],
        .place: ["placeName": .entryName, "idno": .entryIdno],
        .listAnnotation: ["annotation": .annotation],
        .annotation: ["revisionDesc": .annotationRevisionDesc, "ptr": .ptr, "ref": .ref, "note": .note],
        .annotationRevisionDesc: ["change": .annotationChange],
    ]

    /// Attributes the reader understands on each known element; any other is preserved.
    private static let knownAttributes: [Place: [KnownAttribute]] = {
        let id = KnownAttribute(name: "id", inXMLNamespace: true)
        func plain(_ names: StaticString...) -> [KnownAttribute] { names.map { KnownAttribute(name: $0, inXMLNamespace: false) } }
        return [
            .tei: [id, KnownAttribute(name: "lang", inXMLNamespace: true)],
            .paragraph: [id], .publicationP: [id], .respStmt: [id], .taxonomy: [id], .category: [id],
            .sourceIdno: plain("type"), .entryIdno: plain("type"),
            .headerChange: plain("when", "who", "type"), .annotationChange: plain("when", "who", "type"),
            .person: [id], .org: [id], .place: [id],
            .entryName: plain("type"),
            .listAnnotation: plain("type"),
            .annotation: [id] + plain("target", "motivation", "ana", "resp", "cert"),
            .ptr: plain("type", "target"), .ref: plain("type"), .note: plain("type", "n"),
        ]
    }()

    /// An attribute Standoff reads, by name (a literal: no reference counting on the hot path).
    private struct KnownAttribute {
        var name: StaticString
        var inXMLNamespace: Bool

        func matches(_ other: StaticString, inXMLNamespace: Bool) -> Bool {
            guard self.inXMLNamespace == inXMLNamespace, other.utf8CodeUnitCount == name.utf8CodeUnitCount else { return false }
            // Equal literals are mostly one literal: the same bytes at the same address.
            return name.utf8Start == other.utf8Start || memcmp(name.utf8Start, other.utf8Start, name.utf8CodeUnitCount) == 0
        }

        func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.count == name.utf8CodeUnitCount && memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    /// ``knownAttributes`` by place, as the slots of ``KnownValues``.
    private static let knownAttributeSlots: [[KnownAttribute]] = Place.allCases.map { place in
        let known = knownAttributes[place] ?? []
        precondition(known.count <= KnownValues.slotCount)
        return known
    }

    /// ``knownAttributeSlots`` in memory that lives as long as the process: a start tag's
    /// ``KnownValues`` points at its place's list without counting references to it.
    nonisolated(unsafe) private static let knownAttributeTables: [UnsafeBufferPointer<KnownAttribute>] = knownAttributeSlots.map { known in
        let table = UnsafeMutableBufferPointer<KnownAttribute>.allocate(capacity: known.count)
        _ = table.initialize(from: known)
        return UnsafeBufferPointer(table)
    }

    /// The known attributes of one start tag: where each stands in the tag, found once.
    private struct KnownValues {
        static let slotCount = 8
        let tag: StartTag
        let known: UnsafeBufferPointer<KnownAttribute>
        /// The position in the tag of each known attribute, by its slot; -1 where absent.
        var positions = SIMD8<Int32>(repeating: -1)
        /// Whether the tag has attributes that are not known (to be kept as foreign content).
        var hasForeign = false

        init(tag: StartTag, known: UnsafeBufferPointer<KnownAttribute>) {
            self.tag = tag
            self.known = known
        }

        /// Where the attribute `name` stands in the tag, if it is there.
        func position(_ name: StaticString, inXMLNamespace: Bool = false) -> Int? {
            // Equal literals are mostly one literal: look for the same address first.
            for slot in known.indices where known[slot].name.utf8Start == name.utf8Start && known[slot].inXMLNamespace == inXMLNamespace {
                return positions[slot] < 0 ? nil : Int(positions[slot])
            }
            for slot in known.indices where known[slot].matches(name, inXMLNamespace: inXMLNamespace) {
                return positions[slot] < 0 ? nil : Int(positions[slot])
            }
            return nil
        }

        func string(_ name: StaticString, inXMLNamespace: Bool = false) -> String? {
            position(name, inXMLNamespace: inXMLNamespace).map { tag.value(at: $0 * 5) }
        }

        /// Keeps the value of the attribute `name`, if it is there, in `chunk`.
        func store(_ name: StaticString, in chunk: inout PendingChunk) -> PendingValue? {
            guard let index = position(name), let fields = tag.attributes, let start = fields[index * 5 + 3], let end = fields[index * 5 + 4] else { return nil }
            return StartTag.withDecodedValue(start: start, end: end) { chunk.store($0) }
        }

        /// Whether the attribute `name` is there with exactly the value `expected`.
        func has(_ name: StaticString, equalTo expected: [UInt8]) -> Bool {
            guard let index = position(name), let fields = tag.attributes, let start = fields[index * 5 + 3], let end = fields[index * 5 + 4] else { return false }
            return StartTag.withDecodedValue(start: start, end: end) { value in
                guard value.count == expected.count else { return false }
                guard let bytes = value.baseAddress, !value.isEmpty else { return true }
                return expected.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes, value.count) == 0 }
            }
        }
    }

    // MARK: SAX events

    func startElement(_ tag: StartTag, at position: (line: Int, column: Int)) {
        if stack.first?.place == .notTEI {
            // Not a TEI document: the root was reported; nothing inside it is worth a message.
            stack.append(Frame(place: .notTEI, key: ElementKey(name: ""), isText: true))
            return
        }
        if capture != nil {
            capture!.start(tag)
            captureTagStack.append((tag.prefix.map { String(cString: $0) }, tag.name))
            if unreadElement != nil, tag.isNamed("annotation"), isTEINamespace(tag.namespace) { unreadElement!.annotations += 1 }
            return
        }
        let parentPlace = stack.last?.place ?? .document
        let (name, knownPlace) = child(tag.localName, of: parentPlace)
        let inTEI = isTEINamespace(tag.namespace)
        if let parent = stack.last, parent.isText {
            problem(.unsupportedMarkup, "element <\(name)> inside <\(parent.key.name)> is not supported: Standoff reads plain text there",
                    hint: "replace the markup with its text", location: location(position))
            // Keep the structure balanced: treat it as a text element of its own.
            stack.append(Frame(place: .unsupported, key: ElementKey(name: name), isText: true))
            return
        }
        let childPlace = inTEI ? knownPlace : nil
        let values = childPlace.map { knownValues(tag, place: $0) }
        guard let place = childPlace, let values, isKnownVariant(place, values) else {
            if stack.isEmpty {
                let what = inTEI ? "<\(name)>" : "<\(name)> in namespace \(tag.namespace.map { String(cString: $0) } ?? "none")"
                problem(.notTEI, "the root element is \(what), not <TEI> in the TEI namespace",
                        hint: "Standoff reads TEI P5 files (namespace \(TEI.namespace)); create one with `standoff init`", location: location(position))
                stack.append(Frame(place: .notTEI, key: ElementKey(name: ""), isText: true))
                return
            }
            if childPlace == .ptr || childPlace == .ref, values?.position("type") == nil {
                // A link without its role would be kept as foreign markup, and the link lost.
                let target = values?.string("target").map { " target=\"\($0)\"" } ?? ""
                let owner = currentAnnotationOwner.map { "annotation '\($0)'" } ?? "an annotation"
                problem(.missingAttribute, "<\(name)\(target)> in \(owner) has no @type, which names the link's role",
                        hint: "add type=\"ref\", \"speaker\", \"holder\" or \"target\" (or type=\"cue\" for a quotation's cue)", location: location(position))
            }
            if parentPlace.keepsForeignContent || (parentPlace.groupsParagraphs && inTEI && name == "head") {
                if inTEI, !TEINames.elements.contains(name) { reportUnknownElement(name, in: parentPlace, at: position) }
                captureAnchor = (anchor(), stack[stack.count - 1].lastKnownChild?.description)
                capture = MarkupCapture()
                capture!.start(tag)
                captureTagStack = [(tag.prefix.map { String(cString: $0) }, name)]
            } else {
                problem(.unsupportedMarkup, "element <\(name)> is not supported inside <\(stack[stack.count - 1].key.name)>",
                        hint: "Standoff reads the text as <text><body> with one plain <p> per paragraph (in <div>s or not)", location: location(position))
                stack.append(Frame(place: .unsupported, key: ElementKey(name: name), isText: true))
            }
            return
        }
        let needsID = place == .tei || place.isKeyedByID
        let xmlID = needsID ? values.string("id", inXMLNamespace: true) : nil
        let key = elementKey(name, place: place, xmlID: xmlID, values: values)
        if place == .annotation { currentAnnotationOwner = xmlID }
        let isText = place.holdsText
        stack.append(Frame(place: place, key: key, isText: isText))
        keepForeignAttributes(of: values, place: place, at: position)
        handleKnownStart(place: place, values: values, xmlID: xmlID, at: position)
        if isText {
            collectingText = true
            textBuffer.removeAll(keepingCapacity: true)
        }
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        if capture != nil {
            let tag = captureTagStack.removeLast()
            capture!.end(tag)
            if capture!.depth == 0 {
                keep(.init(anchor: captureAnchor.anchor, after: captureAnchor.after, markup: capture!.markup))
                capture = nil
                unreadAnnotations += unreadElement?.annotations ?? 0
                if let unread = unreadElement, unread.annotations > 0 {
                    problems[unread.problem].message += " (\(unread.annotations) annotation\(unread.annotations == 1 ? "" : "s"))"
                }
                unreadElement = nil
            }
            return
        }
        guard let frame = stack.popLast() else { return }
        guard frame.isKnown else { return }
        if frame.isText {
            collectingText = false
            let text = String(decoding: textBuffer, as: UTF8.self)
            handleText(text, place: frame.place)
        }
        handleKnownEnd(place: frame.place)
        if !stack.isEmpty { stack[stack.count - 1].lastKnownChild = frame.key }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if capture != nil { capture!.text(bytes); return }
        if collectingText {
            textBuffer.append(contentsOf: bytes)
            return
        }
        // Text between known elements: indentation, or foreign text to keep.
        guard !XMLWhitespace.isBlank(bytes),
              let frame = stack.last, frame.isKnown else { return }
        if frame.place.keepsForeignContent {
            keep(.init(anchor: anchor(), after: frame.lastKnownChild?.description,
                       markup: MarkupCapture.escapeText(String(decoding: bytes, as: UTF8.self))))
        } else if frame.place == .text || frame.place.groupsParagraphs || frame.place == .tei {
            problem(.unsupportedMarkup, "text outside <p> in <\(frame.key.name)>",
                    hint: "put all of the text inside <p> elements", line: 0, column: 0)
        }
    }

    func comment(_ text: UnsafePointer<UInt8>) {
        if capture != nil { capture!.comment(String(cString: text)); return }
        let markup = "<!--" + String(cString: text) + "-->"
        if let frame = stack.last, !frame.isText, frame.isKnown, frame.place.keepsForeignContent || frame.place.groupsParagraphs {
            keep(.init(anchor: anchor(), after: frame.lastKnownChild?.description, markup: markup))
        } else if stack.isEmpty {
            keepOutsideRoot(markup)
        }
    }

    func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) {
        if capture != nil { capture!.processingInstruction(String(cString: target), data.map { String(cString: $0) }); return }
        let data = data.map { " " + String(cString: $0) } ?? ""
        let markup = "<?" + String(cString: target) + data + "?>"
        if let frame = stack.last, !frame.isText, frame.isKnown, frame.place.keepsForeignContent || frame.place.groupsParagraphs {
            keep(.init(anchor: anchor(), after: frame.lastKnownChild?.description, markup: markup))
        } else if stack.isEmpty {
            keepOutsideRoot(markup)
        }
    }

    func documentType(name: String, publicID: String?, systemID: String?) {
        var markup = "<!DOCTYPE " + name
        if let publicID { markup += " PUBLIC \"\(publicID)\" \"\(systemID ?? "")\"" } else if let systemID { markup += " SYSTEM \"\(systemID)\"" }
        keepOutsideRoot(markup + ">")
    }

    /// Keeps a comment, processing instruction or document type before or after the root
    /// element (an `<?xml-model?>` naming the schema, a licence comment).
    private func keepOutsideRoot(_ markup: String) {
        preserved.nodes.append(.init(anchor: PreservedContent.outsideRoot, after: sawRoot ? "TEI" : nil, markup: markup))
    }

    /// The parser interns names, so a pointer stands for its name during a parse: names, places
    /// and attributes are looked up by pointer, in short lists (a file uses a few dozen names;
    /// the lists are bounded in case a parser does not intern).
    @exclusivity(unchecked) private var childCache: [[(pointer: UnsafePointer<UInt8>, name: String, place: Place?)]] = Array(repeating: [], count: Place.allCases.count)
    @exclusivity(unchecked) private var attributeCache: [[(name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, slot: Int)]] = Array(repeating: [], count: Place.allCases.count)
    @exclusivity(unchecked) private var teiNamespace: UnsafePointer<UInt8>?
    private static let cacheLimit = 64
    /// The `@type` of a `<ptr>` that marks a quotation's cue rather than a link.
    private static let cue = Array("cue".utf8)

    /// The element's name, and its place if it is a known child of `parent`.
    private func child(_ pointer: UnsafePointer<UInt8>, of parent: Place) -> (name: String, place: Place?) {
        for entry in childCache[parent.rawValue] where entry.pointer == pointer { return (entry.name, entry.place) }
        let name = String(cString: pointer)
        let place = Self.knownChildren[parent]?[name]
        if childCache[parent.rawValue].count < Self.cacheLimit { childCache[parent.rawValue].append((pointer, name, place)) }
        return (name, place)
    }

    private func isTEINamespace(_ uri: UnsafePointer<UInt8>?) -> Bool {
        guard let uri else { return false }
        if uri == teiNamespace { return true }
        guard SAXParser.equal(uri, "http://www.tei-c.org/ns/1.0") else { return false }
        teiNamespace = uri
        return true
    }

    /// The known attributes of an element at `place`: where each stands in the tag.
    private func knownValues(_ tag: StartTag, place: Place) -> KnownValues {
        var values = KnownValues(tag: tag, known: Self.knownAttributeTables[place.rawValue])
        for index in 0..<tag.attributeCount {
            let slot = attributeSlot(tag, index, place: place)
            if slot < 0 { values.hasForeign = true } else { values.positions[slot] = Int32(index) }
        }
        return values
    }

    /// The slot of the tag's attribute `index` among the known attributes of `place`; -1 if foreign.
    private func attributeSlot(_ tag: StartTag, _ index: Int, place: Place) -> Int {
        guard let attributes = tag.attributes, let local = attributes[index * 5] else { return -1 }
        let uri = attributes[index * 5 + 2]
        for entry in attributeCache[place.rawValue] where entry.name == local && entry.namespace == uri { return entry.slot }
        let known = Self.knownAttributeSlots[place.rawValue]
        let inXML = uri.map { SAXParser.equal($0, "http://www.w3.org/XML/1998/namespace") } ?? false
        var slot = -1
        if uri == nil || inXML {
            let length = strlen(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self))
            let name = UnsafeBufferPointer(start: local, count: length)
            slot = known.firstIndex { $0.inXMLNamespace == inXML && $0.matches(name) } ?? -1
        }
        if attributeCache[place.rawValue].count < Self.cacheLimit { attributeCache[place.rawValue].append((local, uri, slot)) }
        return slot
    }

    private func location(_ position: (line: Int, column: Int)) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// The anchor of the innermost open element: the keys from the root down, joined by `/`.
    /// Built only when something is kept there.
    private func anchor() -> String {
        stack.map(\.key.description).joined(separator: "/")
    }

    /// Keeps a piece of foreign markup, noting the annotation it lies inside, if any.
    private func keep(_ node: PreservedContent.Node) {
        preserved.nodes.append(node)
        if let owner = currentAnnotationOwner.flatMap({ try? Identifier($0) }) { preserved.owners[node.anchor] = owner }
    }

    /// Keeps a foreign attribute of the element at `anchor`.
    private func keep(_ attribute: PreservedContent.Attribute, at anchor: String) {
        preserved.attributes[anchor, default: []].append(attribute)
        if let owner = currentAnnotationOwner.flatMap({ try? Identifier($0) }) { preserved.owners[anchor] = owner }
    }

    // MARK: Known elements

    /// Some element names are known only in the form Standoff writes (an `idno` of a known type).
    private func isKnownVariant(_ place: Place, _ values: KnownValues) -> Bool {
        switch place {
        case .sourceIdno, .entryIdno:
            let type = values.string("type")
            return type == "sha256" || type == "filename" || type == "wikidata"
        case .note:
            return ["quote", "correction", "comment", "feature"].contains(values.string("type") ?? "")
        case .ptr, .ref:
            return values.position("type") != nil
        case .publicationP:
            let parent = stack[stack.count - 1]
            return parent.childCounts.count(of: "p") == 0 && parent.lastKnownChild == nil
        default:
            return true
        }
    }

    /// The element's key within its parent (see ``ElementKey``).
    private func elementKey(_ name: String, place: Place, xmlID: String?, values: KnownValues) -> ElementKey {
        if let xmlID, place.isKeyedByID { return ElementKey(name: name, qualifier: xmlID) }
        if place == .listAnnotation { return ElementKey(name: name, qualifier: values.string("type") ?? "") }
        guard !stack.isEmpty else { return ElementKey(name: name) }
        let count = stack[stack.count - 1].childCounts.add(name)
        return ElementKey(name: name, qualifier: count == 1 ? nil : String(count))
    }

    /// Keeps the attributes of the element just opened that Standoff does not read.
    private func keepForeignAttributes(of values: KnownValues, place: Place, at position: (line: Int, column: Int)) {
        var anchor: String?
        if values.hasForeign {
            for index in 0..<values.tag.attributeCount where attributeSlot(values.tag, index, place: place) < 0 {
                let attribute = values.tag.attribute(at: index)
                if attribute.namespace == nil, !TEINames.attributes.contains(attribute.localName) {
                    reportUnknownAttribute(attribute.localName, of: stack[stack.count - 1].key.name, place: place, at: position)
                }
                anchor = anchor ?? self.anchor()
                keep(.init(prefix: attribute.prefix, namespace: attribute.namespace, localName: attribute.localName, value: attribute.value), at: anchor!)
            }
        }
        // The motivation Standoff writes for the layer is implied; any other is kept.
        if place == .annotation, currentLayerValue != nil, values.position("motivation") != nil,
           !values.has("motivation", equalTo: currentMotivation), let motivation = values.string("motivation") {
            keep(.init(prefix: nil, namespace: nil, localName: "motivation", value: motivation), at: anchor ?? self.anchor())
        }
    }

    // MARK: Names TEI does not define

    /// An element of the TEI namespace that TEI does not define (a misspelt name): kept as
    /// markup Standoff does not read, so whatever it holds would be silently left out.
    private func reportUnknownElement(_ name: String, in parent: Place, at position: (line: Int, column: Int)) {
        let known = Self.knownChildren[parent].map { Array($0.keys).sorted() } ?? []
        let suggestion = NameSuggestion.closest(to: name, preferring: known, among: TEINames.elements)
        let parentName = stack[stack.count - 1].key.name
        problem(.unknownTEIName, "<\(name)> in <\(parentName)> is not a TEI element: Standoff keeps it as markup it does not read, with everything inside it",
                hint: (suggestion.map { "did you mean <\($0)>? Markup" } ?? "check the name against the TEI Guidelines; markup")
                    + " of another vocabulary goes in a namespace of its own (xmlns:x=\"…\")",
                location: location(position))
        unreadElement = (problems.count - 1, 0)
    }

    /// An attribute without a namespace that TEI does not define (a misspelt name): kept, but
    /// not read, so what it says (a certainty, an annotator) would be silently left out.
    private func reportUnknownAttribute(_ name: String, of element: String, place: Place, at position: (line: Int, column: Int)) {
        let known = Self.knownAttributeSlots[place.rawValue].map { attribute in
            (attribute.inXMLNamespace ? "xml:" : "") + String(describing: attribute.name)
        }
        // `id="…"` for `xml:id="…"` (and the other attributes of the XML namespace) is a common slip.
        let inXMLNamespace = ["id", "lang", "base", "space"].contains(name) ? "xml:\(name)" : nil
        let suggestion = inXMLNamespace ?? NameSuggestion.closest(to: name, preferring: known, among: TEINames.attributes)
        let owner = currentAnnotationOwner.map { place == .annotation ? " '\($0)'" : " in annotation '\($0)'" } ?? ""
        problem(.unknownTEIName, "@\(name) on <\(element)>\(owner) is not a TEI attribute: Standoff keeps it but does not read it",
                hint: (suggestion.map { "did you mean @\($0)? An" } ?? "check the name against the TEI Guidelines; an")
                    + " attribute of another vocabulary goes in a namespace of its own (xmlns:x=\"…\" and x:\(name)=\"…\")",
                location: location(position))
    }

    private func handleKnownStart(place: Place, values: KnownValues, xmlID: String?, at position: (line: Int, column: Int)) {
        switch place {
        case .tei:
            sawRoot = true
            declared.documentID = xmlID
            declared.language = values.string("lang", inXMLNamespace: true)
        case .text: sawText = true
        case .div:
            preserved.paragraphContainers.append(.init(beforeParagraph: declared.paragraphs.count, opening: stack[stack.count - 1].key.description))
        case .respStmt:
            pendingAnnotator = DocumentSkeleton.PendingAnnotator(id: xmlID, location: location(position))
        case .taxonomy:
            declared.taxonomies.append(DocumentSkeleton.PendingTaxonomy(id: xmlID, location: location(position)))
        case .category:
            declared.taxonomies[declared.taxonomies.count - 1].categories.append((xmlID, "", location(position)))
        case .headerChange, .annotationChange:
            pendingChange = (values.string("when"), values.string("who"), values.string("type"))
        case .paragraph:
            pendingParagraph = (xmlID, location(position))
        case .person: declared.entries.append(DocumentSkeleton.PendingEntry(kind: .person, id: xmlID, location: location(position)))
        case .org: declared.entries.append(DocumentSkeleton.PendingEntry(kind: .organisation, id: xmlID, location: location(position)))
        case .place: declared.entries.append(DocumentSkeleton.PendingEntry(kind: .place, id: xmlID, location: location(position)))
        case .listAnnotation:
            currentLayer = values.string("type")
            currentLayerValue = currentLayer.flatMap { try? Layer($0) }
            currentMotivation = currentLayerValue.map { Array(TEI.motivation(for: $0).utf8) } ?? []
            if preparesEarly, early == nil, headerEnded, textEnded, !declared.paragraphs.isEmpty, annotations.count == 0 { startPreparingEarly() }
            if currentLayer == nil {
                problem(.missingAttribute, "<listAnnotation> has no @type naming its layer",
                        hint: "add type=\"entity\" (or quotation, stance, error, or a custom layer name)", location: location(position))
                unreadList = (problems.count - 1, 0)
            } else if currentLayerValue == nil, let type = currentLayer {
                problem(.invalidID, "<listAnnotation type=\"\(type)\">: '\(type)' is not a layer name",
                        hint: "name the layer entity, quotation, stance, error, or a name of your own: a letter or _ first, then letters, digits, -, _ or .",
                        location: location(position))
                unreadList = (problems.count - 1, 0)
            }
        case .annotation:
            // In a list without a layer, annotations are counted, not read: one message says so.
            if unreadList != nil {
                unreadList!.annotations += 1
                break
            }
            annotations.append(layer: currentLayer ?? "", id: xmlID, line: position.line, column: position.column) { annotation, chunk in
                annotation.target = values.store("target", in: &chunk)
                annotation.ana = values.store("ana", in: &chunk)
                annotation.resp = values.store("resp", in: &chunk)
                annotation.cert = values.store("cert", in: &chunk)
            }
            if annotations.chunks.count - 1 > earlyChunksHandedOver, let pipeline = early?.pipeline {
                // The chunk before the one just begun is complete: prepare it while parsing on,
                // and let it go here (see ``mustReadAgain``).
                pipeline.add(annotations.chunks[earlyChunksHandedOver])
                annotations.release(chunk: earlyChunksHandedOver)
                earlyChunksHandedOver += 1
            }
        case .ptr where unreadList == nil:
            annotations.updateLast { chunk in
                let target = values.store("target", in: &chunk) ?? .empty
                if values.has("type", equalTo: Self.cue) {
                    chunk.addCue(target: target)
                } else {
                    chunk.addLink(role: values.store("type", in: &chunk) ?? .empty, target: target)
                }
            }
        default: break
        }
        if place.holdsText {
            pendingTextElement = (values.string("type"), values.string("n"))
        }
        if place == .sourceIdno, values.string("type") == "sha256" { sourceHashLocation = location(position) }
    }

    private func handleText(_ text: String, place: Place) {
        let (type, n) = pendingTextElement
        switch place {
        case .title: declared.title = text
        case .publicationP: publicationStatement = text
        case .resp: pendingAnnotator?.resp = text
        case .respName: pendingAnnotator?.name = text
        case .sourceIdno:
            if type == "sha256" { declared.sourceSHA256 = text } else if type == "filename" { declared.sourceFileName = text }
        case .taxonomyDesc: declared.taxonomies[declared.taxonomies.count - 1].description = text
        case .catDesc:
            let t = declared.taxonomies.count - 1
            declared.taxonomies[t].categories[declared.taxonomies[t].categories.count - 1].description = text
        case .headerChange:
            revisions.append((pendingChange?.when, pendingChange?.who, text))
        case .annotationChange where unreadList == nil:
            annotations.updateLast { [pendingChange] in $0.setChange(when: pendingChange?.when, method: pendingChange?.type) }
        case .paragraph:
            declared.paragraphs.append((pendingParagraph?.id, text, pendingParagraph?.location ?? SourceLocation(file: file, line: 0, column: 0)))
        case .entryName:
            declared.entries[declared.entries.count - 1].names.append((type, text))
        case .entryIdno:
            declared.entries[declared.entries.count - 1].wikidata = text
        case .ref where unreadList == nil:
            annotations.updateLast { $0.addUnknownLink(type: $0.store(type ?? "")) }
        case .note where unreadList == nil:
            annotations.updateLast { chunk in
                chunk.addNote(type: type.map { chunk.store($0) }, n: n.map { chunk.store($0) }, text: chunk.store(text))
            }
        default: break
        }
    }

    private func handleKnownEnd(place: Place) {
        if place == .respStmt, let annotator = pendingAnnotator {
            declared.annotators.append(annotator)
            pendingAnnotator = nil
        }
        if place == .listAnnotation {
            currentLayer = nil
            currentLayerValue = nil
            unreadAnnotations += unreadList?.annotations ?? 0
            if let unread = unreadList, unread.annotations > 0 {
                problems[unread.problem].message += unread.annotations == 1
                    ? " (the annotation in it is not read)" : " (the \(unread.annotations) annotations in it are not read)"
            }
            unreadList = nil
        }
        if place == .annotation { currentAnnotationOwner = nil }
        if place == .div { preserved.paragraphContainers.append(.init(beforeParagraph: declared.paragraphs.count, opening: nil)) }
        if place == .teiHeader { headerEnded = true }
        if place == .text { textEnded = true }
    }

    // MARK: Problems

    func problem(_ code: TEIProblem.Code, _ message: String, hint: String, line: Int, column: Int, severity: TEIProblem.Severity = .error) {
        problems.append(TEIProblem(code: code, severity: severity, message: message, hint: hint,
                                   location: SourceLocation(file: file, line: line, column: column)))
    }

    func problem(_ code: TEIProblem.Code, _ message: String, hint: String, location: SourceLocation) {
        problems.append(TEIProblem(code: code, message: message, hint: hint, location: location))
    }

    private func problem(_ error: ModelError, at location: SourceLocation, context: String) {
        problems.append(TEIProblem(error, context: context, location: location))
    }

    // MARK: Building the document

    func finish(parseFailed: Bool) -> TEIReadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if parseFailed || !sawRoot || !problems.filter({ $0.code == .notTEI }).isEmpty {
            early?.adder.abandon()
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
        }
        guard sawText, !declared.paragraphs.isEmpty else {
            early?.adder.abandon()
            problem(.missingText, "the file has no <text><body><p> with the annotated text",
                    hint: "a Standoff file holds its text as <text><body><p xml:id=\"p1\">…</p></body></text>; create one with `standoff init`", location: start)
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
        }
        var skeleton = declared
        let added: (document: Document, problems: [TEIProblem], locations: [SourceLocation])
        if let early = finishEarly() {
            (added, skeleton) = early
        } else if early != nil, earlyChunksHandedOver > 0 {
            mustReadAgain = true
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
        } else {
            guard let made = skeleton.make() else {
                problems += skeleton.problems
                return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
            }
            let adder = AnnotationAdder(adding: PreparationPipeline(annotations, in: made, file: file, helpers: Self.helpers),
                                        to: made, expecting: annotations.count)
            adder.run()
            added = adder.result
        }
        problems += skeleton.problems
        // Room first: a large file declares tens of thousands of paragraphs, and growing the
        // table step by step rehashed it each time.
        locations.reserveCapacity(locations.count + skeleton.locations.count)
        locations.merge(skeleton.locations) { _, made in made }
        var document = added.document
        problems += added.problems
        annotationLocations = added.locations
        addRevisions(to: &document)
        let used = Set(preserved.nodes.map(\.anchor)).union(preserved.attributes.keys)
        preserved.owners = preserved.owners.filter { used.contains($0.key) }
        document.preserved = preserved
        return TEIReadResult(document: document, problems: problems, locations: locations, annotationLocations: annotationLocations,
                             sourceHashLocation: sourceHashLocation, hasForeignMarkup: !preserved.nodes.isEmpty,
                             unreadAnnotations: unreadAnnotations)
    }

    /// What the work begun while parsing made, if it stands: nothing the skeleton was made from
    /// came after it, and it could be made. Otherwise the work is stopped, to be done again.
    private func finishEarly() -> (added: (document: Document, problems: [TEIProblem], locations: [SourceLocation]), skeleton: DocumentSkeleton)? {
        guard let early else { return nil }
        guard declared.counts == early.counts else {
            early.adder.abandon()
            return nil
        }
        for chunk in annotations.chunks[earlyChunksHandedOver...] { early.pipeline.add(chunk) }
        early.pipeline.close()
        guard let added = early.adder.finish(), let skeleton = early.adder.skeleton else { return nil }
        return (added, skeleton)
    }

    /// Begins, at the first `<listAnnotation>` (the header and the text are complete), to make
    /// the document skeleton on another thread and then to add the annotations to it there as
    /// helper threads prepare them, while this thread parses on. ``finish(parseFailed:)`` uses
    /// the result if nothing the skeleton was made from came after.
    private func startPreparingEarly() {
        let pipeline = PreparationPipeline(file: file, helpers: Self.helpers)
        let adder = AnnotationAdder(adding: pipeline, expecting: estimatedAnnotationCount)
        adder.start(making: declared)
        early = (pipeline, adder, declared.counts)
    }

    /// How many annotations the file may hold, judged from its size less its text: at most one
    /// per 150 bytes (Standoff writes 150 to 400 for each, with its pointer, category and link).
    private var estimatedAnnotationCount: Int {
        var status = stat()
        guard stat(file, &status) == 0 else { return 0 }
        return max(0, Int(status.st_size) - declared.paragraphs.reduce(0) { $0 + $1.text.utf8.count }) / 150
    }

    private func addRevisions(to document: inout Document) {
        document.publicationStatement = publicationStatement
        document.revisions = revisions.map { revision in
            Revision(time: revision.when.flatMap { dates.parse($0) }, who: revision.who.flatMap(AnnotationPreparer.pointerID), description: revision.text)
        }
    }
}

/// Dates as TEI's `@when` writes them: ISO 8601 in UTC, to the second.
public enum TEIDate {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }

    /// Parses many dates with one formatter, remembering each distinct value: a file's
    /// annotations mostly share a handful of timestamps.
    struct Parser {
        private let formatter = ISO8601DateFormatter()
        private var seen: [String: Date?] = [:]

        mutating func parse(_ text: String) -> Date? {
            if let known = seen[text] { return known }
            let date = formatter.date(from: text)
            if seen.count < 4096 { seen[text] = date }
            return date
        }
    }
}

extension TEIProblem {
    /// A model error met while reading, as a problem: `context: error`, with the error's hint.
    init(_ error: ModelError, context: String, location: SourceLocation) {
        self.init(code: Self.code(for: error), message: "\(context): \(error.description)", hint: error.hint, location: location)
    }

    static func code(for error: ModelError) -> Code {
        switch error {
        case .duplicateID: .duplicateID
        case .undeclaredCategory: .undeclaredCategory
        case .unresolvedLink, .unknownAnnotator: .danglingReference
        case .emptyRange: .emptyRange
        case .rangeOutOfBounds, .rangeEdgeOnParagraphBreak, .overlappingRanges: .rangeOutOfBounds
        case .invalidIdentifier, .invalidLayerName, .invalidLinkRole: .invalidID
        default: .invalidValue
        }
    }
}
