import Foundation
import StandoffModel
import StandoffXML

/// UIMA CAS XMI and its type system, for INCEpTION, WebAnno, DKPro Core and cTAKES. Offsets are
/// UTF-16 code units, as UIMA counts (every character outside the Basic Multilingual Plane
/// takes two). One type a layer (`org.standoff.Entity`, `Quotation`, `Stance`, `Error`, and
/// `org.standoff.Span` with a `layer` feature for custom layers), features for the category,
/// the links, the correction, severity, notes and the cue. docs/FORMATS.md has the mapping.
public enum XMI: Sendable {
    public static let package = "org.standoff"

    static func typeName(_ layer: Layer) -> String {
        switch layer {
        case .entity: "Entity"
        case .quotation: "Quotation"
        case .stance: "Stance"
        case .error: "Error"
        default: "Span"
        }
    }

    /// The features every type has, then those of one layer: (name, UIMA range type).
    static let commonFeatures = [("standoffId", "uima.cas.String"), ("layer", "uima.cas.String"), ("category", "uima.cas.String"),
                                 ("ranges", "uima.cas.String"), ("notes", "uima.cas.String"), ("annotator", "uima.cas.String"),
                                 ("certainty", "uima.cas.String"), ("method", "uima.cas.String"), ("time", "uima.cas.String"),
                                 ("links", "uima.cas.String"), ("features", "uima.cas.String")]
    static func layerFeatures(_ type: String) -> [(String, String)] {
        roleFeatures(type).map { ($0.name, "uima.cas.String") } + (fieldFeatures[type] ?? [])
    }

    /// The link roles a type has a feature of its own for: its layer's (``LayerDescription``);
    /// every other link goes in `links`.
    static func roleFeatures(_ type: String) -> [LinkRole] {
        Layer.builtIn.first { typeName($0) == type }?.details.links.map(\.role) ?? []
    }

    /// The roles any of Standoff's types has a feature for, read back from every type.
    static let allRoleFeatures = Layer.builtIn.flatMap { $0.details.links.map(\.role) }

    /// The features of a layer's own fields.
    static let fieldFeatures: [String: [(String, String)]] = [
        "Quotation": [("cueBegin", "uima.cas.Integer"), ("cueEnd", "uima.cas.Integer")],
        "Error": [("correction", "uima.cas.String"), ("severity", "uima.cas.String")],
    ]

    /// Standoff's own namespace, DKPro Core's named entity, or another tool's type: the layer
    /// a structure is read into (another type a custom layer named after it).
    static func layerName(ofType type: String, namespace: String, layerFeature: String?) -> String {
        if namespace == standoffNamespace { return layerFeature ?? type.lowercased() }
        if namespace == dkproNamedEntity.namespace && type == dkproNamedEntity.type { return Layer.entity.name }
        return type.prefix(1).lowercased() + type.dropFirst()
    }

    static let standoffNamespace = "http:///org/standoff.ecore"

    /// The type system description (`TypeSystem.xml`).
    public static func typeSystem() throws(XMLWriteError) -> [UInt8] {
        let writer = try XMLWriter()
        writer.open("typeSystemDescription", [("xmlns", "http://uima.apache.org/resourceSpecifier")])
        writer.element("name", text: "Standoff")
        writer.element("description", text: "Stand-off annotation layers of Standoff (entities, quotations, stances, errors, custom layers).")
        writer.element("version", text: "1.0")
        writer.open("types")
        for type in ["Entity", "Quotation", "Stance", "Error", "Span"] {
            writer.open("typeDescription")
            writer.element("name", text: "\(package).\(type)")
            writer.element("description", text: type == "Span" ? "An annotation of a custom layer." : "An annotation of the \(type.lowercased()) layer.")
            writer.element("supertypeName", text: "uima.tcas.Annotation")
            writer.open("features")
            for (name, range) in commonFeatures + layerFeatures(type) {
                writer.open("featureDescription")
                writer.element("name", text: name)
                writer.element("description", text: name)
                writer.element("rangeTypeName", text: range)
                writer.close()
            }
            writer.close()
            writer.close()
        }
        writer.close()
        writer.close()
        return try writer.finish()
    }

    /// DKPro Core's types, as INCEpTION, WebAnno and DKPro Core write them.
    static let dkproNamedEntity = (namespace: "http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore", type: "NamedEntity")
    static let dkproMetadata = "http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore"
}
