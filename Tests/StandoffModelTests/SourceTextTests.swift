import Foundation
import StandoffModel
import Testing
import TestSupport

@Suite("SourceText: paragraphs, slicing, search and hashing in code points")
struct SourceTextTests {
    @Test func splitsParagraphsAtNewlinesAndJoinsBackExactly() throws {
        let text = SourceText("one\ntwo\n\nfour\n")
        #expect(text.paragraphs.map { text[$0] } == ["one", "two", "", "four", ""])
        #expect(try SourceText(paragraphs: ["one", "two", "", "four", ""]).string == "one\ntwo\n\nfour\n")
        #expect(text.paragraphs[1] == (try TextRange(4, 7)))
        // Code points of two, three and four UTF-8 bytes around the breaks.
        let wide = SourceText("é\n😀x\n—\u{301}")
        #expect((0..<wide.count).map(wide.scalar(at:)) == Array("é\n😀x\n—\u{301}".unicodeScalars))
        #expect(wide.paragraphs.map { wide[$0] } == ["é", "😀x", "—\u{301}"])
        #expect(wide.paragraphs == [try TextRange(0, 1), try TextRange(2, 4), try TextRange(5, 7)])
    }

    @Test func findsCodePointsAcrossCheckpointsAsACodePointArrayWould() throws {
        // Blocks of 64 code points: all ASCII, mixed widths, ASCII with one wider code point, a
        // block boundary inside a run of four-byte code points, and a text that ends mid-block.
        var generator = SeededGenerator(seed: 7)
        let alphabet: [Unicode.Scalar] = ["a", "b", " ", "\n", "é", "—", "“", "😀", "\u{301}", "🇰"]
        for length in [0, 1, 63, 64, 65, 127, 128, 129, 1000] {
            for mode in ["ascii", "mixed", "ascii but one"] {
                var scalars = (0..<length).map { _ in mode == "mixed" ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : alphabet[Int(generator.next() % 4)] }
                // One wider code point in ASCII: a block then has fewer code points than bytes.
                if mode == "ascii but one", length > 0 { scalars[Int(generator.next() % UInt64(length))] = alphabet[4 + Int(generator.next() % 6)] }
                var string = ""
                string.unicodeScalars.append(contentsOf: scalars)
                let text = SourceText(string)
                #expect(text.count == scalars.count)
                #expect((0..<text.count).map(text.scalar(at:)) == scalars)
                for offset in 1..<max(1, text.count) {
                    let around = text.scalars(around: offset)
                    #expect(around.before == scalars[offset - 1] && around.after == scalars[offset])
                }
                for _ in 0..<50 where length > 0 {
                    let a = Int(generator.next() % UInt64(length + 1)), b = Int(generator.next() % UInt64(length + 1))
                    let range = try TextRange(min(a, b), max(a, b))
                    var expected = ""
                    expected.unicodeScalars.append(contentsOf: scalars[range.start..<range.end])
                    #expect(text[range] == expected)
                    #expect(text.matches(expected, at: range))
                    #expect(text.occurrences(of: expected).contains(range) || expected.isEmpty)
                    #expect(text.isParagraphBreak(range.start) == (range.start < length && scalars[range.start] == "\n"))
                }
            }
        }
    }


    @Test func findsCodePointsInALastBlockAsLongInBytesAsAFullBlockOfASCII() throws {
        // Found by a real brat file (medkit's doc_01): 127 code points, the last block 63 of
        // them with one "é", so 64 bytes, which read as 64 ASCII code points put every offset
        // after the "é" one code point late.
        let tail = "une déficience en vitamines A et B. Le patient est pris en ch.\n"
        let string = String(repeating: "x", count: 64) + tail
        let text = SourceText(string)
        #expect(text.count == 64 + tail.unicodeScalars.count)
        #expect(string.utf8.count - 64 == 64)
        let start = 64 + 4
        #expect(text[try TextRange(start, start + 10)] == "déficience")
        #expect(text.scalar(at: text.count - 1) == "\n")
        #expect(text[try TextRange(text.count - 3, text.count)] == "h.\n")
    }
    @Test func refusesParagraphsContainingNewlines() {
        #expect(throws: ModelError.newlineInParagraph(index: 1)) { try SourceText(paragraphs: ["a", "b\nc"]) }
    }

