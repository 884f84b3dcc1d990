import Foundation
import StandoffInterchange
import StandoffModel
import StandoffTEI
import StandoffValidation
import Testing
import TestSupport

/// Files other people's tools wrote (Tests/Fixtures/README.md says whose, and their licences):
/// each imports with every span on the text its file says, nothing dropped unsaid, and the TEI
/// written from it passes `validate`.
@Suite("Files written by other tools")
struct ThirdPartyFilesTests {
    let directory = TemporaryDirectory()

    static func brat(_ name: String, lossy: Bool = false) throws -> (document: Document, losses: Losses) {
        let base = Repository.fixture("third-party/medkit/\(name)")
        let text = String(decoding: Repository.read(base + ".txt"), as: UTF8.self)
        let annotations = String(decoding: Repository.read(base + ".ann"), as: UTF8.self)
        return try Brat.importDocument(annotations: annotations, text: text, id: "medkit-" + name, file: name + ".ann", lossy: lossy)
    }

    /// The text each annotation covers, by category and text, in text order.
    static func spans(_ document: Document, layer: Layer = .entity) -> [String] {
        document.annotations.filter { $0.layer == layer }.sorted { $0.start < $1.start }
            .map { "\($0.category?.rawValue ?? "-") \($0.ranges.map { document.text[$0] }.joined(separator: "…"))" }
    }

    /// The TEI written from `document` is read back whole and `validate` finds nothing wrong.
    func writesValidTEI(_ document: Document) throws {
        let path = directory.file("\(document.id).tei.xml")
        try TEIWriter.write(document, to: path)
        let report = Validator().validate(file: path)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        #expect(try TEIReader.load(path: path).annotations.count == document.annotations.count)
    }

    @Test func medkitsBratExampleKeepsDiscontinuousSpansRelationsAttributesAndNotes() throws {
        let (document, losses) = try Self.brat("1_example")
        #expect(Self.spans(document) == [
            "medication Lisinopril", "disease hypertension", "medication Levothyroxine", "disease Hypothyroidism",
            "vitamin vitamins A", "vitamin vitamins…D", "vitamin vitamins…E",
        ])
        func named(_ text: String) throws -> Annotation { try #require(document.annotations.first { document.text[$0.ranges[0]] == text && $0.ranges.count == 1 }) }
        let lisinopril = try named("Lisinopril"), hypertension = try named("hypertension")
        // R1 treats Arg1:T1 Arg2:T3 is a link; A1 negation R1 (said of the relation) a note.
        #expect(lisinopril.links == [Link(role: try LinkRole("treats"), target: .id(hypertension.id))])
        #expect(lisinopril.notes == ["C0011849", "treats \(hypertension.id): negation"])
        #expect(try named("Levothyroxine").notes == ["C3021755 C3021757", "treats \(try named("Hypothyroidism").id): severity=normal"])
        // A3 antecedent T4 (a binary attribute) is a feature.
        #expect(try named("Hypothyroidism").features == ["antecedent": "true"])
        #expect(hypertension.notes == ["To be reviewed"])
        #expect(losses.counts == ["relations with attributes or notes, kept as a note of their first argument (a link holds neither)": 2])
        #expect(losses.repairs == ["categories declared, as the file uses them": 3])
        try writesValidTEI(document)
    }

    @Test func medkitsFrenchCookbookFileFindsTheTextAfterAnAccentNearTheEnd() throws {
        // Found a SourceText fault: the text's last block of code points is as long in bytes as
        // 64 ASCII ones, and "déficience" [95, 105) was read one code point short.
        let (document, losses) = try Self.brat("doc_01")
        #expect(Self.spans(document) == ["medication Lisinopril", "disease hypertension", "disease déficience", "vitamin vitamines A", "vitamin vitamines…B"])
        let deficiency = try #require(document.annotations.first { $0.category == "disease" && $0.start == 95 })
        #expect(deficiency.ranges == [try TextRange(95, 105)] && deficiency.features == ["antecedent": "true"])
        #expect(losses.counts.isEmpty)
        try writesValidTEI(document)
    }

    @Test func anINCEpTIONExportBringsItsNamedEntitiesAtTheirUTF16Offsets() throws {
        let path = Repository.fixture("third-party/dkpro-cassis/cas_with_smileys.xmi")
        let (document, losses) = try XMI.importDocument(path: path, id: "huggingface", lossy: false)
        // The oracle: the sofa's UTF-16 units at the file's own begin and end.
        let xmi = String(decoding: Repository.read(path), as: UTF8.self)
        let units = Array(document.text.string.utf16)
        let expected = xmi.split(separator: "\n").filter { $0.contains("<type3:NamedEntity") }.map { line -> String in
            func number(_ name: String) -> Int { Int(line.split(separator: " ").first { $0.hasPrefix("\(name)=") }!.dropFirst(name.count + 2).dropLast())! }
            return "OTH " + String(decoding: units[number("begin")..<number("end")], as: UTF16.self)
        }
        #expect(expected == ["OTH Transformers", "OTH Transformers", "OTH Transformers", "OTH PyTorch", "OTH TensorFlow"])
        #expect(Self.spans(document) == expected)
        #expect(document.annotations.first { $0.layer == .entity }?.ranges == [try TextRange(2, 14)], "🤗 is one code point, two UTF-16 units")
        #expect(document.title == "huggingface.txt")
        #expect(document.annotations.filter { $0.layer.name == "token" }.count == 148)
        #expect(document.annotations.filter { $0.layer.name == "sentence" }.count == 3)
        #expect(losses.counts == ["CAS metadata (DocumentMetaData) left out": 1, "CAS metadata (TagsetDescription) left out": 4])
        #expect(losses.repairs["annotations of type Token imported as layer token"] == 148)
        try writesValidTEI(document)
    }

    @Test func uimaJavasEmojiReferenceFileLandsOnWholeCharacters() throws {
        let path = Repository.fixture("third-party/dkpro-cassis/casWithEmojiUnicodeTextAndAnnotations.xmi")
        let (document, losses) = try XMI.importDocument(path: path, id: "emoji", lossy: false)
        #expect(Self.spans(document, layer: try Layer("annotation")) == ["- 🥳", "- This", "- 👳🏻‍♀️", "- is", "- ✆", "- a", "- 🧔🏾‍♂️", "- test", "- 👻"])
        #expect(losses.repairs == ["annotations of type Annotation imported as layer annotation": 9])
        try writesValidTEI(document)
    }
}

