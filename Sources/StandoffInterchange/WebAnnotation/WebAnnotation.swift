import Foundation
import StandoffModel

/// W3C Web Annotation (JSON-LD): an `AnnotationCollection` whose first page holds one
/// `Annotation` per Standoff annotation. Each target is the document with a
/// `TextPositionSelector` (code points, as the model counts) and a `TextQuoteSelector` (exact,
/// prefix, suffix); a discontinuous span has a target a range. Bodies carry the category
/// (`tagging`), register and other links (`identifying`, `linking`), a correction (`editing`)
/// and comments (`commenting`). What the model says beyond the W3C vocabulary (layer, link
/// roles, severity) goes in terms of Standoff's own namespace, declared in `@context`.
public enum WebAnnotation: Sendable {
    static let quoteContext = 32

    /// The document's IRI: its id under the `urn:standoff:` namespace.
    static func iri(_ document: String, _ item: String? = nil) -> String { "urn:standoff:\(document)" + (item.map { ":" + $0 } ?? "") }

    // MARK: The mapping, read by export and import alike

    /// The motivation of an annotation of `layer` (``LayerDescription/motivation``), and the
    /// layer a motivation names (a foreign annotation without `standoff:layer`): the built-in
    /// layer with that motivation, an entity for any other.
    static func motivation(of layer: Layer) -> String { layer.details.motivation }
    static func layer(motivation: String?) -> Layer {
        LayerDescription.builtIn.first { $0.motivation == motivation }?.layer ?? .entity
    }

    /// The IRI of a link's target: `unknown`, a category (`category:TAXONOMY:ID`), or an id.
    static func linkIRI(_ target: LinkTarget, in document: Document) -> String {
        switch target {
        case .unknown: iri(document.id.rawValue, "unknown")
        case .id(let id): document.taxonomy(declaring: id).map { iri(document.id.rawValue, "category:\($0):\(id)") } ?? iri(document.id.rawValue, id.rawValue)
        }
    }

    /// What a link IRI names, in the words of ``ImportSession/resolveLink``: `unknown`,
    /// `category:TAXONOMY/ID`, or the last segment (Standoff's own `urn:standoff:DOC:ID`, any IRI's
    /// last path segment).
    static func linkValue(ofIRI iri: String) -> String {
        let parts = iri.split(separator: ":").map(String.init)
        let last = parts.last ?? iri
        if last == "unknown" { return "unknown" }
        if parts.count >= 3, parts[parts.count - 3] == "category" { return "category:\(parts[parts.count - 2])/\(last)" }
        return iri.split(whereSeparator: { ":/#".contains($0) }).last.map(String.init) ?? last
    }
}
