import StandoffModel
import Testing

@Suite("Document: invariants kept on every edit")
struct DocumentTests {
    func makeDocument() throws -> Document {
        var document = try Document(id: "doc", title: "T", text: SourceText("Kim met Trump.\nThey talked about “peace”."))
        try document.add(RegisterEntry(id: "kim", kind: .person, name: "Kim Jong Un", aliases: ["Kim"], wikidata: "Q56226"))
        try document.add(RegisterEntry(id: "un", kind: .organisation, name: "United Nations"))
        try document.declare(Annotator(id: "ann1", name: "Annotator One"))
        return document
    }

    @Test func newDocumentsDeclareTheDefaultTaxonomies() throws {
        let document = try makeDocument()
        #expect(document.taxonomies.map(\.id.rawValue) == ["entity", "quotation", "stance", "error", "severity"])
        #expect(document.taxonomy(declaring: "PER") == "entity")
        #expect(document.taxonomy(declaring: "mistranslation") == "error")
        #expect(document.paragraphIDs == ["p1", "p2"])
    }

    @Test func addsAnAnnotationWithItsSnapshot() throws {
        var document = try makeDocument()
        let added = try document.add(Annotation(
            id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)],
            links: [Link(role: .ref, target: .id("kim"))], provenance: Provenance(annotator: "ann1")))
        #expect(added.snapshot == ["Kim"])
        #expect(document.annotation("ent1")?.links(.ref) == [.id("kim")])
        #expect(document.kind(of: "ent1") == .annotation)
    }

    @Test func idsAreUniqueAcrossEveryKindOfThing() throws {
        var document = try makeDocument()
        #expect(throws: ModelError.duplicateID("kim", existing: "person register entry")) {
            try document.add(Annotation(id: "kim", layer: .entity, category: "PER", ranges: [TextRange(0, 3)]))
        }
        #expect(throws: ModelError.duplicateID("PER", existing: "category")) {
            try document.add(RegisterEntry(id: "PER", kind: .person, name: "x"))
        }
        #expect(throws: ModelError.duplicateID("p1", existing: "paragraph")) {
            try document.declare(Annotator(id: "p1", name: "x"))
        }
    }

    /// A new document's id may not be one of its own paragraphs', taxonomies' or categories' ids;
    /// one made from a file name is made free instead.
    @Test func aDocumentIdTakenByTheDocumentsOwnIdsIsNamed() throws {
        #expect(throws: ModelError.documentIDInUse("p2", by: "paragraph 2")) { try Document(id: "p2", title: "", text: SourceText("a\nb")) }
        #expect(throws: ModelError.documentIDInUse("minor", by: "a category of the taxonomy 'severity'")) { try Document(id: "minor", title: "", text: SourceText("a")) }
        #expect(Document.freeDocumentID("p1") == ("p1-doc", "paragraph 1"))
        #expect(Document.freeDocumentID("entity").id == "entity-doc")
        #expect(Document.freeDocumentID("article") == ("article", nil))
        #expect(Document.freeDocumentID("p01").takenBy == nil, "p01 is no paragraph id Standoff makes")
    }

    @Test func refusesUndeclaredCategoriesAndCategoriesOfAnotherLayer() throws {
        var document = try makeDocument()
        #expect(throws: ModelError.self) {
            try document.add(Annotation(id: "ent1", layer: .entity, category: "XYZ", ranges: [TextRange(0, 3)]))
        }
        // "spelling" exists, but in the error taxonomy.
        let declared = try #require(document.taxonomy("entity")).categories.map(\.id)
        #expect(throws: ModelError.undeclaredCategory("spelling", taxonomy: "entity", declared: declared)) {
            try document.add(Annotation(id: "ent1", layer: .entity, category: "spelling", ranges: [TextRange(0, 3)]))
        }
        #expect(declared.contains("PER"))
    }

    @Test func refusesRangesOutsideTheTextEmptyOrOnParagraphBreaks() throws {
        var document = try makeDocument()
        let length = document.text.count
        #expect(throws: ModelError.rangeOutOfBounds(try TextRange(40, 60), textLength: length)) {
            try document.add(Annotation(id: "a", layer: .entity, ranges: [TextRange(40, 60)]))
        }
        #expect(throws: ModelError.emptyRange(try TextRange(3, 3))) {
            try document.add(Annotation(id: "a", layer: .entity, ranges: [TextRange(3, 3)]))
        }
        #expect(throws: ModelError.rangeEdgeOnParagraphBreak(try TextRange(10, 15))) {
            try document.add(Annotation(id: "a", layer: .entity, ranges: [TextRange(10, 15)]))
        }
        #expect(throws: ModelError.overlappingRanges(try TextRange(0, 5), try TextRange(3, 8))) {
            try document.add(Annotation(id: "a", layer: .entity, ranges: [TextRange(3, 8), TextRange(0, 5)]))
        }
        #expect(document.annotations.isEmpty)
    }

    @Test func acceptsRangesAcrossParagraphsAndDiscontinuousSpans() throws {
        var document = try makeDocument()
        let across = try document.add(Annotation(id: "a", layer: .entity, ranges: [TextRange(8, 19)]))
        #expect(across.snapshot == ["Trump.\nThey"])
        let split = try document.add(Annotation(id: "b", layer: .entity, ranges: [TextRange(8, 13), TextRange(0, 3)]))
        #expect(split.ranges == [try TextRange(0, 3), try TextRange(8, 13)])
        #expect(split.coveredText == "Kim … Trump")
    }

    @Test func refusesUnresolvedLinksAndUnknownAnnotators() throws {
        var document = try makeDocument()
        #expect(throws: ModelError.unresolvedLink(role: "speaker", target: "nobody")) {
            try document.add(Annotation(id: "q", layer: .quotation, ranges: [TextRange(34, 41)], links: [Link(role: .speaker, target: .id("nobody"))]))
        }
        #expect(throws: ModelError.unknownAnnotator("ghost")) {
            try document.add(Annotation(id: "q", layer: .quotation, ranges: [TextRange(34, 41)], provenance: Provenance(annotator: "ghost")))
        }
        // An unknown speaker is allowed, and links may be checked later when reading a file.
        try document.add(Annotation(id: "q", layer: .quotation, ranges: [TextRange(34, 41)], links: [Link(role: .speaker, target: .unknown)]))
        try document.add(Annotation(id: "s", layer: .stance, ranges: [TextRange(0, 3)], links: [Link(role: .target, target: .id("later"))]), checkingLinks: false)
        #expect(document.unresolvedLinks().map(\.annotation) == ["s"])
    }

    @Test func findsTextByOccurrenceAndExplainsAmbiguity() throws {
        let document = try Document(id: "d", title: "", text: SourceText("Kim, Kim and Kim"))
        #expect(try document.ranges(of: "Kim", occurrence: 2) == [TextRange(5, 8)])
        #expect(try document.ranges(of: "Kim", all: true).count == 3)
        #expect(try document.ranges(of: "and") == [TextRange(9, 12)])
        #expect(throws: ModelError.ambiguousText("Kim", occurrences: [try TextRange(0, 3), try TextRange(5, 8), try TextRange(13, 16)])) {
            try document.ranges(of: "Kim")
        }
        #expect(throws: ModelError.occurrenceOutOfRange("Kim", requested: 4, found: 3)) { try document.ranges(of: "Kim", occurrence: 4) }
        #expect(throws: ModelError.textNotFound("Putin")) { try document.ranges(of: "Putin") }
    }

    @Test func findsTextInsideAContextPhrase() throws {
        let document = try Document(id: "d", title: "", text: SourceText("Kim met Trump. Trump met Kim. Kim left."))
        #expect(try document.ranges(of: "Kim", within: "Trump met Kim") == [TextRange(25, 28)])
        #expect(try document.ranges(of: "Trump", occurrence: 2, within: "Kim met Trump. Trump") == [TextRange(15, 20)])
        #expect(throws: ModelError.contextNotFound("Putin met")) { try document.ranges(of: "Kim", within: "Putin met") }
        #expect(throws: ModelError.ambiguousContext("met", occurrences: [try TextRange(4, 7), try TextRange(21, 24)])) { try document.ranges(of: "Kim", within: "met") }
        #expect(throws: ModelError.textNotInContext("Kim", context: "Trump.")) { try document.ranges(of: "Kim", within: "Trump.") }
    }

    @Test func generatesTheNextFreeIdPerLayer() throws {
        var document = try makeDocument()
        #expect(document.nextAnnotationID(for: .entity) == "ent1")
        try document.add(Annotation(id: "ent1", layer: .entity, ranges: [TextRange(0, 3)]))
        try document.add(Annotation(id: "ent9", layer: .entity, ranges: [TextRange(8, 13)]))
        #expect(document.nextAnnotationID(for: .entity) == "ent10")
        #expect(document.nextAnnotationID(for: .error) == "err1")
    }

    @Test func removesOnlyAnnotationsNothingLinksTo() throws {
        var document = try makeDocument()
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)]))
        try document.add(Annotation(id: "sta1", layer: .stance, category: "against", ranges: [TextRange(16, 20)],
                                    links: [Link(role: .holder, target: .id("kim")), Link(role: .target, target: .id("ent1"))]))
        #expect(throws: ModelError.stillReferenced("ent1", by: ["sta1"])) { try document.removeAnnotation("ent1") }
        #expect(try document.removeAnnotation("sta1").id == "sta1")
        try document.removeAnnotation("ent1")
        #expect(document.annotations.isEmpty)
        #expect(document.kind(of: "ent1") == nil)
        #expect(throws: ModelError.annotationNotFound("ent1")) { try document.removeAnnotation("ent1") }
    }

    @Test func sortsAnnotationsByLayerThenStartThenId() throws {
        var document = try makeDocument()
        try document.add(Annotation(id: "err1", layer: .error, ranges: [TextRange(0, 3)]))
        try document.add(Annotation(id: "ent10", layer: .entity, ranges: [TextRange(8, 13)]))
        try document.add(Annotation(id: "ent2", layer: .entity, ranges: [TextRange(8, 13)]))
        try document.add(Annotation(id: "ent3", layer: .entity, ranges: [TextRange(0, 3)]))
        try document.add(Annotation(id: "x1", layer: Layer("custom"), ranges: [TextRange(0, 3)]))
        #expect(document.sortedAnnotations().map(\.id.rawValue) == ["ent3", "ent2", "ent10", "err1", "x1"])
    }

    @Test func knowsWhereEachLayersAnnotationsStandAcrossAddsAndRemovals() throws {
        var document = try makeDocument()
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)]))
        try document.add(Annotation(id: "err1", layer: .error, ranges: [TextRange(4, 7)]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(8, 13)]))
        try document.add(Annotation(id: "sta1", layer: .stance, category: "against", ranges: [TextRange(16, 20)],
                                    links: [Link(role: .holder, target: .id("kim"))]))
        try document.add(Annotation(id: "ent3", layer: .entity, category: "PER", ranges: [TextRange(16, 20)]))
        #expect(document.positions(of: .entity) == [0, 2, 4])
        #expect(document.positions(of: .error) == [1])
        #expect(document.positions(of: .stance) == [3])
        #expect(document.positions(of: .quotation) == [])
        #expect(document.layers == [.entity, .stance, .error])
        #expect(document.sortedAnnotations(in: .entity).map(\.id) == ["ent1", "ent2", "ent3"])
        try document.removeAnnotation("err1")
        #expect(document.positions(of: .entity) == [0, 1, 3])
        #expect(document.positions(of: .error) == [])
        #expect(document.positions(of: .stance) == [2])
        #expect(document.layers == [.entity, .stance])
        let stance = try #require(document.annotation("sta1"))
        #expect(stance.hasLink(.holder))
        #expect(!stance.hasLink(.target))
    }

    @Test func notesAnnotationsWhoseRecordedTextIsNotTheTextNow() throws {
        var document = try makeDocument()
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)], snapshot: ["Kim"]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(8, 13)], snapshot: ["Trumb"]))
        try document.add(Annotation(id: "ent3", layer: .entity, category: "PER", ranges: [TextRange(4, 7)]))
        try document.add(Annotation(id: "err1", layer: .error, ranges: [TextRange(0, 3), TextRange(8, 13)], snapshot: ["Kim"]))
        // Refused annotations are not noted.
        #expect(throws: ModelError.self) {
            try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(0, 3)], snapshot: ["nope"]))
        }
        #expect(document.index.driftedPositions == [1, 3])
        #expect(document.annotation("ent3")?.snapshot == ["met"])
        try document.removeAnnotation("ent1")
        #expect(document.index.driftedPositions == [0, 2])
        try document.removeAnnotation("ent2")
        #expect(document.index.driftedPositions == [1])
        #expect(document.annotations[1].id == "err1")
    }

    @Test func keepsEveryAnnotationsRangesSideBySide() throws {
        var document = try makeDocument()
        try document.add(Annotation(id: "ent1", layer: .entity, category: "PER", ranges: [TextRange(0, 3)]))
        // Discontinuous, given out of order: stored sorted.
        try document.add(Annotation(id: "err1", layer: .error, ranges: [TextRange(8, 13), TextRange(4, 7)]))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: [TextRange(8, 13)]))
        #expect(document.index.ranges.count == 3)
        #expect(document.index.ranges.starts == [0, 1, 3, 4])
        for position in document.annotations.indices {
            #expect(Array(document.index.ranges[position]) == document.annotations[position].ranges)
        }
        #expect(try Array(document.index.ranges[1]) == [TextRange(4, 7), TextRange(8, 13)])
        try document.removeAnnotation("err1")
        #expect(document.index.ranges.count == 2)
        #expect(try document.index.ranges.ranges == [TextRange(0, 3), TextRange(8, 13)])
        #expect(Array(document.index.ranges[1]) == document.annotation("ent2")?.ranges)
    }
}

