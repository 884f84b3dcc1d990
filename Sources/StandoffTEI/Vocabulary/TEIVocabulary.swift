import Foundation
import StandoffModel

/// Names and conventions of Standoff's TEI encoding (see docs/FORMAT.md).
enum TEI {
    static let namespace = "http://www.tei-c.org/ns/1.0"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The W3C Web Annotation motivation written for each layer (see ``LayerDescription``).
    static func motivation(for layer: Layer) -> String { layer.details.motivation }

    /// The register list element, entry element and name element for each kind of entry.
    static func elements(for kind: EntryKind) -> (list: String, entry: String, name: String) {
        switch kind {
        case .person: ("listPerson", "person", "persName")
        case .organisation: ("listOrg", "org", "orgName")
        case .place: ("listPlace", "place", "placeName")
        }
    }
}

/// `#string-range(PARAGRAPH,OFFSET,LENGTH)` pointers, TEI's way to point at characters.
enum StringRangePointer {
    static func format(paragraph: Identifier, offset: Int, length: Int) -> String {
        "#string-range(\(paragraph.rawValue),\(offset),\(length))"
    }

    /// Parses one pointer; `nil` if it is not of that form.
    static func parse(_ token: Substring) -> (paragraph: String, offset: Int, length: Int)? {
        // The form Standoff writes, without spaces: read from the bytes.
        var bytes = token
        if let fast = bytes.withUTF8({ compact($0).map { (String(decoding: $0.paragraph, as: UTF8.self), $0.offset, $0.length) } }) {
            return fast
        }
        let prefix = "#string-range("
        guard token.utf8.starts(with: prefix.utf8), token.utf8.last == UInt8(ascii: ")") else { return nil }
        let inner = token.dropFirst(prefix.count).dropLast()
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " ") }
        guard parts.count == 3, !parts[0].isEmpty, let offset = Int(parts[1]), let length = Int(parts[2]) else { return nil }
        return (String(parts[0]), offset, length)
    }

    /// Whether the pointer has the right shape but an offset or length of more digits than an
    /// integer holds (so ``parse(_:)`` refused it).
    static func hasOversizedNumber(_ token: Substring) -> Bool {
        guard token.hasPrefix("#string-range("), token.hasSuffix(")") else { return false }
        let parts = token.dropFirst("#string-range(".count).dropLast().split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        return parts.dropFirst().contains { part in
            let digits = part.trimmingCharacters(in: " ").drop { $0 == "-" || $0 == "+" }
            return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) && Int(digits) == nil
        }
    }

    /// `#string-range(ID,OFFSET,LENGTH)` exactly as Standoff writes it: no spaces, decimal digits
    /// only; `nil` for anything else. The paragraph id is a slice of `bytes`.
    static func compact(_ bytes: UnsafeBufferPointer<UInt8>) -> (paragraph: UnsafeBufferPointer<UInt8>, offset: Int, length: Int)? {
        let prefix: StaticString = "#string-range("
        let prefixLength = prefix.utf8CodeUnitCount
        guard bytes.count > prefixLength + 5, bytes[bytes.count - 1] == UInt8(ascii: ")"),
              memcmp(bytes.baseAddress!, prefix.utf8Start, prefixLength) == 0 else { return nil }
        var index = prefixLength
        while index < bytes.count, bytes[index] != UInt8(ascii: ",") {
            if bytes[index] == UInt8(ascii: " ") { return nil }
            index += 1
        }
        let paragraph = UnsafeBufferPointer(rebasing: bytes[prefixLength..<index])
        guard !paragraph.isEmpty else { return nil }
        func number() -> Int? {
            index += 1
            var value = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                // Longer numbers go the long way, which checks them (no arithmetic overflow here).
                guard digits < 17 else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            return digits > 0 && digits < 18 ? value : nil
        }
        guard let offset = number(), index < bytes.count, bytes[index] == UInt8(ascii: ","),
              let length = number(), index == bytes.count - 1 else { return nil }
        return (paragraph, offset, length)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}
