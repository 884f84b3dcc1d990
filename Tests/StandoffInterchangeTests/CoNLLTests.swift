import StandoffInterchange
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// CoNLL columns: whole tokens, one chunk a range, the outer of overlapping spans, all counted.
@Suite("CoNLL")
struct CoNLLTests {
    func document() throws -> Document {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim Jong Un met Trump.\nNo deal."))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 11)]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(0, 3)]))     // nested: dropped
        try document.add(Annotation(id: "ent3", layer: .entity, category: "PER", ranges: [TextRange(16, 20)]))   // "Trum": widened
        try document.add(Annotation(id: "err1", layer: .error, category: "grammar", ranges: [TextRange(23, 25)]))
        return document
    }

    @Test func bioTagsWholeTokensAndCountsWhatItCannotHold() throws {
        let (text, losses) = CoNLL.export(try document(), scheme: .bio)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(9) == ["-DOCSTART- -X- -X- O", "", "Kim _ _ B-PER", "Jong _ _ I-PER", "Un _ _ I-PER", "met _ _ O", "Trump _ _ B-PER", ". _ _ O", ""])
        #expect(lines.suffix(4) == ["No _ _ O", "deal _ _ O", ". _ _ O", ""])
        #expect(losses.counts == ["nested or overlapping entity spans dropped": 1, "spans not on token boundaries widened to whole tokens": 1,
                                  "annotations of other layers left out (one layer a file)": 1, "document titles dropped": 1])
    }

    /// The streamed export (annotations one at a time, as the reader gives them) is the export:
    /// the same bytes and the same losses, in whatever order the annotations come.
    @Test(arguments: [(Layer.entity, CoNLL.Scheme.bio), (.entity, .bioes), (.error, .bio)])
    func theTaggerFedInAnyOrderWritesWhatTheExportWrites(layer: Layer, scheme: CoNLL.Scheme) throws {
        let document = try TEIReader.load(path: Repository.shippedAnnotations)
        let (expected, expectedLosses) = CoNLL.export(document, layer: layer, scheme: scheme)
        var generator = SeededGenerator(seed: 7)
        let declarations = try Document(id: document.id, title: document.title, language: document.language, text: document.text,
                                        paragraphIDs: document.paragraphIDs, source: document.source, taxonomies: document.taxonomies)
        var withRegisters = declarations
        for register in document.registers { for entry in register.entries { try withRegisters.add(entry) } }
        for annotator in document.annotators { try withRegisters.declare(annotator) }
        let tagger = CoNLL.Tagger(declarations: withRegisters, layer: layer, scheme: scheme)
        for annotation in document.annotations.shuffled(using: &generator) { tagger.add(annotation) }
        var written: [[UInt8]] = []
        let losses = tagger.finish(revisions: document.revisions, preserved: document.preserved) { written.append($0) }
        #expect(String(decoding: written.joined(), as: UTF8.self) == expected)
        #expect(written.count == 1, "a small file in one piece")
        #expect(losses == expectedLosses, "\(losses.counts) against \(expectedLosses.counts)")
    }

    @Test func bioesMarksSinglesAndEnds() throws {
        let (text, _) = CoNLL.export(try document(), scheme: .bioes)
        #expect(text.contains("Kim _ _ B-PER\nJong _ _ I-PER\nUn _ _ E-PER\n") && text.contains("Trump _ _ S-PER\n"))
    }
}
