import Foundation
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
                                 ("certainty", "uima.cas.String"), ("method", "uima.cas.String"), ("time", "uima.cas.String"),
                                 ("links", "uima.cas.String"), ("features", "uima.cas.String")]
    static let layerFeatures: [String: [(String, String)]] = [
        "Entity": [("ref", "uima.cas.String")],
        "Quotation": [("speaker", "uima.cas.String"), ("cueBegin", "uima.cas.Integer"), ("cueEnd", "uima.cas.Integer")],
        "Stance": [("holder", "uima.cas.String"), ("target", "uima.cas.String")],
        "Error": [("correction", "uima.cas.String"), ("severity", "uima.cas.String")],
        "Span": [],
    ]

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
        return try writer.finish()
    }

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
        let dates = ISO8601DateFormatter()
        func utf16(_ offset: Int) -> String { String((try? offsets.utf16Offset(ofCodePoint: offset)) ?? offset) }
        let writer = try XMLWriter()
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
                // A category as `category:TAXONOMY/ID`: ids hold no colon, so it reads back unambiguously.
                let values = annotation.links(role).map { target -> String in
                    if case .id(let id) = target, let taxonomy = document.taxonomy(declaring: id) { return "category:\(taxonomy)/\(id)" }
                    return target.description
                }
                return values.isEmpty ? nil : values.joined(separator: " ")
            }
            // The roles this type has a feature for; every other link (a custom layer's `ref`, an
            // entity's `speaker`) goes in `links`, never dropped.
            let known: Set<String> = ["Entity": ["ref"], "Quotation": ["speaker"], "Stance": ["holder", "target"]][type] ?? []
            let otherLinks = annotation.links.filter { !known.contains($0.role.name) }.map { link -> String in
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
                ("time", annotation.provenance.time.map { dates.string(from: $0) }),
                ("links", otherLinks.isEmpty ? nil : otherLinks.joined(separator: " ")),
                ("features", annotation.features.isEmpty ? nil : annotation.features.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")),
            ]
            switch type {
            case "Entity": attributes.append(("ref", targets(.ref)))
            case "Quotation":
                attributes += [("speaker", targets(.speaker)), ("cueBegin", annotation.cue.first.map { utf16($0.start) }), ("cueEnd", annotation.cue.last.map { utf16($0.end) })]
            case "Stance": attributes += [("holder", targets(.holder)), ("target", targets(.target))]
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

    // MARK: Import

    /// A feature structure of the XMI, as read.
    struct Structure { var namespace: String; var type: String; var attributes: [String: String]; var line: Int }

    final class Reader: SAXHandler {
        /// The CAS's views: each sofa's xmi:id, its name (`sofaID`) and its text.
        var sofas: [(xmiID: String, name: String, text: String?)] = []
        var structures: [Structure] = []
        func startElement(_ tag: StartTag, at location: (line: Int, column: Int)) {
            let namespace = tag.namespace.map { String(cString: $0) } ?? ""
            let name = tag.name
            var attributes: [String: String] = [:]
            for attribute in tag.allAttributes { attributes[attribute.localName] = attribute.value }
            if namespace == "http:///uima/cas.ecore", name == "Sofa" {
                sofas.append((attributes["id"] ?? "", attributes["sofaID"] ?? "_InitialView", attributes["sofaString"]))
                return
            }
            // The CAS's own structures (NULL, View, arrays) and the document annotation are not annotations.
            guard namespace.hasPrefix("http:///"), namespace != "http:///uima/cas.ecore", name != "DocumentAnnotation" else { return }
            structures.append(Structure(namespace: namespace, type: name, attributes: attributes, line: location.line))
        }
        func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {}
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
        func comment(_ text: UnsafePointer<UInt8>) {}
        func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) {}
    }

    /// DKPro Core's types, as INCEpTION, WebAnno and DKPro Core write them.
    static let dkproNamedEntity = (namespace: "http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore", type: "NamedEntity")
    static let dkproMetadata = "http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore"

    /// A document from a CAS XMI file: the text is its initial view's sofa; offsets are UTF-16
    /// code units. Standoff's own types come back whole; DKPro Core's `NamedEntity` (INCEpTION's
    /// named entity layer) is an entity, its `value` the category and a Wikidata `identifier` a
    /// register entry; DKPro's document metadata gives the title, the rest of it is counted as
    /// left out; another annotation type (with begin and end) becomes a custom layer named after
    /// it, its `value` the category; an empty span or any other feature structure stops the
    /// import unless `lossy`, which counts it.
    ///
    /// A CAS with several views (sofas: a translation beside the original, say) gives the view
    /// `view` (the initial view, `_InitialView`, unless named); the annotations of the other views
    /// are counted as left out, never put on this view's text.
    public static func importDocument(path: String, id: String, lossy: Bool, view: String? = nil) throws(ImportError) -> (document: Document, losses: Losses) {
        var losses = Losses()
        let place = ImportPlace(file: path)
        func fail(_ line: Int, _ message: String, _ hint: String) -> ImportError { place.fail(line, message, hint) }
        @discardableResult func model<T>(_ line: Int, _ what: String, _ body: () throws(ModelError) -> T) throws(ImportError) -> T {
            try place.model(line, what, body)
        }
        let reader = Reader()
        let parser = SAXParser(handler: reader)
        // The whole text is one attribute (the sofa): up to libxml2's huge limit, 1 GB.
        parser.allowsHugeValues = true
        parser.parse(path: path)
        if let failure = parser.failures.first(where: \.isFatal) { throw fail(failure.line, failure.message, "give a well-formed UIMA CAS XMI file") }
        let wanted = view ?? "_InitialView"
        guard let chosen = reader.sofas.first(where: { $0.name == wanted }) else {
            let names = reader.sofas.map(\.name)
            throw fail(0, view == nil ? "has no initial view with a sofaString: no text to annotate" : "has no view '\(wanted)'",
                       names.isEmpty ? "export the CAS with its text (the sofa)" : "its views: \(names.joined(separator: ", ")); choose one with --view")
        }
        guard let sofa = chosen.text else {
            throw fail(0, "the view '\(wanted)' has no sofaString: no text to annotate", "export the CAS with its text (the sofa)")
        }
        // Only this view's structures: those of another sofa are counted, never moved onto this text.
        let viewNames = Dictionary(reader.sofas.map { ($0.xmiID, $0.name) }, uniquingKeysWith: { first, _ in first })
        var structures: [Structure] = []
        for structure in reader.structures {
            if let owner = structure.attributes["sofa"], owner != chosen.xmiID, reader.sofas.count > 1 {
                losses.lost(.otherViews(viewNames[owner] ?? owner))
                continue
            }
            structures.append(structure)
        }
        let text = SourceText(sofa)
        let offsets = OffsetTable(text)
        let dates = ISO8601DateFormatter()
        let documentID = try model(0, "document id") { () throws(ModelError) in try Identifier(id) }
        var document = try model(0, "document") { () throws(ModelError) in
            try Document(id: documentID, title: id, text: text, source: SourceDescription(fileName: "", sha256: text.sha256))
        }
        // UIMA counts UTF-16 code units. A file whose offsets fall inside a character or past
        // the text in those units, but all fit as code points (a tool that counted Python
        // indices), is read in code points, and the move reported.
        let allOffsets = structures.flatMap { structure in
            ["begin", "end", "cueBegin", "cueEnd"].compactMap { structure.attributes[$0].flatMap(Int.init) }
                + (structure.attributes["ranges"] ?? "").split(whereSeparator: { $0 == " " || $0 == ";" }).compactMap { Int($0) }
        }
        let inCodePoints = allOffsets.contains { (try? offsets.codePointOffset(utf16: $0)) == nil } && allOffsets.allSatisfy { $0 >= 0 && $0 <= text.count }
        func range(_ begin: String?, _ end: String?, line: Int) throws(ImportError) -> TextRange {
            guard let begin = begin.flatMap(Int.init), let end = end.flatMap(Int.init) else { throw fail(line, "begin and end must be numbers", "check the feature structure") }
            if inCodePoints {
                losses.repaired(.codePointsNotUTF16)
                return try model(line, "offsets \(begin)–\(end)") { () throws(ModelError) in try TextRange(begin, end) }
            }
            return try model(line, "offsets \(begin)–\(end)") { () throws(ModelError) in
                try TextRange(try offsets.codePointOffset(utf16: begin), try offsets.codePointOffset(utf16: end))
            }
        }
        var made: [Annotation] = []
        var madeLines: [Int] = []
        var pendingLinks: [(index: Int, role: String, target: String, line: Int)] = []
        var ids = AnnotationIDs()
        for structure in structures {
            let a = structure.attributes
            if structure.type == "DocumentAnnotation" { continue }
            // DKPro's metadata describes the CAS, not the text: the title is kept, the rest counted.
            if structure.namespace == dkproMetadata {
                if structure.type == "DocumentMetaData", let title = a["documentTitle"], !title.isEmpty { document.title = title }
                losses.lost(.casMetadata(structure.type))
                continue
            }
            guard a["begin"] != nil, a["end"] != nil else {
                guard lossy else {
                    throw fail(structure.line, "a \(structure.type) without begin and end has no place in Standoff's model",
                               "pass --lossy to import the rest and count what is left out")
                }
                losses.lost(.structuresWithoutSpan(structure.type))
                continue
            }
            let ours = structure.namespace == "http:///org/standoff.ecore"
            let namedEntity = structure.namespace == dkproNamedEntity.namespace && structure.type == dkproNamedEntity.type
            let layerName = ours ? (a["layer"] ?? structure.type.lowercased()) : namedEntity ? "entity" : structure.type.prefix(1).lowercased() + structure.type.dropFirst()
            let layer = try model(structure.line, structure.type) { () throws(ModelError) in try Layer(layerName) }
            if !ours && !namedEntity { losses.repaired(.typeAsLayer(structure.type, layer)) }
            var ranges: [TextRange] = []
            if let pieces = a["ranges"], ours {
                for piece in pieces.split(separator: ";") {
                    let pair = piece.split(separator: " ").map(String.init)
                    ranges.append(try range(pair.first, pair.last, line: structure.line))
                }
            } else {
                ranges = [try range(a["begin"], a["end"], line: structure.line)]
            }
            if ranges.allSatisfy(\.isEmpty) {
                guard lossy else {
                    throw fail(structure.line, "a \(structure.type) (xmi:id \(a["id"] ?? "?")) covers no text (begin \(a["begin"]!) = end), and Standoff's annotations cover at least one character",
                               "pass --lossy to import the rest and count what is left out")
                }
                losses.lost(.emptySpans(structure.type))
                continue
            }
            let categoryName = ours ? a["category"] : a["value"]
            let category = try categoryName.map { (name: String) throws(ImportError) -> Identifier in
                try model(structure.line, structure.type) { () throws(ModelError) in
                    try Categories.declare(try Identifier(name), for: layer, in: &document, losses: &losses)
                }
            }
            var cue: [TextRange] = []
            if ours, a["cueBegin"] != nil { cue = [try range(a["cueBegin"], a["cueEnd"], line: structure.line)] }
            var annotator: Identifier?
            if ours, let name = a["annotator"], let annotatorID = try? Identifier(name) {
                annotator = annotatorID
                if document.annotator(annotatorID) == nil { try model(structure.line, name) { () throws(ModelError) in try document.declare(Annotator(id: annotatorID, name: name)) } }
            }
            let wanted = ours ? a["standoffId"].flatMap { try? Identifier($0) } : nil
            let newID = ids.next(for: layer, wanting: wanted, in: document).id
            if ours {
                for role in ["ref", "speaker", "holder", "target"] {
                    for target in (a[role] ?? "").split(separator: " ") { pendingLinks.append((made.count, role, String(target), structure.line)) }
                }
                for pair in (a["links"] ?? "").split(separator: " ") {
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    if parts.count == 2 { pendingLinks.append((made.count, parts[0], parts[1], structure.line)) }
                }
            }
            var features: [String: String] = [:]
            var links: [Link] = []
            if namedEntity, let identifier = a["identifier"], !identifier.isEmpty {
                // INCEpTION's entity linking: a Wikidata IRI names a register entry; any other
                // knowledge-base IRI is kept as a feature.
                if let wikidata = RegisterEntries.wikidataID(fromIRI: identifier) {
                    let entryID = try model(structure.line, identifier) { () throws(ModelError) in try RegisterEntries.entryID(forWikidata: wikidata) }
                    try model(structure.line, identifier) { () throws(ModelError) in
                        try RegisterEntries.declare(entryID, name: text[ranges[0]], wikidata: wikidata, linkedBy: .ref, from: .entity, category: category, in: &document)
                    }
                    links.append(Link(role: .ref, target: .id(entryID)))
                } else {
                    features["identifier"] = identifier
                }
            }
            for line in (ours ? a["features"] ?? "" : "").split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { features[parts[0]] = parts[1] }
            }
            madeLines.append(structure.line)
            made.append(Annotation(id: newID, layer: layer, category: category, ranges: ranges, links: links, features: features,
                                   notes: ours ? (a["notes"].map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []) : [],
                                   provenance: Provenance(annotator: annotator, time: ours ? a["time"].flatMap { dates.date(from: $0) } : nil,
                                                          method: ours ? a["method"].flatMap(AnnotationMethod.init(rawValue:)) : nil,
                                                          certainty: ours ? a["certainty"].flatMap(Certainty.init(rawValue:)) : nil), cue: cue,
                                   correction: ours ? a["correction"] : nil, severity: ours ? a["severity"].flatMap(ErrorSeverity.init(rawValue:)) : nil))
        }
        let annotationIDs = Set(made.map(\.id))
        for link in pendingLinks {
            let role = try model(link.line, "link") { () throws(ModelError) in try LinkRole(link.role) }
            if link.target == "unknown" { made[link.index].links.append(Link(role: role, target: .unknown)); continue }
            if let category = try model(link.line, link.target, { () throws(ModelError) in try Categories.target(link.target, in: &document) }) {
                made[link.index].links.append(Link(role: role, target: .id(category)))
                continue
            }
            let target = try model(link.line, link.target) { () throws(ModelError) in try Identifier(link.target) }
            if !annotationIDs.contains(target), try model(link.line, link.target, { () throws(ModelError) in
                try RegisterEntries.declare(target, name: target.rawValue, linkedBy: role, from: made[link.index].layer, category: made[link.index].category, in: &document)
            }) {
                losses.lost(.xmiEntriesNamedByID)
            }
            made[link.index].links.append(Link(role: role, target: .id(target)))
        }
        for (annotation, line) in zip(made, madeLines) {
            try model(line, annotation.id.rawValue) { () throws(ModelError) in try document.add(annotation, checkingLinks: false) }
        }
        return (document, losses)
    }
}
