import Foundation
import StandoffCuration
import StandoffModel
import StandoffTEI
import StandoffValidation
import Testing
import TestSupport

/// `review`'s decisions on the gold files of ``Variants``: what is accepted, removed or kept,
/// and what the history records.
@Suite("Reviewing proposals")
struct ReviewTests {
    static let later = Date(timeIntervalSince1970: 1_733_184_000)

    static func gold(_ strategy: MergeStrategy) throws -> Document {
        var document = try Merger.merge(try Variants.inputs(), strategy: strategy, time: Variants.time).document
        try document.declare(Annotator(id: "ed", name: "Ed Itor", role: "curation"))
        return document
    }

    @Test func proposalsComeInTheOrderOfTheText() throws {
        let proposals = Reviewer.proposals(in: try Self.gold(.unanimous))
        #expect(proposals.map(\.conflict) == ["c1", "c2", "c3", "c4", "c5", "c6"])
        #expect(proposals.map(\.readings.count) == [2, 2, 2, 3, 1, 1])
        #expect(proposals[0].kinds == "boundaries" && proposals[1].kinds == "speaker")
        #expect(proposals[0].readings.map { Proposal.proposers(of: $0) } == [["alice", "carol"], ["bob"]])
    }

    @Test func acceptingAReadingRecordsItAndRemovesTheOthers() throws {
        var document = try Self.gold(.majority)
        let reviewer = Reviewer(reviewer: "ed", time: Self.later)
        let proposal = try #require(Reviewer.proposals(in: document).first)
        let gpe = try #require(proposal.readings.first { $0.category == "GPE" })
        let outcome = try reviewer.accept(gpe.id, in: &document)
        #expect(outcome.accepted == [gpe.id.rawValue] && outcome.removed.count == 2 && outcome.keptRejected.isEmpty)
        let accepted = try #require(document.annotation(gpe.id))
        #expect(accepted.curationStatus == .accepted)
        #expect(accepted.history.last == CurationStep(status: .accepted, who: ["ed"], time: Self.later, conflict: "c1", description: "accepted"))
        #expect(accepted.history.count == 2)
        #expect(Reviewer.proposals(in: document).isEmpty)
        let us = [try TextRange(198, 200)]
        #expect(document.annotations.filter { $0.ranges == us }.count == 1)
        // Written and checked: no proposal is left, nothing to warn about even under --strict.
        let directory = TemporaryDirectory()
        try TEIWriter.write(document, to: directory.file("gold.tei.xml"))
        let report = Validator().validate(file: directory.file("gold.tei.xml"))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.headline))")
        #expect(try TEIReader.load(path: directory.file("gold.tei.xml")).annotation(gpe.id)?.history == accepted.history)
    }

    @Test func rejectedReadingsAreKeptMarkedWhenAsked() throws {
        var document = try Self.gold(.majority)
        let reviewer = Reviewer(reviewer: "ed", time: Self.later, keepRejected: true)
        let proposal = try #require(Reviewer.proposals(in: document).first)
        let outcome = try reviewer.accept(proposal.readings[0].id, in: &document)
        #expect(outcome.keptRejected.count == 2 && outcome.removed.isEmpty)
        for rejected in proposal.readings.dropFirst() {
            #expect(document.annotation(rejected.id)?.curationStatus == .rejected)
            #expect(document.annotation(rejected.id)?.history.last?.who == ["ed"])
        }
        #expect(Reviewer.proposals(in: document).isEmpty)
    }

    @Test func acceptingWithAnotherCategoryOrRangeSaysWhatChanged() throws {
        var document = try Self.gold(.unanimous)
        let reviewer = Reviewer(reviewer: "ed", time: Self.later)
        let proposals = Reviewer.proposals(in: document)
        let us = proposals[3].readings[0]
        _ = try reviewer.accept(us.id, in: &document, category: "LOC")
        #expect(document.annotation(us.id)?.category == "LOC")
        #expect(document.annotation(us.id)?.history.last?.description == "accepted; category \(us.category!) changed to LOC")
        let trump = proposals[0].readings[1]
        _ = try reviewer.accept(trump.id, in: &document, ranges: [try TextRange(28, 40)])
        #expect(document.annotation(trump.id)?.ranges == [try TextRange(28, 40)])
        #expect(document.annotation(trump.id)?.snapshot == ["Donald Trump"])
        #expect(document.annotation(trump.id)?.history.last?.description == "accepted; range 35:40 changed to 28:40")
        do { _ = try reviewer.accept(proposals[1].readings[0].id, in: &document, category: "PER"); Issue.record("a category of another layer was taken") } catch {
            #expect(error.message.contains("'PER' is not declared in taxonomy 'quotation'"))
        }
        #expect(document.annotation(proposals[1].readings[0].id)?.isOpenProposal == true, "a refused decision changes nothing")
        let whale = proposals[5].readings[0]
        let pastTheEnd = [try TextRange(465, 100_000)]
        do { _ = try reviewer.accept(whale.id, in: &document, ranges: pastTheEnd); Issue.record("a range past the text was taken") } catch {
            #expect(error.message.contains("100000") && !error.hint.isEmpty, "\(error.message)")
        }
        #expect(document.annotation(whale.id)?.ranges == whale.ranges && document.annotation(whale.id)?.isOpenProposal == true)
    }

    @Test func decidedReadingsAndOtherAnnotationsCannotBeDecidedAgain() throws {
        var document = try Self.gold(.majority)
        let reviewer = Reviewer(reviewer: "ed", time: Self.later)
        let proposal = try #require(Reviewer.proposals(in: document).first)
        _ = try reviewer.accept(proposal.readings[0].id, in: &document)
        do { _ = try reviewer.accept(proposal.readings[0].id, in: &document); Issue.record("accepted twice") } catch {
            #expect(error.message == "annotation '\(proposal.readings[0].id)' was accepted already")
        }
        do { _ = try reviewer.reject("ent7", in: &document); Issue.record("a plain annotation was rejected") } catch {
            #expect(error.message == "annotation 'ent7' is not a proposal")
        }
        do { _ = try reviewer.accept("nothing", in: &document); Issue.record("an unknown id was accepted") } catch {
            #expect(error.message == "the file has no annotation 'nothing'" && error.isUsage)
        }
    }

    @Test func batchFormsDecideWhatTheyCanAndLeaveTheRest() throws {
        let reviewer = Reviewer(reviewer: "ed", time: Self.later)
        var byMajority = try Self.gold(.unanimous)
        let (majority, leftByMajority) = try reviewer.acceptMajority(in: &byMajority)
        #expect(majority.accepted.count == 5 && leftByMajority == 1, "the three-way split stays open")
        #expect(Reviewer.proposals(in: byMajority).map(\.conflict) == ["c4"])
        var fromCarol = try Self.gold(.unanimous)
        let (carol, leftByCarol) = try reviewer.acceptAll(from: "carol", in: &fromCarol)
        #expect(carol.accepted.count == 6 && leftByCarol == 0)
        #expect(fromCarol.annotations.contains { $0.layer == .quotation && $0.links == [Link(role: .speaker, target: .unknown)] && $0.curationStatus == .accepted })
        var fromBob = try Self.gold(.unanimous)
        let (_, leftByBob) = try reviewer.acceptAll(from: "bob", in: &fromBob)
        #expect(leftByBob == 2, "bob made no reading of Ukraine or of the white whale")
    }

    @Test func rejectingEveryReadingLeavesNothingThere() throws {
        var document = try Self.gold(.unanimous)
        let reviewer = Reviewer(reviewer: "ed", time: Self.later)
        let whale = try #require(Reviewer.proposals(in: document).last)
        let outcome = try reviewer.rejectAll(whale, in: &document)
        #expect(outcome.removed == [whale.readings[0].id.rawValue])
        #expect(document.annotation(whale.readings[0].id) == nil)
    }

    @Test func linksToARejectedReadingMoveToTheAcceptedOne() throws {
        var document = try Self.gold(.unanimous)
        let proposal = Reviewer.proposals(in: document)[0]
        let (kept, rejected) = (proposal.readings[0].id, proposal.readings[1].id)
        try document.add(Taxonomy(id: "claim", categories: [Category(id: "checked", description: "checked")]))
        try document.add(Annotation(id: "claim1", layer: try Layer("claim"), category: "checked", ranges: [try TextRange(0, 10)],
                                    links: [Link(role: .target, target: .id(rejected))]))
        let outcome = try Reviewer(reviewer: "ed", time: Self.later).accept(kept, in: &document)
        #expect(outcome.redirectedLinks == 1 && outcome.removed == [rejected.rawValue])
        #expect(document.annotation("claim1")?.links == [Link(role: .target, target: .id(kept))])
    }

    @Test func aReadingOthersLinkToIsKeptRejectedWhenNothingReplacesIt() throws {
        var document = try Self.gold(.unanimous)
        let whale = try #require(Reviewer.proposals(in: document).last?.readings.first)
        try document.add(Taxonomy(id: "claim", categories: [Category(id: "checked", description: "checked")]))
        try document.add(Annotation(id: "claim1", layer: try Layer("claim"), category: "checked", ranges: [try TextRange(0, 10)],
                                    links: [Link(role: .target, target: .id(whale.id))]))
        let outcome = try Reviewer(reviewer: "ed", time: Self.later).reject(whale.id, in: &document)
        #expect(outcome.keptRejected == [whale.id.rawValue])
        #expect(document.annotation(whale.id)?.history.last?.description == "rejected; kept because other annotations link to it")
    }

    @Test(arguments: [
        ("1", ReviewKey.accept(1)), (" 2 ", .accept(2)), ("c 1 ORG", .acceptWithCategory(1, "ORG")), ("e 2 120 135", .acceptWithRange(2, start: 120, end: 135)),
        ("r", .rejectAll), ("S", .skip), ("b", .back), ("q", .quit), ("?", .help),
    ])
    func keysAreRead(line: String, key: ReviewKey) throws {
        #expect(try ReviewKey(parsing: line, readings: 2) == key)
    }

    @Test(arguments: ["3", "0", "", "x", "c 1", "c 1 not-an id", "e 1 5 2", "e 1 -1 4", "r now"])
    func aKeyThatIsNotOneSaysWhatTheKeysAre(line: String) {
        do { _ = try ReviewKey(parsing: line, readings: 2); Issue.record("'\(line)' was read") } catch {
            #expect(error.isUsage && !error.hint.isEmpty)
        }
    }

    @Test func theScreenShowsTheParagraphTheMarkedSpanAndEachReading() throws {
        let document = try Self.gold(.unanimous)
        let proposal = Reviewer.proposals(in: document)[0]
        let screen = ReviewScreen.render(proposal, number: 1, of: 6, in: document, annotators: 3, colour: false)
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines[0] == "proposal 1 of 6 · conflict c1 · entity · boundaries")
        #expect(lines[1].hasPrefix("p1: To say that President-elect ⟦Donald Trump⟧ has many plans"))
        #expect(lines[2] == "  1  \(proposal.readings[0].id)  PER  \"Donald Trump\"  28:40  ref trump  · alice, carol (2 of 3)")
        #expect(lines[3] == "  2  \(proposal.readings[1].id)  PER  \"Trump\"  35:40  ref trump  · bob (1 of 3)")
        #expect(ReviewScreen.render(proposal, number: 1, of: 6, in: document, annotators: 3, colour: true).contains("\u{1B}[7mDonald Trump\u{1B}[0m"))
    }
}
