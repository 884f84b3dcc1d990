import StandoffModel

/// Annotations that cover exactly the same ranges, for the rules that compare them.
///
/// Files are large and such groups are few: annotations are first sorted by their first range
/// alone, packed in one integer, and only neighbours that share it are compared in full.
enum SpanGroups {
    /// Groups of at least two of `positions` in the document's annotations (each in file order)
    /// that have equal ranges; groups in the order of their first member. Ranges are read from
    /// the document's ``RangeTable``, so annotations are not visited.
    static func groups(in document: Document, at positions: some Collection<Int>) -> [[Int]] {
        // First range as start × 2³² + end (offsets are far below 2³²), then position.
        let table = document.index.ranges
        let (ranges, starts) = (table.ranges, table.starts)
        var keyed: [(span: UInt64, index: Int)] = []
        keyed.reserveCapacity(positions.count)
        for index in positions {
            guard starts[index] < starts[index + 1] else { continue }
            let range = ranges[starts[index]]
            keyed.append((UInt64(truncatingIfNeeded: range.start) << 32 | UInt64(truncatingIfNeeded: range.end) & 0xFFFF_FFFF, index))
        }
        keyed.sort { ($0.span, $0.index) < ($1.span, $1.index) }
        var groups: [[Int]] = []
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].span == keyed[start].span { end += 1 }
            if end - start > 1 {
                // The same first range; discontinuous annotations may still differ after it.
                var byRanges: [[TextRange]: [Int]] = [:]
                var order: [[TextRange]] = []
                for entry in keyed[start..<end] {
                    let ranges = Array(table[entry.index])
                    if byRanges[ranges] == nil { order.append(ranges) }
                    byRanges[ranges, default: []].append(entry.index)
                }
                groups += order.compactMap { byRanges[$0]!.count > 1 ? byRanges[$0] : nil }
            }
            start = end
        }
        return groups.sorted { $0[0] < $1[0] }
    }
}
