import Foundation

/// A figure with its 95 % bootstrap interval (paragraphs resampled), or why it is undefined.
public struct Estimate: Equatable, Sendable, Codable {
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var undefinedBecause: String?
}

/// Precision, recall and F1 of one annotator's spans against another's (the first of the pair
/// is the reference), with the counts they come from.
public struct SpanScores: Equatable, Sendable, Codable {
    public var reference: Int
    public var predicted: Int
    public var matched: Int
    public var precision: Double?
    public var recall: Double?
    public var f1: Estimate
}

/// What two annotators agree on in one layer.
public struct PairFigures: Equatable, Sendable, Codable {
    public var annotators: [String]
    public var exact: SpanScores
    public var relaxed: SpanScores
    /// Cohen's kappa over the layer's token labels.
    public var tokenKappa: Estimate
    public var categories: [CategoryFigures]
    public var attributes: [AttributeFigures]
    /// Categories of spans paired by overlap: reference category → other's category → spans.
    public var confusion: [String: [String: Int]]
}

public struct CategoryFigures: Equatable, Sendable, Codable {
    public var category: String
    public var exact: SpanScores
    public var relaxed: SpanScores
}

/// Agreement on an attribute of exactly matched spans (register link, speaker, …).
public struct AttributeFigures: Equatable, Sendable, Codable {
    public var attribute: String
    public var pairs: Int
    public var agreeing: Int
    public var share: Double?
    /// Cohen's kappa where the values are categories (not for corrections and target sets).
    public var kappa: Estimate?
}

/// One layer's agreement: each pair, their mean, and the coefficients over all annotators.
public struct LayerFigures: Equatable, Sendable, Codable {
    public var layer: String
    public var pairs: [PairFigures]
    public var meanExactF1: Double?
    public var meanRelaxedF1: Double?
    /// Fleiss' kappa over the tokens every annotator labelled; Krippendorff's alpha (nominal)
    /// over the tokens at least two labelled.
    public var fleissKappa: Estimate
    public var krippendorffAlpha: Estimate
    /// Krippendorff's unitizing alpha over the code points of the texts every annotator has,
    /// over all categories (with an interval from the resampled paragraphs laid end to end) and
    /// per category (without).
    public var unitizingAlpha: Estimate
    public var unitizingAlphaByCategory: [String: Estimate]
}

/// Works the figures out from a ``Tally``, with bootstrap intervals.
public struct Figures: Sendable {
    let tally: Tally
    let annotators: [String]
    let pairs: [(Int, Int)]
    let layerNames: [String]
    let unitizing: [String: [UnitizingAlpha.Unit]]
    let continuum: Int
    let documentBreaks: [Int]
    let unitizingParagraphs: [(length: Int, units: [String: [UnitizingAlpha.Unit]])]
    let positions: Positions

    /// Where each kind of count sits in the tally's vectors, found in one pass over its keys,
    /// so that working a figure out of a vector reads only the counts it needs (the bootstrap
    /// does so for every resample).
    struct Positions: Sendable {
        struct PairLayer: Hashable, Sendable { var pair: Int; var layer: String }
        struct Attribute: Hashable, Sendable { var pair: Int; var layer: String; var name: String }
        typealias Cells = [(position: Int, a: String, b: String)]
        var tokenPairs: [PairLayer: Cells] = [:]
        var attributes: [Attribute: Cells] = [:]
        var confusion: [PairLayer: Cells] = [:]
        var coincidences: [String: Cells] = [:]
        var fleissLabels: [String: [(position: Int, label: String)]] = [:]
        var categories: [PairLayer: Set<String>] = [:]
        var attributeNames: [PairLayer: Set<String>] = [:]

