import StandoffModel
import StandoffXML

/// UIMA CAS XMI and its type system, for INCEpTION, WebAnno, DKPro Core and cTAKES. Offsets are
/// UTF-16 code units, as UIMA counts (every character outside the Basic Multilingual Plane
/// takes two). One type a layer (`org.standoff.Entity`, `Quotation`, `Stance`, `Error`, and
/// `org.standoff.Span` with a `layer` feature for custom layers), features for the category,
/// the links, the correction, severity, notes and the cue. docs/FORMATS.md has the mapping.
public enum XMI {
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
                                 ("links", "uima.cas.String")]
    static let layerFeatures: [String: [(String, String)]] = [
        "Entity": [("ref", "uima.cas.String")],
        "Quotation": [("speaker", "uima.cas.String"), ("cueBegin", "uima.cas.Integer"), ("cueEnd", "uima.cas.Integer")],
        "Stance": [("holder", "uima.cas.String"), ("target", "uima.cas.String")],
        "Error": [("correction", "uima.cas.String"), ("severity", "uima.cas.String")],
        "Span": [],
    ]

    /// The type system description (`TypeSystem.xml`).
    public static func typeSystem() -> [UInt8] {
        let writer = XMLWriter()!
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
            for (name, range) in commonFeatures + layerFeatures[type]! {
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
        return writer.finish() ?? []
    }

    /// The CAS as XMI, offsets in UTF-16 code units.
    public static func export(_ document: Document) -> (xmi: [UInt8], losses: Losses) {
        var losses = Losses()
        let offsets = OffsetTable(document.text)
        func utf16(_ offset: Int) -> String { String((try? offsets.utf16Offset(ofCodePoint: offset)) ?? offset) }
        let writer = XMLWriter()!
        writer.open("xmi:XMI", [("xmlns:xmi", "http://www.omg.org/XMI"), ("xmlns:cas", "http:///uima/cas.ecore"),
                                ("xmlns:tcas", "http:///uima/tcas.ecore"), ("xmlns:standoff", "http:///org/standoff.ecore"), ("xmi:version", "2.0")])
        writer.open("cas:NULL", [("xmi:id", "0")]); writer.close()
        let textEnd = utf16(document.text.count)
        writer.open("tcas:DocumentAnnotation", [("xmi:id", "1"), ("sofa", "2"), ("begin", "0"), ("end", textEnd), ("language", document.language)]); writer.close()
        writer.open("cas:Sofa", [("xmi:id", "2"), ("sofaNum", "1"), ("sofaID", "_InitialView"), ("mimeType", "text/plain"), ("sofaString", document.text.string)]); writer.close()
        var members = ["1"]
        var next = 3
        for annotation in document.sortedAnnotations() {
            let type = typeName(annotation.layer)
            let first = annotation.ranges.first!, last = annotation.ranges.last!
            func targets(_ role: LinkRole) -> String? {
                let values = annotation.links(role).map(\.description)
                return values.isEmpty ? nil : values.joined(separator: " ")
            }
            let known: Set<String> = ["ref", "speaker", "holder", "target"]
            let otherLinks = annotation.links.filter { !known.contains($0.role.name) }.map { "\($0.role)=\($0.target)" }
            var attributes: [(String, String?)] = [
                ("xmi:id", String(next)), ("sofa", "2"), ("begin", utf16(first.start)), ("end", utf16(last.end)),
                ("standoffId", annotation.id.rawValue), ("layer", annotation.layer.name), ("category", annotation.category?.rawValue),
                ("ranges", annotation.ranges.count > 1 ? annotation.ranges.map { "\(utf16($0.start)) \(utf16($0.end))" }.joined(separator: ";") : nil),
                ("notes", annotation.notes.isEmpty ? nil : annotation.notes.joined(separator: "\n")),
                ("annotator", annotation.provenance.annotator?.rawValue),
                ("links", otherLinks.isEmpty ? nil : otherLinks.joined(separator: " ")),
            ]
            switch type {
            case "Entity": attributes.append(("ref", targets(.ref)))
            case "Quotation":
                attributes += [("speaker", targets(.speaker)), ("cueBegin", annotation.cue.first.map { utf16($0.start) }), ("cueEnd", annotation.cue.last.map { utf16($0.end) })]
            case "Stance": attributes += [("holder", targets(.holder)), ("target", targets(.target))]
            case "Error": attributes += [("correction", annotation.correction), ("severity", annotation.severity?.rawValue)]
            default: break
            }
            if annotation.ranges.count > 1 { losses.lost("discontinuous spans stored as their extent, with their ranges in a feature") }
            if !annotation.features.isEmpty { losses.lost("annotation features dropped", annotation.features.count) }
            let provenance = annotation.provenance
            if provenance.time != nil || provenance.method != nil || provenance.certainty != nil { losses.lost("annotations' certainty, method and time dropped") }
            writer.open("standoff:\(type)", attributes)
            writer.close()
            members.append(String(next))
            next += 1
        }
        writer.open("cas:View", [("sofa", "2"), ("members", members.joined(separator: " "))]); writer.close()
        writer.close()
        losses.lost("register entries kept only as ids", document.registers.reduce(0) { $0 + $1.entries.count })
        if !document.revisions.isEmpty { losses.lost("revision history entries dropped", document.revisions.count) }
        return (writer.finish() ?? [], losses)
    }
}