@Suite("Identifier, Register and Taxonomy values")
struct ValueTests {
    @Test func identifiersFollowXMLNameRules() {
        #expect(Identifier.isValid("kim-jong-un"))
        #expect(Identifier.isValid("_x.1"))
        #expect(Identifier.isValid("Ärger"))
        #expect(!Identifier.isValid("1abc"))
        #expect(!Identifier.isValid("a b"))
        #expect(!Identifier.isValid(""))
        #expect(!Identifier.isValid("a:b"))
        let typed = "a b"  // a variable, not a literal: literals go through ExpressibleByStringLiteral
        #expect(throws: ModelError.invalidIdentifier("a b")) { try Identifier(typed) }
    }

    @Test func identifiersOrderByNumericSuffix() {
        let ids: [Identifier] = ["ent10", "ent2", "err1", "ent1"]
        #expect(ids.sorted().map(\.rawValue) == ["ent1", "ent2", "ent10", "err1"])
    }

    @Test func registerEntriesCheckNamesAndWikidataIds() throws {
        #expect(throws: ModelError.invalidWikidataID("22686")) { try RegisterEntry(id: "t", kind: .person, name: "Trump", wikidata: "22686") }
        #expect(throws: ModelError.emptyName("t")) { try RegisterEntry(id: "t", kind: .person, name: "  ") }
        #expect(try RegisterEntry(id: "t", kind: .person, name: "Trump", wikidata: "Q22686").wikidata == "Q22686")
    }

    @Test func taxonomiesRefuseDuplicateCategories() throws {
        var taxonomy = try Taxonomy(id: "topic")
        try taxonomy.add(Category(id: "sanctions", description: ""))
        #expect(throws: ModelError.duplicateID("sanctions", existing: "category")) { try taxonomy.add(Category(id: "sanctions", description: "")) }
    }

    @Test func errorsCarryAHint() {
        let error = ModelError.ambiguousText("Kim", occurrences: [])
        #expect(error.hint.contains("--occurrence"))
        #expect(ModelError.textNotFound("x").description == "the text does not contain \"x\"")
    }
}