        init(_ tally: Tally) {
            for (position, key) in tally.keys.enumerated() {
                switch key {
                case .tokenPair(let pair, let layer, let a, let b): tokenPairs[PairLayer(pair: pair, layer: layer), default: []].append((position, a, b))
                case .attribute(let pair, let layer, let name, let a, let b):
                    attributes[Attribute(pair: pair, layer: layer, name: name), default: []].append((position, a, b))
                    attributeNames[PairLayer(pair: pair, layer: layer), default: []].insert(name)
                case .confusion(let pair, let layer, let a, let b): confusion[PairLayer(pair: pair, layer: layer), default: []].append((position, a, b))
                case .coincidence(let layer, let a, let b): coincidences[layer, default: []].append((position, a, b))
                case .fleissLabel(let layer, let label): fleissLabels[layer, default: []].append((position, label))
                case .reference(let pair, let layer, let category?), .predicted(let pair, let layer, let category?):
                    categories[PairLayer(pair: pair, layer: layer), default: []].insert(category)
                default: break
                }
            }
        }
    }

    public init(_ comparison: Comparison) {
        tally = comparison.tally
        annotators = comparison.annotators
        pairs = comparison.pairs
        layerNames = comparison.layers
        unitizing = comparison.unitizing
        continuum = comparison.continuum
        documentBreaks = comparison.documentBreaks
        unitizingParagraphs = comparison.unitizingParagraphs
        positions = Positions(comparison.tally)
    }

    typealias Estimator = @Sendable ([Double]) -> Measure

