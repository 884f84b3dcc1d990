import Foundation
import StandoffModel

/// brat's standoff format: the text in `NAME.txt`, the annotations in `NAME.ann`, offsets in
/// code points (Python string indices, as brat counts them). docs/FORMATS.md has the mapping
/// and the loss table.
///
/// - `T` lines: an entity's type is its category (`PER`); another layer's type is the layer's
///   name (`quotation`, `stance`, `error`, or a custom one) with its category in a `Category`
///   attribute. Discontinuous spans as `START END;START END`.
/// - `A` lines: `Category`, `Severity`.
/// - `N` lines: an entity's register link (`Register:kim`, and `Wikidata:Q56226` when known).
/// - `R` lines: a link to another annotation, a quotation's cue (a `Cue` span), and, for a
///   speaker, holder or target that is a register entry, an arc to the nearest entity mention of
///   that entry, so that brat draws it.
/// - `#` notes (`AnnotatorNotes`): every link as `ROLE: ID` (what an import reads), a correction
///   as `correction: TEXT`, a feature as `feature: KEY=VALUE`, a comment as itself (`note: ` first
///   if it could be read as one of these).
public enum Brat: Sendable {
    public struct Files: Sendable, Equatable {
        public var text: String
        public var annotations: String
    }

    /// The feature that keeps a normalisation into another database (`Reference:brat_eco` =
    /// `ECO:0001802`), written back as `N… Reference T… brat_eco:ECO:0001802`.
    static let referenceFeature = "Reference:"
    static let reserved = ["speaker: ", "holder: ", "target: ", "ref: ", "correction: ", "feature: ", "note: ", "cue", "link "]

    /// `range` cut at its line breaks (`\n`, `\r`) into the pieces between them, none empty;
    /// a range of line breaks alone stays as it is.
    static func lineFragments(of range: TextRange, in text: SourceText) -> [TextRange] {
        var pieces: [TextRange] = []
        var start = range.start
        var offset = range.start
        for scalar in text.unicodeScalars(from: range.start, to: range.end) {
            if scalar == "\n" || scalar == "\r" {
                if offset > start, let piece = try? TextRange(start, offset) { pieces.append(piece) }
                start = offset + 1
            }
            offset += 1
        }
        if range.end > start, let piece = try? TextRange(start, range.end) { pieces.append(piece) }
        return pieces.isEmpty ? [range] : pieces
    }

    /// Pieces of one span that only a line break (`\n`, `\r` or `\r\n`) separates, joined:
    /// brat's way of storing a span across lines, read back as the one span it is.
    static func joiningLineFragments(_ ranges: [TextRange], in text: SourceText) -> [TextRange] {
        var joined: [TextRange] = []
        for range in ranges {
            if let last = joined.last, range.start > last.end, range.start - last.end <= 2,
               text.unicodeScalars(from: last.end, to: range.start).allSatisfy({ $0 == "\n" || $0 == "\r" }),
               let whole = try? TextRange(last.start, range.end) {
                joined[joined.count - 1] = whole
            } else {
                joined.append(range)
            }
        }
        return joined
    }

    // MARK: The mapping, read by export and import alike

    static let categoryAttribute = "Category"
    static let severityAttribute = "Severity"
    /// The type of a quotation's cue span, and of the relation to it.
    static let cueType = "Cue"

    /// A T line's type: an entity's category (`entity` without one), another layer's name.
    static func type(of annotation: Annotation) -> String {
        annotation.layer == .entity ? (annotation.category?.rawValue ?? Layer.entity.name) : annotation.layer.name
    }

    /// The layer and category a T line's `type` and `Category` attribute say: a built-in layer's
    /// name, or any type with a `Category` attribute, is a layer; any other type an entity's category.
    static func layer(ofType type: String, categoryAttribute: String?) throws(ModelError) -> (layer: Layer, category: String?) {
        let layerNames = Layer.builtIn.filter { $0 != .entity }.map(\.name)
        if layerNames.contains(type) || categoryAttribute != nil { return (try Layer(type), categoryAttribute) }
        return (.entity, type == Layer.entity.name ? nil : type)
    }

    /// A link role as a relation type (`speaker` as `Speaker`), and back.
    static func relationType(_ role: LinkRole) -> String { role.name.prefix(1).uppercased() + role.name.dropFirst() }
    static func role(ofRelationType type: String) throws(ModelError) -> LinkRole { try LinkRole(type.lowercased()) }

    static func distance(_ x: TextRange, _ y: TextRange) -> Int {
        x.end <= y.start ? y.start - x.end : y.end <= x.start ? x.start - y.end : 0
    }
}
