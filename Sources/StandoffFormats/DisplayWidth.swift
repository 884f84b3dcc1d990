/// How many terminal columns text takes: characters (grapheme clusters, so a letter with its
/// combining accent, or a ZWJ emoji sequence, is one), two for wide East Asian characters and
/// emoji, none for zero-width ones. Tables measure and pad by this, never by bytes or UTF-16.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII, most cells of most tables, is one column a byte: no Unicode lookups.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        guard let first = character.unicodeScalars.first else { return 0 }
        let scalars = character.unicodeScalars
        if scalars.count == 1, isZeroWidth(first) { return 0 }
        if first.properties.isEmojiPresentation || scalars.contains("\u{FE0F}") && first.properties.isEmoji || scalars.contains("\u{200D}") {
            return 2
        }
        return isWide(first.value) ? 2 : 1
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: true
        default: scalar.value == 0x200B
        }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F, in ranges).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut; whole characters only.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard text.utf8.count > width, of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let next = of(character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    /// `text` followed by spaces up to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }
}

extension DisplayWidth {
    /// `text` made safe to print in a table row: a line break as `⏎`, a tab and the other
    /// control characters as their Unicode control pictures (`␉`, `␀`, …, `␡`), and the
    /// bidirectional controls, which would reorder the rest of the row in a terminal, as
    /// `<U+202E>`. Other text is unchanged.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result.append("⏎")
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("␡")
            case _ where isBidiControl(scalar):
                result.append(contentsOf: "<U+\(String(scalar.value, radix: 16, uppercase: true))>".unicodeScalars)
            case 0x80..<0xA0: result.append(contentsOf: "<U+\(String(format: "%04X", scalar.value))>".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || isBidiControl(scalar)
    }

    /// U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: the characters that change the
    /// direction of what follows them.
    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
