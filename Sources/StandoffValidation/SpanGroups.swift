import StandoffModel

/// Annotations that cover exactly the same ranges, for the rules that compare them.
///
/// Files are large and such groups are few: annotations are first told apart by their first
/// range alone (two integers to hash), and only those that share one are compared in full.
enum SpanGroups {
    /// Groups of at least two positions in `annotations` (each in file order) whose annotations
    /// pass `include` and have equal ranges.
    static func groups(in annotations: [Annotation], where include: (Annotation) -> Bool) -> [[Int]] {
        struct Span: Hashable {
            var start: Int
            var end: Int
        }
        var firstAt: [Span: Int] = [:]
        var sharing: [Span: [Int]] = [:]
        for (index, annotation) in annotations.enumerated() where include(annotation) {
            guard let range = annotation.ranges.first else { continue }
            let span = Span(start: range.start, end: range.end)
            if let first = firstAt[span] {
                sharing[span, default: [first]].append(index)
            } else {
                firstAt[span] = index
            }
        }
        var groups: [[Int]] = []
        for (_, members) in sharing {
            // The same first range; discontinuous annotations may still differ after it.
            var byRanges: [[TextRange]: [Int]] = [:]
            var order: [[TextRange]] = []
            for index in members {
                let ranges = annotations[index].ranges
                if byRanges[ranges] == nil { order.append(ranges) }
                byRanges[ranges, default: []].append(index)
            }
            groups += order.compactMap { byRanges[$0]!.count > 1 ? byRanges[$0] : nil }
        }
        return groups.sorted { $0[0] < $1[0] }
    }
}
