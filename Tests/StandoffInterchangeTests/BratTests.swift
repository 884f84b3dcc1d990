import Foundation
import StandoffInterchange
import StandoffModel
import StandoffTEI
import Testing
import TestSupport

/// brat out and back: the annotations return but for what the loss table lists (ids are
/// renumbered); offsets are checked; what Standoff cannot hold stops the import unless lossy.
@Suite("brat")
struct BratTests {
    /// The two passes of the streamed export must see the same annotations: a file replaced
    /// between them stops the export instead of writing lines that point at nothing.
    @Test func aFileChangedBetweenThePassesStopsTheExport() throws {
        let document = try TEIReader.load(path: Self.shipped)
        let annotations = document.sortedAnnotations()
        let stream = Brat.Stream(declarations: document)
        stream.begin(pass: 1)
        for annotation in annotations { #expect(try stream.add(annotation) { _ in }) }
        stream.begin(pass: 2)
        #expect(throws: StreamingExportError.self) {
            for annotation in annotations.dropFirst() { _ = try stream.add(annotation) { _ in } }
        }
        let short = Brat.Stream(declarations: document)
        short.begin(pass: 1)
        for annotation in annotations { _ = try short.add(annotation) { _ in } }
        short.begin(pass: 2)
        for annotation in annotations.dropLast() { _ = try short.add(annotation) { _ in } }
        #expect(throws: StreamingExportError.self) { try short.finish(revisions: [], preserved: PreservedContent()) { _ in } }
    }

