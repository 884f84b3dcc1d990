/// Checks JSON text before it is decoded, for what Foundation's decoder says only as "The given
/// data was not valid JSON" or not at all: where the syntax breaks and what was expected there,
/// bytes that are not UTF-8, an escaped lone surrogate, nesting deeper than ``maximumDepth``, and
/// a key given twice in one object (Python keeps the last value, Foundation the first: Standoff
/// refuses rather than pick one).
struct JSONCheck {
    /// What is wrong, and at which byte of the text (counted from 1, as a column).
    struct Problem: Error, Equatable {
        var message: String
        var column: Int
    }

    static let maximumDepth = 100

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    /// The first problem of `text`, or nil when it is one well-formed JSON value.
    static func problem(in text: some Collection<UInt8>) -> Problem? {
        var check = JSONCheck(bytes: Array(text))
        do throws(Problem) {
            check.skipSpace()
            try check.value()
            check.skipSpace()
            if check.position < check.bytes.count { throw check.fail("text after the end of the JSON value") }
            return nil
        } catch {
            return error
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ message: String) -> Problem { Problem(message: message, column: position + 1) }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func value() throws(Problem) {
        guard position < bytes.count else { throw fail("the text ends where a value was expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try word("true")
        case UInt8(ascii: "f"): try word("false")
        case UInt8(ascii: "n"): try word("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fail("'\(Self.shown(bytes[position]))' where a value (an object, a list, a string, a number, true, false or null) was expected")
        }
    }

    private mutating func nest() throws(Problem) {
        depth += 1
        if depth > Self.maximumDepth { throw fail("lists and objects nested more than \(Self.maximumDepth) deep") }
    }

    private mutating func object() throws(Problem) {
        try nest()
        position += 1
        skipSpace()
        var keys = Set<[UInt8]>()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; depth -= 1; return }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("a key (a string) expected in an object") }
            let start = position
            let key = try string()
            if !keys.insert(key).inserted {
                position = start
                throw fail("the key \"\(String(decoding: key, as: UTF8.self))\" is given twice in one object (which value is meant?)")
            }
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("':' expected after a key") }
            position += 1
            skipSpace()
            try value()
            skipSpace()
            guard position < bytes.count else { throw fail("the text ends inside an object") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; depth -= 1; return }
            throw fail("',' or '}' expected in an object")
        }
    }

    private mutating func array() throws(Problem) {
        try nest()
        position += 1
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; depth -= 1; return }
        while true {
            skipSpace()
            try value()
            skipSpace()
            guard position < bytes.count else { throw fail("the text ends inside a list") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; depth -= 1; return }
            throw fail("',' or ']' expected in a list")
        }
    }

    /// A string's raw bytes (escapes as written), checked.
    private mutating func string() throws(Problem) -> [UInt8] {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let raw = Array(bytes[start..<position])
                position += 1
                return raw
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { throw fail("the text ends inside a string") }
                let escaped = bytes[position + 1]
                if escaped == UInt8(ascii: "u") {
                    guard let unit = hex(at: position + 2) else { throw fail("\\u must be followed by four hexadecimal digits") }
                    if (0xD800...0xDBFF).contains(unit) {
                        guard position + 7 < bytes.count, bytes[position + 6] == UInt8(ascii: "\\"), bytes[position + 7] == UInt8(ascii: "u"),
                              let low = hex(at: position + 8), (0xDC00...0xDFFF).contains(low) else {
                            throw fail("\\u\(String(unit, radix: 16)) is half of a surrogate pair without its other half: not a character")
                        }
                        position += 12
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw fail("\\u\(String(unit, radix: 16)) is half of a surrogate pair without its other half: not a character")
                    } else {
                        position += 6
                    }
                } else if [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                           UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t")].contains(escaped) {
                    position += 2
                } else {
                    throw fail("'\\\(Self.shown(escaped))' is no escape JSON knows")
                }
            case 0x00..<0x20:
                throw fail("a control character (U+\(String(byte, radix: 16, uppercase: true))) inside a string; write it escaped")
            case 0x80...:
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
                guard length > 0, position + length <= bytes.count,
                      String(validating: bytes[position..<(position + length)], as: UTF8.self) != nil else {
                    throw fail("bytes that are not UTF-8")
                }
                position += length
            default:
                position += 1
            }
        }
        throw fail("the text ends inside a string")
    }

    private func hex(at index: Int) -> Int? {
        guard index + 4 <= bytes.count else { return nil }
        return Int(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
    }

    private mutating func word(_ word: StaticString) throws(Problem) {
        let expected = Array(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        guard bytes.count >= position + expected.count, Array(bytes[position..<(position + expected.count)]) == expected else {
            throw fail("'\(Self.shown(bytes[position]))' where a value was expected (\(word) misspelt?)")
        }
        position += expected.count
    }

    private mutating func number() throws(Problem) {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) || [UInt8(ascii: "."), UInt8(ascii: "e"),
              UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[position]) {
            position += 1
            digits += 1
        }
        if digits == 0 || Double(String(decoding: bytes[start..<position], as: UTF8.self)) == nil {
            position = start
            throw fail("a malformed number")
        }
    }

    private static func shown(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
