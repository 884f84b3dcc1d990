import Foundation
import StandoffModel
import StandoffXML

extension XMI {
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
        let place = ImportError.Place(file: path)
        let reader = Reader()
        let parser = SAXParser(handler: reader)
        // The whole text is one attribute (the sofa): up to libxml2's huge limit, 1 GB.
        parser.allowsHugeValues = true
        parser.parse(path: path)
        if let failure = parser.failures.first(where: \.isFatal) { throw place.fail(failure.line, failure.message, "give a well-formed UIMA CAS XMI file") }
        let wanted = view ?? "_InitialView"
        guard let chosen = reader.sofas.first(where: { $0.name == wanted }) else {
            let names = reader.sofas.map(\.name)
            throw place.fail(0, view == nil ? "has no initial view with a sofaString: no text to annotate" : "has no view '\(wanted)'",
                             names.isEmpty ? "export the CAS with its text (the sofa)" : "its views: \(names.joined(separator: ", ")); choose one with --view")
        }
        guard let sofa = chosen.text else {
            throw place.fail(0, "the view '\(wanted)' has no sofaString: no text to annotate", "export the CAS with its text (the sofa)")
        }
        var build = XMIBuild(session: try ImportSession(file: path, documentID: id, text: SourceText(sofa)), lossy: lossy)
        // Only this view's structures: those of another sofa are counted, never moved onto this text.
        let viewNames = Dictionary(reader.sofas.map { ($0.xmiID, $0.name) }, uniquingKeysWith: { first, _ in first })
        var structures: [Structure] = []
        for structure in reader.structures {
            if let owner = structure.attributes["sofa"], owner != chosen.xmiID, reader.sofas.count > 1 {
                build.session.losses.lost(.otherViews(viewNames[owner] ?? owner))
                continue
            }
            structures.append(structure)
        }
        build.chooseUnits(for: structures)
        for structure in structures { try build.read(structure) }
        try build.resolveLinks()
        return build.session.result
    }
}

/// The annotations made from a CAS's structures, their links resolved once all are made.
private struct XMIBuild {
    var session: ImportSession
    let lossy: Bool
    let offsets: OffsetTable
    /// Whether the file counted code points where UIMA counts UTF-16 units.
    var inCodePoints = false
    var made: [(annotation: Annotation, line: Int)] = []
    var pendingLinks: [(index: Int, role: String, target: String, line: Int)] = []

    init(session: ImportSession, lossy: Bool) {
        self.session = session
        self.lossy = lossy
        offsets = OffsetTable(session.document.text)
    }

    /// UIMA counts UTF-16 code units. A file whose offsets fall inside a character or past the
    /// text in those units, but all fit as code points (a tool that counted Python indices), is
    /// read in code points, and the move reported.
    mutating func chooseUnits(for structures: [XMI.Structure]) {
        let allOffsets = structures.flatMap { structure in
            ["begin", "end", "cueBegin", "cueEnd"].compactMap { structure.attributes[$0].flatMap(Int.init) }
                + (structure.attributes["ranges"] ?? "").split(whereSeparator: { $0 == " " || $0 == ";" }).compactMap { Int($0) }
        }
        let count = session.document.text.count
        inCodePoints = allOffsets.contains { (try? offsets.codePointOffset(utf16: $0)) == nil } && allOffsets.allSatisfy { $0 >= 0 && $0 <= count }
    }

    mutating func range(_ begin: String?, _ end: String?, line: Int) throws(ImportError) -> TextRange {
        guard let begin = begin.flatMap(Int.init), let end = end.flatMap(Int.init) else { throw session.fail(line, "begin and end must be numbers", "check the feature structure") }
        if inCodePoints {
            session.losses.repaired(.codePointsNotUTF16)
            return try session.model(line, "offsets \(begin)–\(end)") { () throws(ModelError) in try TextRange(begin, end) }
        }
        let offsets = self.offsets
        return try session.model(line, "offsets \(begin)–\(end)") { () throws(ModelError) in
            try TextRange(try offsets.codePointOffset(utf16: begin), try offsets.codePointOffset(utf16: end))
        }
    }

