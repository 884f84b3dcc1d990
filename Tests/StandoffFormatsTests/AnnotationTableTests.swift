import StandoffFormats
import StandoffModel
import Testing

/// `list` tells the text at each range as it is now, and lines up whatever the text holds.
@Suite("The annotation table and display width")
struct AnnotationTableTests {
    @Test func theTextAtTheRangeIsShownAndADifferentSnapshotIsFlagged() throws {
        var document = try Document(id: "d", title: "", text: SourceText("President Donald Trump met Kim."))
        // Recorded as "Donald Trump", but the range is one code point off.
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(11, 23)], snapshot: ["Donald Trump"]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(27, 30)]))
        let table = AnnotationTable.render(document.sortedAnnotations(), in: document)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[1].contains("onald Trump ") && lines[1].contains("≠ recorded \"Donald Trump\""), "\(table)")
        #expect(lines[2].contains("Kim") && !lines[2].contains("≠"))
        #expect(lines.last == "2 annotations; 1 with text that differs from the recorded snapshot (≠): check with `standoff validate` (SO402)")
        let json = JSONAnnotation(try #require(document.annotation("ent1")), in: document)
        #expect(json.text == ["onald Trump "])
        #expect(json.snapshot == ["Donald Trump"] && json.snapshotMismatch == true)
        let clean = JSONAnnotation(try #require(document.annotation("ent2")), in: document)
        #expect(clean.text == ["Kim"] && clean.snapshot == nil && clean.snapshotMismatch == nil)
    }

    @Test(arguments: [
        ("abc", 3), ("Cafe\u{301}", 4), ("Café", 4), ("👩‍👩‍👧", 2), ("❤️", 2), ("北京", 4), ("ｈｉ", 4), ("a\u{200B}b", 2), ("🇰🇵", 2),
    ])
    func displayWidthCountsColumns(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func columnsLineUpWhateverTheTextHolds() throws {
        var document = try Document(id: "d", title: "", text: SourceText("Cafe\u{301} 👩‍👩‍👧 北京 plain"))
        try document.add(Annotation(id: "e1", layer: .entity, category: "MISC", ranges: [TextRange(0, 5)]))
        try document.add(Annotation(id: "e2", layer: .entity, category: "MISC", ranges: [TextRange(6, 11)]))
        try document.add(Annotation(id: "e3", layer: .entity, category: "MISC", ranges: [TextRange(12, 14)]))
        try document.add(Annotation(id: "e4", layer: .entity, category: "MISC", ranges: [TextRange(15, 20)]))
        let lines = AnnotationTable.render(document.sortedAnnotations(), in: document).split(separator: "\n").map(String.init).dropLast()
        // The DETAILS column (empty here) follows TEXT: every row's TEXT cell ends at the same column.
        let textColumn = try #require(lines.first?.range(of: "TEXT")).lowerBound
        let starts = lines.map { DisplayWidth.of(String($0[..<textColumn])) }
        #expect(Set(starts).count == 1)
        #expect(lines.contains { $0.hasSuffix("Cafe\u{301}") } && lines.contains { $0.hasSuffix("👩‍👩‍👧") })
        let truncated = DisplayWidth.truncate(String(repeating: "北", count: 30), to: 11)
        #expect(truncated == String(repeating: "北", count: 5) + "…" && DisplayWidth.of(truncated) == 11)
    }

    @Test func crossingSpansOpenWithTheirIds() throws {
        var document = try Document(id: "d", title: "", text: SourceText("alpha beta gamma delta"))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "MISC", ranges: [TextRange(0, 16)]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(6, 22)]))
        try document.add(Annotation(id: "ent3", layer: .entity, category: "ORG", ranges: [TextRange(6, 10)]))
        let text = InlineMarkup(style: .brackets).render(document, annotations: document.sortedAnnotations())
        #expect(text == "[^ent1 alpha [^ent2 [beta]{ent3 ORG} gamma]{ent1 MISC} delta]{ent2 PER}")
    }

    /// A tab, a control character or a bidirectional override in the text would break the
    /// columns or reverse the rest of the row in a terminal: each is shown escaped.
    @Test func controlAndBidirectionalCharactersAreShownEscaped() throws {
        #expect(DisplayWidth.escaped("a\tb\nc\u{202E}d\u{7F}\u{1}") == "a␉b⏎c<U+202E>d␡␁")
        #expect(DisplayWidth.escaped("Café 北京 \u{200D}") == "Café 北京 \u{200D}")
        var document = try Document(id: "d", title: "", text: SourceText("Kim\tmet \u{202E}Trump in Hanoi."))
        try document.add(Annotation(id: "e1", layer: .entity, category: "PER", ranges: [TextRange(0, 15)]))
        try document.add(Annotation(id: "e2", layer: .entity, category: "GPE", ranges: [TextRange(18, 23)]))
        let lines = AnnotationTable.render(document.sortedAnnotations(), in: document).split(separator: "\n").map(String.init)
        #expect(lines[1].contains("Kim␉met <U+202E>Trump"), "\(lines[1])")
        #expect(!lines.joined().contains("\t") && !lines.joined().contains("\u{202E}"))
        // The columns still line up.
        let textColumn = try #require(lines[0].range(of: "TEXT")).lowerBound.utf16Offset(in: lines[0])
        #expect(lines[2].dropFirst(textColumn).hasPrefix("Hanoi"), "\(lines)")
    }
}
