import Foundation

/// The bootstrap of `agree`'s intervals: paragraphs resampled with replacement, every figure
/// worked out again from the resample's counts.
///
/// A resample costs in proportion to the paragraphs it draws: their counts were summed once per
/// paragraph (``Tally``), the estimators read only the counts they need (``Figures/Positions``),
/// and the unitizing alpha is worked out on the drawn paragraphs alone. Resamples run on every
/// core (`DispatchQueue.concurrentPerform`); resample `r` draws its paragraphs from the seed's
/// generator skipped ahead by `r × paragraphs` draws, so the draws, and so the intervals, are the
/// same whatever the number of cores and the order the resamples finish in.
struct Bootstrap {
    let figures: Figures
    let estimators: [Figures.Estimator]
    let layers: [String]
    /// Per layer, what each paragraph holds for the unitizing alpha, worked out once; empty
    /// when the unitizing alpha is not resampled.
    let unitizing: [LayerCounts]
    /// Each paragraph's length in code points (in the tally's order).
    let paragraphLengths: [Int]

    /// One layer's counts for the unitizing alpha, paragraph by paragraph, in flat lists of
    /// plain values (a resample reads them for every paragraph it draws).
    struct LayerCounts {
        /// The layer's categories, sorted: the numbers ``Entry`` uses.
        var categories: [String]
        /// Per paragraph, where its entries are in ``entries``.
        var paragraphEntries: [Range<Int>]
        /// One per category a paragraph holds: its Σ δ², and where its unit and gap lengths are in ``lengths``.
        var entries: [Entry]
        var lengths: [(length: Int, times: Int)]

        struct Entry {
            var category: Int
            var observedSum: Double
            var units: Range<Int>
            var gaps: Range<Int>
        }
    }

    init(figures: Figures, estimators: [Figures.Estimator], layers: [String]) {
        self.figures = figures
        self.estimators = estimators
        self.layers = layers
        let annotators = figures.annotators.count
        guard figures.unitizingParagraphs.count == figures.tally.paragraphs.count else {
            (unitizing, paragraphLengths) = ([], [])
            return
        }
        paragraphLengths = figures.unitizingParagraphs.map(\.length)
        unitizing = layers.map { layer in
            let counted = figures.unitizingParagraphs.map {
                UnitizingAlpha.StretchCounts.byCategory($0.units[layer] ?? [], annotators: annotators, length: $0.length)
            }
            var counts = LayerCounts(categories: Set(counted.flatMap(\.keys)).sorted(), paragraphEntries: [], entries: [], lengths: [])
            let numbers = Dictionary(uniqueKeysWithValues: counts.categories.enumerated().map { ($1, $0) })
            for byCategory in counted {
                let first = counts.entries.count
                for (category, stretch) in byCategory.sorted(by: { $0.key < $1.key }) {
                    let unitsStart = counts.lengths.count
                    counts.lengths += stretch.unitLengths.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                    let gapsStart = counts.lengths.count
                    counts.lengths += stretch.gapLengths.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                    counts.entries.append(.init(category: numbers[category]!, observedSum: stretch.observedSum,
                                                units: unitsStart..<gapsStart, gaps: gapsStart..<counts.lengths.count))
                }
                counts.paragraphEntries.append(first..<counts.entries.count)
            }
            return counts
        }
    }

    /// Each estimator's values over the resamples (in resample order, undefined ones left out),
    /// and each layer's unitizing alpha likewise.
    struct Draws {
        var estimates: [[Double]]
        var unitizing: [[Double]]
    }

    func run(resamples: Int, seed: UInt64) -> Draws {
        let count = figures.tally.paragraphs.count
        let chunks = min(resamples, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (resamples * chunk / chunks)..<(resamples * (chunk + 1) / chunks)
            var estimates = [[Double?]](repeating: [], count: estimators.count)
            var unitizing = [[Double?]](repeating: [], count: layers.count)
            for resample in range {
                // How many times each paragraph is drawn: the resample's sums are then made
                // walking the paragraphs in order (the same sums as in the order drawn, but read
                // from memory in sequence rather than at random, which slowed large corpora).
                var generator = SplitMix64(seed: seed, skipping: UInt64(resample) &* UInt64(count))
                var times = [Int32](repeating: 0, count: count)
                for _ in 0..<count { times[Int(generator.next() % UInt64(count))] += 1 }
                let vector = figures.tally.sum(times: times)
                for (index, estimator) in estimators.enumerated() { estimates[index].append(estimator(vector).value) }
                let alphas = unitizingAlpha(times)
                for index in layers.indices { unitizing[index].append(alphas[index]) }
            }
            results.set(chunk, (estimates, unitizing))
        }
        var draws = Draws(estimates: Array(repeating: [], count: estimators.count), unitizing: Array(repeating: [], count: layers.count))
        for (estimates, unitizing) in results.values {
            for index in estimators.indices { draws.estimates[index] += estimates[index].compactMap { $0 } }
            for index in layers.indices { draws.unitizing[index] += unitizing[index].compactMap { $0 } }
        }
        return draws
    }

