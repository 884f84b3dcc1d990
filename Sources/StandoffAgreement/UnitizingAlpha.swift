/// Krippendorff's unitizing alpha (αu): agreement on where units of a category begin and end
/// on a continuum (here: the code points of the text), chance-corrected against every way the
/// same units could have been placed (Krippendorff 1995, "On the reliability of unitizing
/// continuous data"; 2004, Content Analysis, 2nd ed.; as DKPro Statistics computes it).
///
/// Each annotator's continuum is a sequence of sections: units of the category and the gaps
/// between them. The observed disagreement sums, over each pair of annotators and each pair of
/// their sections that intersect, δ² = (difference of beginnings)² + (difference of ends)² for two
/// units, the unit's length² for a unit lying within the other's gap, and 0 otherwise.
public enum UnitizingAlpha {
    public struct Unit: Sendable, Equatable {
        public var begin: Int
        public var length: Int
        public var annotator: Int
        public var category: String

        public init(begin: Int, length: Int, annotator: Int, category: String) {
            self.begin = begin
            self.length = length
            self.annotator = annotator
            self.category = category
        }
    }

    /// A section of one annotator's continuum.
    struct Section { var begin: Int; var length: Int; var isUnit: Bool; var end: Int { begin + length } }

    /// Units of the same category by one annotator may not overlap: overlapping ones are
    /// joined, as one stretch of that category (units that only touch stay two). A gap never runs across a break (the
    /// start of another document or paragraph laid on the same continuum): it ends there and
    /// another begins, so that the stretches' order on the continuum changes nothing.
    static func sections(_ units: [Unit], annotator: Int, category: String, begin: Int, length: Int, breaks: [Int] = []) -> [Section] {
        sections(of: units.filter { $0.annotator == annotator && $0.category == category }, begin: begin, length: length, breaks: breaks)
    }

    /// The sections of one annotator's units of one category (`mine`, in any order).
    static func sections(of mine: [Unit], begin: Int, length: Int, breaks: [Int]) -> [Section] {
        let mine = mine.sorted { ($0.begin, $0.length) < ($1.begin, $1.length) }
        var joined: [(begin: Int, end: Int)] = []
        for unit in mine {
            if let last = joined.last, unit.begin < last.end { joined[joined.count - 1].end = max(last.end, unit.begin + unit.length) } else {
                joined.append((unit.begin, unit.begin + unit.length))
            }
        }
        var sections: [Section] = []
        var nextBreak = 0
        func gap(from start: Int, to end: Int) {
            var start = start
            while nextBreak < breaks.count && breaks[nextBreak] <= start { nextBreak += 1 }
            while nextBreak < breaks.count && breaks[nextBreak] < end {
                sections.append(Section(begin: start, length: breaks[nextBreak] - start, isUnit: false))
                start = breaks[nextBreak]
                nextBreak += 1
            }
            if end > start { sections.append(Section(begin: start, length: end - start, isUnit: false)) }
        }
        var position = begin
        for unit in joined {
            if unit.begin > position { gap(from: position, to: unit.begin) }
            sections.append(Section(begin: unit.begin, length: unit.end - unit.begin, isUnit: true))
            position = unit.end
        }
        if position < begin + length { gap(from: position, to: begin + length) }
        return sections
    }

    static func distance(_ g: Section, _ h: Section) -> Double {
        let (begins, ends) = (Double(g.begin - h.begin), Double(g.end - h.end))
        if g.isUnit && h.isUnit { return begins * begins + ends * ends }
        if g.isUnit && !h.isUnit && h.begin <= g.begin && g.end <= h.end { return Double(g.length) * Double(g.length) }
        if !g.isUnit && h.isUnit && g.begin <= h.begin && h.end <= g.end { return Double(h.length) * Double(h.length) }
        return 0
    }

    /// The observed disagreement on `category`.
    public static func observed(_ units: [Unit], annotators: Int, begin: Int, length: Int, category: String, breaks: [Int] = []) -> Double {
        guard annotators >= 2, length > 0 else { return 0 }
        return observed((0..<annotators).map { sections(units, annotator: $0, category: category, begin: begin, length: length, breaks: breaks) },
                        length: length)
    }

    /// The observed disagreement over each annotator's sections of one category.
    static func observed(_ all: [[Section]], length: Int) -> Double {
        observed(sum: observedSum(all), annotators: all.count, length: length)
    }

    /// The observed disagreement from the sum of δ² over the pairs' intersecting sections.
    static func observed(sum: Double, annotators: Int, length: Int) -> Double {
        guard annotators >= 2, length > 0 else { return 0 }
        let l = Double(length)
        return 2 * sum / (Double(annotators * (annotators - 1)) * l * l)
    }

    /// Σ δ² over every pair of annotators and every pair of their sections that intersect: on
    /// stretches kept apart, the sum over the stretches.
    static func observedSum(_ all: [[Section]]) -> Double {
        let annotators = all.count
        guard annotators >= 2 else { return 0 }
        var total = 0.0
        for a in 0..<annotators {
            for b in (a + 1)..<annotators {
                // Every pair of intersecting sections, once: walk both sequences together.
                var (i, j) = (0, 0)
                let (x, y) = (all[a], all[b])
                while i < x.count && j < y.count {
                    total += distance(x[i], y[j])
                    if x[i].end < y[j].end { i += 1 } else if y[j].end < x[i].end { j += 1 } else { i += 1; j += 1 }
                }
            }
        }
        return total
    }

