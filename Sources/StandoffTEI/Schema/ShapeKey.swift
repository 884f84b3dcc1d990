import Foundation
import StandoffModel
import StandoffXML

/// The shape of a subtree as far as a schema can tell: element and attribute names, and the
/// values and text the schema constrains. Values the schema accepts whatever they are (its
/// "opaque" attributes and text) count only as empty or not; an `xml:id` counts as "a valid
/// NCName" when it plainly is one, and a `<change>`'s `@when` as "a valid dateTime" when it is
/// one in the form Standoff writes (`2024-11-24T09:30:00Z`: every annotation has its own). Two subtrees with the same key are both valid or both not.
///
/// The key is built from the parser's events as they come (``begin(parent:in:)``,
/// ``appendStart(_:in:)``, ``appendText(_:of:in:)``, ``appendEnd(in:)``, ``finish(_:)``), in a
/// buffer the caller owns; names are the
/// parser's interned pointers, so keys are compared within one parse only.
///
/// Which values are opaque is a property of the schema: ``standoff`` lists those of
/// `standoff.rng`, and a test checks the schema accepts any value there.
struct ShapeKey {
    /// (element, attribute) pairs whose value the schema does not constrain; "*" is any element.
    let opaqueAttributes: Set<[String]>
    /// Elements whose text the schema does not constrain.
    let opaqueText: Set<String>
    /// Subtrees with longer keys are not remembered.
    static let limit = 4096

    static var standoff: ShapeKey { ShapeKey(
        opaqueAttributes: [["annotation", "target"], ["annotation", "resp"], ["annotation", "ana"], ["ptr", "target"], ["change", "who"]],
        // Names and descriptions are any text: a register or taxonomy of 100,000 entries then has
        // a handful of shapes, and libxml2 checks each once.
        opaqueText: ["note", "persName", "orgName", "placeName", "catDesc"]) }

    /// The keys of the shapes found valid: compared in full, found by a fast hash.
    struct ValidShapes {
        private var byHash: [Int: [[UInt8]]] = [:]
        private(set) var count = 0

        func contains(_ key: UnsafeRawBufferPointer) -> Bool {
            guard let candidates = byHash[ByteBuffer.hash(key)] else { return false }
            return candidates.contains { candidate in
                candidate.count == key.count && candidate.withUnsafeBytes { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }
            }
        }

        mutating func insert(_ key: UnsafeRawBufferPointer) {
            guard !contains(key) else { return }
            byHash[ByteBuffer.hash(key), default: []].append(Array(key))
            count += 1
        }
    }

    /// What was decided about each attribute and element text, by the parser's interned names.
    /// A file uses a few dozen names: a short list searched in order is faster than hashing.
    private var decidedAttributes: [(element: UnsafePointer<UInt8>, attribute: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?, isXMLID: Bool, isWhen: Bool, opaque: Bool)] = []
    private var decidedText: [(element: UnsafePointer<UInt8>, opaque: Bool)] = []

    init(opaqueAttributes: Set<[String]>, opaqueText: Set<String>) {
        self.opaqueAttributes = opaqueAttributes
        self.opaqueText = opaqueText
    }

    /// Starts the key of a subtree whose root is a child of `parent`, in `buffer`.
    static func begin(parent: UnsafePointer<UInt8>?, in buffer: inout ByteBuffer) {
        buffer.removeAll()
        buffer.append(word: UInt(bitPattern: parent))
    }

