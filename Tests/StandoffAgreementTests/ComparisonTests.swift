import StandoffAgreement
import StandoffModel
import Testing

/// What `agree` compares: spans exactly and by overlap, token labels, attributes of matched spans.
@Suite("Comparing annotators")
struct ComparisonTests {
    static let text = SourceText("Kim met Trump in Hanoi.\nNo deal came of it.")

    func entity(_ id: Identifier, _ start: Int, _ end: Int, _ category: Identifier, ref: Identifier? = nil) -> Annotation {
        Annotation(id: id, layer: .entity, category: category, ranges: [try! TextRange(start, end)],
                   links: ref.map { [Link(role: .ref, target: .id($0))] } ?? [])
    }

    func report(_ a: [Annotation], _ b: [Annotation], resamples: Int = 0) -> AgreementReport {
        let inputs = AgreementInputs(annotators: ["a", "b"], texts: [AnnotatedText(name: "d", text: Self.text, annotations: ["a": a, "b": b])])
        return AgreementReport(inputs, resamples: resamples, seed: 7)
    }

    @Test func exactAndRelaxedSpanMatching() throws {
        let a = [entity("e1", 0, 3, "PER", ref: "kim"), entity("e2", 8, 13, "PER", ref: "trump"), entity("e3", 17, 22, "GPE")]
        let b = [entity("x1", 0, 3, "PER", ref: "kim"), entity("x2", 8, 12, "PER", ref: "trump"), entity("x3", 17, 22, "LOC"), entity("x4", 24, 26, "MISC")]
        let layer = try #require(report(a, b).layers.first)
        let pair = try #require(layer.pairs.first)
        // Exact: e1 = x1 only. P = 1/4, R = 1/3, F1 = 2·1/7.
        #expect((pair.exact.reference, pair.exact.predicted, pair.exact.matched) == (3, 4, 1))
        let exactF1 = try #require(pair.exact.f1.value)
        #expect(pair.exact.precision == 0.25 && abs(exactF1 - 2.0 / 7) < 1e-12)
        // Relaxed: e2 and x2 overlap with the same category; e3/x3 differ in category.
        let relaxedF1 = try #require(pair.relaxed.f1.value)
        #expect(pair.relaxed.matched == 2 && abs(relaxedF1 - 4.0 / 7) < 1e-12)
        #expect(pair.confusion["GPE"]?["LOC"] == 1 && pair.confusion["none"]?["MISC"] == 1 && pair.confusion["PER"]?["PER"] == 2)
        let ref = try #require(pair.attributes.first { $0.attribute == "ref" })
        #expect(ref.pairs == 1 && ref.agreeing == 1)
    }

    @Test func identicalAnnotationsAgreeFullyEverywhere() throws {
        let a = [entity("e1", 0, 3, "PER", ref: "kim"), entity("e2", 8, 13, "PER", ref: "trump"), entity("e3", 17, 22, "GPE")]
        let layer = try #require(report(a, a, resamples: 50).layers.first)
        let pair = try #require(layer.pairs.first)
        for estimate in [pair.exact.f1, pair.relaxed.f1, pair.tokenKappa, layer.fleissKappa, layer.krippendorffAlpha, layer.unitizingAlpha] {
            #expect(abs((estimate.value ?? 0) - 1) < 1e-12, "\(estimate)")
            #expect(estimate.low.map { abs($0 - 1) < 1e-12 } ?? true)
        }
        #expect(report(a, a).disagreements.isEmpty)
    }

    @Test func tokensTakeTheEarliestThenLongestAnnotation() {
        let tokens = Tokens(Self.text)
        // "Kim met Trump": a long MISC from 0 and a PER on Kim; Kim's token takes the longer one
        // starting at the same place, "met" too.
        let labels = Comparison.tokenLabelsForTesting([entity("e1", 0, 3, "PER"), entity("e2", 0, 7, "MISC"), entity("e3", 4, 13, "ORG")], tokens: tokens)
        #expect(Array(labels.prefix(4)) == ["MISC", "MISC", "ORG", "none"])
    }

    @Test func disagreementsAreListedOnceForAdjudication() {
        let a = [entity("e1", 8, 13, "PER")]
        let b = [entity("x1", 8, 13, "ORG"), entity("x2", 17, 22, "GPE")]
        let items = report(a, b).disagreements
        #expect(items.count == 2)
        #expect(items.first?.said == ["a": "PER", "b": "ORG"] && items.first?.text == "Trump")
        #expect(items.last?.said == ["a": "-", "b": "GPE"])
    }