    /// Every layer's figures; `resamples` bootstrap draws of paragraphs (0: no intervals), from `seed`.
    public func layers(resamples: Int, seed: UInt64) -> [LayerFigures] {
        let layers = layerNames
        let total = tally.total
        // Each estimate is a function of a vector of counts; the bootstrap calls them all on
        // each resample's vector.
        var estimators: [Estimator] = []
        func register(_ estimator: @escaping Estimator) -> Int {
            estimators.append(estimator)
            return estimators.count - 1
        }
        var built: [LayerFigures] = []
        var handles: [[(Int, (inout LayerFigures, Estimate) -> Void)]] = []
        for layer in layers {
            var figures = LayerFigures(layer: layer, pairs: [], meanExactF1: nil, meanRelaxedF1: nil,
                                       fleissKappa: Estimate(), krippendorffAlpha: Estimate(),
                                       unitizingAlpha: Estimate(), unitizingAlphaByCategory: [:])
            let units = unitizing[layer] ?? []
            func estimate(_ measure: Measure) -> Estimate { Estimate(value: measure.value, undefinedBecause: measure.undefinedBecause) }
            figures.unitizingAlpha = continuum == 0
                ? Estimate(undefinedBecause: "no text that every annotator annotated")
                : estimate(UnitizingAlpha.alpha(units, annotators: annotators.count, begin: 0, length: continuum, breaks: documentBreaks))
            for category in Set(units.map(\.category)).sorted() {
                figures.unitizingAlphaByCategory[category] = estimate(UnitizingAlpha.alpha(units, annotators: annotators.count, begin: 0, length: continuum,
                                                                                           category: category, breaks: documentBreaks))
            }
            var layerHandles: [(Int, (inout LayerFigures, Estimate) -> Void)] = []
            for (pairIndex, (i, j)) in pairs.enumerated() {
                let pairLayer = Positions.PairLayer(pair: pairIndex, layer: layer)
                // A pair with no text in common has no token pairs: nothing to show.
                guard let tokenCells = positions.tokenPairs[pairLayer] else { continue }
                let slot = figures.pairs.count
                let exactF1 = register { [self] in spanF1($0, pair: pairIndex, layer: layer, category: nil, exact: true) }
                let relaxedF1 = register { [self] in spanF1($0, pair: pairIndex, layer: layer, category: nil, exact: false) }
                let kappa = register { Coefficients.cohenKappa(Self.pairTable($0, tokenCells)) }
                var pairFigures = PairFigures(
                    annotators: [annotators[i], annotators[j]],
                    exact: scores(total, pair: pairIndex, layer: layer, category: nil, exact: true),
                    relaxed: scores(total, pair: pairIndex, layer: layer, category: nil, exact: false),
                    tokenKappa: Estimate(), categories: [], attributes: [], confusion: [:])
                for category in (positions.categories[pairLayer] ?? []).sorted() {
                    pairFigures.categories.append(CategoryFigures(
                        category: category,
                        exact: scores(total, pair: pairIndex, layer: layer, category: category, exact: true),
                        relaxed: scores(total, pair: pairIndex, layer: layer, category: category, exact: false)))
                }
                for attribute in (positions.attributeNames[pairLayer] ?? []).sorted() {
                    let cells = positions.attributes[Positions.Attribute(pair: pairIndex, layer: layer, name: attribute)] ?? []
                    let table = Self.pairTable(total, cells)
                    let agreeing = table.counts.filter { $0.key.a == $0.key.b }.values.reduce(0, +)
                    let categorical = attribute != "correction" && attribute != "target"
                    pairFigures.attributes.append(AttributeFigures(
                        attribute: attribute, pairs: table.total, agreeing: agreeing,
                        share: table.total == 0 ? nil : Double(agreeing) / Double(table.total), kappa: categorical ? Estimate() : nil))
                    if categorical {
                        let handle = register { Coefficients.cohenKappa(Self.pairTable($0, cells)) }
                        let attributeSlot = pairFigures.attributes.count - 1
                        layerHandles.append((handle, { $0.pairs[slot].attributes[attributeSlot].kappa = $1 }))
                    }
                }
                for cell in positions.confusion[pairLayer] ?? [] {
                    pairFigures.confusion[cell.a, default: [:]][cell.b] = Int(total[cell.position].rounded())
                }
                figures.pairs.append(pairFigures)
                layerHandles.append((exactF1, { $0.pairs[slot].exact.f1 = $1 }))
                layerHandles.append((relaxedF1, { $0.pairs[slot].relaxed.f1 = $1 }))
                layerHandles.append((kappa, { $0.pairs[slot].tokenKappa = $1 }))
            }
            let fleiss = register { [self] in self.fleiss($0, layer: layer) }
            let alpha = register { [self] in self.alpha($0, layer: layer) }
            layerHandles.append((fleiss, { $0.fleissKappa = $1 }))
            layerHandles.append((alpha, { $0.krippendorffAlpha = $1 }))
            built.append(figures)
            handles.append(layerHandles)
        }
        // Point values, then the bootstrap.
        let point = estimators.map { $0(total) }
        let bootstrap = resamples > 0 && !tally.paragraphs.isEmpty
            ? Bootstrap(figures: self, estimators: estimators, layers: layers).run(resamples: resamples, seed: seed)
            : Bootstrap.Draws(estimates: Array(repeating: [], count: estimators.count), unitizing: Array(repeating: [], count: layers.count))
        var result: [LayerFigures] = []
        for (layerIndex, figures) in built.enumerated() {
            var figures = figures
            for (handle, apply) in handles[layerIndex] {
                var estimate = Estimate(value: point[handle].value, undefinedBecause: point[handle].undefinedBecause)
                if estimate.value != nil, bootstrap.estimates[handle].count >= 2 {
                    let sorted = bootstrap.estimates[handle].sorted()
                    estimate.low = Self.percentile(sorted, 0.025)
                    estimate.high = Self.percentile(sorted, 0.975)
                }
                apply(&figures, estimate)
            }
            if figures.unitizingAlpha.value != nil, bootstrap.unitizing[layerIndex].count >= 2 {
                let sorted = bootstrap.unitizing[layerIndex].sorted()
                figures.unitizingAlpha.low = Self.percentile(sorted, 0.025)
                figures.unitizingAlpha.high = Self.percentile(sorted, 0.975)
            }
            let exact = figures.pairs.compactMap(\.exact.f1.value)
            let relaxed = figures.pairs.compactMap(\.relaxed.f1.value)
            if figures.pairs.count > 1 {
                figures.meanExactF1 = exact.isEmpty ? nil : exact.reduce(0, +) / Double(exact.count)
                figures.meanRelaxedF1 = relaxed.isEmpty ? nil : relaxed.reduce(0, +) / Double(relaxed.count)
            }
            result.append(figures)
        }
        return result
    }

