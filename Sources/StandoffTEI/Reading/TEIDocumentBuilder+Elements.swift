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
        if place == .annotation, lists.layer.value != nil, values.position("motivation") != nil,
           !values.has("motivation", equalTo: lists.motivation), let motivation = values.string("motivation") {
            foreign.keep(.init(prefix: nil, namespace: nil, localName: "motivation", value: motivation), at: anchor ?? self.anchor(),
                         owner: currentAnnotationOwner)
        }
    }

    // MARK: Names TEI does not define

    /// An element of the TEI namespace that TEI does not define (a misspelt name): kept as
    /// markup Standoff does not read, so whatever it holds would be silently left out.
    func reportUnknownElement(_ name: String, in parent: Place, at position: (line: Int, column: Int)) {
        problem(.unknownElement(name: name, parent: stack[stack.count - 1].key.name, suggestion: Self.suggestion(forElement: name, in: parent),
                                annotationsInside: 0), at: location(position))
        unreadElement = (problems.count - 1, 0)
    }

    /// An attribute without a namespace that TEI does not define (a misspelt name): kept, but
    /// not read, so what it says (a certainty, an annotator) would be silently left out.
    func reportUnknownAttribute(_ name: String, of element: String, place: Place, at position: (line: Int, column: Int)) {
        problem(.unknownAttribute(name: name, element: element, annotation: currentAnnotationOwner, onAnnotation: place == .annotation,
                                  suggestion: Self.suggestion(forAttribute: name, on: place)), at: location(position))
    }

    func handleKnownStart(place: Place, values: KnownValues, xmlID: String?, at position: (line: Int, column: Int)) {
        if DeclarationReader.declares(place) { declarations.start(place, values: values, xmlID: xmlID, at: position) }
        switch place {
        case .tei: sawRoot = true
        case .text: sawText = true
        case .div:
            foreign.noteContainer(stack[stack.count - 1].key.description, beforeParagraph: declarations.skeleton.paragraphs.count)
        case .annotationChange:
            lists.startChange(values)
        case .listAnnotation:
            if preparesEarly, headerEnded, textEnded, !declarations.skeleton.paragraphs.isEmpty, handOff.isEmpty { handOff.startEarly(with: declarations.skeleton) }
            lists.startList(type: values.string("type"), problems: &problems, at: location(position))
        case .annotation:
            lists.startAnnotation(values, id: xmlID, at: position)
        case .ptr:
            lists.startPointer(values)
        default: break
        }
        if place.holdsText {
            pendingTextElement = (values.string("type"), values.string("n"))
        }
    }

    func handleText(_ text: String, place: Place) {
        let (type, n) = pendingTextElement
        if place.holdsDeclaredText { declarations.text(text, place: place, type: type) }
        lists.text(text, place: place, type: type, n: n)
    }

    func handleKnownEnd(place: Place) {
        declarations.end(place)
        if place == .listAnnotation { lists.endList(problems: &problems) }
        if place == .annotation { currentAnnotationOwner = nil }
        if place == .div { foreign.noteContainer(nil, beforeParagraph: declarations.skeleton.paragraphs.count) }
        if place == .teiHeader { headerEnded = true }
        if place == .text { textEnded = true }
    }
}
