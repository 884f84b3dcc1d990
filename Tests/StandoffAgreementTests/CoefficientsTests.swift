import StandoffAgreement
import Testing

/// The coefficients against the worked examples published with them (and the values PyPI's
/// scikit-learn, statsmodels and krippendorff give for the same data).
@Suite("Agreement coefficients")
struct CoefficientsTests {
    @Test func cohensKappaOfTheTextbookExample() throws {
        // 50 applications, two readers: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: κ = 0.4.
        var table = Coefficients.PairTable()
        table.add("yes", "yes", times: 20)
        table.add("yes", "no", times: 5)
        table.add("no", "yes", times: 10)
        table.add("no", "no", times: 15)
        #expect(abs(try #require(Coefficients.cohenKappa(table).value) - 0.4) < 1e-12)
    }

    @Test func fleisssKappaOfTheWorkedExample() throws {
        // 10 subjects, 14 raters, 5 categories (the example of Fleiss' kappa's Wikipedia article):
        // κ = 0.20993070442195522 (statsmodels' fleiss_kappa).
        let rows = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
        var table = Coefficients.RatingTable()
        for row in rows { table.add(counts: Dictionary(uniqueKeysWithValues: row.enumerated().map { ("c\($0)", $1) })) }
        #expect(abs(try #require(Coefficients.fleissKappa(table).value) - 0.20993070442195522) < 1e-12)
    }

    @Test func krippendorffsAlphaOfTheWorkedExampleWithMissingValues() throws {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units,
        // nominal: α = 0.743 (krippendorff.alpha: 0.743421052631579).
        let data: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        var coincidences = Coefficients.Coincidences()
        for unit in 0..<12 { coincidences.add(unit: data.compactMap { $0[unit].map(String.init) }) }
        #expect(abs(try #require(Coefficients.krippendorffAlpha(coincidences).value) - 0.743421052631579) < 1e-12)
    }

    @Test func degenerateCasesAreExplainedNotNaN() {
        var one = Coefficients.PairTable()
        one.add("PER", "PER", times: 5)
        let kappa = Coefficients.cohenKappa(one)
        #expect(kappa.value == nil && kappa.undefinedBecause?.contains("same single category") == true)
        #expect(Coefficients.cohenKappa(Coefficients.PairTable()).undefinedBecause == "no units to compare")
        #expect(Coefficients.krippendorffAlpha(Coefficients.Coincidences()).value == nil)
        var same = Coefficients.RatingTable()
        same.add(unit: ["a", "a", "a"])
        #expect(Coefficients.fleissKappa(same).value == nil)
    }

    @Test func identicalLabelsAgreeFully() throws {
        var pairs = Coefficients.PairTable()
        var ratings = Coefficients.RatingTable()
        var coincidences = Coefficients.Coincidences()
        for label in ["a", "b", "c", "a", "none"] {
            pairs.add(label, label)
            ratings.add(unit: [label, label, label])
            coincidences.add(unit: [label, label, label])
        }
        #expect(try #require(Coefficients.cohenKappa(pairs).value) == 1)
        #expect(abs(try #require(Coefficients.fleissKappa(ratings).value) - 1) < 1e-12)
        #expect(abs(try #require(Coefficients.krippendorffAlpha(coincidences).value) - 1) < 1e-12)
    }
}
