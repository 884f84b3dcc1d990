import Foundation
import StandoffXML

/// Finds an element's place and its known attributes from the parser's interned name pointers:
/// a pointer stands for its name during a parse, so each is compared as a pointer, in short
/// lists (a file uses a few dozen names; the lists are bounded in case a parser does not intern).
struct ElementLookup {
    typealias Place = TEIDocumentBuilder.Place
    typealias KnownValues = TEIDocumentBuilder.KnownValues

    private var childCache: [[(pointer: UnsafePointer<UInt8>, name: String, place: Place?)]] = Array(repeating: [], count: Place.allCases.count)
    private var attributeCache: [[(name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, slot: Int)]] = Array(repeating: [], count: Place.allCases.count)
    private var teiNamespace: UnsafePointer<UInt8>?
    private static let cacheLimit = 64

    /// The element's name, and its place if it is a known child of `parent`.
    mutating func child(_ pointer: UnsafePointer<UInt8>, of parent: Place) -> (name: String, place: Place?) {
        for entry in childCache[parent.rawValue] where entry.pointer == pointer { return (entry.name, entry.place) }
        let name = String(cString: pointer)
        let place = TEIDocumentBuilder.knownChildren[parent]?[name]
        if childCache[parent.rawValue].count < Self.cacheLimit { childCache[parent.rawValue].append((pointer, name, place)) }
        return (name, place)
    }

    mutating func isTEINamespace(_ uri: UnsafePointer<UInt8>?) -> Bool {
        guard let uri else { return false }
        if uri == teiNamespace { return true }
        guard SAXParser.equal(uri, "http://www.tei-c.org/ns/1.0") else { return false }
        teiNamespace = uri
        return true
    }

    /// The known attributes of an element at `place`: where each stands in the tag.
    mutating func knownValues(_ tag: StartTag, place: Place) -> KnownValues {
        var values = KnownValues(tag: tag, known: TEIDocumentBuilder.knownAttributeTables[place.rawValue])
        for index in 0..<tag.attributeCount {
            let slot = attributeSlot(tag, index, place: place)
            if slot < 0 { values.hasForeign = true } else { values.record(slot: slot, at: index) }
        }
        return values
    }

    /// The slot of the tag's attribute `index` among the known attributes of `place`; -1 if foreign.
    mutating func attributeSlot(_ tag: StartTag, _ index: Int, place: Place) -> Int {
        guard let attributes = tag.attributes, let local = attributes[index * 5] else { return -1 }
        let uri = attributes[index * 5 + 2]
        for entry in attributeCache[place.rawValue] where entry.name == local && entry.namespace == uri { return entry.slot }
        let known = TEIDocumentBuilder.knownAttributeSlots[place.rawValue]
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
}
