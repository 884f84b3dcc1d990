import Foundation
import StandoffModel
import StandoffXML

extension XMI {
    /// The CAS as XMI, offsets in UTF-16 code units.
    public static func export(_ document: Document) throws(XMLWriteError) -> (xmi: [UInt8], losses: Losses) {
        var losses = Losses()
        losses.countDropped(declarationsOf: document, by: Self.self)
        // The text is one attribute, and XML readers refuse a value over 10,000,000 bytes unless
        // told otherwise: said, not lost (Standoff's own import reads up to 1 GB).
        if document.text.string.utf8.count > 10_000_000 {
            losses.repaired(.hugeSofa)
        }
        let offsets = OffsetTable(document.text)
        func utf16(_ offset: Int) -> String { String((try? offsets.utf16Offset(ofCodePoint: offset)) ?? offset) }
        let writer = try XMLWriter()
        writer.open("xmi:XMI", [("xmlns:xmi", "http://www.omg.org/XMI"), ("xmlns:cas", "http:///uima/cas.ecore"),
                                ("xmlns:tcas", "http:///uima/tcas.ecore"), ("xmlns:standoff", standoffNamespace), ("xmi:version", "2.0")])
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
                // A category as `category:TAXONOMY/ID`: ids hold no colon, so it reads back unambiguously.
                let values = annotation.links(role).map { target -> String in
                    if case .id(let id) = target, let taxonomy = document.taxonomy(declaring: id) { return "category:\(taxonomy)/\(id)" }
                    return target.description
                }
                return values.isEmpty ? nil : values.joined(separator: " ")
            }
            // The roles this type has a feature for; every other link (a custom layer's `ref`, an
            // entity's `speaker`) goes in `links`, never dropped.
            let known = roleFeatures(type)
            let otherLinks = annotation.links.filter { !known.contains($0.role) }.map { link -> String in
                if case .id(let id) = link.target, let taxonomy = document.taxonomy(declaring: id) { return "\(link.role)=category:\(taxonomy)/\(id)" }
                return "\(link.role)=\(link.target)"
            }
            var attributes: [(String, String?)] = [
                ("xmi:id", String(next)), ("sofa", "2"), ("begin", utf16(first.start)), ("end", utf16(last.end)),
                ("standoffId", annotation.id.rawValue), ("layer", annotation.layer.name), ("category", annotation.category?.rawValue),
                ("ranges", annotation.ranges.count > 1 ? annotation.ranges.map { "\(utf16($0.start)) \(utf16($0.end))" }.joined(separator: ";") : nil),
                ("notes", annotation.notes.isEmpty ? nil : annotation.notes.joined(separator: "\n")),
                ("annotator", annotation.provenance.annotator?.rawValue),
                ("certainty", annotation.provenance.certainty?.rawValue), ("method", annotation.provenance.method?.rawValue),
                ("time", annotation.provenance.time.map { ISOTimestamp.string(from: $0) }),
                ("links", otherLinks.isEmpty ? nil : otherLinks.joined(separator: " ")),
                ("features", annotation.features.isEmpty ? nil : annotation.features.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")),
            ]
            attributes += known.map { ($0.name, targets($0)) }
            switch type {
            case "Quotation": attributes += [("cueBegin", annotation.cue.first.map { utf16($0.start) }), ("cueEnd", annotation.cue.last.map { utf16($0.end) })]
            case "Error": attributes += [("correction", annotation.correction), ("severity", annotation.severity?.rawValue)]
            default: break
            }
            if annotation.ranges.count > 1 { losses.repaired(.discontinuousAsExtent) }
            losses.countDropped(in: annotation, by: Self.self)
            writer.open("standoff:\(type)", attributes)
            writer.close()
            members.append(String(next))
            next += 1
        }
        writer.open("cas:View", [("sofa", "2"), ("members", members.joined(separator: " "))]); writer.close()
        writer.close()
        return (try writer.finish(), losses)
    }
}
