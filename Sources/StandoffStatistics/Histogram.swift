/// How many times each whole number occurs: span lengths, kept exactly so that summaries of
/// shards merge into the figures of one run (the median included).
public struct Histogram: Equatable, Sendable, Codable {
    /// Value → how many times it occurs.
    public private(set) var counts: [Int: Int] = [:]

    public init() {}

    public mutating func add(_ value: Int, times: Int = 1) { counts[value, default: 0] += times }

    mutating func merge(_ other: Histogram, field: String) throws(CountOverflow) {
        for (value, times) in other.counts {
            var total = counts[value] ?? 0
            try Count.add(&total, times, "\(field).\(value)")
            counts[value] = total
        }
    }

    public var total: Int { counts.values.reduce(0, +) }
    public var minimum: Int? { counts.keys.min() }
    public var maximum: Int? { counts.keys.max() }

    public var mean: Double? {
        let total = total
        guard total > 0 else { return nil }
        // In floating point: exact for any real corpus, and no overflow on a crafted partial.
        return counts.sorted { $0.key < $1.key }.reduce(0.0) { $0 + Double($1.key) * Double($1.value) } / Double(total)
    }

    /// The middle value; for an even count, the mean of the two middle ones.
    public var median: Double? {
        let total = total
        guard total > 0 else { return nil }
        let sorted = counts.sorted { $0.key < $1.key }
        func value(at position: Int) -> Int {
            var seen = 0
            for (value, times) in sorted {
                seen += times
                if seen > position { return value }
            }
            return sorted.last!.key
        }
        return total % 2 == 1 ? Double(value(at: total / 2)) : Double(value(at: total / 2 - 1) + value(at: total / 2)) / 2
    }

    // As `[[value, count], …]` in value order: JSON objects take only string keys.
    public init(from decoder: Decoder) throws {
        let pairs = try decoder.singleValueContainer().decode([[Int]].self)
        for pair in pairs {
            guard pair.count == 2 else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a histogram entry that is not [value, count]")) }
            guard pair[0] >= 0, pair[1] >= 0 else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a negative length or count")) }
            guard counts[pair[0]] == nil else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "the length \(pair[0]) twice")) }
            counts[pair[0]] = pair[1]
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counts.sorted { $0.key < $1.key }.map { [$0.key, $0.value] })
    }
}
