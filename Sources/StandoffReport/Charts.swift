import StandoffStatistics

/// Bar charts drawn as inline SVG (numbers and labels only; the template escapes the labels):
/// annotations per category in each layer, errors per category and per severity, span lengths.
enum Charts {
    static func forDocument(_ summary: CorpusSummary) -> [[String: Any]] {
        var charts: [[String: Any]] = []
        for (layer, counts) in summary.layers.sorted(by: { $0.key < $1.key }) {
            charts.append(bars("\(layer): annotations per category", counts.categories.sorted { ($1.value, $0.key) < ($0.value, $1.key) }))
        }
        if !summary.errors.bySeverity.isEmpty {
            charts.append(bars("errors per severity", summary.errors.bySeverity.sorted { ($1.value, $0.key) < ($0.value, $1.key) }))
        }
        for (layer, counts) in summary.layers.sorted(by: { $0.key < $1.key }) where counts.annotations > 0 {
            charts.append(bars("\(layer): span lengths in code points", lengthBuckets(counts.lengthInCodePoints)))
        }
        return charts
    }

    /// Lengths in doubling buckets: 1, 2–3, 4–7, 8–15, …
    static func lengthBuckets(_ histogram: Histogram) -> [(key: String, value: Int)] {
        var buckets: [Int: Int] = [:]
        for (length, times) in histogram.counts {
            var bucket = 0
            while (1 << (bucket + 1)) <= max(length, 1) && bucket < 40 { bucket += 1 }
            buckets[bucket, default: 0] += times
        }
        return buckets.sorted { $0.key < $1.key }.map { bucket, times in
            let low = 1 << bucket, high = (1 << (bucket + 1)) - 1
            return (low == high ? "\(low)" : "\(low)–\(high)", times)
        }
    }

    static func bars(_ title: String, _ values: [(key: String, value: Int)]) -> [String: Any] {
        let labelWidth = min(180, 7 * (values.map(\.key.count).max() ?? 4) + 10)
        let barArea = 220
        let maximum = max(values.map(\.value).max() ?? 1, 1)
        let bars: [[String: Any]] = values.enumerated().map { index, item in
            let y = 4 + index * 18
            let width = max(1, item.value * barArea / maximum)
            return ["label": item.key, "count": item.value, "labelX": labelWidth - 6, "textY": y + 11, "y": y, "barX": labelWidth,
                    "barWidth": width, "countX": labelWidth + width + 4, "colour": Palette.colours[index % 6]]
        }
        return ["title": title, "width": labelWidth + barArea + 50, "height": 8 + values.count * 18, "bars": bars]
    }
}
