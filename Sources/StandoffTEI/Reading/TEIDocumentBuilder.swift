import Foundation
import StandoffModel
import StandoffXML

/// Turns SAX events into a ``Document``, collecting problems with their locations.
final class TEIDocumentBuilder: SAXHandler {
    let file: String
    // Properties read and written on every SAX event are marked @exclusivity(unchecked): an
    // instance serves one parse on one thread, the parser calls back in sequence, and no
    // callback touches a property while another access to it is under way. The runtime's
    // dynamic exclusivity checks cost a fifth of the time of a large file otherwise.
    @exclusivity(unchecked) var problems: [TEIProblem] = []
    var locations: [Identifier: SourceLocation] = [:]
    var annotationLocations: [SourceLocation] = []
    @exclusivity(unchecked) var stack: [Frame] = []
    /// What the model does not know, kept to be written back.
    @exclusivity(unchecked) var foreign = ForeignContentKeeper()
    @exclusivity(unchecked) var textBuffer: [UInt8] = []
    @exclusivity(unchecked) var collectingText = false
    var sawRoot = false
    var sawText = false

    // What the file declares, in file order: what the document skeleton is made from, and more.
    @exclusivity(unchecked) var declarations: DeclarationReader
    /// The annotation lists, and the annotations in them handed on as they are read.
    @exclusivity(unchecked) var lists: AnnotationListReader
    /// The `@type` and `@n` of the text element being read.
    @exclusivity(unchecked) var pendingTextElement: (type: String?, n: String?) = (nil, nil)
    /// The xml:id of the annotation being read, which owns what is kept inside it.
    @exclusivity(unchecked) var currentAnnotationOwner: String?
    /// Annotations left unread so far in elements TEI does not define.
    var unreadInUnknownElements = 0
    /// While an element TEI does not define is kept unread: its problem, and how many
    /// annotations it holds (told in the problem's message once the element ends).
    @exclusivity(unchecked) var unreadElement: (problem: Int, annotations: Int)?
    /// The element of `<standOff>` being kept, while it holds stand-off forms Standoff does not read.
    var unreadStandOff: TEIReadResult.UnreadStandOff?
    var unreadStandOffFound: [TEIReadResult.UnreadStandOff] = []
    var headerEnded = false
    var textEnded = false
    /// Helper threads a large file is read with: one for each core but the reading one.
    static var helpers: Int { ProcessInfo.processInfo.activeProcessorCount - 1 }
    /// Whether the annotations may be handed on while parsing (``AnnotationHandOff/startEarly(with:)``).
    let preparesEarly: Bool
    /// Set by ``finish(parseFailed:)`` when the work begun while parsing had to be dropped (a
    /// declaration came after the first `<listAnnotation>`) after the annotations it was given
    /// were let go, to keep memory low: the file must then be read again, without early work.
    /// Standoff writes no such file; others rarely do.
    var mustReadAgain = false

    /// Where the annotations go, in file order, as they are prepared.
    let consumer: TEIAnnotationConsumer
    /// The annotations found, on their way to the consumer.
    let handOff: AnnotationHandOff

    init(file: String, preparesEarly: Bool, helpers: Int, consumer: TEIAnnotationConsumer) {
        self.file = file
        self.preparesEarly = preparesEarly
        self.consumer = consumer
        handOff = AnnotationHandOff(file: file, helpers: helpers, consumer: consumer)
        lists = AnnotationListReader(handOff: handOff)
        declarations = DeclarationReader(file: file)
    }


    // MARK: SAX events

