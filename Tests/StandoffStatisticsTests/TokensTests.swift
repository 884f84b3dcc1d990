import StandoffModel
import Testing

/// Tokens, defined once (docs/STATISTICS.md), agree with Python's `re.findall(r"\w+|[^\w\s]", text)`
/// on text without combining marks; the expected lists below are Python's output.
@Suite("Tokens")
struct TokensTests {
    func tokens(_ text: String) -> [String] {
        let source = SourceText(text)
        let tokens = Tokens(source)
        return (0..<tokens.count).map { source[try! TextRange(Int(tokens.starts[$0]), Int(tokens.ends[$0]))] }
    }

    @Test func asPythonSplitsThem() {
        #expect(tokens("Kim's 2019 summit—U.S. “hardest counterattacks”")
            == ["Kim", "'", "s", "2019", "summit", "—", "U", ".", "S", ".", "“", "hardest", "counterattacks", "”"])
        #expect(tokens("snake_case x²  ½ 北京市 ٣٤ e-mail") == ["snake_case", "x²", "½", "北京市", "٣٤", "e", "-", "mail"])
        #expect(tokens("") == [] && tokens(" \t ") == [])
    }

    /// Every ASCII character, and the white space beyond it, split as Python's `\s` and `\w` do:
    /// control characters and separators U+001C–U+001F are space, the rest of C0 a token each.
    @Test func everyASCIICharacterAndUnicodeSpace() {
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        let spaces: Set<Int> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20]
        for (value, character) in ascii.enumerated() {
            let isWord = character.unicodeScalars.first!.properties.isAlphabetic || (0x30...0x39).contains(value) || value == 0x5F
            let expected = spaces.contains(value) ? ["a", "b"] : isWord ? ["a\(character)b"] : ["a", character, "b"]
            #expect(tokens("a\(character)b") == expected, "U+\(String(value, radix: 16))")
        }
        #expect(tokens("a\u{85}b\u{A0}c\u{2003}d\u{3000}e\u{2028}f") == ["a", "b", "c", "d", "e", "f"])
    }

    @Test func aCombiningMarkStaysWithItsToken() {
        // Python gives ['Cafe', '́', 'au', 'lait'] for the decomposed form; one token is what a reader sees.
        #expect(tokens("Cafe\u{301} au lait") == ["Cafe\u{301}", "au", "lait"])
        #expect(tokens("Caf\u{E9}s") == ["Caf\u{E9}s"] && tokens("Cafe\u{301}s") == ["Cafe\u{301}s"])
    }

    @Test func countsTheTokensARangeTouches() {
        let text = SourceText("Kim met Trump.")
        let tokens = Tokens(text)
        #expect(tokens.count == 4)
        #expect(tokens.count(in: try! TextRange(0, 3)) == 1)
        #expect(tokens.count(in: try! TextRange(2, 5)) == 2, "a part of a token counts")
        #expect(tokens.count(in: try! TextRange(3, 4)) == 0, "white space alone touches none")
        #expect(tokens.count(in: try! TextRange(8, 14)) == 2)
    }
}
