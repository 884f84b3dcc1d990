import StandoffModel

/// Names and conventions of Standoff's TEI encoding (see docs/FORMAT.md).
enum TEI {
    static let namespace = "http://www.tei-c.org/ns/1.0"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The W3C Web Annotation motivation written for each layer.
    static func motivation(for layer: Layer) -> String {
        switch layer {
        case .entity: "identifying"
        case .quotation: "describing"
        case .stance: "assessing"
        case .error: "editing"
        default: "tagging"
        }
    }

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
        let prefix = "#string-range("
        guard token.utf8.starts(with: prefix.utf8), token.utf8.last == UInt8(ascii: ")") else { return nil }
        // The form Standoff writes, without spaces: parse the bytes directly.
        if let fast = parseCompact(token.utf8.dropFirst(prefix.utf8.count).dropLast()) { return fast }
        let inner = token.dropFirst(prefix.count).dropLast()
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " ") }
        guard parts.count == 3, !parts[0].isEmpty, let offset = Int(parts[1]), let length = Int(parts[2]) else { return nil }
        return (String(parts[0]), offset, length)
    }

    /// `ID,OFFSET,LENGTH` with no spaces and decimal digits only; `nil` for anything else.
    private static func parseCompact(_ inner: Substring.UTF8View) -> (paragraph: String, offset: Int, length: Int)? {
        guard let firstComma = inner.firstIndex(of: UInt8(ascii: ",")), firstComma > inner.startIndex else { return nil }
        let rest = inner[inner.index(after: firstComma)...]
        guard let secondComma = rest.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        func number(_ digits: Substring.UTF8View) -> Int? {
            guard !digits.isEmpty, digits.count < 18 else { return nil }
            var value = 0
            for byte in digits {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let paragraph = inner[..<firstComma]
        guard !paragraph.contains(UInt8(ascii: " ")),
              let offset = number(rest[..<secondComma]),
              let length = number(rest[rest.index(after: secondComma)...]) else { return nil }
        return (String(Substring(paragraph)), offset, length)
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
