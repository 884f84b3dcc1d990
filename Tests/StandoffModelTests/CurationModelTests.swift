import Foundation
import StandoffModel
import Testing

/// What the model knows of curation: several annotators, curation steps, open proposals, and
/// replacing an annotation in place (what `review` does to a reading).
@Suite("Curation in the model")
struct CurationModelTests {
    static func document() throws -> Document {
        var document = try Document(id: "d", title: "t", text: SourceText("Kim met Trump in Hanoi.\nThey talked."))
        for id in ["alice", "bob", "ed"] { try document.declare(Annotator(id: Identifier(stringLiteral: id), name: id)) }
        let proposed = { (who: Identifier, conflict: String) in [CurationStep(status: .proposed, who: [who], conflict: conflict)] }
        try document.add(Annotation(id: "e1", layer: .entity, category: "PER", ranges: [try TextRange(8, 13)],
                                    provenance: Provenance(annotators: ["alice", "bob"], method: .merged), history: proposed("alice", "c1")))
        try document.add(Annotation(id: "e2", layer: .entity, category: "GPE", ranges: [try TextRange(17, 22)]))
        try document.add(Annotation(id: "e3", layer: .entity, category: "ORG", ranges: [try TextRange(8, 13)], history: proposed("bob", "c1")))
        try document.add(Annotation(id: "e4", layer: .entity, category: "LOC", ranges: [try TextRange(17, 22)], history: proposed("bob", "c2")))
        return document
    }

    @Test func openProposalsComeByConflictInTheOrderOfTheFile() throws {
        let groups = try Self.document().openProposals()
        #expect(groups.map(\.conflict) == ["c1", "c2"])
        #expect(groups.map { $0.readings.map(\.id) } == [["e1", "e3"], ["e4"]])
    }

    @Test func severalAnnotatorsAndTheFirstAsTheAnnotator() throws {
        var provenance = Provenance(annotators: ["alice", "bob"])
        #expect(provenance.annotator == "alice")
        provenance.annotator = "ed"
        #expect(provenance.annotators == ["ed"])
        provenance.annotator = nil
        #expect(provenance.annotators.isEmpty)
    }

    @Test func replacingKeepsThePlaceAndTheIndexUpToDate() throws {
        var document = try Self.document()
        var e3 = try #require(document.annotation("e3"))
        e3.ranges = [try TextRange(0, 3)]
        e3.category = "PER"
        e3.history.append(CurationStep(status: .accepted, who: ["ed"], conflict: "c1", description: "accepted"))
        let stored = try document.replaceAnnotation(e3)
        #expect(stored.snapshot == ["Kim"], "a new range takes its text")
        #expect(document.annotations.map(\.id) == ["e1", "e2", "e3", "e4"])
        #expect(Array(document.index.ranges[2]) == [try TextRange(0, 3)])
        #expect(document.annotation("e3")?.curationStatus == .accepted && document.annotation("e3")?.isOpenProposal == false)
        #expect(document.openProposals().map(\.conflict) == ["c1", "c2"])
        #expect(document.openProposals().first?.readings.map(\.id) == ["e1"])
    }

    @Test func replacingChecksWhatAddingChecks() throws {
        var document = try Self.document()
        var unknown = try #require(document.annotation("e2"))
        unknown.history = [CurationStep(status: .accepted, who: ["nobody"])]
        #expect(throws: ModelError.unknownAnnotator("nobody")) { try document.replaceAnnotation(unknown) }
        var wrong = try #require(document.annotation("e2"))
        wrong.category = "spelling"
        #expect(throws: ModelError.self) { try document.replaceAnnotation(wrong) }
        #expect(throws: ModelError.annotationNotFound("e9")) {
            try document.replaceAnnotation(Annotation(id: "e9", layer: .entity, category: "PER", ranges: [try TextRange(0, 3)]))
        }
        #expect(document.annotation("e2")?.category == "GPE", "a refused replacement changes nothing")
        #expect(throws: ModelError.unknownAnnotator("carol")) {
            try document.add(Annotation(id: "e5", layer: .entity, category: "PER", ranges: [try TextRange(0, 3)], provenance: Provenance(annotators: ["alice", "carol"])))
        }
    }
}