    @Test func countsCodePointsNotGraphemesOrBytes() throws {
        // e + U+0301 is one grapheme but two code points; 😀 is one code point, four UTF-8 bytes, two UTF-16 units.
        let text = SourceText("café cafe\u{301} 😀 “q” — 🇰🇵")
        #expect(text.count == 21)
        #expect(text[try TextRange(5, 10)] == "cafe\u{301}")
        #expect(text[try TextRange(11, 12)] == "😀")
        #expect(text[try TextRange(13, 16)] == "“q”")
        #expect(text[try TextRange(17, 18)] == "—")
        #expect(text[try TextRange(19, 21)] == "🇰🇵")
    }

    @Test func matchesTextAtARangeCodePointForCodePoint() throws {
        let text = SourceText("Kim said “café” — cafe\u{301}.")
        #expect(text.matches("Kim", at: try TextRange(0, 3)))
        #expect(!text.matches("Kin", at: try TextRange(0, 3)))
        #expect(!text.matches("Ki", at: try TextRange(0, 3)))  // shorter
        #expect(!text.matches("Kim ", at: try TextRange(0, 3)))  // longer
        #expect(text.matches("“café”", at: try TextRange(9, 15)))
        #expect(!text.matches("\"café\"", at: try TextRange(9, 15)))
        // Same letters, other code points: a precomposed é is not e + U+0301.
        #expect(text.matches("cafe\u{301}", at: try TextRange(18, 23)))
        #expect(!text.matches("café", at: try TextRange(18, 23)))
        #expect(!text.matches("Kim", at: try TextRange(28, 31)))  // past the end
    }

    @Test func findsEveryOccurrenceInOrder() throws {
        let text = SourceText("Kim met Kim; “Kim”.")
        #expect(text.occurrences(of: "Kim") == [try TextRange(0, 3), try TextRange(8, 11), try TextRange(14, 17)])
        #expect(text.occurrences(of: "“Kim”") == [try TextRange(13, 18)])
        #expect(text.occurrences(of: "Putin").isEmpty)
        #expect(SourceText("aaa").occurrences(of: "aa").count == 2)
    }

    @Test func cutsRangesAtParagraphBreaksAndJoinsThemBack() throws {
        let text = SourceText("abc\n\ndef\nghi")
        let range = try TextRange(1, 7)  // "bc\n\nde"
        let pieces = text.paragraphPieces(of: range)
        #expect(pieces.map(\.paragraph) == [0, 2])
        #expect(pieces.map(\.local) == [try TextRange(1, 3), try TextRange(0, 2)])
        let absolute = pieces.map { try! TextRange(text.paragraphs[$0.paragraph].start + $0.local.start, text.paragraphs[$0.paragraph].start + $0.local.end) }
        #expect(text.joiningPieces(absolute) == [range])
        // Two ranges with text between them stay apart.
        #expect(text.joiningPieces([try TextRange(0, 1), try TextRange(2, 3)]).count == 2)
    }

    @Test func hashesTheUTF8Bytes() {
        #expect(SourceText("abc").sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SourceText("").sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func mapsOffsetsToParagraphs() {
        let text = SourceText("ab\ncd\nef")
        #expect(text.paragraphIndex(containing: 0) == 0)
        #expect(text.paragraphIndex(containing: 2) == 0)  // the break belongs to the paragraph before
        #expect(text.paragraphIndex(containing: 3) == 1)
        #expect(text.paragraphIndex(containing: 8) == 2)
    }
}

@Suite("TextRange: half-open code-point spans")
struct TextRangeTests {
    @Test func rejectsNegativeAndReversedRanges() {
        #expect(throws: ModelError.invalidRange(start: -1, end: 3)) { try TextRange(-1, 3) }
        #expect(throws: ModelError.invalidRange(start: 5, end: 3)) { try TextRange(5, 3) }
    }

    @Test func parsesStartColonEnd() throws {
        #expect(try TextRange(parsing: "10:25") == TextRange(10, 25))
        #expect(throws: ModelError.malformedRange("10-25")) { try TextRange(parsing: "10-25") }
        #expect(throws: ModelError.malformedRange("10:")) { try TextRange(parsing: "10:") }
    }

    @Test func knowsOverlapAndContainment() throws {
        let a = try TextRange(0, 5)
        #expect(a.contains(4) && !a.contains(5))
        #expect(a.overlaps(try TextRange(4, 8)))
        #expect(!a.overlaps(try TextRange(5, 8)))
        #expect(a.length == 5)
    }
}