    @Test func theBootstrapIsRepeatable() throws {
        let a = [entity("e1", 0, 3, "PER"), entity("e3", 17, 22, "GPE"), entity("e4", 24, 26, "MISC")]
        let b = [entity("x1", 0, 3, "PER"), entity("x3", 17, 22, "LOC")]
        let first = try #require(report(a, b, resamples: 200).layers.first?.pairs.first?.exact.f1)
        let again = try #require(report(a, b, resamples: 200).layers.first?.pairs.first?.exact.f1)
        #expect(first == again && first.low != nil && first.high != nil)
        let (low, value, high) = (try #require(first.low), try #require(first.value), try #require(first.high))
        #expect(low <= value && value <= high)
    }

    /// Documents are kept apart on the unitizing continuum: a gap at the end of one does not run
    /// into a gap at the start of the next, so αu is the same in whatever order they come.
    @Test func unitizingAlphaDoesNotDependOnTheOrderOfDocuments() throws {
        let other = SourceText("Trump left. Kim stayed home in Pyongyang.")
        let first = AnnotatedText(name: "d", text: Self.text, annotations: [
            "a": [entity("e1", 0, 3, "PER"), entity("e2", 8, 13, "PER")], "b": [entity("x1", 0, 3, "PER"), entity("x2", 9, 13, "PER")]])
        let second = AnnotatedText(name: "o", text: other, annotations: [
            "a": [entity("e3", 12, 15, "PER"), entity("e4", 31, 40, "GPE")], "b": [entity("x3", 12, 15, "PER"), entity("x4", 30, 40, "GPE")]])
        let forwards = AgreementReport(AgreementInputs(annotators: ["a", "b"], texts: [first, second]), resamples: 0, seed: 1)
        let backwards = AgreementReport(AgreementInputs(annotators: ["a", "b"], texts: [second, first]), resamples: 0, seed: 1)
        let alpha = try #require(forwards.layers.first?.unitizingAlpha.value)
        #expect(alpha == backwards.layers.first?.unitizingAlpha.value)
        #expect(forwards.layers.first?.unitizingAlphaByCategory == backwards.layers.first?.unitizingAlphaByCategory)
        // A break splits a gap in two: the expected disagreement sees two shorter gaps.
        let units = [UnitizingAlpha.Unit(begin: 2, length: 2, annotator: 0, category: "X"), UnitizingAlpha.Unit(begin: 2, length: 3, annotator: 1, category: "X")]
        let joined = UnitizingAlpha.expected(units, annotators: 2, begin: 0, length: 20, category: "X")
        let apart = UnitizingAlpha.expected(units, annotators: 2, begin: 0, length: 20, category: "X", breaks: [10])
        #expect(joined != apart)
    }

    /// One long paragraph (a JSON Lines document has no line breaks) of many spans: matching
    /// compares the spans that meet, not every pair (which made 20,000 spans take 35 s), and
    /// finds what comparing every pair finds.
    @Test func aLongParagraphIsMatchedByTheSpansThatMeet() throws {
        let count = 4_000
        let text = SourceText(String(repeating: "word ", count: count * 2))
        // a marks every other word; b the same, one in ten shifted by a letter, one in ten relabelled.
        let a = (0..<count).map { entity(Identifier(stringLiteral: "a\($0)"), $0 * 10, $0 * 10 + 4, "PER") }
        let b = (0..<count).map { i in
            entity(Identifier(stringLiteral: "b\(i)"), i * 10 + (i % 10 == 3 ? 1 : 0), i * 10 + 4, i % 10 == 7 ? "ORG" : "PER")
        }
        var comparison = Comparison(annotators: ["a", "b"], layers: ["entity"])
        comparison.add(AnnotatedText(name: "d", text: text, annotations: ["a": a, "b": b]))
        // Two matchings (same category, any category), each span meeting its one partner.
        #expect(comparison.overlapTests <= 2 * 2 * count, "\(comparison.overlapTests) pairs compared for \(count) spans each")
        let inputs = AgreementInputs(annotators: ["a", "b"], texts: [AnnotatedText(name: "d", text: text, annotations: ["a": a, "b": b])])
        let pair = try #require(AgreementReport(inputs, resamples: 0, seed: 1).layers.first?.pairs.first)
        #expect((pair.exact.reference, pair.exact.predicted, pair.exact.matched) == (count, count, count - 2 * count / 10))
        #expect(pair.relaxed.matched == count - count / 10)
        #expect(pair.confusion["PER"]?["ORG"] == count / 10 && pair.confusion["PER"]?["PER"] == count - count / 10)
    }
}
