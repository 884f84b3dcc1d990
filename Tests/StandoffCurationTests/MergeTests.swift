import Foundation
import StandoffCuration
import StandoffModel
import StandoffTEI
import StandoffValidation
import Testing
import TestSupport

/// `merge` on three annotators' versions of the shipped file (``Variants``): every taken reading
/// and every proposal is the one the strategy defines.
@Suite("Merging annotators into gold")
struct MergeTests {
    static let changed = ["28:40", "35:40", "175:177", "198:200", "250:257", "125:268", "465:476"]

    /// The readings at the changed places (the 181 others every annotator made alike).
    static func changedReadings(_ document: Document) -> [String] {
        Variants.readings(document).filter { reading in changed.contains { reading.contains(" \($0) ") } }
    }

    @Test func majorityTakesWhatMostMadeAndProposesTheSplitVote() throws {
        let (gold, summary) = try Merger.merge(try Variants.inputs(), strategy: .majority, time: Variants.time)
        #expect((summary.takenByEveryAnnotator, summary.takenByStrategy, summary.proposals, summary.conflicts) == (181, 4, 3, 1))
        #expect((summary.droppedOverruled, summary.droppedUnsupported) == (3, 1))
        #expect(summary.conflictsByKind == ["category": 1])
        #expect(Self.changedReadings(gold) == [
            "entity 175:177 GPE ref=usa @alice+carol",
            "entity 198:200 FAC ref=usa @carol proposal c1",
            "entity 198:200 GPE ref=usa @alice proposal c1",
            "entity 198:200 LOC ref=usa @bob proposal c1",
            "entity 250:257 GPE ref=ukraine @alice+carol",
            "entity 28:40 PER ref=trump @alice+carol",
            "quotation 125:268 indirect speaker=trump @alice+bob",
        ])
        #expect(gold.annotations.count == 188)
    }

    @Test func unanimousTakesOnlyWhatEveryoneMade() throws {
        let (gold, summary) = try Merger.merge(try Variants.inputs(), strategy: .unanimous, time: Variants.time)
        #expect((summary.takenTotal, summary.proposals, summary.conflicts, summary.droppedTotal) == (181, 11, 6, 0))
        #expect(summary.conflictsByKind == ["boundaries": 1, "category": 2, "speaker": 1])
        #expect(summary.proposalsByLayer == ["entity": 9, "quotation": 2])
        let proposals = Self.changedReadings(gold).filter { $0.contains("proposal") }
        #expect(proposals.count == 11)
        #expect(proposals.contains("entity 465:476 MISC @carol proposal c6"))
        #expect(proposals.contains("quotation 125:268 indirect speaker=unknown @carol proposal c2"))
    }

    @Test func atLeastTwoTakesPairsAndProposesTheRest() throws {
        let (gold, summary) = try Merger.merge(try Variants.inputs(), strategy: .atLeast(2), time: Variants.time)
        #expect((summary.takenTotal, summary.proposals, summary.conflicts, summary.droppedOverruled, summary.droppedUnsupported) == (185, 4, 2, 3, 0))
        #expect(Self.changedReadings(gold).contains("entity 465:476 MISC @carol proposal c2"))
    }

    @Test func preferTakesTheAnnotatorsReadingWhereverTheyMadeOne() throws {
        let (gold, summary) = try Merger.merge(try Variants.inputs(), strategy: .prefer("bob"), time: Variants.time)
        #expect((summary.takenByEveryAnnotator, summary.takenByStrategy, summary.takenFromPreferred, summary.proposals) == (181, 1, 4, 0))
        #expect((summary.droppedOverruled, summary.droppedUnsupported) == (5, 1))
        #expect(Self.changedReadings(gold) == [
            "entity 175:177 LOC ref=usa @bob",
            "entity 198:200 LOC ref=usa @bob",
            "entity 250:257 GPE ref=ukraine @alice+carol",
            "entity 35:40 PER ref=trump @bob",
            "quotation 125:268 indirect speaker=trump @alice+bob",
        ])
    }

    @Test func relaxedMatchingJoinsOverlappingSpansWithTheMajoritysBoundaries() throws {
        let (gold, summary) = try Merger.merge(try Variants.inputs(), strategy: .majority, match: .relaxed, time: Variants.time)
        #expect(summary.readings == 191)
        #expect((summary.takenByEveryAnnotator, summary.takenByStrategy, summary.proposals, summary.droppedOverruled) == (182, 3, 3, 2))
        #expect(Self.changedReadings(gold).contains("entity 28:40 PER ref=trump @alice+bob+carol"))
        #expect(!Self.changedReadings(gold).contains { $0.contains("35:40") })
    }

    @Test func takenReadingsSayWhoMadeThemHowAndHowSure() throws {
        let (gold, _) = try Merger.merge(try Variants.inputs(), strategy: .majority, time: Variants.time)
        let trump = try #require(gold.annotations.first { $0.ranges == [try TextRange(28, 40)] })
        #expect(trump.provenance.annotators == ["alice", "carol"])
        #expect(trump.provenance.method == .merged)
        #expect(trump.provenance.certainty == .medium)
        #expect(trump.provenance.time == Variants.shipped.annotation("ent1")?.provenance.time)
        #expect(trump.history.isEmpty)
        let everyone = try #require(gold.annotation("ent7"))
        #expect(everyone.provenance.annotators == ["alice", "bob", "carol"] && everyone.provenance.certainty == .high)
        let proposal = try #require(gold.annotations.first { $0.ranges == [try TextRange(198, 200)] && $0.category == "LOC" })
        #expect(proposal.provenance.certainty == .low)
        #expect(proposal.history == [CurationStep(status: .proposed, who: ["bob"], time: Variants.time, conflict: "c1",
                                                  description: "category: 1 of 3 annotators made this reading")])
    }

    @Test func theGoldFileIsWrittenReadBackAndValidWithOnlyTheProposalsReported() throws {
        let (gold, _) = try Merger.merge(try Variants.inputs(), strategy: .unanimous, time: Variants.time)
        let directory = TemporaryDirectory()
        let path = directory.file("gold.tei.xml")
        try TEIWriter.write(gold, to: path)
        let back = try TEIReader.load(path: path)
        let written = Dictionary(uniqueKeysWithValues: gold.annotations.map { ($0.id, $0) })
        let differing = back.annotations.filter { written[$0.id] != $0 }.map(\.id)
        #expect(back.annotations.count == gold.annotations.count && differing.isEmpty, "read back otherwise: \(differing)")
        #expect(back.annotators.map(\.id) == ["alice", "bob", "carol"])
        let report = Validator().validate(file: path)
        #expect(Set(report.diagnostics.map(\.code)) == ["SO604"], "\(report.diagnostics.map(\.headline))")
        #expect(report.diagnostics.count == 6)
        #expect(back.revisions.last?.description.contains("Merged from alice.tei.xml, bob.tei.xml, carol.tei.xml by standoff merge (strategy unanimous, match exact)") == true)
    }

    @Test func idsStayUniqueWhenAnnotatorsNumberedDifferentSpansAlike() throws {
        var documents = try Variants.documents()
        // bob's own new annotation takes an id alice uses for another span.
        _ = try documents[1].removeAnnotation("ent901")
        try documents[1].add(Annotation(id: "ent901", layer: .entity, category: "LOC", ranges: [try TextRange(175, 177)], links: [Link(role: .ref, target: .id("usa"))]))
        try documents[0].add(Annotation(id: "ent901", layer: .entity, category: "MISC", ranges: documents[0].ranges(of: "white whale")))
        let (gold, _) = try Merger.merge(try Variants.inputs(documents), strategy: .unanimous, time: Variants.time)
        #expect(Set(gold.annotations.map(\.id)).count == gold.annotations.count)
    }

    @Test func linksToAnnotationsFollowTheReadingTheyPointAt() throws {
        var documents = [Variants.shipped, Variants.shipped]
        let claim = try Layer("claim")
        for index in documents.indices {
            try documents[index].add(Taxonomy(id: "claim", categories: [Category(id: "checked", description: "checked")]))
        }
        // bob numbers the same mention otherwise; his claim links to his own id.
        try Variants.replace("ent7", in: &documents[1], newID: "ent950") { _ in }
        try documents[0].add(Annotation(id: "claim1", layer: claim, category: "checked", ranges: [try TextRange(0, 10)], links: [Link(role: .target, target: .id("ent7"))]))
        try documents[1].add(Annotation(id: "c9", layer: claim, category: "checked", ranges: [try TextRange(0, 10)], links: [Link(role: .target, target: .id("ent950"))]))
        let inputs = zip(["alice", "bob"], documents).map { MergeInput(annotator: Annotator(id: Identifier(stringLiteral: $0), name: $0), file: $0, document: $1) }
        let (gold, summary) = try Merger.merge(inputs, strategy: .unanimous, time: Variants.time)
        #expect(summary.proposals == 0)
        let merged = try #require(gold.annotation("claim1"))
        #expect(merged.provenance.annotators == ["alice", "bob"])
        #expect(merged.links == [Link(role: .target, target: .id("ent7"))])
        #expect(gold.annotation("ent7")?.provenance.annotators == ["alice", "bob"])
    }

    @Test func registerEntriesDeclaredDifferentlyAreReportedWithBothValues() throws {
        var documents = try Variants.documents()
        // bob names trump otherwise and gives him another alias.
        let text = String(decoding: Repository.read(Repository.shippedAnnotations), as: UTF8.self)
            .replacingOccurrences(of: "<persName>Donald Trump</persName>", with: "<persName>Donald J. Trump</persName><persName type=\"alias\">the 47th president</persName>")
        let directory = TemporaryDirectory()
        try text.write(toFile: directory.file("bob.tei.xml"), atomically: true, encoding: .utf8)
        documents[1] = try TEIReader.load(path: directory.file("bob.tei.xml"))
        let (gold, summary) = try Merger.merge(try Variants.inputs(documents), strategy: .majority, time: Variants.time)
        #expect(summary.declarationConflicts == [DeclarationConflict(what: "register entry", id: "trump", field: "name", values: [
            .init(value: "Donald Trump", files: ["alice.tei.xml", "carol.tei.xml"]), .init(value: "Donald J. Trump", files: ["bob.tei.xml"]),
        ])])
        #expect(summary.text.contains("warning: register entry 'trump' has two names: \"Donald Trump\" (alice.tei.xml, carol.tei.xml) and \"Donald J. Trump\" (bob.tei.xml)"))
        let trump = try #require(gold.entry("trump"))
        #expect(trump.name == "Donald Trump")
        #expect(trump.aliases.contains("the 47th president") && trump.aliases.contains("Trump"))
    }

    @Test func inputsThatCannotBeMergedAreRefusedWithAReason() throws {
        let inputs = try Variants.inputs()
        #expect(throws: CurationProblem.self) { try Merger.merge(Array(inputs.prefix(1)), strategy: .majority, time: Variants.time) }
        do { _ = try Merger.merge(inputs, strategy: .atLeast(4), time: Variants.time); Issue.record("at-least:4 of 3 was taken") } catch {
            #expect(error.message.contains("asks for more annotators than the 3 given") && error.isUsage)
        }
        do { _ = try Merger.merge(inputs, strategy: .prefer("dave"), time: Variants.time); Issue.record("prefer:dave was taken") } catch {
            #expect(error.message == "--strategy prefer:dave: no input is annotator 'dave'" && error.hint.contains("alice, bob, carol"))
        }
        var other = inputs
        other[2].document = try Document(id: "other", title: "x", text: SourceText("Another text."))
        do { _ = try Merger.merge(other, strategy: .majority, time: Variants.time); Issue.record("different texts were merged") } catch {
            #expect(error.message.hasPrefix("alice.tei.xml and carol.tei.xml annotate different texts"))
        }
    }

    @Test(arguments: [
        ("majority", MergeStrategy.majority), ("unanimous", .unanimous), ("at-least:2", .atLeast(2)), ("at-least=3", .atLeast(3)),
        ("at-least 1", .atLeast(1)), ("prefer:alice", .prefer("alice")), ("prefer=bob", .prefer("bob")),
    ])
    func strategiesAreReadFromTheirNames(text: String, strategy: MergeStrategy) throws {
        #expect(try MergeStrategy(parsing: text) == strategy)
    }

    @Test(arguments: ["most", "at-least", "at-least:0", "at-least:two", "prefer", ""])
    func aStrategyThatIsNotOneIsAUsageError(text: String) {
        do { _ = try MergeStrategy(parsing: text); Issue.record("'\(text)' was read") } catch { #expect(error.isUsage) }
    }
}
