import Foundation
import StandoffModel
import StandoffXML

/// What the reader does with each known element, and how it reports names TEI does not define.
extension TEIDocumentBuilder {
    // MARK: Known elements

    /// Some element names are known only in the form Standoff writes (an `idno` of a known type).
    func isKnownVariant(_ place: Place, _ values: KnownValues) -> Bool {
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
    func elementKey(_ name: String, place: Place, xmlID: String?, values: KnownValues) -> ElementKey {
        if let xmlID, place.isKeyedByID { return ElementKey(name: name, qualifier: xmlID) }
        if place == .listAnnotation { return ElementKey(name: name, qualifier: values.string("type") ?? "") }
        guard !stack.isEmpty else { return ElementKey(name: name) }
        let count = stack[stack.count - 1].childCounts.add(name)
        return ElementKey(name: name, qualifier: count == 1 ? nil : String(count))
    }

    /// Keeps the attributes of the element just opened that Standoff does not read.
    func keepForeignAttributes(of values: KnownValues, place: Place, at position: (line: Int, column: Int)) {
        var anchor: String?
        if values.hasForeign {
            for index in 0..<values.tag.attributeCount where lookup.attributeSlot(values.tag, index, place: place) < 0 {
                let attribute = values.tag.attribute(at: index)
                if attribute.namespace == nil, !TEINames.attributes.contains(attribute.localName) {
                    reportUnknownAttribute(attribute.localName, of: stack[stack.count - 1].key.name, place: place, at: position)
                }
                anchor = anchor ?? self.anchor()
                foreign.keep(.init(prefix: attribute.prefix, namespace: attribute.namespace, localName: attribute.localName, value: attribute.value),
                             at: anchor!, owner: currentAnnotationOwner)
            }
        }
        // The motivation Standoff writes for the layer is implied; any other is kept.
        if place == .annotation, currentLayerValue != nil, values.position("motivation") != nil,
           !values.has("motivation", equalTo: currentMotivation), let motivation = values.string("motivation") {
            foreign.keep(.init(prefix: nil, namespace: nil, localName: "motivation", value: motivation), at: anchor ?? self.anchor(),
                         owner: currentAnnotationOwner)
        }
    }

    // MARK: Names TEI does not define

    /// An element of the TEI namespace that TEI does not define (a misspelt name): kept as
    /// markup Standoff does not read, so whatever it holds would be silently left out.
    func reportUnknownElement(_ name: String, in parent: Place, at position: (line: Int, column: Int)) {
        let known = Self.knownChildren[parent].map { Array($0.keys).sorted() } ?? []
        let suggestion = NameSuggestion.closest(to: name, preferring: known, among: TEINames.elements)
        let parentName = stack[stack.count - 1].key.name
        problem(.unknownElement(name: name, parent: parentName, suggestion: suggestion, annotationsInside: 0), at: location(position))
        unreadElement = (problems.count - 1, 0)
    }

    /// An attribute without a namespace that TEI does not define (a misspelt name): kept, but
    /// not read, so what it says (a certainty, an annotator) would be silently left out.
    func reportUnknownAttribute(_ name: String, of element: String, place: Place, at position: (line: Int, column: Int)) {
        let known = Self.knownAttributeSlots[place.rawValue].map { attribute in
            (attribute.inXMLNamespace ? "xml:" : "") + String(describing: attribute.name)
        }
        // `id="…"` for `xml:id="…"` (and the other attributes of the XML namespace) is a common slip.
        let inXMLNamespace = ["id", "lang", "base", "space"].contains(name) ? "xml:\(name)" : nil
        let suggestion = inXMLNamespace ?? NameSuggestion.closest(to: name, preferring: known, among: TEINames.attributes)
        problem(.unknownAttribute(name: name, element: element, annotation: currentAnnotationOwner, onAnnotation: place == .annotation,
                                  suggestion: suggestion), at: location(position))
    }

    func handleKnownStart(place: Place, values: KnownValues, xmlID: String?, at position: (line: Int, column: Int)) {
        if DeclarationReader.declares(place) { declarations.start(place, values: values, xmlID: xmlID, at: position) }
        switch place {
        case .tei: sawRoot = true
        case .text: sawText = true
        case .div:
            foreign.noteContainer(stack[stack.count - 1].key.description, beforeParagraph: declarations.skeleton.paragraphs.count)
        case .annotationChange:
            pendingAnnotationChange = (values.string("when"), values.string("type"))
        case .listAnnotation:
            currentLayer = values.string("type")
            currentLayerValue = currentLayer.flatMap { try? Layer($0) }
            currentMotivation = currentLayerValue.map { Array(TEI.motivation(for: $0).utf8) } ?? []
            if preparesEarly, headerEnded, textEnded, !declarations.skeleton.paragraphs.isEmpty, handOff.isEmpty { handOff.startEarly(with: declarations.skeleton) }
            if currentLayer == nil {
                problem(.layerWithoutType(unread: 0), at: location(position))
                unreadList = (problems.count - 1, 0)
            } else if currentLayerValue == nil, let type = currentLayer {
                problem(.invalidLayerName(type: type, unread: 0), at: location(position))
                unreadList = (problems.count - 1, 0)
            }
        case .annotation:
            // In a list without a layer, annotations are counted, not read: one message says so.
            if unreadList != nil {
                unreadList!.annotations += 1
                break
            }
            handOff.append(layer: currentLayer ?? "", id: xmlID, line: position.line, column: position.column) { annotation, chunk in
                annotation.keepAttributes(of: values, in: &chunk)
            }
        case .ptr where unreadList == nil:
            handOff.updateLast { chunk in
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
    }

    func handleText(_ text: String, place: Place) {
        let (type, n) = pendingTextElement
        if place.holdsDeclaredText { declarations.text(text, place: place, type: type) }
        switch place {
        case .annotationChange where unreadList == nil:
            handOff.updateLast { [pendingAnnotationChange] in $0.setChange(when: pendingAnnotationChange?.when, method: pendingAnnotationChange?.method) }
        case .ref where unreadList == nil:
            handOff.updateLast { $0.addUnknownLink(type: $0.store(type ?? "")) }
        case .note where unreadList == nil:
            handOff.updateLast { chunk in
                chunk.addNote(type: type.map { chunk.store($0) }, n: n.map { chunk.store($0) }, text: chunk.store(text))
            }
        default: break
        }
    }

    func handleKnownEnd(place: Place) {
        declarations.end(place)
        if place == .listAnnotation {
            currentLayer = nil
            currentLayerValue = nil
            unreadAnnotations += unreadList?.annotations ?? 0
            if let unread = unreadList, unread.annotations > 0 {
                switch problems[unread.problem].fact {
                case .layerWithoutType: problems[unread.problem].fact = .layerWithoutType(unread: unread.annotations)
                case .invalidLayerName(let type, _): problems[unread.problem].fact = .invalidLayerName(type: type, unread: unread.annotations)
                default: break
                }
            }
            unreadList = nil
        }
        if place == .annotation { currentAnnotationOwner = nil }
        if place == .div { foreign.noteContainer(nil, beforeParagraph: declarations.skeleton.paragraphs.count) }
        if place == .teiHeader { headerEnded = true }
        if place == .text { textEnded = true }
    }
}
