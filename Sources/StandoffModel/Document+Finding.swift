import Foundation

extension Document {
    /// The first unused id of the form PREFIX + number for `layer` (`ent1`, `ent2`, …).
    public func nextAnnotationID(for layer: Layer) -> Identifier {
        let prefix = layer.idPrefix
        var highest = 0
        for annotation in annotations {
            let (p, n) = annotation.id.prefixAndNumber
            if p == prefix, let n { highest = max(highest, n) }
        }
        var candidate = highest + 1
        while kind(of: try! Identifier("\(prefix)\(candidate)")) != nil { candidate += 1 }
        return try! Identifier("\(prefix)\(candidate)")
    }

    /// Where `needle` occurs: the `occurrence`-th (from 1), every one (`all`), or the only one.
    ///
    /// With `context`, the search is limited to the one place where `context` occurs (which must
    /// contain `needle`), so that a short, frequent span can be named by the phrase around it.
    public func ranges(of needle: String, occurrence: Int? = nil, all: Bool = false, within context: String? = nil) throws(ModelError) -> [TextRange] {
        var found = text.occurrences(of: needle)
        guard !found.isEmpty else {
            // Code points are compared exactly: "Café" typed precomposed (NFC) does not match
            // one stored decomposed (NFD), and the other way round. Say so when that is why.
            let forms = [needle.precomposedStringWithCanonicalMapping, needle.decomposedStringWithCanonicalMapping]
            if forms.contains(where: { !$0.unicodeScalars.elementsEqual(needle.unicodeScalars) && !text.occurrences(of: $0).isEmpty }) {
                throw .textInOtherNormalization(needle)
            }
            throw .textNotFound(needle)
        }
        if let context {
            let places = text.occurrences(of: context)
            guard !places.isEmpty else { throw .contextNotFound(context) }
            guard places.count == 1 else { throw .ambiguousContext(context, occurrences: places) }
            found = found.filter { $0.start >= places[0].start && $0.end <= places[0].end }
            guard !found.isEmpty else { throw .textNotInContext(needle, context: context) }
        }
        if all { return found }
        if let occurrence {
            guard occurrence >= 1, occurrence <= found.count else {
                throw .occurrenceOutOfRange(needle, requested: occurrence, found: found.count)
            }
            return [found[occurrence - 1]]
        }
        guard found.count == 1 else { throw .ambiguousText(needle, occurrences: found) }
        return found
    }
}

/// What an id in a document names.
public enum DeclaredKind: Hashable, Sendable, CustomStringConvertible {
    case document, paragraph, annotator, taxonomy, category, annotation
    case entry(EntryKind)

    public var description: String {
        switch self {
        case .document: "document"
        case .paragraph: "paragraph"
        case .annotator: "annotator"
        case .taxonomy: "taxonomy"
        case .category: "category"
        case .annotation: "annotation"
        case .entry(let kind): "\(kind.rawValue) register entry"
        }
    }
}
