/// The tokens of a text, defined once for statistics, agreement and token-based exports
/// (docs/STATISTICS.md): a maximal run of word characters (letters, numbers and `_`, as
/// Python's `\w` counts them), or any other single code point that is not white space. On text
/// without combining marks this is exactly Python's `re.findall(r"\w+|[^\w\s]", text)`. A
/// combining mark (Unicode categories Mn, Mc, Me) stays with the token it follows, so "Café"
/// is one token whether its accent is composed or not; Python would split the decomposed form.
public struct Tokens: Sendable {
    /// Where each token starts and ends, in code points (half-open), in text order.
    public let starts: [Int32]
    public let ends: [Int32]

    public var count: Int { starts.count }

    public init(_ text: SourceText) {
        var starts: [Int32] = []
        var ends: [Int32] = []
        starts.reserveCapacity(text.count / 5)
        ends.reserveCapacity(text.count / 5)
        var inWord = false
        var offset: Int32 = 0
        for scalar in text.string.unicodeScalars {
            if Self.isWord(scalar) {
                if !inWord { starts.append(offset); ends.append(offset + 1); inWord = true } else { ends[ends.count - 1] = offset + 1 }
            } else if Self.isMark(scalar), !starts.isEmpty, ends[ends.count - 1] == offset {
                // A combining mark joins the token it follows (a word's accent, or a symbol's).
                ends[ends.count - 1] = offset + 1
            } else if Self.isSpace(scalar) {
                inWord = false
            } else {
                starts.append(offset)
                ends.append(offset + 1)
                inWord = false
            }
            offset += 1
        }
        self.starts = starts
        self.ends = ends
    }

    /// How many tokens `range` touches (a token counts when one of its code points is in it).
    public func count(in range: TextRange) -> Int {
        firstIndex(endingAfter: range.start).distance(to: firstIndex(startingAtOrAfter: range.end))
    }

    /// The index of the first token whose end lies after `offset`.
    public func firstIndex(endingAfter offset: Int) -> Int {
        var (low, high) = (0, ends.count)
        while low < high {
            let middle = (low + high) / 2
            if Int(ends[middle]) <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first token that starts at or after `offset`.
    public func firstIndex(startingAtOrAfter offset: Int) -> Int {
        var (low, high) = (0, starts.count)
        while low < high {
            let middle = (low + high) / 2
            if Int(starts[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Letters (L*), numbers (N*: what Python's `str.isalnum` accepts) and `_`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// White space as Python's `\s` counts it: Unicode's White_Space, and the separators
    /// U+001C–U+001F.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII without the property lookup (a tenth of `stats` on a large file went to it).
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) || (0x1C...0x1F).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}