    mutating func appendStart(_ tag: StartTag, in buffer: inout ByteBuffer) {
        guard buffer.count < Self.limit else { return }
        buffer.append(0x3C)
        buffer.append(word: UInt(bitPattern: tag.localName))
        buffer.append(word: UInt(bitPattern: tag.namespace))
        for index in 0..<tag.attributeCount {
            let base = index * 5
            guard let fields = tag.attributes, let start = fields[base + 3], let end = fields[base + 4] else { continue }
            buffer.append(0x20)
            buffer.append(word: UInt(bitPattern: fields[base]))
            buffer.append(word: UInt(bitPattern: fields[base + 2]))
            StartTag.withDecodedValue(start: start, end: end) { value in
                switch opacity(element: tag.localName, attribute: fields[base], namespace: fields[base + 2]) {
                case .opaque: buffer.append(XMLWhitespace.isBlank(value) ? 0x2D : 0x2A)
                case .xmlID where Identifier.isValid(asciiBytes: value) == true: buffer.append(0x2A)
                case .dateTime where Self.isPlainTimestamp(value): buffer.append(0x2A)
                default: buffer.append(value)
                }
            }
            buffer.append(0)
        }
    }

    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>, of element: UnsafePointer<UInt8>, in buffer: inout ByteBuffer) {
        guard buffer.count < Self.limit else { return }
        buffer.append(0x54)
        if isTextOpaque(element: element) {
            buffer.append(XMLWhitespace.isBlank(text) ? 0x2D : 0x2A)
        } else {
            buffer.append(text)
        }
        buffer.append(0)
    }

    static func appendEnd(in buffer: inout ByteBuffer) {
        guard buffer.count < Self.limit else { return }
        buffer.append(0x3E)
    }

    /// The key (valid until the buffer changes), or `nil` if the subtree is too large
    /// to remember.
    static func finish(_ buffer: ByteBuffer) -> UnsafeRawBufferPointer? {
        buffer.count < Self.limit ? buffer.bytes : nil
    }

    private enum Opacity { case constrained, opaque, xmlID, dateTime }

    /// `YYYY-MM-DDThh:mm:ssZ` naming a real time: what xsd:dateTime accepts, in the one form
    /// Standoff writes (anything else is keyed by its value, and libxml2 decides).
    static func isPlainTimestamp(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        value.count == 20 && value[19] == UInt8(ascii: "Z") && ISOTimestamp.date(from: String(decoding: value, as: UTF8.self)) != nil
    }

    private mutating func opacity(element: UnsafePointer<UInt8>, attribute: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?) -> Opacity {
        // A slot per (element, attribute) by their pointers (names packed side by side in the
        // parser's dictionary: every bit counts), checked in full, before the list.
        let mixed = UInt64(UInt(bitPattern: element)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(UInt(bitPattern: attribute)) &* 0xC2B2_AE3D_27D4_EB4F
        let slot = Int(truncatingIfNeeded: mixed >> (64 - Self.recentBits))
        let recent = recentAttributes[slot]
        if recent.element == element, recent.attribute == attribute, recent.namespace == namespace { return recent.opacity }
        let decided = decide(element: element, attribute: attribute, namespace: namespace)
        recentAttributes[slot] = (element, attribute, namespace, decided)
        return decided
    }

    private static let recentBits: UInt64 = 6
    private static let recentCount = 1 << recentBits
    private var recentAttributes = [(element: UnsafePointer<UInt8>?, attribute: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?, opacity: Opacity)](
        repeating: (nil, nil, nil, .constrained), count: recentCount)

    private mutating func decide(element: UnsafePointer<UInt8>, attribute: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?) -> Opacity {
        for known in decidedAttributes where known.element == element && known.attribute == attribute && known.namespace == namespace {
            return known.isXMLID ? .xmlID : known.isWhen ? .dateTime : known.opaque ? .opaque : .constrained
        }
        let inXML = namespace.map { SAXParser.equal($0, "http://www.w3.org/XML/1998/namespace") } ?? false
        let isXMLID = inXML && attribute.map { SAXParser.equal($0, "id") } == true
        let isWhen = namespace == nil && SAXParser.equal(element, "change") && attribute.map { SAXParser.equal($0, "when") } == true
        let elementName = String(cString: element)
        let attributeName = attribute.map { String(cString: $0) } ?? ""
        let opaque = namespace == nil
            && (opaqueAttributes.contains([elementName, attributeName]) || opaqueAttributes.contains(["*", attributeName]))
        if decidedAttributes.count < 256 { decidedAttributes.append((element, attribute, namespace, isXMLID, isWhen, opaque)) }
        return isXMLID ? .xmlID : isWhen ? .dateTime : opaque ? .opaque : .constrained
    }

    private mutating func isTextOpaque(element: UnsafePointer<UInt8>) -> Bool {
        for known in decidedText where known.element == element { return known.opaque }
        let opaque = opaqueText.contains(String(cString: element))
        if decidedText.count < 256 { decidedText.append((element, opaque)) }
        return opaque
    }

}
