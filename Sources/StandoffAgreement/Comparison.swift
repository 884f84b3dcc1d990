import StandoffModel

/// One text as several annotators annotated it: what `agree` compares.
public struct AnnotatedText: Sendable {
    public var name: String
    public var text: SourceText
    /// Annotator → their annotations of the text; an annotator who did not annotate the text is absent.
    public var annotations: [String: [Annotation]]

    public init(name: String, text: SourceText, annotations: [String: [Annotation]]) {
        self.name = name
        self.text = text
        self.annotations = annotations
    }
}

/// A span one annotator marked and another did not mark alike, for adjudication.
public struct Disagreement: Sendable, Codable, Equatable {
    public var document: String
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var text: String
    public var layer: String
    /// Annotator → what they said of the span (category, or "-" for nothing there).
    public var said: [String: String]
}

/// Counts what the annotators of each text agree on, paragraph by paragraph, into a ``Tally``.
public struct Comparison: Sendable {
    public let annotators: [String]
    /// The layers compared, decided for the whole corpus before the first text (every layer
    /// any annotator used, or those asked for): a text nobody marked in a layer still counts
    /// its tokens, all `none`, so that a pair's figures never depend on who else is compared.
    public let layers: [String]
    public let categories: Set<String>?
    public private(set) var tally = Tally()
    public private(set) var disagreements: [Disagreement] = []
    /// Units for Krippendorff's unitizing alpha, per layer, on one continuum: the texts every
    /// annotator has, one after another, kept apart by ``documentBreaks``.
    public private(set) var unitizing: [String: [UnitizingAlpha.Unit]] = [:]
    public private(set) var continuum = 0
    /// Where each text after the first starts on the continuum: no gap runs across a text's end.
    public private(set) var documentBreaks: [Int] = []
    /// The same units by paragraph (offsets from the paragraph's start, clipped to it), in the
    /// order of the tally's paragraphs, for the bootstrap; empty for texts some annotator lacks.
    public private(set) var unitizingParagraphs: [(length: Int, units: [String: [UnitizingAlpha.Unit]])] = []
    /// How many pairs of spans were compared for overlap: the work of matching, which a test
    /// holds to the spans and their overlaps (a long paragraph was compared pair by pair).
    public private(set) var overlapTests = 0
    /// Token labels by number, and back.
    private var labelNumbers: [String: Int32] = [:]
    private var labelNames: [String] = []

    private mutating func labelNumber(_ label: String) -> Int32 {
        if let number = labelNumbers[label] { return number }
        labelNames.append(label)
        labelNumbers[label] = Int32(labelNames.count - 1)
        return Int32(labelNames.count - 1)
    }

    /// The annotator pairs, in order: (0, 1), (0, 2), …, (1, 2), …; the first is the reference.
    public var pairs: [(Int, Int)] {
        annotators.indices.flatMap { i in annotators.indices.filter { $0 > i }.map { (i, $0) } }
    }

    public init(annotators: [String], layers: [String], categories: Set<String>? = nil) {
        self.annotators = annotators
        self.layers = layers
        self.categories = categories
    }

