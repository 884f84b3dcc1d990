/// JSON written straight into bytes, as `JSONEncoder` writes it (pretty with sorted keys for
/// `list`, compact with sorted keys for the W3C export; tests compare both with the encoder):
/// the encoder's boxing was most of the time of those commands.
extension Array where Element == UInt8 {
    /// A compact JSON object as `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes` writes
    /// it: `{"key":value,…}`, the members sorted by key.
    public mutating func appendCompactJSONObject(_ members: [(String, (inout [UInt8]) -> Void)]) {
        append(UInt8(ascii: "{"))
        for (index, member) in members.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            appendJSONString(member.0)
            append(UInt8(ascii: ":"))
            member.1(&self)
        }
        append(UInt8(ascii: "}"))
    }

    /// A compact JSON array: `[value,…]`.
    public mutating func appendCompactJSONArray<T>(_ values: [T], _ element: (inout [UInt8], T) -> Void) {
        append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            element(&self, value)
        }
        append(UInt8(ascii: "]"))
    }

    /// `{`, each member `"key" : value` on a line of its own, `}`; an empty object as
    /// `JSONEncoder` prints it (`{`, an empty line, `}`).
    mutating func appendJSONObject(_ members: [(String, (inout [UInt8], Int) -> Void)], indent: Int) {
        append(UInt8(ascii: "{"))
        append(0x0A)
        for (index, member) in members.enumerated() {
            append(contentsOf: repeatElement(0x20, count: indent + 2))
            appendJSONString(member.0)
            append(contentsOf: " : ".utf8)
            member.1(&self, indent + 2)
            if index < members.count - 1 { append(UInt8(ascii: ",")) }
            append(0x0A)
        }
        if members.isEmpty { append(0x0A) }
        append(contentsOf: repeatElement(0x20, count: indent))
        append(UInt8(ascii: "}"))
    }

    mutating func appendJSONArray(_ count: Int, indent: Int, element: (inout [UInt8], Int, Int) -> Void) {
        append(UInt8(ascii: "["))
        append(0x0A)
        for index in 0..<count {
            append(contentsOf: repeatElement(0x20, count: indent + 2))
            element(&self, index, indent + 2)
            if index < count - 1 { append(UInt8(ascii: ",")) }
            append(0x0A)
        }
        if count == 0 { append(0x0A) }
        append(contentsOf: repeatElement(0x20, count: indent))
        append(UInt8(ascii: "]"))
    }

    /// A JSON string as `JSONEncoder` writes it: `"` and `\\` escaped, control characters as
    /// `\b \f \n \r \t` or `\u00xx` (lowercase), everything else (slashes among it) as is.
    public mutating func appendJSONString(_ value: String) {
        append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): append(contentsOf: "\\\\".utf8)
            case 0x08: append(contentsOf: "\\b".utf8)
            case 0x0C: append(contentsOf: "\\f".utf8)
            case 0x0A: append(contentsOf: "\\n".utf8)
            case 0x0D: append(contentsOf: "\\r".utf8)
            case 0x09: append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append(contentsOf: "\\u00".utf8)
                append(hex[Int(byte >> 4)])
                append(hex[Int(byte & 0x0F)])
            default: append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }
}
