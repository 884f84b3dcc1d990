import StandoffModel

/// The colours of spans on a page: the Okabe–Ito palette (distinguishable with every common
/// colour-vision deficiency), one colour per category within a layer, in the order of the
/// layer's categories by count; layers differ by line style as well (solid, double, dashed,
/// dotted), so that a colour repeated in two layers, or in a layer of more than eight
/// categories, is still told apart by its style and its label.
public enum Palette {
    /// Orange, sky blue, bluish green, vermillion, blue, reddish purple, black, yellow (last:
    /// the weakest line on white).
    public static let colours = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#000000", "#F0E442"]

    /// Each layer's categories (most frequent first, then by name) with their colour, as an
    /// index into ``colours`` (the page's classes `c0`…`c7`).
    public static func assign(_ annotations: [Annotation]) -> [String: [(category: String, colour: Int, count: Int)]] {
        var counts: [String: [String: Int]] = [:]
        for annotation in annotations { counts[annotation.layer.name, default: [:]][label(annotation), default: 0] += 1 }
        return counts.mapValues { byCategory in
            byCategory.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.enumerated().map { index, item in
                (item.key, index % colours.count, item.value)
            }
        }
    }

    /// The CSS that gives the classes `c0`…`c7` their colour.
    static var css: String {
        colours.enumerated().map { ".c\($0.offset) { --c: \($0.element); }" }.joined(separator: "\n")
    }

    /// What a span's label says: its category, or its layer's name when it has none.
    static func label(_ annotation: Annotation) -> String { annotation.category?.rawValue ?? "(none)" }
}
