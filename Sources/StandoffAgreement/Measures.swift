/// A chance-corrected agreement figure, or why there is none: a degenerate case is explained,
/// never a NaN.
public struct Measure: Equatable, Sendable, Codable {
    public var value: Double?
    /// Why `value` is missing (a single category, nothing to pair).
    public var undefinedBecause: String?

    public static func of(_ value: Double) -> Measure { Measure(value: value, undefinedBecause: nil) }
    public static func undefined(_ reason: String) -> Measure { Measure(value: nil, undefinedBecause: reason) }
}

/// Sufficient statistics of the agreement coefficients: plain sums, so that they add up over
/// paragraphs (for the bootstrap, which resamples paragraphs) and over documents.
public enum Coefficients {
    // MARK: Cohen's kappa (Cohen 1960)

    /// Two annotators' labels of the same units, counted as a confusion table.
    public struct PairTable: Sendable, Equatable {
        public var counts: [Pair: Int] = [:]
        public struct Pair: Hashable, Sendable { public var a: String, b: String }
        public init() {}
        public mutating func add(_ a: String, _ b: String, times: Int = 1) { counts[Pair(a: a, b: b), default: 0] += times }
        public mutating func add(_ other: PairTable) { counts.merge(other.counts, uniquingKeysWith: +) }
        public var total: Int { counts.values.reduce(0, +) }
    }

    /// κ = (p_o − p_e) / (1 − p_e), p_o the share of units labelled alike, p_e the agreement
    /// expected from each annotator's own label shares.
    public static func cohenKappa(_ table: PairTable) -> Measure {
        let total = Double(table.total)
        guard total > 0 else { return .undefined("no units to compare") }
        var observed = 0.0
        var marginalA: [String: Double] = [:]
        var marginalB: [String: Double] = [:]
        // Summed in a fixed order (a dictionary's order changes from run to run), so that the
        // figure is the same to the last digit every time.
        for (pair, count) in table.counts.sorted(by: { ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }) {
            if pair.a == pair.b { observed += Double(count) }
            marginalA[pair.a, default: 0] += Double(count)
            marginalB[pair.b, default: 0] += Double(count)
        }
        let po = observed / total
        let pe = marginalA.sorted { $0.key < $1.key }.reduce(0.0) { $0 + $1.value * (marginalB[$1.key] ?? 0) } / (total * total)
        guard pe < 1 else { return .undefined("both annotators gave every unit the same single category (observed agreement \(po)): kappa is undefined") }
        return .of((po - pe) / (1 - pe))
    }

    // MARK: Fleiss' kappa (Fleiss 1971)

    /// Units each labelled by the same number of annotators: per unit, how many gave each label.
    public struct RatingTable: Sendable, Equatable {
        public var units = 0
        public var raters = 0
        /// Σ over units of Σ_j n_ij², and per label Σ over units of n_ij.
        public var squares = 0
        public var labels: [String: Int] = [:]
        public init() {}
        /// One unit's labels, one from each annotator.
        public mutating func add(unit labelsGiven: [String]) {
            var counts: [String: Int] = [:]
            for label in labelsGiven { counts[label, default: 0] += 1 }
            add(counts: counts)
        }
        public mutating func add(counts: [String: Int]) {
            let n = counts.values.reduce(0, +)
            precondition(raters == 0 || raters == n, "Fleiss' kappa needs the same number of ratings for every unit")
            raters = n
            units += 1
            squares += counts.values.reduce(0) { $0 + $1 * $1 }
            labels.merge(counts, uniquingKeysWith: +)
        }
        public mutating func add(_ other: RatingTable) {
            guard other.units > 0 else { return }
            precondition(raters == 0 || raters == other.raters)
            raters = other.raters
            units += other.units
            squares += other.squares
            labels.merge(other.labels, uniquingKeysWith: +)
        }
    }

    /// κ = (P̄ − P̄e) / (1 − P̄e), P̄ the mean agreement among the raters of a unit, P̄e the sum of
    /// the squared label shares.
    public static func fleissKappa(_ table: RatingTable) -> Measure {
        let (n, raters) = (Double(table.units), Double(table.raters))
        guard table.units > 0 else { return .undefined("no units to compare") }
        guard table.raters >= 2 else { return .undefined("fewer than two annotators") }
        let meanAgreement = (Double(table.squares) - n * raters) / (n * raters * (raters - 1))
        let expected = table.labels.sorted { $0.key < $1.key }.reduce(0.0) { $0 + pow2(Double($1.value) / (n * raters)) }
        guard expected < 1 else { return .undefined("every annotator gave every unit the same single category: kappa is undefined") }
        return .of((meanAgreement - expected) / (1 - expected))
    }

    // MARK: Krippendorff's alpha, nominal (Krippendorff 2004; 2011, "Computing Krippendorff's Alpha-Reliability")

    /// The coincidence matrix of the values of units with at least two values (missing values
    /// left out): each ordered pair of values within a unit adds 1/(m−1).
    public struct Coincidences: Sendable, Equatable {
        public var matrix: [Coefficients.PairTable.Pair: Double] = [:]
        public init() {}
        /// One unit's values, one per annotator who gave one.
        public mutating func add(unit values: [String]) {
            let m = values.count
            guard m >= 2 else { return }
            let weight = 1 / Double(m - 1)
            for i in 0..<m { for j in 0..<m where i != j { matrix[.init(a: values[i], b: values[j]), default: 0] += weight } }
        }
        public mutating func add(_ other: Coincidences) { matrix.merge(other.matrix, uniquingKeysWith: +) }
    }

    /// α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, nominal distances.
    public static func krippendorffAlpha(_ coincidences: Coincidences) -> Measure {
        var marginal: [String: Double] = [:]
        var disagreement = 0.0
        for (pair, weight) in coincidences.matrix.sorted(by: { ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }) {
            marginal[pair.a, default: 0] += weight
            if pair.a != pair.b { disagreement += weight }
        }
        let marginals = marginal.sorted { $0.key < $1.key }.map(\.value)
        let n = marginals.reduce(0, +)
        guard n > 1 else { return .undefined("no unit has values from two annotators") }
        let squares = marginals.reduce(0.0) { $0 + $1 * $1 }
        let expected = n * n - squares
        guard expected > 0 else { return .undefined("all pairable values are the same category: alpha is undefined") }
        return .of(1 - (n - 1) * disagreement / expected)
    }

    static func pow2(_ x: Double) -> Double { x * x }
}
