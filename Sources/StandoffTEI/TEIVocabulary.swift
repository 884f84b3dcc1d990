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
        guard token.hasPrefix(prefix), token.hasSuffix(")") else { return nil }
        let inner = token.dropFirst(prefix.count).dropLast()
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " ") }
        guard parts.count == 3, !parts[0].isEmpty, let offset = Int(parts[1]), let length = Int(parts[2]) else { return nil }
        return (String(parts[0]), offset, length)
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
