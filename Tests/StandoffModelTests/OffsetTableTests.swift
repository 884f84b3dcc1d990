import StandoffModel
import Testing

@Suite("OffsetTable: code points to and from UTF-8 and UTF-16")
struct OffsetTableTests {
    // a(1 byte) é(2) —(3) 😀(4 bytes, 2 UTF-16 units) e+◌́ (1+2) z
    let text = SourceText("aé—😀e\u{301}z")

    @Test func convertsCodePointsToUTF8AndUTF16() throws {
        let table = OffsetTable(text)
        #expect(table.codePointCount == 7)
        #expect(try (0...7).map { try table.utf8Offset(ofCodePoint: $0) } == [0, 1, 3, 6, 10, 11, 13, 14])
        #expect(try (0...7).map { try table.utf16Offset(ofCodePoint: $0) } == [0, 1, 2, 3, 5, 6, 7, 8])
        #expect(try table.utf8Range(of: TextRange(3, 4)) == 6..<10)
        #expect(try table.utf16Range(of: TextRange(3, 4)) == 3..<5)
    }

    @Test func convertsBackAndAgreesWithSwiftsViews() throws {
        let table = OffsetTable(text)
        for codePoint in 0...7 {
            #expect(try table.codePointOffset(utf8: table.utf8Offset(ofCodePoint: codePoint)) == codePoint)
            #expect(try table.codePointOffset(utf16: table.utf16Offset(ofCodePoint: codePoint)) == codePoint)
        }
        #expect(try table.utf8Offset(ofCodePoint: 7) == text.string.utf8.count)
        #expect(try table.utf16Offset(ofCodePoint: 7) == text.string.utf16.count)
    }

    @Test func refusesOffsetsInsideACharacter() {
        let table = OffsetTable(text)
        #expect(throws: ModelError.offsetInsideCharacter(2, unit: "UTF-8 byte")) { try table.codePointOffset(utf8: 2) }
        #expect(throws: ModelError.offsetInsideCharacter(4, unit: "UTF-16 unit")) { try table.codePointOffset(utf16: 4) }
        #expect(throws: ModelError.offsetOutOfBounds(15, unit: "UTF-8 byte", limit: 14)) { try table.codePointOffset(utf8: 15) }
        #expect(throws: ModelError.offsetOutOfBounds(8, unit: "code point", limit: 7)) { try table.utf8Offset(ofCodePoint: 8) }
    }
}
