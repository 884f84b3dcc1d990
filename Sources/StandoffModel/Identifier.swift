/// The id of anything a document declares: annotations, register entries, categories,
/// taxonomies, annotators, paragraphs.
///
/// Ids share one namespace per document. They start with a letter or `_` and go on with letters,
/// digits, `-`, `_` or `.`, so that they are usable as XML ids and in URLs without escaping.
public struct Identifier: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) throws(ModelError) {
        guard Identifier.isValid(rawValue) else { throw .invalidIdentifier(rawValue) }
        self.rawValue = rawValue
    }

    /// For literals in code; an invalid literal is a programming error.
    public init(stringLiteral value: String) {
        precondition(Identifier.isValid(value), "invalid identifier literal \(value)")
        self.rawValue = value
    }

    public var description: String { rawValue }

    public static func isValid(_ text: String) -> Bool {
        // Almost every id is ASCII: decide on the bytes, and look at scalars only otherwise.
        let ascii = text.utf8.withContiguousStorageIfAvailable { isValid(asciiBytes: $0) } ?? isValid(asciiBytes: text.utf8)
        if let ascii { return ascii }
        guard let first = text.unicodeScalars.first else { return false }
        guard first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
        }
    }

    /// Whether ASCII `bytes` spell a valid id; `nil` if they are not all ASCII (ask ``isValid(_:)``).
    @inlinable
    public static func isValid<Bytes: Sequence>(asciiBytes bytes: Bytes) -> Bool? where Bytes.Element == UInt8 {
        var valid = true
        var isFirst = true
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let ok = isFirst
                ? letter || byte == UInt8(ascii: "_")
                : letter || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            if !ok { valid = false }
            isFirst = false
        }
        return valid && !isFirst
    }

    /// Orders ids with a numeric suffix by that number (`ent2` before `ent10`), others by text.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        let (lp, ln) = split(lhs.rawValue)
        let (rp, rn) = split(rhs.rawValue)
        if !lp.elementsEqual(rp) { return lhs.rawValue < rhs.rawValue }
        switch (ln, rn) {
        case let (l?, r?): return l != r ? l < r : lhs.rawValue < rhs.rawValue
        default: return lhs.rawValue < rhs.rawValue
        }
    }

    /// `("ent", 12)` for `ent12`; `(rawValue, nil)` without a numeric suffix.
    public var prefixAndNumber: (prefix: String, number: Int?) {
        let (prefix, number) = Identifier.split(rawValue)
        return (String(Substring(prefix)), number)
    }

    /// The text before a trailing run of ASCII digits, and the number they spell.
    private static func split(_ text: String) -> (prefix: Substring.UTF8View, number: Int?) {
        let bytes = text.utf8
        var start = bytes.endIndex
        var value = 0
        var count = 0
        while start > bytes.startIndex {
            let before = bytes.index(before: start)
            let byte = bytes[before]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            count += 1
            guard count < 18 else { return (Substring(text).utf8, nil) }
            start = before
        }
        guard count > 0 else { return (Substring(text).utf8, nil) }
        for byte in bytes[start...] { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
        return (Substring(text)[..<start].utf8, value)
    }
}