    @Test func aSpanAcrossALineBreakIsWrittenAsBratDoesAndReadBackWhole() throws {
        // brat's .ann holds one annotation a line, brat checks a span's text against the text
        // exactly, and it reads the .txt in Python's text mode (each \r\n a \n): a span across a
        // break is the pieces between the breaks, counted on the text as brat reads it.
        let original = SourceText("Kim met\r\nTrump. Then\nthey left.")
        var document = try Document(id: "d", title: "t", text: original)
        try document.add(Annotation(id: "sta1", layer: .stance, category: "favor", ranges: [TextRange(4, 15)]))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(9, 14)]))
        let (files, losses) = Brat.export(document)
        #expect(files.text == "Kim met\nTrump. Then\nthey left.")
        #expect(files.annotations.contains("\tstance 4 7;8 14\tmet Trump.") && files.annotations.contains("\tPER 8 13\tTrump"), "\(files.annotations)")
        #expect(losses.repairs == ["spans across a line break written as fragments between the breaks, as brat does": 1])
        #expect(losses.counts[#"\r\n line breaks written as \n, as brat reads the text"#] == 1)
        // Read back with the text brat has: one span again, over the same words.
        let (back, repairs) = try Brat.importDocument(annotations: files.annotations, text: files.text, id: "d", file: "d.ann", lossy: false)
        let stance = try #require(back.annotations.first { $0.layer == .stance })
        #expect(stance.ranges == [try TextRange(4, 14)] && back.text[stance.ranges[0]] == "met\nTrump.")
        #expect(repairs.repairs["spans written as fragments around a line break, joined"] == 1)
        // Read back onto the original text, with its \r\n: offsets converted, and said so.
        let (onOriginal, converted) = try Brat.importDocument(annotations: files.annotations, text: original.string, id: "d", file: "d.ann", lossy: false)
        #expect(onOriginal.annotations.sorted { $0.start < $1.start }.map(\.ranges) == [[try TextRange(4, 15)], [try TextRange(9, 14)]])
        #expect(converted.repairs[#"annotations with offsets counted on the text with each \r\n read as \n (as brat reads it), converted"#] == 2)
    }

    @Test func eventsAndEquivalencesAreKeptAsAnnotationsAndLinks() throws {
        // A BioNLP-style file: an event is an annotation on its trigger's span (the trigger
        // itself no entity), its arguments links, events as arguments of events; an attribute on
        // an event a feature; an equivalence links its members.
        let text = "BMP-6 induces phosphorylation of Smad1 in cells.\n"
        let ann = """
            T1\tProtein 0 5\tBMP-6
            T2\tProtein 33 38\tSmad1
            T3\tPositive_regulation 6 13\tinduces
            T4\tPhosphorylation 14 29\tphosphorylation
            E1\tPhosphorylation:T4 Theme:T2
            E2\tPositive_regulation:T3 Theme:E1 Cause:T1
            A1\tNegation E1
            *\tEquiv T1 T2

            """
        let (document, losses) = try Brat.importDocument(annotations: ann, text: text, id: "d", file: "d.ann", lossy: false)
        let byText = Dictionary(uniqueKeysWithValues: document.annotations.map { (document.text[$0.ranges[0]], $0) })
        #expect(Set(byText.keys) == ["BMP-6", "Smad1", "induces", "phosphorylation"])
        let phosphorylation = try #require(byText["phosphorylation"]), induces = try #require(byText["induces"])
        #expect(phosphorylation.layer.name == "event" && phosphorylation.category == "Phosphorylation" && phosphorylation.features == ["Negation": "true"])
        #expect(phosphorylation.links == [Link(role: try LinkRole("theme"), target: .id(byText["Smad1"]!.id))])
        #expect(Set(induces.links) == [Link(role: try LinkRole("theme"), target: .id(phosphorylation.id)), Link(role: try LinkRole("cause"), target: .id(byText["BMP-6"]!.id))])
        #expect(byText["BMP-6"]?.links == [Link(role: try LinkRole("equiv"), target: .id(byText["Smad1"]!.id))])
        #expect(losses.repairs["events imported as layer event on their trigger's span, their arguments links"] == 2)
        // An event whose trigger the file lacks stops the import, naming the line.
        #expect { try Brat.importDocument(annotations: "T1\tProtein 0 5\tBMP-6\nE1\tBinding:T7 Theme:T1\n", text: text, id: "d", file: "d.ann", lossy: true) } throws: { error in
            (error as? ImportError).map { $0.line == 2 && $0.message.contains("T7") } ?? false
        }
    }

    @Test func windowsLineEndsAndByteOrderMarksAreRead() throws {
        // CRLF lines (a Swift String holds "\r\n" as one Character), a .ann that starts with a
        // byte order mark, and a text whose offsets were counted after its byte order mark.
        let text = "Kim met Trump.\r\nThey talked.\r\n"
        let (document, losses) = try Brat.importDocument(annotations: "\u{FEFF}T1\tPER 0 3\tKim\r\nT2\tPER 8 13\tTrump\r\nA1\tNegated T2\r\n",
                                                         text: text, id: "d", file: "d.ann", lossy: false)
        #expect(document.annotations.map { document.text[$0.ranges[0]] } == ["Kim", "Trump"])
        #expect(document.annotations[1].features == ["Negated": "true"])
        #expect(losses.repairs.isEmpty)
        let (moved, repairs) = try Brat.importDocument(annotations: "T1\tPER 0 3\tKim\n", text: "\u{FEFF}Kim met Trump.", id: "d", file: "d.ann", lossy: false)
        #expect(moved.annotations[0].ranges == [try TextRange(1, 4)])
        #expect(repairs.repairs == ["annotations with offsets counted after the byte order mark, moved by one": 1])
    }


    static let shipped = Repository.shippedAnnotations

    /// An annotation as the round trip keeps it: everything but its id and provenance, links
    /// to annotations named by their place.
    static func essence(_ document: Document) -> [String] {
        let place = Dictionary(uniqueKeysWithValues: document.annotations.map { ($0.id, "\($0.layer)\($0.ranges)") })
        return document.annotations.map { annotation in
            let links = annotation.links.map { link -> String in
                if case .id(let id) = link.target { return "\(link.role)=\(place[id] ?? id.rawValue)" }
                return "\(link.role)=unknown"
            }.sorted()
            return [annotation.layer.name, annotation.category?.rawValue ?? "-", "\(annotation.ranges)", "\(annotation.cue)", links.joined(separator: ","),
                    annotation.notes.joined(separator: "|"), annotation.correction ?? "-", annotation.severity?.rawValue ?? "-",
                    annotation.features.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")].joined(separator: " ")
        }.sorted()
    }

    @Test func theShippedAnnotationsRoundTrip() throws {
        let document = try TEIReader.load(path: Self.shipped)
        let (files, losses) = Brat.export(document)
        #expect(files.text == document.text.string)
        #expect(losses.counts["revision history entries dropped"] == document.revisions.count)
        #expect(losses.counts["annotations' annotator dropped"] == document.annotations.count)
        #expect(losses.counts["annotations' time dropped"] == document.annotations.filter { $0.provenance.time != nil }.count)
        let (back, repairs) = try Brat.importDocument(annotations: files.annotations, text: files.text, id: "north-korea-diplomacy", file: "nk.ann", lossy: false)
        #expect(repairs.repairs.isEmpty)
        #expect(Self.essence(back) == Self.essence(document))
        // Names come back for entries an entity mention carries; the others are counted as lost.
        #expect(back.entry("trump")?.name == "Donald Trump" && back.entry("trump")?.wikidata == "Q22686")
        let nameless = losses.counts["register names dropped (entries linked only as speaker, holder or target)"] ?? 0
        #expect(back.registers.flatMap(\.entries).filter { $0.name == $0.id.rawValue }.count == nameless)
    }

    @Test func aCorpusFileFromBratImports() throws {
        // In the style of brat's own examples: discontinuous spans, an attribute, a relation, a
        // normalisation and a note, written by another tool.
        let text = "Ed O'Kelley was the man who shot the man who shot Jesse James.\n"
        let ann = """
            T1\tPerson 0 11\tEd O'Kelley
            T2\tPerson 20 23;28 32\tman shot
            T3\tPerson 50 61\tJesse James
            A1\tNegation T2
            R1\tKilled Arg1:T1 Arg2:T3
            N1\tReference T3 Wikipedia:534366\tJesse James
            #1\tAnnotatorNotes T1\tthe first man
            """
        let (document, _) = try Brat.importDocument(annotations: ann, text: text, id: "jesse", file: "jesse.ann", lossy: false)
        #expect(document.annotations.count == 3)
        let man = try #require(document.annotations.first { $0.ranges.count == 2 })
        let expected = [try TextRange(20, 23), try TextRange(28, 32)]
        #expect(man.category == "Person" && man.ranges == expected)
        let ed = try #require(document.annotations.first { $0.start == 0 })
        #expect(ed.notes == ["the first man"] && ed.links.map(\.role.name) == ["killed"])
        let jesse = try #require(document.annotations.first { $0.start == 50 })
        #expect(jesse.links.first?.target == .id("wikipedia-534366") && document.entry("wikipedia-534366")?.name == "Jesse James")
    }

    /// A normalisation into an ontology (as in brat's published corpora) imports: an entry
    /// whose id is the reference made valid, the reference kept whole as a feature, and the
    /// export writes the same normalisation back; it stopped the import ("invalid id").
    @Test func aNormalisationIntoAnOntologyImportsAndExportsBackUnchanged() throws {
        let text = "The beta-galactosidase assay worked.\n"
        let line = "N1\tReference T1 brat_eco:ECO:0001802\tbeta-galactosidase reporter gene assay evidence"
        let ann = "T1\tProtein 4 22\tbeta-galactosidase\n" + line + "\n"
        let (document, losses) = try Brat.importDocument(annotations: ann, text: text, id: "eco", file: "eco.ann", lossy: false)
        let protein = try #require(document.annotations.first)
        #expect(protein.features == ["Reference:brat_eco": "ECO:0001802"])
        #expect(protein.links == [Link(role: .ref, target: .id("brat_eco-ECO-0001802"))])
        #expect(document.entry("brat_eco-ECO-0001802")?.name == "beta-galactosidase reporter gene assay evidence")
        #expect(losses.repairs.keys.contains { $0.contains("database references made register entry ids") })
        let (files, _) = Brat.export(document)
        #expect(files.annotations.split(separator: "\n").filter { $0.hasPrefix("N") }.map(String.init) == [line], "\(files.annotations)")
        let (again, _) = try Brat.importDocument(annotations: files.annotations, text: files.text, id: "eco", file: "eco.ann", lossy: false)
        #expect(again.annotations.first?.links == protein.links && again.annotations.first?.features == protein.features)
    }

    @Test func offsetsInUTF16UnitsAreConvertedAndOtherMismatchesStop() throws {
        let text = "👍👍 Kim met Trump\n"
        let (fixed, losses) = try Brat.importDocument(annotations: "T1\tPER 5 8\tKim\n", text: text, id: "d", file: "d.ann", lossy: false)
        let kim = try TextRange(3, 6)
        #expect(fixed.annotations.first?.ranges == [kim])
        #expect(losses.repairs == ["annotations with offsets in UTF-16 code units, converted to code points": 1])
        #expect { try Brat.importDocument(annotations: "T1\tPER 3 6\tPutin\n", text: text, id: "d", file: "d.ann", lossy: false) } throws: { error in
            (error as? ImportError).map { $0.line == 1 && $0.message.contains("\"Putin\"") && $0.message.contains("\"Kim\"") } ?? false
        }
    }

    @Test func anIdGivenTwiceStopsTheImportNamingBothLines() throws {
        for ann in ["T1\tPER 0 3\tKim\nT1\tPER 8 13\tTrump\n", "T1\tPER 0 3\tKim\nT2\tPER 8 13\tTrump\nR1\tmet Arg1:T1 Arg2:T2\nR1\tmet Arg1:T2 Arg2:T1\n"] {
            #expect { try Brat.importDocument(annotations: ann, text: "Kim met Trump", id: "d", file: "d.ann", lossy: true) } throws: { error in
                (error as? ImportError).map { $0.message.contains("is already an annotation of the file (line") } ?? false
            }
        }
    }

    @Test func aLineOfNoKindBratHasStopsTheImportUnlessLossy() throws {
        let ann = "T1\tPER 0 3\tKim\nX1\tsomething else\nT2\tPER 8 13\tTrump\n"
        #expect { try Brat.importDocument(annotations: ann, text: "Kim met Trump", id: "d", file: "d.ann", lossy: false) } throws: { error in
            (error as? ImportError).map { $0.line == 2 && $0.message.contains("'X1'") && $0.hint.contains("--lossy") } ?? false
        }
        let (document, losses) = try Brat.importDocument(annotations: ann, text: "Kim met Trump", id: "d", file: "d.ann", lossy: true)
        #expect(document.annotations.count == 2 && losses.counts == ["lines of no kind brat has left out": 1])
    }
}
