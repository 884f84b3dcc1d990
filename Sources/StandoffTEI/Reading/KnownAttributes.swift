import Foundation
import StandoffModel
import StandoffXML

extension TEIDocumentBuilder {
    /// An attribute Standoff reads, by name (a literal: no reference counting on the hot path).
    struct KnownAttribute {
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
    static let knownAttributeSlots: [[KnownAttribute]] = Place.allCases.map { knownAttributes[$0] ?? [] }

    /// ``knownAttributeSlots`` in memory that lives as long as the process: a start tag's
    /// ``KnownValues`` points at its place's list without counting references to it.
    nonisolated(unsafe) static let knownAttributeTables: [UnsafeBufferPointer<KnownAttribute>] = knownAttributeSlots.map { known in
        let table = UnsafeMutableBufferPointer<KnownAttribute>.allocate(capacity: known.count)
        _ = table.initialize(from: known)
        return UnsafeBufferPointer(table)
    }

    /// The known attributes of one start tag: where each stands in the tag, found once.
    ///
    /// A place may know any number of attributes: the first eight positions are kept in a vector
    /// (no allocation per tag), any further ones in an array made only for tags that have them.
    struct KnownValues {
        static let inlineSlots = 8
        let tag: StartTag
        let known: UnsafeBufferPointer<KnownAttribute>
        /// The position in the tag of each of the first eight known attributes, by its slot; -1 where absent.
        private var positions = SIMD8<Int32>(repeating: -1)
        /// The positions of known attributes past the eighth, by slot less eight; -1 where absent.
        private var furtherPositions: [Int32] = []
        /// Whether the tag has attributes that are not known (to be kept as foreign content).
        var hasForeign = false

        init(tag: StartTag, known: UnsafeBufferPointer<KnownAttribute>) {
            self.tag = tag
            self.known = known
        }

        /// Notes that the known attribute of `slot` stands at `index` in the tag.
        @inline(__always)
        mutating func record(slot: Int, at index: Int) {
            if slot < Self.inlineSlots {
                positions[slot] = Int32(index)
                return
            }
            if furtherPositions.isEmpty { furtherPositions = Array(repeating: -1, count: known.count - Self.inlineSlots) }
            furtherPositions[slot - Self.inlineSlots] = Int32(index)
        }

        /// Where the known attribute of `slot` stands in the tag, if it is there.
        @inline(__always)
        private func position(ofSlot slot: Int) -> Int? {
            let position = slot < Self.inlineSlots ? positions[slot] : (furtherPositions.isEmpty ? -1 : furtherPositions[slot - Self.inlineSlots])
            return position < 0 ? nil : Int(position)
        }

        /// Where the attribute `name` stands in the tag, if it is there.
        func position(_ name: StaticString, inXMLNamespace: Bool = false) -> Int? {
            // Equal literals are mostly one literal: look for the same address first.
            for slot in known.indices where known[slot].name.utf8Start == name.utf8Start && known[slot].inXMLNamespace == inXMLNamespace {
                return position(ofSlot: slot)
            }
            for slot in known.indices where known[slot].matches(name, inXMLNamespace: inXMLNamespace) {
                return position(ofSlot: slot)
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
}

extension TEIDocumentBuilder {
    /// The TEI element most likely meant by a misspelt `name` inside `parent`: the children
    /// Standoff reads there first, then any TEI element.
    static func suggestion(forElement name: String, in parent: Place) -> String? {
        let known = knownChildren[parent].map { Array($0.keys).sorted() } ?? []
        return NameSuggestion.closest(to: name, preferring: known, among: TEINames.elements)
    }

    /// The attribute most likely meant by a misspelt `name` on an element at `place`.
    static func suggestion(forAttribute name: String, on place: Place) -> String? {
        // `id="…"` for `xml:id="…"` (and the other attributes of the XML namespace) is a common slip.
        if ["id", "lang", "base", "space"].contains(name) { return "xml:\(name)" }
        let known = knownAttributeSlots[place.rawValue].map { attribute in
            (attribute.inXMLNamespace ? "xml:" : "") + String(describing: attribute.name)
        }
        return NameSuggestion.closest(to: name, preferring: known, among: TEINames.attributes)
    }
}