    // MARK: From a vector of counts

    func count(_ vector: [Double], _ key: Tally.Key) -> Double { tally.position(of: key).map { vector[$0] } ?? 0 }

    func spanF1(_ vector: [Double], pair: Int, layer: String, category: String?, exact: Bool) -> Measure {
        let reference = count(vector, .reference(pair: pair, layer: layer, category: category))
        let predicted = count(vector, .predicted(pair: pair, layer: layer, category: category))
        let matched = count(vector, exact ? .exact(pair: pair, layer: layer, category: category) : .relaxed(pair: pair, layer: layer, category: category))
        guard reference + predicted > 0 else { return .undefined("neither annotator marked a span here") }
        return .of(2 * matched / (reference + predicted))
    }

    func scores(_ vector: [Double], pair: Int, layer: String, category: String?, exact: Bool) -> SpanScores {
        let reference = count(vector, .reference(pair: pair, layer: layer, category: category))
        let predicted = count(vector, .predicted(pair: pair, layer: layer, category: category))
        let matched = count(vector, exact ? .exact(pair: pair, layer: layer, category: category) : .relaxed(pair: pair, layer: layer, category: category))
        let f1 = spanF1(vector, pair: pair, layer: layer, category: category, exact: exact)
        return SpanScores(reference: Int(reference), predicted: Int(predicted), matched: Int(matched),
                          precision: predicted == 0 ? nil : matched / predicted, recall: reference == 0 ? nil : matched / reference,
                          f1: Estimate(value: f1.value, undefinedBecause: f1.undefinedBecause))
    }

    static func pairTable(_ vector: [Double], _ cells: Positions.Cells) -> Coefficients.PairTable {
        var table = Coefficients.PairTable()
        for cell in cells where vector[cell.position] > 0 { table.add(cell.a, cell.b, times: Int(vector[cell.position].rounded())) }
        return table
    }

    func fleiss(_ vector: [Double], layer: String) -> Measure {
        var table = Coefficients.RatingTable()
        table.units = Int(count(vector, .fleissUnits(layer: layer)).rounded())
        table.raters = annotators.count
        table.squares = Int(count(vector, .fleissSquares(layer: layer)).rounded())
        for cell in positions.fleissLabels[layer] ?? [] where vector[cell.position] > 0 { table.labels[cell.label] = Int(vector[cell.position].rounded()) }
        return Coefficients.fleissKappa(table)
    }

    func alpha(_ vector: [Double], layer: String) -> Measure {
        var coincidences = Coefficients.Coincidences()
        for cell in positions.coincidences[layer] ?? [] where vector[cell.position] > 0 {
            coincidences.matrix[.init(a: cell.a, b: cell.b)] = vector[cell.position]
        }
        return Coefficients.krippendorffAlpha(coincidences)
    }

    /// The value below which `fraction` of the sorted values lie (linear between neighbours).
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}

/// SplitMix64: a small generator whose draws a seed fixes, for repeatable intervals.
struct SplitMix64 {
    static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15
    var state: UInt64
    init(seed: UInt64) { state = seed }
    /// The generator as it is after `draws` calls of ``next()`` from `seed`: each stretch of
    /// draws can be made apart from the others (and in parallel) and still be the same draws.
    init(seed: UInt64, skipping draws: UInt64) { state = seed &+ draws &* Self.increment }
    mutating func next() -> UInt64 {
        state &+= Self.increment
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
