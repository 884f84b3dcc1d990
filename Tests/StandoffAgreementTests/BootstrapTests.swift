@testable import StandoffAgreement
import StandoffModel
import Testing
import TestSupport

/// The bootstrap's shortcuts give the figures the long way gives: the unitizing alpha of a
/// resample made from each paragraph's counts equals αu computed on the drawn paragraphs laid out
/// (each its own stretch) in the order drawn, and the draws are the same on any number of cores.
@Suite("The bootstrap")
struct BootstrapTests {
    /// Three annotators' random spans over a text of random paragraphs.
    static func comparison(seed: UInt64) throws -> Comparison {
        var generator = SeededGenerator(seed: seed)
        let words = ["Kim", "met", "Trump", "in", "Hanoi", "and", "the", "talks", "failed"]
        let paragraphs = (0..<12).map { _ in (0..<Int.random(in: 3...14, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") }
        let text = try SourceText(paragraphs.joined(separator: "\n"))
        var annotations: [String: [Annotation]] = [:]
        for annotator in ["a", "b", "c"] {
            var made: [Annotation] = []
            for (index, paragraph) in text.paragraphs.enumerated() where paragraph.length > 2 && Bool.random(using: &generator) {
                for number in 0..<Int.random(in: 1...3, using: &generator) {
                    let start = paragraph.start + Int.random(in: 0..<(paragraph.length - 1), using: &generator)
                    let end = min(paragraph.end, start + Int.random(in: 1...8, using: &generator))
                    made.append(Annotation(id: try Identifier("\(annotator)\(index)x\(number)"), layer: .entity,
                                           category: try Identifier(["PER", "GPE", "ORG"].randomElement(using: &generator)!),
                                           ranges: [try TextRange(start, end)]))
                }
            }
            annotations[annotator] = made
        }
        var comparison = Comparison(annotators: ["a", "b", "c"], layers: ["entity"])
        comparison.add(AnnotatedText(name: "d", text: text, annotations: annotations))
        return comparison
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func unitizingAlphaFromParagraphCountsEqualsTheLongWay(seed: UInt64) throws {
        let comparison = try Self.comparison(seed: seed)
        let figures = Figures(comparison)
        let bootstrap = Bootstrap(figures: figures, estimators: [], layers: ["entity"])
        var generator = SeededGenerator(seed: seed &+ 100)
        var compared = 0
        for _ in 0..<20 {
            let count = comparison.unitizingParagraphs.count
            let chosen = (0..<count).map { _ in Int.random(in: 0..<count, using: &generator) }
            // The long way: the drawn paragraphs' units laid out, a break at each paragraph.
            var units: [UnitizingAlpha.Unit] = []
            var breaks: [Int] = []
            var offset = 0
            for index in chosen where comparison.unitizingParagraphs[index].length > 0 {
                let paragraph = comparison.unitizingParagraphs[index]
                units += (paragraph.units["entity"] ?? []).map { UnitizingAlpha.Unit(begin: $0.begin + offset, length: $0.length, annotator: $0.annotator, category: $0.category) }
                if offset > 0 { breaks.append(offset) }
                offset += paragraph.length
            }
            let longWay = UnitizingAlpha.alpha(units, annotators: 3, begin: 0, length: offset, breaks: breaks).value
            var times = [Int32](repeating: 0, count: count)
            for index in chosen { times[index] += 1 }
            let shortcut = bootstrap.unitizingAlpha(times)[0]
            #expect((longWay == nil) == (shortcut == nil))
            if let longWay, let shortcut {
                #expect(abs(longWay - shortcut) < 1e-12, "\(longWay) \(shortcut)")
                compared += 1
            }
        }
        #expect(compared > 10)
    }

    @Test func theGeneratorSkippedAheadMakesTheSameDraws() {
        var sequential = SplitMix64(seed: 42)
        var draws: [UInt64] = []
        for _ in 0..<50 { draws.append(sequential.next()) }
        var skipped = SplitMix64(seed: 42, skipping: 30)
        #expect(Array(draws[30...]) == (30..<50).map { _ in skipped.next() })
    }
}
