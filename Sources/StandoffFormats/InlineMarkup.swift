import StandoffModel

/// Renders a document's text with its annotations marked inline, for reading in a terminal.
///
/// Plain style brackets each span and labels it: `[Kim Jong Un]{ent4 PER → kim}`; nested spans
/// nest, inner first. Spans that cross (one begins inside the other and ends after it) cannot
/// nest: each opens with its id, `[^ent1 `, so that a reader sees where each begins and which
/// `]{ent1 …}` ends it. ANSI style colours each span by layer instead and keeps the text intact.
public struct InlineMarkup {
    public enum Style: Sendable { case brackets, ansi }

    public var style: Style
    public init(style: Style) { self.style = style }

    /// The ANSI escape for the layer's colour (see ``LayerDescription/colour``).
    public static func colour(for layer: Layer) -> String {
        switch layer.details.colour {
        case .cyan: "\u{1B}[36m"
        case .green: "\u{1B}[32m"
        case .magenta: "\u{1B}[35m"
        case .redUnderlined: "\u{1B}[31;4m"
        case .yellow: "\u{1B}[33m"
        }
    }

    static let reset = "\u{1B}[0m"

    /// The label after a span: id, category (or severity, polarity) and main link.
    public static func label(for annotation: Annotation) -> String {
        var parts = [annotation.id.rawValue]
        if let category = annotation.category { parts.append(category.rawValue) }
        if let severity = annotation.severity { parts.append(severity.rawValue) }
        let roles: [LinkRole] = [.ref, .speaker, .holder]
        for role in roles { for target in annotation.links(role) { parts.append("\(role.name == "ref" ? "→" : role.name + ":") \(target)") } }
        for target in annotation.links(.target) { parts.append("target: \(target)") }
        if let correction = annotation.correction { parts.append("→ \"\(correction)\"") }
        return parts.joined(separator: " ")
    }

    public func render(_ document: Document, annotations: [Annotation]) -> String {
        switch style {
        case .brackets: brackets(document, annotations)
        case .ansi: colours(document, annotations)
        }
    }

    private func brackets(_ document: Document, _ annotations: [Annotation]) -> String {
        // Opening and closing marks at each offset; longer spans open first and close last.
        var opens: [Int: [(Int, Annotation)]] = [:]
        var closes: [Int: [(Int, Annotation)]] = [:]
        for annotation in annotations {
            for range in annotation.ranges {
                opens[range.start, default: []].append((range.end, annotation))
                closes[range.end, default: []].append((range.start, annotation))
            }
        }
        let crossing = Self.crossing(annotations)
        var out = ""
        // Marks go at span boundaries only: the text between two boundaries is copied whole.
        let boundaries = Set(opens.keys).union(closes.keys).union([0, document.text.count]).sorted()
        for (index, offset) in boundaries.enumerated() {
            if let closing = closes[offset] {
                for (_, annotation) in closing.sorted(by: { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1.id > $1.1.id) }) {
                    out += "]{\(Self.label(for: annotation))}"
                }
            }
            if let opening = opens[offset] {
                // Longer spans open first, so that nested ones close first.
                for (_, annotation) in opening.sorted(by: { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1.id < $1.1.id) }) {
                    out += crossing.contains(annotation.id) ? "[^\(annotation.id) " : "["
                }
            }
            if index + 1 < boundaries.count, offset < boundaries[index + 1] {
                out += document.text[try! TextRange(offset, boundaries[index + 1])]
            }
        }
        return out
    }

    /// The annotations with a range that crosses a range of another: begins inside it and ends after it.
    static func crossing(_ annotations: [Annotation]) -> Set<Identifier> {
        let ranges = annotations.flatMap { annotation in annotation.ranges.map { (range: $0, id: annotation.id) } }
            .sorted { ($0.range.start, $1.range.end) < ($1.range.start, $0.range.end) }
        var open: [(range: TextRange, id: Identifier)] = []
        var found: Set<Identifier> = []
        for item in ranges {
            open.removeAll { $0.range.end <= item.range.start }
            for earlier in open where earlier.id != item.id && earlier.range.start < item.range.start && earlier.range.end < item.range.end {
                found.insert(earlier.id)
                found.insert(item.id)
            }
            open.append(item)
        }
        return found
    }

    private func colours(_ document: Document, _ annotations: [Annotation]) -> String {
        // One sweep over the span boundaries, keeping count of the layers covering each segment.
        var boundaries: Set<Int> = [0, document.text.count]
        var starting: [Int: [Layer]] = [:]
        var ending: [Int: [Layer]] = [:]
        for annotation in annotations {
            for range in annotation.ranges {
                boundaries.insert(range.start)
                boundaries.insert(range.end)
                starting[range.start, default: []].append(annotation.layer)
                ending[range.end, default: []].append(annotation.layer)
            }
        }
        let points = boundaries.sorted()
        var covering: [Layer: Int] = [:]
        var out = ""
        for (start, end) in zip(points, points.dropFirst()) {
            for layer in ending[start] ?? [] {
                covering[layer, default: 0] -= 1
                if covering[layer] == 0 { covering[layer] = nil }
            }
            for layer in starting[start] ?? [] { covering[layer, default: 0] += 1 }
            guard start < end else { continue }
            let segment = document.text[try! TextRange(start, end)]
            if let top = covering.keys.min() {
                out += Self.colour(for: top) + (covering.count > 1 ? "\u{1B}[1m" : "")
                out += segment.replacingNewlines(with: Self.reset + "\n" + Self.colour(for: top)) + Self.reset
            } else {
                out += segment
            }
        }
        return out
    }

    /// One line per layer shown, naming its colour.
    public static func legend(for layers: [Layer]) -> String {
        layers.map { colour(for: $0) + $0.name + reset }.joined(separator: "  ")
    }
}

extension String {
    fileprivate func replacingNewlines(with replacement: String) -> String {
        // "\r\n" is one Character, and a line break too (shown as the replacement's "\n").
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).joined(separator: replacement)
    }
}