    /// The unitizing alpha of each layer over the drawn paragraphs, each its own stretch of the
    /// continuum (no gap runs from one into the next), so that their order changes nothing. The
    /// same figure as ``UnitizingAlpha/alpha(_:annotators:begin:length:category:breaks:)`` with
    /// a break at each paragraph, made from each paragraph's counts: a category's units and gaps
    /// are added up by length, and a paragraph without the category adds one gap of its whole
    /// length for each annotator.
    /// `times[p]`: how many times paragraph `p` was drawn.
    func unitizingAlpha(_ times: [Int32]) -> [Double?] {
        guard !unitizing.isEmpty else { return layers.map { _ in nil } }
        let annotators = figures.annotators.count
        return unitizing.map { counts -> Double? in
            let (entries, lengths, paragraphEntries) = (counts.entries, counts.lengths, counts.paragraphEntries)
            let count = counts.categories.count
            // Counts by (category, length), keyed `category << 32 | length` (a length fits 32 bits:
            // a paragraph is read whole into memory), in flat tables rather than one per category.
            func key(_ category: Int, _ length: Int) -> Int { category << 32 | length }
            var total = 0
            var drawnLengths: [Int: Int] = [:]
            var drawnLengthsWith: [Int: Int] = [:]
            var unitLengths: [Int: Int] = [:]
            var gapLengths: [Int: Int] = [:]
            var observedSums = [Double](repeating: 0, count: count)
            var drawn = [Bool](repeating: false, count: count)
            for index in times.indices where times[index] > 0 {
                let length = paragraphLengths[index]
                guard length > 0 else { continue }
                let drawnTimes = Int(times[index])
                total += length * drawnTimes
                drawnLengths[length, default: 0] += drawnTimes
                // By index, not by slices: a slice holds on to its array, and two threads taking and
                // letting go of the same arrays for every entry spent a third of the time on that.
                for position in paragraphEntries[index] {
                    let entry = entries[position]
                    let category = entry.category
                    drawn[category] = true
                    observedSums[category] += entry.observedSum * Double(drawnTimes)
                    for item in entry.units { unitLengths[key(category, lengths[item].length), default: 0] += lengths[item].times * drawnTimes }
                    for item in entry.gaps { gapLengths[key(category, lengths[item].length), default: 0] += lengths[item].times * drawnTimes }
                    drawnLengthsWith[key(category, length), default: 0] += drawnTimes
                }
            }
            guard annotators >= 2, total > 0, drawn.contains(true) else { return nil }
            var unitsByCategory = [[Int: Int]](repeating: [:], count: count)
            var gapsByCategory = [[Int: Int]](repeating: [:], count: count)
            for (key, times) in unitLengths { unitsByCategory[key >> 32][key & 0xFFFF_FFFF] = times }
            for (key, times) in gapLengths { gapsByCategory[key >> 32][key & 0xFFFF_FFFF] = times }
            var (observed, expected) = (0.0, 0.0)
            for category in 0..<count where drawn[category] {
                // The drawn paragraphs without the category: a whole-paragraph gap per annotator.
                for (length, times) in drawnLengths {
                    let without = times - (drawnLengthsWith[key(category, length)] ?? 0)
                    if without > 0 { gapsByCategory[category][length, default: 0] += without * annotators }
                }
                observed += UnitizingAlpha.observed(sum: observedSums[category], annotators: annotators, length: total)
                expected += UnitizingAlpha.expected(unitLengths: unitsByCategory[category], gapLengths: gapsByCategory[category],
                                                    annotators: annotators, length: total)
            }
            return UnitizingAlpha.measure(observed: observed, expected: expected).value
        }
    }

    /// Each chunk's draws, set once by the thread that made them.
    private final class ChunkResults: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [([[Double?]], [[Double?]])]
        init(count: Int) { slots = Array(repeating: ([], []), count: count) }
        func set(_ index: Int, _ value: ([[Double?]], [[Double?]])) { lock.withLock { slots[index] = value } }
        var values: [([[Double?]], [[Double?]])] { lock.withLock { slots } }
    }
}
