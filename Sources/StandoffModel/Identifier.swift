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
        guard let first = text.unicodeScalars.first else { return false }
        guard first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
        }
    }

    /// Orders ids with a numeric suffix by that number (`ent2` before `ent10`), others by text.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        let (lp, ln) = lhs.prefixAndNumber
        let (rp, rn) = rhs.prefixAndNumber
        if lp != rp { return lhs.rawValue < rhs.rawValue }
        switch (ln, rn) {
        case let (l?, r?): return l != r ? l < r : lhs.rawValue < rhs.rawValue
        default: return lhs.rawValue < rhs.rawValue
        }
    }

    /// `("ent", 12)` for `ent12`; `(rawValue, nil)` without a numeric suffix.
    public var prefixAndNumber: (prefix: String, number: Int?) {
        let digits = rawValue.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 18 else { return (rawValue, nil) }
        return (String(rawValue.dropLast(digits.count)), Int(String(digits.reversed())))
    }
}