    func startElement(_ tag: StartTag, at position: (line: Int, column: Int)) {
        if stack.first?.place == .notTEI {
            // Not a TEI document: the root was reported; nothing inside it is worth a message.
            stack.append(Frame(place: .notTEI, key: ElementKey(name: ""), isText: true))
            return
        }
        if foreign.isCapturing {
            foreign.captureStart(tag, at: location(position))
            if unreadElement != nil, tag.isNamed("annotation"), lookup.isTEINamespace(tag.namespace) { unreadElement!.annotations += 1 }
            if unreadStandOff != nil, lookup.isTEINamespace(tag.namespace) { countStandOff(tag) }
            return
        }
        let parentPlace = stack.last?.place ?? .document
        let (name, knownPlace) = lookup.child(tag.localName, of: parentPlace)
        let inTEI = lookup.isTEINamespace(tag.namespace)
        if let parent = stack.last, parent.isText {
            problem(.markupInText(element: name, parent: parent.key.name), at: location(position))
            // Keep the structure balanced: treat it as a text element of its own.
            stack.append(Frame(place: .unsupported, key: ElementKey(name: name), isText: true))
            return
        }
        let childPlace = inTEI ? knownPlace : nil
        let values = childPlace.map { lookup.knownValues(tag, place: $0) }
        guard let place = childPlace, let values, isKnownVariant(place, values) else {
            if stack.isEmpty {
                problem(.notTEIRoot(element: name, namespace: tag.namespace.map { String(cString: $0) }, inTEINamespace: inTEI), at: location(position))
                stack.append(Frame(place: .notTEI, key: ElementKey(name: ""), isText: true))
                return
            }
            if childPlace == .ptr || childPlace == .ref, values?.position("type") == nil {
                // A link without its role would be kept as foreign markup, and the link lost.
                problem(.linkWithoutRole(element: name, target: values?.string("target"), annotation: currentAnnotationOwner), at: location(position))
            }
            if parentPlace == .annotation, childPlace == .note, values?.position("type") == nil {
                problem(.noteWithoutType(annotation: currentAnnotationOwner), at: location(position))
            }
            if parentPlace == .annotation, inTEI, name == "respStmt" {
                problem(.respStmtInAnnotation(annotation: currentAnnotationOwner), at: location(position))
            }
            if parentPlace.keepsForeignContent || (parentPlace.groupsParagraphs && inTEI && name == "head") {
                if inTEI, !TEINames.elements.contains(name) { reportUnknownElement(name, in: parentPlace, at: position) }
                foreign.beginCapture(tag, name: name, anchor: anchor(), after: stack[stack.count - 1].lastKnownChild?.description, at: location(position))
                // (An element TEI does not define is named by SO005, with the annotations inside it.)
                if parentPlace == .standOff, inTEI, TEINames.elements.contains(name) {
                    unreadStandOff = TEIReadResult.UnreadStandOff(element: name, location: location(position))
                    countStandOff(tag)
                }
            } else {
                problem(.unsupportedElement(element: name, parent: stack[stack.count - 1].key.name), at: location(position))
                stack.append(Frame(place: .unsupported, key: ElementKey(name: name), isText: true))
            }
            return
        }
        let needsID = place == .tei || place.isKeyedByID
        let xmlID = needsID ? values.string("id", inXMLNamespace: true) : nil
        let key = elementKey(name, place: place, xmlID: xmlID, values: values)
        if place == .annotation { currentAnnotationOwner = xmlID }
        let isText = place.holdsText
        stack.append(Frame(place: place, key: key, isText: isText, line: position.line, column: position.column))
        keepForeignAttributes(of: values, place: place, at: position)
        handleKnownStart(place: place, values: values, xmlID: xmlID, at: position)
        if isText {
            collectingText = true
            textBuffer.removeAll(keepingCapacity: true)
        }
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        if foreign.isCapturing {
            if foreign.captureEnd(owner: currentAnnotationOwner) {
                unreadInUnknownElements += unreadElement?.annotations ?? 0
                if let found = unreadStandOff, found.annotations + found.spans + found.links > 0 { unreadStandOffFound.append(found) }
                unreadStandOff = nil
                if let unread = unreadElement, unread.annotations > 0,
                   case .unknownElement(let name, let parent, let suggestion, _) = problems[unread.problem].fact {
                    problems[unread.problem].fact = .unknownElement(name: name, parent: parent, suggestion: suggestion, annotationsInside: unread.annotations)
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
        if foreign.isCapturing { foreign.captureText(bytes); return }
        if collectingText {
            textBuffer.append(contentsOf: bytes)
            return
        }
        // Text between known elements: indentation, or foreign text to keep.
        guard !XMLWhitespace.isBlank(bytes),
              let frame = stack.last, frame.isKnown else { return }
        if frame.place.keepsForeignContent {
            foreign.keep(.init(anchor: anchor(), after: frame.lastKnownChild?.description,
                               markup: MarkupCapture.escapeText(String(decoding: bytes, as: UTF8.self))), owner: currentAnnotationOwner)
        } else if frame.place == .text || frame.place.groupsParagraphs || frame.place == .tei {
            problem(.textOutsideParagraph(parent: frame.key.name), at: SourceLocation(file: file, line: frame.line, column: frame.column))
        }
    }

    func comment(_ text: UnsafePointer<UInt8>) {
        if foreign.isCapturing { foreign.captureComment(String(cString: text)); return }
        let markup = "<!--" + String(cString: text) + "-->"
        if let frame = stack.last, !frame.isText, frame.isKnown, frame.place.keepsForeignContent || frame.place.groupsParagraphs {
            foreign.keep(.init(anchor: anchor(), after: frame.lastKnownChild?.description, markup: markup), owner: currentAnnotationOwner)
        } else if stack.isEmpty {
            foreign.keepOutsideRoot(markup, afterRoot: sawRoot)
        }
    }

    func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) {
        if foreign.isCapturing { foreign.captureProcessingInstruction(String(cString: target), data.map { String(cString: $0) }); return }
        let data = data.map { " " + String(cString: $0) } ?? ""
        let markup = "<?" + String(cString: target) + data + "?>"
        if let frame = stack.last, !frame.isText, frame.isKnown, frame.place.keepsForeignContent || frame.place.groupsParagraphs {
            foreign.keep(.init(anchor: anchor(), after: frame.lastKnownChild?.description, markup: markup), owner: currentAnnotationOwner)
        } else if stack.isEmpty {
            foreign.keepOutsideRoot(markup, afterRoot: sawRoot)
        }
    }

    func documentType(name: String, publicID: String?, systemID: String?) {
        var markup = "<!DOCTYPE " + name
        if let publicID { markup += " PUBLIC \"\(publicID)\" \"\(systemID ?? "")\"" } else if let systemID { markup += " SYSTEM \"\(systemID)\"" }
        foreign.keepOutsideRoot(markup + ">", afterRoot: sawRoot)
    }

    /// Places and known attributes found by the parser's name pointers.
    @exclusivity(unchecked) var lookup = ElementLookup()


    // MARK: Problems

    func problem(_ fact: TEIProblem.Fact, at location: SourceLocation) {
        problems.append(TEIProblem(fact, at: location))
    }

}
