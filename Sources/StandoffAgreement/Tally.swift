/// What agreement is computed from, as sums: every figure of `agree` is a function of counts
/// that add up over paragraphs. Each paragraph's counts are kept as a sparse vector over
/// ``Key``s, so that the bootstrap resamples paragraphs by adding vectors, and the figures of
/// the whole are worked out from the sum.
public struct Tally: Sendable {
    /// One count, named.
    public enum Key: Hashable, Sendable {
        /// Spans of `layer` (and `category`; nil: all) by annotator `pair`'s reference and other annotator.
        case reference(pair: Int, layer: String, category: String?)
        case predicted(pair: Int, layer: String, category: String?)
        case exact(pair: Int, layer: String, category: String?)
        case relaxed(pair: Int, layer: String, category: String?)
        /// Token labels of a pair: (label of the first, label of the second).
        case tokenPair(pair: Int, layer: String, a: String, b: String)
        /// Fleiss: units rated by every annotator; Σ n_ij²; and per label Σ n_ij.
        case fleissUnits(layer: String)
        case fleissSquares(layer: String)
        case fleissLabel(layer: String, label: String)
        /// Krippendorff: a cell of the coincidence matrix.
        case coincidence(layer: String, a: String, b: String)
        /// On exactly matched spans: the values of `attribute` (ref, speaker, …) each annotator gave.
        case attribute(pair: Int, layer: String, attribute: String, a: String, b: String)
        /// Categories of spans paired by overlap (`none` for a span with no partner).
        case confusion(pair: Int, layer: String, a: String, b: String)
    }

    public private(set) var keys: [Key] = []
    private var positions: [Key: Int] = [:]
    /// Per paragraph (of every compared document), its counts as (key position, amount), one
    /// entry a key: a paragraph's thousand token pairs are a few dozen entries.
    public private(set) var paragraphs: [[(Int, Double)]] = []
    private var current: [Int: Double] = [:]
    private var open = false

    public init() {}

    /// Starts the counts of a new paragraph.
    public mutating func beginParagraph() {
        closeParagraph()
        open = true
    }

    /// Ends the paragraph being counted (also done by the next ``beginParagraph()``).
    public mutating func closeParagraph() {
        guard open else { return }
        paragraphs.append(current.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        current.removeAll(keepingCapacity: true)
        open = false
    }

    public mutating func add(_ key: Key, _ amount: Double = 1) {
        let position: Int
        if let known = positions[key] { position = known } else {
            position = keys.count
            keys.append(key)
            positions[key] = position
        }
        current[position, default: 0] += amount
    }

    /// Where `key` is in the vectors ``sum(_:)`` returns, if it was ever counted.
    public func position(of key: Key) -> Int? { positions[key] }

    /// The counts of the paragraphs at `indices` (repeats count again), as a dense vector.
    public func sum(_ indices: some Sequence<Int>) -> [Double] {
        var total = [Double](repeating: 0, count: keys.count)
        for index in indices { for (position, amount) in paragraphs[index] { total[position] += amount } }
        return total
    }

    /// The counts of paragraph `p` taken `times[p]` times, as a dense vector (a bootstrap
    /// resample), added in paragraph order.
    public func sum(times: [Int32]) -> [Double] {
        var total = [Double](repeating: 0, count: keys.count)
        for (index, paragraph) in paragraphs.enumerated() where times[index] > 0 {
            let weight = Double(times[index])
            for (position, amount) in paragraph { total[position] += amount * weight }
        }
        return total
    }

    /// The counts of every paragraph.
    public var total: [Double] { sum(paragraphs.indices) }
}
