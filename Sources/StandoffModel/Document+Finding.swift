import Foundation

extension Document {
    /// The first unused id of the form PREFIX + number for `layer` (`ent1`, `ent2`, …), unused by
    /// the model and by the elements kept without reading (``PreservedContent/reservedIDs``).
    public func nextAnnotationID(for layer: Layer) -> Identifier {
        let prefix = layer.idPrefix
        var highest = 0
        for annotation in annotations {
            let (p, n) = annotation.id.prefixAndNumber
            if p == prefix, let n { highest = max(highest, n) }
        }
        var candidate = highest + 1
        while kind(of: try! Identifier("\(prefix)\(candidate)")) != nil || preserved.reservedIDs.contains("\(prefix)\(candidate)") { candidate += 1 }
        return try! Identifier("\(prefix)\(candidate)")
    }

    /// What in a new document (its paragraphs `p1`, `p2`, …, or the given ones, its taxonomies
    /// and their categories) already has the id `id`, described; `nil` when nothing does.
    public static func clash(ofDocumentID id: String, paragraphIDs: [Identifier]? = nil, taxonomies: [Taxonomy] = Taxonomy.defaults) -> String? {
        if let paragraphIDs {
            if let index = paragraphIDs.firstIndex(where: { $0.rawValue == id }) { return "paragraph \(index + 1)" }
        } else if id.hasPrefix("p"), let number = Int(id.dropFirst()), number >= 1, String(number) == String(id.dropFirst()) {
            return "paragraph \(number)"
        }
        for taxonomy in taxonomies {
            if taxonomy.id.rawValue == id { return "the taxonomy '\(id)'" }
            if taxonomy.categories.contains(where: { $0.id.rawValue == id }) { return "a category of the taxonomy '\(taxonomy.id)'" }
        }
        return nil
    }

    /// `wanted` as a new document's id, or (when its own declarations take it) `wanted-doc`,
    /// `wanted-doc2`, …, with what took it: an id made from a file name (`p1.txt`, `entity.ann`)
    /// is made unique rather than refused.
    public static func freeDocumentID(_ wanted: Identifier, taxonomies: [Taxonomy] = Taxonomy.defaults) -> (id: Identifier, takenBy: String?) {
        guard let clash = clash(ofDocumentID: wanted.rawValue, taxonomies: taxonomies) else { return (wanted, nil) }
        var candidate = wanted.rawValue + "-doc"
        var number = 2
        while self.clash(ofDocumentID: candidate, taxonomies: taxonomies) != nil {
            candidate = wanted.rawValue + "-doc\(number)"
            number += 1
        }
        return ((try? Identifier(candidate)) ?? wanted, clash)
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
