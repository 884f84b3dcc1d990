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

    /// Units of the same category by one annotator may not overlap: overlapping or touching
    /// ones are joined, as one stretch of that category.
    static func sections(_ units: [Unit], annotator: Int, category: String, begin: Int, length: Int) -> [Section] {
        let mine = units.filter { $0.annotator == annotator && $0.category == category }.sorted { $0.begin < $1.begin }
        var joined: [(begin: Int, end: Int)] = []
        for unit in mine {
            if let last = joined.last, unit.begin < last.end { joined[joined.count - 1].end = max(last.end, unit.begin + unit.length) } else {
                joined.append((unit.begin, unit.begin + unit.length))
            }
        }
        var sections: [Section] = []
        var position = begin
        for unit in joined {
            if unit.begin > position { sections.append(Section(begin: position, length: unit.begin - position, isUnit: false)) }
            sections.append(Section(begin: unit.begin, length: unit.end - unit.begin, isUnit: true))
            position = unit.end
        }
        if position < begin + length { sections.append(Section(begin: position, length: begin + length - position, isUnit: false)) }
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
    public static func observed(_ units: [Unit], annotators: Int, begin: Int, length: Int, category: String) -> Double {
        guard annotators >= 2, length > 0 else { return 0 }
        let all = (0..<annotators).map { sections(units, annotator: $0, category: category, begin: begin, length: length) }
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
        let l = Double(length)
        return 2 * total / (Double(annotators * (annotators - 1)) * l * l)
    }

    /// The expected disagreement on `category`: over every placement of the same units on the
    /// continuum.
    public static func expected(_ units: [Unit], annotators: Int, begin: Int, length: Int, category: String) -> Double {
        let all = (0..<annotators).map { sections(units, annotator: $0, category: category, begin: begin, length: length) }
        let unitLengths = all.flatMap { $0.filter(\.isUnit).map(\.length) }
        let gaps = all.flatMap { $0.filter { !$0.isUnit }.map(\.length) }.sorted(by: >)
        // Sums of the gaps not shorter than each length, by binary search on the sorted gaps.
        var prefix = [0.0]
        for gap in gaps { prefix.append(prefix.last! + Double(gap)) }
        func atLeast(_ length: Int) -> (count: Int, sum: Double) {
            var (low, high) = (0, gaps.count)
            while low < high { let middle = (low + high) / 2; if gaps[middle] >= length { low = middle + 1 } else { high = middle } }
            return (low, prefix[low])
        }
        let n = Double(unitLengths.count)
        var numerator = 0.0
        var squaredLengths = 0.0
        for unitLength in unitLengths {
            let l = Double(unitLength)
            squaredLengths += l * (l - 1)
            let (count, sum) = atLeast(unitLength)
            numerator += (n - 1) * (2 * l * l * l - 3 * l * l + l) / 3 + l * l * (sum - Double(count) * (l - 1))
        }
        let (r, total) = (Double(annotators), Double(length))
        let denominator = r * total * (r * total - 1) - squaredLengths
        guard denominator > 0 else { return 0 }
        return numerator * 2 / total / denominator
    }

    /// αu for `category`, or over every category (the mean observed over the mean expected
    /// disagreement) when `category` is nil.
    public static func alpha(_ units: [Unit], annotators: Int, begin: Int, length: Int, category: String? = nil) -> Measure {
        let categories = category.map { [$0] } ?? Array(Set(units.map(\.category))).sorted()
        guard annotators >= 2 else { return .undefined("fewer than two annotators") }
        guard !categories.isEmpty, length > 0 else { return .undefined("no units to compare") }
        let observed = categories.map { self.observed(units, annotators: annotators, begin: begin, length: length, category: $0) }.reduce(0, +)
        let expected = categories.map { self.expected(units, annotators: annotators, begin: begin, length: length, category: $0) }.reduce(0, +)
        guard expected > 0 else { return .undefined("the units leave no room for disagreement by chance: alpha is undefined") }
        return .of(1 - observed / expected)
    }
}
