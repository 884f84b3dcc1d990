import StandoffAgreement
import Testing

/// Krippendorff's unitizing alpha against Krippendorff's (1995: 57) example, as DKPro Statistics'
/// tests reproduce it: four pairs of coders on a continuum of 24, stretched.
@Suite("Unitizing alpha")
struct UnitizingAlphaTests {
    static func example(stretch: Double) -> (units: [UnitizingAlpha.Unit], length: Int) {
        let spans: [(Double, Double, Int, String)] = [
            (2, 8, 0, "A"), (14, 6, 0, "A"), (4, 4, 1, "A"), (15, 2, 1, "A"),
            (0, 18, 0, "B"), (0, 2, 1, "B"), (2, 1, 1, "B"), (3, 1, 1, "B"), (4, 1, 1, "B"), (5, 1, 1, "B"), (6, 3, 1, "B"), (9, 1, 1, "B"),
            (2, 6, 0, "C"), (10, 2, 0, "C"), (14, 4, 0, "C"), (20, 2, 0, "C"),
            (0, 2, 1, "C"), (4, 4, 1, "C"), (10, 4, 1, "C"), (16, 2, 1, "C"), (20, 2, 1, "C"),
            (0, 2, 0, "D"), (2, 8, 0, "D"), (10, 4, 0, "D"), (14, 6, 0, "D"), (20, 4, 0, "D"),
            (0, 4, 1, "D"), (4, 4, 1, "D"), (8, 7, 1, "D"), (15, 2, 1, "D"), (17, 7, 1, "D"),
        ]
        let units = spans.map { UnitizingAlpha.Unit(begin: Int($0.0 * stretch), length: Int($0.1 * stretch), annotator: $0.2, category: $0.3) }
        return (units, Int(24 * stretch))
    }

    @Test func observedDisagreementOfTheExample() {
        let (units, length) = Self.example(stretch: 1)
        for (category, expected) in [("A", 0.03125), ("B", 2.26736), ("C", 0.02777), ("D", 0.38715)] {
            let observed = UnitizingAlpha.observed(units, annotators: 2, begin: 0, length: length, category: category)
            #expect(abs(observed - expected) < 0.00001, "\(category): \(observed)")
        }
    }

    @Test func expectedDisagreementAndAlphaOfTheExample() throws {
        let (units, length) = Self.example(stretch: 50_000)
        for (category, expected, alpha) in [("A", 0.06990, 0.553), ("B", 1.17731, -0.926), ("C", 0.08642, 0.679), ("D", 0.41445, 0.066)] {
            let value = UnitizingAlpha.expected(units, annotators: 2, begin: 0, length: length, category: category)
            #expect(abs(value - expected) < 0.005, "\(category): \(value)")
            let measured = try #require(UnitizingAlpha.alpha(units, annotators: 2, begin: 0, length: length, category: category).value)
            #expect(abs(measured - alpha) < 0.02, "\(category): \(measured)")
        }
    }

    @Test func identicalUnitsAgreeFully() throws {
        let units = [UnitizingAlpha.Unit(begin: 3, length: 4, annotator: 0, category: "PER"), UnitizingAlpha.Unit(begin: 3, length: 4, annotator: 1, category: "PER"),
                     UnitizingAlpha.Unit(begin: 10, length: 2, annotator: 0, category: "ORG"), UnitizingAlpha.Unit(begin: 10, length: 2, annotator: 1, category: "ORG")]
        #expect(try #require(UnitizingAlpha.alpha(units, annotators: 2, begin: 0, length: 30).value) == 1)
        #expect(UnitizingAlpha.alpha([], annotators: 2, begin: 0, length: 30).value == nil)
    }
}
