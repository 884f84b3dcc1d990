/// Indexes over a document's annotations, for the checks and exports that look at many of them
/// at once: where each layer's annotations stand, every annotation's ranges side by side, and
/// which annotations' recorded text is not the text at their ranges. ``Document`` keeps one up
/// to date as annotations are added and removed; it holds nothing the annotations do not say.
public struct AnnotationIndex: Sendable {
    /// Where each layer's annotations stand in ``Document/annotations``, layers in the order of
    /// their first annotation: rules and exports that look at one layer need not visit the others.
    private var layerPositions: [(layer: Layer, positions: [Int])] = []
    /// Every annotation's ranges side by side, in the order of ``Document/annotations``.
    public private(set) var ranges = RangeTable()
    /// Positions in ``Document/annotations`` of the annotations whose recorded text
    /// (``Annotation/snapshot``) is not the text now at their ranges: the text drifted, or the
    /// ranges are wrong. Noted as each annotation is added, when its text is at hand.
    public private(set) var driftedPositions: [Int] = []

    public init() {}

    /// The layers that have annotations, in canonical order.
    public var layers: [Layer] { layerPositions.map(\.layer).sorted() }

    /// The positions of the annotations of `layer`, in order.
    public func positions(of layer: Layer) -> [Int] {
        layerPositions.first { $0.layer == layer }?.positions ?? []
    }

    mutating func reserveCapacity(_ count: Int) { ranges.reserveCapacity(count) }

    /// Notes the annotation added at `position` (the last), and whether its text drifted.
    mutating func add(_ annotation: Annotation, at position: Int, drifted: Bool) {
        if drifted { driftedPositions.append(position) }
        note(annotation.layer, at: position)
        ranges.append(annotation.ranges)
    }

    /// Forgets the annotation that stood at `position`; `annotations` are those that remain.
    mutating func remove(at position: Int, leaving annotations: [Annotation]) {
        driftedPositions = driftedPositions.compactMap { $0 == position ? nil : $0 > position ? $0 - 1 : $0 }
        layerPositions = []
        ranges = RangeTable()
        for (position, annotation) in annotations.enumerated() {
            note(annotation.layer, at: position)
            ranges.append(annotation.ranges)
        }
    }

    /// Notes that the annotation at `position` of `annotations` was replaced, and whether its text drifted.
    mutating func replace(at position: Int, in annotations: [Annotation], drifted: Bool) {
        driftedPositions.removeAll { $0 == position }
        if drifted { driftedPositions.append(position); driftedPositions.sort() }
        layerPositions = []
        ranges = RangeTable()
        for (position, annotation) in annotations.enumerated() {
            note(annotation.layer, at: position)
            ranges.append(annotation.ranges)
        }
    }

    private mutating func note(_ layer: Layer, at position: Int) {
        // A document has a handful of layers, and neighbouring annotations mostly share one.
        if let last = layerPositions.indices.last, layerPositions[last].layer == layer {
            layerPositions[last].positions.append(position)
        } else if let slot = layerPositions.firstIndex(where: { $0.layer == layer }) {
            layerPositions[slot].positions.append(position)
        } else {
            layerPositions.append((layer, [position]))
        }
    }
}

/// The ranges of a document's annotations side by side, in the order of
/// ``Document/annotations``: checks that look at every annotation's ranges read them from one
/// array instead of visiting each annotation (a large file has hundreds of thousands).
public struct RangeTable: Sendable {
    /// All ranges, annotation after annotation.
    public private(set) var ranges: [TextRange] = []
    /// Where the ranges of the annotation at each position begin in ``ranges``; one more entry
    /// at the end, so that annotation `i`'s ranges are `ranges[starts[i]..<starts[i + 1]]`.
    public private(set) var starts: [Int] = [0]

    public init() {}

    /// The number of annotations.
    public var count: Int { starts.count - 1 }

    /// The ranges of the annotation at `position`.
    public subscript(position: Int) -> ArraySlice<TextRange> { ranges[starts[position]..<starts[position + 1]] }

    mutating func append(_ annotationRanges: [TextRange]) {
        ranges.append(contentsOf: annotationRanges)
        starts.append(ranges.count)
    }

    mutating func reserveCapacity(_ count: Int) {
        ranges.reserveCapacity(ranges.count + count)
        starts.reserveCapacity(starts.count + count)
    }
}
