import Foundation
import StandoffModel
import StandoffTEI
import TestSupport

/// Documents the TEI tests write and read.
enum Samples {
    /// A document that uses every feature of the model, over non-ASCII text.
    static func richDocument() throws -> Document {
        let text = SourceText(String(decoding: Repository.read(Repository.fixture("unicode.txt")), as: UTF8.self) + "\nThird: Kim & <Trump> said \"no\".\r")
        var document = try Document(id: "rich", title: "Rich & “strange” <title>", language: "en", text: text,
                                    source: SourceDescription(fileName: "unicode.txt", sha256: text.sha256))
        try document.declare(Annotator(id: "ann1", name: "Ann O’Tator"))
        try document.declare(Annotator(id: "bot", name: "Tagger 2.1", role: "automatic tagging"))
        try document.add(RegisterEntry(id: "kim", kind: .person, name: "Kim Jong Un", aliases: ["Kim", "the dictator"], wikidata: "Q56226"))
        try document.add(RegisterEntry(id: "un", kind: .organisation, name: "United Nations", wikidata: "Q1065"))
        try document.add(RegisterEntry(id: "kp", kind: .place, name: "North Korea", aliases: ["DPRK"]))
        try document.add(Taxonomy(id: "topic", description: "Stance targets that are policies"))
        try document.add(Category(id: "sanctions", description: "Economic sanctions"), to: "topic")
        let time = Date(timeIntervalSince1970: 1_732_406_400)
        let manual = Provenance(annotator: "ann1", time: time, method: .manual, certainty: .high)
        let q1 = try document.ranges(of: "“Curly”")
        try document.add(Annotation(id: "quo1", layer: .quotation, category: "scare", ranges: q1,
                                    links: [Link(role: .speaker, target: .unknown)], provenance: manual))
        try document.add(Annotation(id: "ent1", layer: .entity, category: "GPE", ranges: try document.ranges(of: "🇰🇵"),
                                    links: [Link(role: .ref, target: .id("kp"))],
                                    provenance: Provenance(annotator: "bot", time: time, method: .automatic, certainty: .low)))
        try document.add(Annotation(id: "ent2", layer: .entity, category: "PER", ranges: try document.ranges(of: "Kim"),
                                    links: [Link(role: .ref, target: .id("kim"))], features: ["gender": "m", "mention": "short"],
                                    notes: ["first mention", "checked against <register> & list"], provenance: manual))
        // A span across the paragraph break, and a discontinuous one.
        let across = try TextRange(document.ranges(of: "ok.")[0].start, document.ranges(of: "Third")[0].end)
        try document.add(Annotation(id: "err1", layer: .error, category: "fragment", ranges: [across],
                                    provenance: manual, correction: "ok. Third", severity: .minor))
        try document.add(Annotation(id: "err2", layer: .error, category: "spelling",
                                    ranges: [try document.ranges(of: "cafe\u{301}")[0], try document.ranges(of: "naïve")[0]],
                                    correction: "café", severity: .critical))
        try document.add(Annotation(id: "sta1", layer: .stance, category: "against", ranges: try document.ranges(of: "said \"no\""),
                                    links: [Link(role: .holder, target: .id("kim")), Link(role: .target, target: .id("sanctions"))],
                                    provenance: manual))
        try document.add(Annotation(id: "quo2", layer: .quotation, category: "direct", ranges: try document.ranges(of: "\"no\""),
                                    links: [Link(role: .speaker, target: .id("kim"))], provenance: manual,
                                    cue: try document.ranges(of: "said")))
        try document.add(Annotation(id: "x1", layer: Layer("topic"), category: "sanctions", ranges: try document.ranges(of: "résumé")))
        document.revisions = [Revision(time: time, who: "ann1", description: "Created & checked.")]
        return document
    }

    static func seedDocument() throws -> Document {
        let text = SourceText(String(decoding: Repository.read(Repository.seed), as: UTF8.self))
        return try Document(id: "north-korea-diplomacy", title: "Seed", text: text,
                            source: SourceDescription(fileName: "north-korea-diplomacy.txt", sha256: text.sha256))
    }

    /// Writes `document` into `directory` and reads it back, failing on any problem.
    static func roundTrip(_ document: Document, in directory: TemporaryDirectory, name: String = "doc.tei.xml") throws -> Document {
        let path = directory.file(name)
        try TEIWriter.write(document, to: path)
        return try TEIReader.load(path: path)
    }
}

/// Compares everything a document holds, field by field, for clear failure messages.
func expectSameContent(_ a: Document, _ b: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(a.id == b.id, sourceLocation: sourceLocation)
    #expect(a.title == b.title, sourceLocation: sourceLocation)
    #expect(a.language == b.language, sourceLocation: sourceLocation)
    #expect(Array(a.text.string.utf8) == Array(b.text.string.utf8), sourceLocation: sourceLocation)
    #expect(a.paragraphIDs == b.paragraphIDs, sourceLocation: sourceLocation)
    #expect(a.source == b.source, sourceLocation: sourceLocation)
    #expect(a.annotators == b.annotators, sourceLocation: sourceLocation)
    #expect(a.registers == b.registers, sourceLocation: sourceLocation)
    #expect(a.taxonomies == b.taxonomies, sourceLocation: sourceLocation)
    #expect(a.sortedAnnotations() == b.sortedAnnotations(), sourceLocation: sourceLocation)
    #expect(a.revisions == b.revisions, sourceLocation: sourceLocation)
    #expect(a.preserved == b.preserved, sourceLocation: sourceLocation)
}

import Testing
