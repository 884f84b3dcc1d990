/// The characters an XML 1.0 document can hold: tab, line feed, carriage return, and every
/// other code point from U+0020 but the noncharacters U+FFFE and U+FFFF (surrogates never occur
/// in a Swift string). A value with any other is refused before it is written: once in a file,
/// no XML parser would read the file again.
public enum XMLCharacters {
    /// The first character of `value` that XML cannot hold, and its position (in characters
    /// from 1), or `nil` when there is none.
    public static func firstUnstorable(in value: String) -> (scalar: Unicode.Scalar, position: Int)? {
        // Most values are plain: look at the bytes first.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }) else { return nil }
        for (index, scalar) in value.unicodeScalars.enumerated() where !isStorable(scalar) {
            return (scalar, index + 1)
        }
        return nil
    }

    public static func isStorable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
    }

    /// `the control character U+0001` or `the noncharacter U+FFFE`.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return scalar.value >= 0xFFFE ? "the noncharacter \(code)" : "the control character \(code)"
    }
}