    public mutating func add(_ text: AnnotatedText) {
        let tokens = Tokens(text.text)
        let layerNames = layers
        // Annotations per annotator and layer, in the order of the file (which breaks ties
        // between token labels), and by paragraph (the paragraph where each starts).
        var inLayer: [String: [String: [Annotation]]] = [:]
        var grouped: [String: [String: [Int: [Annotation]]]] = [:]
        let compared = Set(layerNames)
        for (annotator, annotations) in text.annotations.sorted(by: { $0.key < $1.key }) {
            for annotation in annotations where compared.contains(annotation.layer.name) {
                if let categories, !categories.contains(annotation.category?.rawValue ?? "") { continue }
                inLayer[annotator, default: [:]][annotation.layer.name, default: []].append(annotation)
                grouped[annotator, default: [:]][annotation.layer.name, default: [:]][text.text.paragraphIndex(containing: annotation.start), default: []].append(annotation)
            }
        }
        // Token labels per layer and annotator, over the whole text, as numbers (``labelNames``):
        // a text has millions of tokens and a few dozen labels.
        var labels: [String: [[Int32]]] = [:]
        for layer in layerNames {
            var perAnnotator: [[Int32]] = []
            for annotator in annotators {
                guard text.annotations[annotator] != nil else { perAnnotator.append([]); continue }
                let annotations = inLayer[annotator]?[layer] ?? []
                var numbers: [Int32] = []
                for annotation in annotations { numbers.append(labelNumber(annotation.category?.rawValue ?? "(none)")) }
                perAnnotator.append(Self.tokenLabels(annotations, numbers: numbers, none: labelNumber("none"), tokens: tokens))
            }
            labels[layer] = perAnnotator
        }
        let presentIndices = annotators.indices.filter { text.annotations[annotators[$0]] != nil }
        var byParagraph = text.text.paragraphs.map { (length: $0.length, units: [String: [UnitizingAlpha.Unit]]()) }
        if presentIndices.count == annotators.count {
            for layer in layerNames {
                for (index, annotator) in annotators.enumerated() {
                    for annotation in inLayer[annotator]?[layer] ?? [] {
                        for range in annotation.ranges {
                            let category = annotation.category?.rawValue ?? "(none)"
                            unitizing[layer, default: []].append(UnitizingAlpha.Unit(begin: continuum + range.start, length: range.length, annotator: index,
                                                                                     category: category))
                            let paragraph = text.text.paragraphs[text.text.paragraphIndex(containing: range.start)]
                            let end = min(range.end, paragraph.end)
                            byParagraph[text.text.paragraphIndex(containing: range.start)].units[layer, default: []].append(
                                UnitizingAlpha.Unit(begin: range.start - paragraph.start, length: end - range.start, annotator: index, category: category))
                        }
                    }
                }
            }
            if continuum > 0 { documentBreaks.append(continuum) }
            continuum += text.text.count
        } else {
            byParagraph = byParagraph.map { ($0.length, [:]) }
        }
        unitizingParagraphs += byParagraph.map { presentIndices.count == annotators.count ? $0 : (0, [:]) }
        for (paragraphIndex, paragraph) in text.text.paragraphs.enumerated() {
            tally.beginParagraph()
            let tokenRange = tokens.firstIndex(endingAfter: paragraph.start)..<tokens.firstIndex(startingAtOrAfter: paragraph.end)
            for layer in layerNames {
                for (pairIndex, (i, j)) in pairs.enumerated() {
                    let (a, b) = (annotators[i], annotators[j])
                    guard text.annotations[a] != nil, text.annotations[b] != nil else { continue }
                    let reference = grouped[a]?[layer]?[paragraphIndex] ?? []
                    let predicted = grouped[b]?[layer]?[paragraphIndex] ?? []
                    compareSpans(reference, predicted, pair: pairIndex, layer: layer, names: (a, b), text: text, paragraph: paragraphIndex)
                    // Counted by number here, named once a paragraph.
                    var pairs: [Int64: Double] = [:]
                    let (first, second) = (labels[layer]![i], labels[layer]![j])
                    for token in tokenRange { pairs[Int64(first[token]) << 32 | Int64(second[token]), default: 0] += 1 }
                    for (key, count) in pairs.sorted(by: { $0.key < $1.key }) {
                        tally.add(.tokenPair(pair: pairIndex, layer: layer, a: labelNames[Int(key >> 32)], b: labelNames[Int(key & 0xFFFF_FFFF)]), count)
                    }
                }
                // Fleiss over the tokens every annotator labelled; Krippendorff over those two or more did.
                let layerLabels = labels[layer]!
                var units = 0.0
                var squares = 0.0
                var labelTotals: [Int32: Double] = [:]
                var coincidences: [Int64: Double] = [:]
                var values: [Int32] = []
                for token in tokenRange {
                    values.removeAll(keepingCapacity: true)
                    for index in presentIndices { values.append(layerLabels[index][token]) }
                    if presentIndices.count == annotators.count, annotators.count >= 2 {
                        units += 1
                        var sumOfSquares = 0
                        for (position, value) in values.enumerated() where !values[..<position].contains(value) {
                            let count = values.reduce(0) { $0 + ($1 == value ? 1 : 0) }
                            sumOfSquares += count * count
                            labelTotals[value, default: 0] += Double(count)
                        }
                        squares += Double(sumOfSquares)
                    }
                    if values.count >= 2 {
                        let weight = 1 / Double(values.count - 1)
                        for x in values.indices { for y in values.indices where x != y { coincidences[Int64(values[x]) << 32 | Int64(values[y]), default: 0] += weight } }
                    }
                }
                if units > 0 {
                    tally.add(.fleissUnits(layer: layer), units)
                    tally.add(.fleissSquares(layer: layer), squares)
                    for (label, count) in labelTotals.sorted(by: { $0.key < $1.key }) { tally.add(.fleissLabel(layer: layer, label: labelNames[Int(label)]), count) }
                }
                for (key, weight) in coincidences.sorted(by: { $0.key < $1.key }) {
                    tally.add(.coincidence(layer: layer, a: labelNames[Int(key >> 32)], b: labelNames[Int(key & 0xFFFF_FFFF)]), weight)
                }
            }
        }
        tally.closeParagraph()
    }

    /// ``tokenLabels(_:tokens:)``, for tests.
    public static func tokenLabelsForTesting(_ annotations: [Annotation], tokens: Tokens) -> [String] { tokenLabels(annotations, tokens: tokens) }

