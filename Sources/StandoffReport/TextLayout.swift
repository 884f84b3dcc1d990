import StandoffModel

/// The text of a document cut into the pieces a page draws: each paragraph becomes segments, a
/// segment being a stretch of text under the same annotations, so that nested, overlapping and
/// crossing spans are all drawn as stacked underlines. Each annotation keeps one lane (its
/// underline's depth below the text) throughout a paragraph, shorter spans nearer the text than
/// the longer ones they overlap; a discontinuous annotation is one annotation whose pieces
/// share its lane.
public struct TextLayout: Sendable {
    /// One annotation's place over a segment.
    public struct Mark: Sendable, Equatable {
        /// Index of the annotation in the list laid out.
        public var annotation: Int
        /// 0 for the line nearest the text.
        public var lane: Int
        /// The segment ends the annotation's last piece: its label and correction come after it.
        public var ends: Bool
        /// The segment starts the annotation's first piece (the one that takes keyboard focus).
        public var starts: Bool
    }

    /// A stretch of one paragraph's text under the same annotations, outermost lane first.
    public struct Segment: Sendable, Equatable {
        public var range: TextRange
        public var marks: [Mark]
    }

    /// One paragraph: its segments and how many lanes they use.
    public struct Paragraph: Sendable {
        public var index: Int
        public var segments: [Segment]
        public var lanes: Int
    }

    public var paragraphs: [Paragraph]

    /// Lays out `annotations` (by their ranges) over `text`.
    public init(_ annotations: [Annotation], over text: SourceText) {
        // Each annotation's pieces, clipped to the paragraphs they cross, by paragraph.
        var pieces = [[(start: Int, end: Int, annotation: Int)]](repeating: [], count: text.paragraphs.count)
        for (index, annotation) in annotations.enumerated() {
            for range in annotation.ranges where range.end <= text.count && range.start < range.end {
                var paragraph = text.paragraphIndex(containing: range.start)
                while paragraph < text.paragraphs.count {
                    let bounds = text.paragraphs[paragraph]
                    let (start, end) = (max(range.start, bounds.start), min(range.end, bounds.end))
                    if start < end { pieces[paragraph].append((start, end, index)) }
                    if range.end <= bounds.end { break }
                    paragraph += 1
                }
            }
        }
        // Where each annotation's first piece starts and its last piece ends, over the text.
        var first = [Int](repeating: Int.max, count: annotations.count)
        var last = [Int](repeating: Int.min, count: annotations.count)
        for paragraph in pieces {
            for piece in paragraph {
                first[piece.annotation] = min(first[piece.annotation], piece.start)
                last[piece.annotation] = max(last[piece.annotation], piece.end)
            }
        }
        paragraphs = text.paragraphs.indices.map { index in
            Self.layOut(pieces[index], paragraph: index, bounds: text.paragraphs[index], first: first, last: last)
        }
    }

    private static func layOut(_ pieces: [(start: Int, end: Int, annotation: Int)], paragraph index: Int, bounds: TextRange,
                               first: [Int], last: [Int]) -> Paragraph {
        guard !pieces.isEmpty else {
            return Paragraph(index: index, segments: bounds.length > 0 ? [Segment(range: bounds, marks: [])] : [], lanes: 0)
        }
        // Lanes: the shortest spans first, each in the lowest lane free of the spans it overlaps
        // that are already placed, so that a span lies nearer the text than every longer span
        // it overlaps (nested ones inside, the outer ones below them).
        var extent: [Int: (start: Int, end: Int)] = [:]
        for piece in pieces {
            let known = extent[piece.annotation] ?? (piece.start, piece.end)
            extent[piece.annotation] = (min(known.start, piece.start), max(known.end, piece.end))
        }
        let ordered = extent.sorted { a, b in
            (a.value.end - a.value.start, a.value.start, a.key) < (b.value.end - b.value.start, b.value.start, b.key)
        }
        var occupied: [[(start: Int, end: Int)]] = []  // per lane, its spans by start (disjoint)
        var lane: [Int: Int] = [:]
        for (annotation, span) in ordered {
            var chosen = occupied.count
            for (index, spans) in occupied.enumerated() {
                // The first span of the lane starting at or after this one's start, and the one before it.
                var (low, high) = (0, spans.count)
                while low < high { let middle = (low + high) / 2; if spans[middle].start < span.start { low = middle + 1 } else { high = middle } }
                let overlapsNext = low < spans.count && spans[low].start < span.end
                let overlapsPrevious = low > 0 && spans[low - 1].end > span.start
                if !overlapsNext && !overlapsPrevious { chosen = index; break }
            }
            if chosen == occupied.count { occupied.append([]) }
            var (low, high) = (0, occupied[chosen].count)
            while low < high { let middle = (low + high) / 2; if occupied[chosen][middle].start < span.start { low = middle + 1 } else { high = middle } }
            occupied[chosen].insert(span, at: low)
            lane[annotation] = chosen
        }
        let lanes = occupied.count
        // Segments: between consecutive boundaries, under the pieces that cover them.
        var boundaries = Set([bounds.start, bounds.end])
        for piece in pieces { boundaries.insert(piece.start); boundaries.insert(piece.end) }
        let sorted = boundaries.sorted()
        let byStart = pieces.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var active: [(start: Int, end: Int, annotation: Int)] = []
        var next = 0
        var segments: [Segment] = []
        for (from, to) in zip(sorted, sorted.dropFirst()) where from < to {
            active.removeAll { $0.end <= from }
            while next < byStart.count && byStart[next].start <= from {
                if byStart[next].end > from { active.append(byStart[next]) }
                next += 1
            }
            // Outermost first: the lane drawn lowest (the highest number) wraps the others.
            let marks = active.map { piece in
                Mark(annotation: piece.annotation, lane: lane[piece.annotation]!,
                     ends: to == last[piece.annotation], starts: from == first[piece.annotation])
            }.sorted { ($1.lane, $0.annotation) < ($0.lane, $1.annotation) }
            guard let range = try? TextRange(from, to) else { continue }
            segments.append(Segment(range: range, marks: marks))
        }
        return Paragraph(index: index, segments: segments, lanes: lanes)
    }
}
