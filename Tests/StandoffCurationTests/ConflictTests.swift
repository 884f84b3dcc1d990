import Foundation
@testable import StandoffCuration
import StandoffModel
import Testing

/// Which readings compete, and the work of finding them.
@Suite("Conflicts between readings")
struct ConflictTests {
    static func key(_ start: Int, _ end: Int, _ category: Identifier? = "PER", layer: Layer = .entity, links: [LinkKey] = []) -> ReadingKey {
        ReadingKey(layer: layer, ranges: [try! TextRange(start, end)], category: category, correction: nil, links: links)
    }

    static func reading(_ key: ReadingKey, by supporters: [Int]) -> Reading {
        Reading(key: key, annotation: Annotation(id: "x", layer: key.layer, category: key.category, ranges: key.ranges), representativeInput: supporters[0],
                supporters: supporters, sources: [], givenRanges: supporters.map { _ in key.ranges }, times: [])
    }

    @Test func competitionNamesWhatDiffers() {
        let ref = { (id: Identifier) in LinkKey(role: "ref", target: .declared(id)) }
        #expect(ConflictFinder.competition(Self.key(0, 5), Self.key(0, 5, "ORG")) == [.category])
        #expect(ConflictFinder.competition(Self.key(0, 5, links: [ref("kim")]), Self.key(0, 5, links: [ref("moon")])) == [.ref])
        #expect(ConflictFinder.competition(Self.key(0, 5, "indirect", layer: .quotation, links: [LinkKey(role: "speaker", target: .unknown)]),
                                           Self.key(0, 5, "direct", layer: .quotation, links: [LinkKey(role: "speaker", target: .declared("kim"))])) == [.category, .speaker])
        #expect(ConflictFinder.competition(Self.key(0, 5), Self.key(3, 9)) == [.boundaries])
        #expect(ConflictFinder.competition(Self.key(0, 5), Self.key(3, 9, "ORG")).isEmpty, "a nested mention of another kind is its own reading")
        #expect(ConflictFinder.competition(Self.key(0, 5), Self.key(5, 9)).isEmpty, "touching is not overlapping")
        #expect(ConflictFinder.competition(Self.key(0, 5, links: [ref("kim")]), Self.key(3, 9, links: [ref("moon")])).isEmpty)
    }

    @Test func anAnnotatorWhoMadeBothReadingsHoldsThemCompatible() {
        // Annotator 0 read the span as PER and as ORG: no conflict between the two.
        let double = [Self.reading(Self.key(0, 5), by: [0]), Self.reading(Self.key(0, 5, "ORG"), by: [0])]
        #expect(ConflictFinder.conflicts(among: double).conflicts.map(\.readings) == [[0], [1]])
        // Annotator 2's GPE competes with both, and joins them into one conflict.
        let readings = double + [Self.reading(Self.key(0, 5, "GPE"), by: [2])]
        let conflicts = ConflictFinder.conflicts(among: readings).conflicts
        #expect(conflicts.map(\.readings) == [[0, 1, 2]])
        #expect(conflicts.first?.kinds == [.category])
    }

    @Test func readingsApartAreNeverCompared() {
        // 10,000 readings side by side: the sweep keeps none open past its end.
        let readings = (0..<10_000).map { Self.reading(Self.key($0 * 10, $0 * 10 + 5), by: [$0 % 3]) }
        let (conflicts, comparisons) = ConflictFinder.conflicts(among: readings)
        #expect(comparisons == 0)
        #expect(conflicts.count == 10_000)
        // Pairs that overlap are compared once each: 1,000 pairs of two readings of one span.
        let pairs = (0..<1_000).flatMap { [Self.reading(Self.key($0 * 10, $0 * 10 + 5), by: [0]), Self.reading(Self.key($0 * 10, $0 * 10 + 5, "ORG"), by: [1])] }
        let found = ConflictFinder.conflicts(among: pairs)
        #expect(found.comparisons == 1_000 && found.conflicts.count == 1_000)
        #expect(found.conflicts.allSatisfy { $0.kinds == [.category] && $0.readings.count == 2 })
    }
}

/// Annotator ids made from file and directory names.
@Suite("Annotators named after their files")
struct AnnotatorNameTests {
    @Test func namesBecomeValidDistinctIDs() {
        #expect(MergeInputs.names(["alice", "bob", "alice"]).map(\.rawValue) == ["alice", "bob", "alice-2"])
        #expect(MergeInputs.names(["2nd pass", "ann/b", ""]).map(\.rawValue) == ["a-2nd-pass", "ann-b", "a-"])
        #expect(MergeInputs.names(["Zoë", "_x"]).map(\.rawValue) == ["Zoë", "_x"])
    }
}