    /// Each token's label in one annotator's layer: the category of the annotation covering it
    /// wholly or in part (the earliest-starting, then the longest, then the first in the file),
    /// or "none".
    static func tokenLabels(_ annotations: [Annotation], tokens: Tokens) -> [String] {
        var names = ["none"]
        let numbers = annotations.map { annotation -> Int32 in
            let label = annotation.category?.rawValue ?? "(none)"
            if let known = names.firstIndex(of: label) { return Int32(known) }
            names.append(label)
            return Int32(names.count - 1)
        }
        return tokenLabels(annotations, numbers: numbers, none: 0, tokens: tokens).map { names[Int($0)] }
    }

    /// ``tokenLabels(_:tokens:)`` by number: `numbers[i]` is the label of `annotations[i]`.
    static func tokenLabels(_ annotations: [Annotation], numbers: [Int32], none: Int32, tokens: Tokens) -> [Int32] {
        var labels = [Int32](repeating: none, count: tokens.count)
        var assigned = [Bool](repeating: false, count: tokens.count)
        let ordered = annotations.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if a.start != b.start { return a.start < b.start }
            let (la, lb) = (a.ranges.reduce(0) { $0 + $1.length }, b.ranges.reduce(0) { $0 + $1.length })
            if la != lb { return la > lb }
            return x.offset < y.offset
        }
        for (index, annotation) in ordered {
            let label = numbers[index]
            for range in annotation.ranges {
                for token in tokens.firstIndex(endingAfter: range.start)..<tokens.firstIndex(startingAtOrAfter: range.end) where !assigned[token] {
                    labels[token] = label
                    assigned[token] = true
                }
            }
        }
        return labels
    }

    private mutating func compareSpans(_ reference: [Annotation], _ predicted: [Annotation], pair: Int, layer: String,
                                       names: (String, String), text: AnnotatedText, paragraph: Int) {
        func category(_ annotation: Annotation) -> String { annotation.category?.rawValue ?? "(none)" }
        for annotation in reference {
            tally.add(.reference(pair: pair, layer: layer, category: nil))
            tally.add(.reference(pair: pair, layer: layer, category: category(annotation)))
        }
        for annotation in predicted {
            tally.add(.predicted(pair: pair, layer: layer, category: nil))
            tally.add(.predicted(pair: pair, layer: layer, category: category(annotation)))
        }
        // Exact: the same category and the same list of ranges, one to one, each reference span
        // taking the first predicted one of its kind (found by key: a paragraph may hold tens of
        // thousands of spans).
        var waiting: [ExactKey: [Int]] = [:]
        for (index, annotation) in predicted.enumerated().reversed() { waiting[ExactKey(category: category(annotation), ranges: annotation.ranges), default: []].append(index) }
        var exactPairs: [(Annotation, Annotation)] = []
        var referenceUnmatched: [Int] = []
        var predictedMatched = Set<Int>()
        for (index, annotation) in reference.enumerated() {
            let key = ExactKey(category: category(annotation), ranges: annotation.ranges)
            if let partner = waiting[key]?.popLast() {
                predictedMatched.insert(partner)
                exactPairs.append((annotation, predicted[partner]))
                tally.add(.exact(pair: pair, layer: layer, category: nil))
                tally.add(.exact(pair: pair, layer: layer, category: category(annotation)))
            } else {
                referenceUnmatched.append(index)
            }
        }
        let predictedUnmatched = predicted.indices.filter { !predictedMatched.contains($0) }
        for (a, b) in exactPairs { compareAttributes(a, b, pair: pair, layer: layer) }
        // Relaxed: the same category and at least one code point in common, one to one by largest overlap.
        for (a, _) in Self.matchByOverlap(reference, predicted, sameCategory: true, tests: &overlapTests) {
            tally.add(.relaxed(pair: pair, layer: layer, category: nil))
            tally.add(.relaxed(pair: pair, layer: layer, category: category(reference[a])))
        }
        // Confusion: spans paired by overlap whatever their categories; a span without a partner meets "none".
        let overlapping = Self.matchByOverlap(reference, predicted, sameCategory: false, tests: &overlapTests)
        var partnerOfReference: [Int: Int] = [:], partnerOfPredicted: [Int: Int] = [:]
        for (a, b) in overlapping { (partnerOfReference[a], partnerOfPredicted[b]) = (b, a) }
        for (a, b) in overlapping { tally.add(.confusion(pair: pair, layer: layer, a: category(reference[a]), b: category(predicted[b]))) }
        for index in reference.indices where partnerOfReference[index] == nil { tally.add(.confusion(pair: pair, layer: layer, a: category(reference[index]), b: "none")) }
        for index in predicted.indices where partnerOfPredicted[index] == nil { tally.add(.confusion(pair: pair, layer: layer, a: "none", b: category(predicted[index]))) }
        // What to adjudicate: spans without an exact partner, once each (a span and the other's
        // overlapping one are one disagreement).
        let unmatchedReference = Set(referenceUnmatched)
        var told = Set<Int>()
        for (index, isReference) in referenceUnmatched.map({ ($0, true) }) + predictedUnmatched.map({ ($0, false) }) {
            let annotation = isReference ? reference[index] : predicted[index]
            let partner = isReference ? partnerOfReference[index] : partnerOfPredicted[index]
            if !isReference, let partner, unmatchedReference.contains(partner), told.contains(index) { continue }
            if isReference, let partner { told.insert(partner) }
            let otherSaid = partner.map { isReference ? category(predicted[$0]) : category(reference[$0]) } ?? "-"
            let (owner, other) = isReference ? names : (names.1, names.0)
            disagreements.append(Disagreement(document: text.name, paragraph: paragraph + 1, start: annotation.start,
                                              end: annotation.ranges.last?.end ?? annotation.start, text: annotation.ranges.map { text.text[$0] }.joined(separator: " … "),
                                              layer: layer, said: [owner: category(annotation), other: otherSaid]))
        }
    }

    /// What makes two spans the same for exact matching.
    private struct ExactKey: Hashable {
        var category: String
        var ranges: [TextRange]
    }

    /// Pairs of (reference index, predicted index) sharing a code point (and a category when
    /// `sameCategory`), one to one, the largest overlaps first. Only spans whose extents meet are
    /// compared (a sweep over both lists by start): the work grows with the spans and the pairs
    /// that overlap, not with every pair of a long paragraph; `tests` counts the pairs compared.
    static func matchByOverlap(_ reference: [Annotation], _ predicted: [Annotation], sameCategory: Bool, tests: inout Int) -> [(Int, Int)] {
        func extent(_ annotation: Annotation) -> (start: Int, end: Int) { (annotation.start, annotation.ranges.last?.end ?? annotation.start) }
        // Both lists by start; a span meets the other list's spans still open where it starts.
        let events = (reference.indices.map { (extent(reference[$0]).start, 0, $0) } + predicted.indices.map { (extent(predicted[$0]).start, 1, $0) })
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var open: [[Int]] = [[], []]
        var candidates: [(overlap: Int, a: Int, b: Int)] = []
        for (start, side, index) in events {
            let other = 1 - side
            open[other].removeAll { extent(other == 0 ? reference[$0] : predicted[$0]).end <= start }
            let span = side == 0 ? reference[index] : predicted[index]
            for partner in open[other] {
                let (a, b) = side == 0 ? (span, predicted[partner]) : (reference[partner], span)
                guard !sameCategory || a.category == b.category else { continue }
                tests += 1
                var overlap = 0
                for x in a.ranges { for y in b.ranges { overlap += max(0, min(x.end, y.end) - max(x.start, y.start)) } }
                if overlap > 0 { candidates.append(side == 0 ? (overlap, index, partner) : (overlap, partner, index)) }
            }
            open[side].append(index)
        }
        candidates.sort { ($1.overlap, $0.a, $0.b) < ($0.overlap, $1.a, $1.b) }
        var usedA = Set<Int>(), usedB = Set<Int>()
        var pairs: [(Int, Int)] = []
        for candidate in candidates where !usedA.contains(candidate.a) && !usedB.contains(candidate.b) {
            usedA.insert(candidate.a)
            usedB.insert(candidate.b)
            pairs.append((candidate.a, candidate.b))
        }
        return pairs
    }

    /// On exactly matched spans: the register link, speaker, holder and target, correction and severity.
    private mutating func compareAttributes(_ a: Annotation, _ b: Annotation, pair: Int, layer: String) {
        func link(_ annotation: Annotation, _ role: LinkRole) -> String {
            annotation.links(role).map { target -> String in
                switch target { case .id(let id): id.rawValue; case .unknown: "unknown" }
            }.sorted().joined(separator: " ")
        }
        var attributes: [(String, String, String)] = []
        switch a.layer {
        case .entity: attributes = [("ref", link(a, .ref), link(b, .ref))]
        case .quotation: attributes = [("speaker", link(a, .speaker), link(b, .speaker))]
        case .stance: attributes = [("holder", link(a, .holder), link(b, .holder)), ("target", link(a, .target), link(b, .target))]
        case .error: attributes = [("correction", a.correction ?? "", b.correction ?? ""), ("severity", a.severity?.rawValue ?? "", b.severity?.rawValue ?? "")]
        default: break
        }
        for (name, x, y) in attributes {
            tally.add(.attribute(pair: pair, layer: layer, attribute: name, a: x.isEmpty ? "(none)" : x, b: y.isEmpty ? "(none)" : y))
        }
    }
}