    /// The expected disagreement on `category`: over every placement of the same units on the
    /// continuum.
    public static func expected(_ units: [Unit], annotators: Int, begin: Int, length: Int, category: String, breaks: [Int] = []) -> Double {
        expected((0..<annotators).map { sections(units, annotator: $0, category: category, begin: begin, length: length, breaks: breaks) },
                 length: length)
    }

    /// The expected disagreement over each annotator's sections of one category.
    static func expected(_ all: [[Section]], length: Int) -> Double {
        var units: [Int: Int] = [:]
        var gaps: [Int: Int] = [:]
        for section in all.joined() {
            if section.isUnit { units[section.length, default: 0] += 1 } else { gaps[section.length, default: 0] += 1 }
        }
        return expected(unitLengths: units, gapLengths: gaps, annotators: all.count, length: length)
    }

    /// The expected disagreement from what it depends on: how many units and gaps of each
    /// length the annotators' sections hold, over a continuum of `length` (so that the
    /// bootstrap can add these counts up paragraph by paragraph). Summed in order of length.
    static func expected(unitLengths: [Int: Int], gapLengths: [Int: Int], annotators: Int, length: Int) -> Double {
        let units = unitLengths.sorted { $0.key > $1.key }
        let gaps = gapLengths.sorted { $0.key > $1.key }
        let n = Double(units.reduce(0) { $0 + $1.value })
        var numerator = 0.0
        var squaredLengths = 0.0
        // Walking the units from the longest down, the gaps not shorter than each: their count and sum.
        var (next, count, sum) = (0, 0.0, 0.0)
        for (unitLength, times) in units {
            while next < gaps.count && gaps[next].key >= unitLength {
                count += Double(gaps[next].value)
                sum += Double(gaps[next].key) * Double(gaps[next].value)
                next += 1
            }
            let (l, m) = (Double(unitLength), Double(times))
            squaredLengths += m * l * (l - 1)
            numerator += m * ((n - 1) * (2 * l * l * l - 3 * l * l + l) / 3 + l * l * (sum - count * (l - 1)))
        }
        let (r, total) = (Double(annotators), Double(length))
        let denominator = r * total * (r * total - 1) - squaredLengths
        guard denominator > 0 else { return 0 }
        return numerator * 2 / total / denominator
    }

    /// What one stretch of the continuum (a paragraph, in the bootstrap) holds of one category:
    /// the sum of δ² over its intersecting sections and its sections' lengths. Stretches kept
    /// apart add up, so that a resample of paragraphs adds these instead of laying out units.
    struct StretchCounts: Sendable {
        var observedSum = 0.0
        var unitLengths: [Int: Int] = [:]
        var gapLengths: [Int: Int] = [:]

        /// The counts of `units` (offsets within the stretch) on a stretch of `length`, by category.
        static func byCategory(_ units: [Unit], annotators: Int, length: Int) -> [String: StretchCounts] {
            var grouped: [String: [[Unit]]] = [:]
            for unit in units where unit.annotator >= 0 && unit.annotator < annotators {
                grouped[unit.category, default: Array(repeating: [], count: annotators)][unit.annotator].append(unit)
            }
            return grouped.mapValues { perAnnotator in
                let all = perAnnotator.map { sections(of: $0, begin: 0, length: length, breaks: []) }
                var counts = StretchCounts(observedSum: UnitizingAlpha.observedSum(all))
                for section in all.joined() {
                    if section.isUnit { counts.unitLengths[section.length, default: 0] += 1 } else { counts.gapLengths[section.length, default: 0] += 1 }
                }
                return counts
            }
        }
    }

    /// αu for `category`, or over every category (the mean observed over the mean expected
    /// disagreement) when `category` is nil. `breaks` are the sorted offsets where another
    /// stretch (document, paragraph) starts on the continuum: no gap runs across one.
    public static func alpha(_ units: [Unit], annotators: Int, begin: Int, length: Int, category: String? = nil, breaks: [Int] = []) -> Measure {
        // The units by category and annotator, sorted out once: each category's sections are
        // made once and serve both disagreements.
        var grouped: [String: [[Unit]]] = [:]
        for unit in units where unit.annotator >= 0 && unit.annotator < annotators && (category == nil || unit.category == category) {
            grouped[unit.category, default: Array(repeating: [], count: annotators)][unit.annotator].append(unit)
        }
        let categories = category.map { [$0] } ?? grouped.keys.sorted()
        guard annotators >= 2 else { return .undefined("fewer than two annotators") }
        guard !categories.isEmpty, length > 0 else { return .undefined("no units to compare") }
        var (observed, expected) = (0.0, 0.0)
        for name in categories {
            let all = (grouped[name] ?? Array(repeating: [], count: annotators)).map { sections(of: $0, begin: begin, length: length, breaks: breaks) }
            observed += self.observed(all, length: length)
            expected += self.expected(all, length: length)
        }
        return measure(observed: observed, expected: expected)
    }

    /// αu from the disagreements summed over the categories.
    static func measure(observed: Double, expected: Double) -> Measure {
        guard expected > 0 else { return .undefined("the units leave no room for disagreement by chance: alpha is undefined") }
        return .of(1 - observed / expected)
    }
}