    /// One structure: metadata kept or counted, a span made an annotation, anything else
    /// stopping the import unless `lossy`.
    mutating func read(_ structure: XMI.Structure) throws(ImportError) {
        let a = structure.attributes
        if structure.type == "DocumentAnnotation" { return }
        // DKPro's metadata describes the CAS, not the text: the title is kept, the rest counted.
        if structure.namespace == XMI.dkproMetadata {
            if structure.type == "DocumentMetaData", let title = a["documentTitle"], !title.isEmpty { session.document.title = title }
            session.losses.lost(.casMetadata(structure.type))
            return
        }
        guard a["begin"] != nil, a["end"] != nil else {
            guard lossy else {
                throw session.fail(structure.line, "a \(structure.type) without begin and end has no place in Standoff's model",
                                   "pass --lossy to import the rest and count what is left out")
            }
            session.losses.lost(.structuresWithoutSpan(structure.type))
            return
        }
        let ours = structure.namespace == XMI.standoffNamespace
        let layerName = XMI.layerName(ofType: structure.type, namespace: structure.namespace, layerFeature: a["layer"])
        let layer = try session.model(structure.line, structure.type) { () throws(ModelError) in try Layer(layerName) }
        if !ours && layer != .entity { session.losses.repaired(.typeAsLayer(structure.type, layer)) }
        let ranges = try ranges(of: structure, ours: ours)
        if ranges.allSatisfy(\.isEmpty) {
            guard lossy else {
                throw session.fail(structure.line, "a \(structure.type) (xmi:id \(a["id"] ?? "?")) covers no text (begin \(a["begin"]!) = end), and Standoff's annotations cover at least one character",
                                   "pass --lossy to import the rest and count what is left out")
            }
            session.losses.lost(.emptySpans(structure.type))
            return
        }
        let category = try (ours ? a["category"] : a["value"]).map { (name: String) throws(ImportError) -> Identifier in
            try session.category(name, for: layer, line: structure.line, what: structure.type)
        }
        var annotation = Annotation(id: session.newID(for: layer, wanting: ours ? a["standoffId"].flatMap { try? Identifier($0) } : nil),
                                    layer: layer, category: category, ranges: ranges)
        if ours { try readOwnFeatures(structure, into: &annotation) } else { try readEntityLink(structure, into: &annotation) }
        made.append((annotation, structure.line))
    }

    mutating func ranges(of structure: XMI.Structure, ours: Bool) throws(ImportError) -> [TextRange] {
        guard let pieces = structure.attributes["ranges"], ours else {
            return [try range(structure.attributes["begin"], structure.attributes["end"], line: structure.line)]
        }
        var ranges: [TextRange] = []
        for piece in pieces.split(separator: ";") {
            let pair = piece.split(separator: " ").map(String.init)
            ranges.append(try range(pair.first, pair.last, line: structure.line))
        }
        return ranges
    }

    /// The features of Standoff's own types: links (resolved later), notes, features,
    /// provenance, cue, correction and severity.
    mutating func readOwnFeatures(_ structure: XMI.Structure, into annotation: inout Annotation) throws(ImportError) {
        let a = structure.attributes
        if a["cueBegin"] != nil { annotation.cue = [try range(a["cueBegin"], a["cueEnd"], line: structure.line)] }
        if let name = a["annotator"], let annotatorID = try? Identifier(name) {
            annotation.provenance.annotator = annotatorID
            if session.document.annotator(annotatorID) == nil {
                try session.edit(structure.line, name) { (document) throws(ModelError) in try document.declare(Annotator(id: annotatorID, name: name)) }
            }
        }
        annotation.provenance.time = a["time"].flatMap { ISOTimestamp.date(from: $0) }
        annotation.provenance.method = a["method"].flatMap(AnnotationMethod.init(rawValue:))
        annotation.provenance.certainty = a["certainty"].flatMap(Certainty.init(rawValue:))
        annotation.correction = a["correction"]
        annotation.severity = a["severity"].flatMap(ErrorSeverity.init(rawValue:))
        annotation.notes = a["notes"].map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        for line in (a["features"] ?? "").split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { annotation.features[parts[0]] = parts[1] }
        }
        for role in XMI.allRoleFeatures {
            for target in (a[role.name] ?? "").split(separator: " ") { pendingLinks.append((made.count, role.name, String(target), structure.line)) }
        }
        for pair in (a["links"] ?? "").split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { pendingLinks.append((made.count, parts[0], parts[1], structure.line)) }
        }
    }

    /// INCEpTION's entity linking: a Wikidata IRI names a register entry; any other
    /// knowledge-base IRI is kept as a feature.
    mutating func readEntityLink(_ structure: XMI.Structure, into annotation: inout Annotation) throws(ImportError) {
        guard annotation.layer == .entity, let identifier = structure.attributes["identifier"], !identifier.isEmpty else { return }
        guard let wikidata = RegisterEntries.wikidataID(fromIRI: identifier) else { annotation.features["identifier"] = identifier; return }
        let entryID = try session.model(structure.line, identifier) { () throws(ModelError) in try RegisterEntries.entryID(forWikidata: wikidata) }
        let (name, category) = (session.document.text[annotation.ranges[0]], annotation.category)
        try session.edit(structure.line, identifier) { (document) throws(ModelError) in
            try RegisterEntries.declare(entryID, name: name, wikidata: wikidata, linkedBy: .ref, from: .entity, category: category, in: &document)
        }
        annotation.links.append(Link(role: .ref, target: .id(entryID)))
    }

    /// Links by the ladder every import shares (an annotation of the file by its id), then the
    /// annotations added.
    mutating func resolveLinks() throws(ImportError) {
        let annotationIDs = Set(made.map(\.annotation.id))
        for link in pendingLinks {
            let role = try session.model(link.line, "link") { () throws(ModelError) in try LinkRole(link.role) }
            let target = try session.resolveLink(link.target, role: role, of: made[link.index].annotation, line: link.line, annotation: { (value) throws(ImportError) -> Identifier? in
                (try? Identifier(value)).flatMap { annotationIDs.contains($0) ? $0 : nil }
            }, entryLoss: .xmiEntriesNamedByID)
            made[link.index].annotation.links.append(Link(role: role, target: target))
        }
        for (annotation, line) in made { try session.add(annotation, line: line) }
    }
}