/// What the brat and XMI importers refuse in files like those above, rather than guess.
@Suite("Other tools' files: refusals")
struct ThirdPartyRefusalTests {
    let directory = TemporaryDirectory()

    @Test(arguments: [
        ("T1\tPER 0 3\tKim\nR1\tmet Arg1:T1 Arg2:T9\n", 2, "T9"),
        ("T1\tPER 0 3\tKim\nA1\tNegated T4\n", 2, "T4"),
        ("T1\tPER 0 3\tKim\n#1\tAnnotatorNotes T2\tsee\n", 2, "T2"),
        ("T1\tPER 0 3\tKim\nN1\tReference R1 Wikidata:Q1\tKim\n", 2, "R1"),
    ])
    func aLineNamingAnIdTheFileLacksStopsTheImport(annotations: String, line: Int, id: String) throws {
        #expect { try Brat.importDocument(annotations: annotations, text: "Kim met Trump", id: "d", file: "d.ann", lossy: true) } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == line && error.message.contains("names \(id)") && error.description.hasPrefix("d.ann:\(line): ")
        }
    }

    @Test func anXMIStructureCoveringNoTextStopsUnlessLossy() throws {
        let path = directory.file("empty.xmi")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmlns:x="http:///org/example/x.ecore" xmi:version="2.0">
              <cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="Kim met Trump"/>
              <x:Marker xmi:id="2" sofa="1" begin="4" end="4"/>
              <x:Mention xmi:id="3" sofa="1" begin="8" end="13"/>
            </xmi:XMI>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try XMI.importDocument(path: path, id: "d", lossy: false) } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == 4 && error.message.contains("Marker (xmi:id 2) covers no text") && error.hint.contains("--lossy")
        }
        let (document, losses) = try XMI.importDocument(path: path, id: "d", lossy: true)
        #expect(document.annotations.map { document.text[$0.ranges[0]] } == ["Trump"])
        #expect(losses.counts == ["empty spans (Marker) left out": 1])
    }

    @Test func aCountOfOneReadsInTheSingular() {
        var losses = Losses()
        losses.lost(.entriesNamedByID)
        losses.lost(.dropped(AnnotationField.annotator), 2)
        losses.lost(.dropped(RegisterEntryField.aliases))
        losses.repaired(.categoriesDeclared)
        #expect(losses.summary(format: "brat") ==
                "brat: 2 annotations' annotator dropped; 1 register entry named only by id (their names were not in the file); 1 register entry's aliases dropped; 1 category declared, as the file uses them")
    }
}
