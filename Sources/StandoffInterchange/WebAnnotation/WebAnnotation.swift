import Foundation
import StandoffModel

/// W3C Web Annotation (JSON-LD): an `AnnotationCollection` whose first page holds one
/// `Annotation` per Standoff annotation. Each target is the document with a
/// `TextPositionSelector` (code points, as the model counts) and a `TextQuoteSelector` (exact,
/// prefix, suffix); a discontinuous span has a target a range. Bodies carry the category
/// (`tagging`), register and other links (`identifying`, `linking`), a correction (`editing`)
/// and comments (`commenting`). What the model says beyond the W3C vocabulary (layer, link
/// roles, severity) goes in terms of Standoff's own namespace, declared in `@context`.
public enum WebAnnotation {
    static let quoteContext = 32

    /// The document's IRI: its id under the `urn:standoff:` namespace.
    static func iri(_ document: String, _ item: String? = nil) -> String { "urn:standoff:\(document)" + (item.map { ":" + $0 } ?? "") }

    // MARK: Export

    /// `@context`: the Web Annotation context and Standoff's namespace.
    struct Context: Encodable {
        func encode(to encoder: Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode("http://www.w3.org/ns/anno.jsonld")
            try container.encode(["standoff": "https://standoff.dev/ns#"])
        }
    }

    struct Selector: Encodable {
        var type: String
        var start: Int?, end: Int?
        var exact: String?, prefix: String?, suffix: String?
    }

    struct Target: Encodable { var source: String; var selector: [Selector] }

    struct Body: Encodable {
        var type: String
        var purpose: String
        var value: String?
        var source: String?
        var role: String?
        var sameAs: String?
        var feature: String?
        enum CodingKeys: String, CodingKey {
            case type, purpose, value, source
            case role = "standoff:role", sameAs = "standoff:sameAs", feature = "standoff:feature"
        }
    }

    struct Creator: Encodable { var id: String; var type = "Person"; var name: String }

    struct Item: Encodable {
        var context = Context()
        var id: String
        var type = "Annotation"
        var motivation: String
        var layer: String
        var target: [Target]
        var body: [Body]?
        var severity: String?
        var cue: [Target]?
        var creator: Creator?
        var created: String?
        var method: String?, certainty: String?
        enum CodingKeys: String, CodingKey {
            case context = "@context", id, type, motivation, target, body, creator, created
            case layer = "standoff:layer", severity = "standoff:severity", cue = "standoff:cue"
            case method = "standoff:method", certainty = "standoff:certainty"
        }
    }

    public static func export(_ document: Document) -> (json: String, losses: Losses) {
        var losses = Losses()
        losses.countDropped(declarationsOf: document, by: Self.self)
        let documentID = document.id.rawValue
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Each annotation is encoded on its own, typed, and written into the collection's frame
        // (Foundation's JSONSerialization took minutes and gigabytes on 600,000 annotations).
        var items: [UInt8] = []
        var count = 0
        let formatter = ISO8601DateFormatter()
        for annotation in document.sortedAnnotations() {
            losses.countDropped(in: annotation, by: Self.self)
            var bodies: [Body] = []
            if let category = annotation.category { bodies.append(Body(type: "TextualBody", purpose: "tagging", value: category.rawValue)) }
            for link in annotation.links {
                var body = Body(type: "SpecificResource", purpose: link.role == .ref ? "identifying" : "linking", role: link.role.name)
                switch link.target {
                case .unknown: body.source = iri(documentID, "unknown")
                case .id(let id):
                    body.source = document.taxonomy(declaring: id).map { iri(documentID, "category:\($0):\(id)") } ?? iri(documentID, id.rawValue)
                    if let wikidata = document.entry(id)?.wikidata { body.sameAs = "http://www.wikidata.org/entity/\(wikidata)" }
                }
                bodies.append(body)
            }
            if let correction = annotation.correction { bodies.append(Body(type: "TextualBody", purpose: "editing", value: correction)) }
            for note in annotation.notes { bodies.append(Body(type: "TextualBody", purpose: "commenting", value: note)) }
            for (key, value) in annotation.features.sorted(by: { $0.key < $1.key }) {
                bodies.append(Body(type: "TextualBody", purpose: "describing", value: value, feature: key))
            }
            let item = Item(
                id: iri(documentID, annotation.id.rawValue), motivation: annotation.layer.details.motivation, layer: annotation.layer.name,
                target: annotation.ranges.map { target($0, in: document) }, body: bodies.isEmpty ? nil : bodies,
                severity: annotation.severity?.rawValue, cue: annotation.cue.isEmpty ? nil : annotation.cue.map { target($0, in: document) },
                creator: annotation.provenance.annotator.map { Creator(id: iri(documentID, $0.rawValue), name: document.annotator($0)?.name ?? $0.rawValue) },
                created: annotation.provenance.time.map { formatter.string(from: $0) },
                method: annotation.provenance.method?.rawValue, certainty: annotation.provenance.certainty?.rawValue)
            if count > 0 { items += Array(",\n".utf8) }
            items += Array("    ".utf8)
            items += (try? encoder.encode(item)) ?? Data("{}".utf8)
            count += 1
        }
        func json(_ value: some Encodable) -> String { String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self) }
        var out = "{\n  \"@context\": \(json(Context())),\n"
        out += "  \"first\": {\n    \"id\": \(json(iri(documentID, "annotations:page1"))),\n    \"items\": [\n"
        out += String(decoding: items, as: UTF8.self)
        out += "\n    ],\n    \"startIndex\": 0,\n    \"type\": \"AnnotationPage\"\n  },\n"
        out += "  \"id\": \(json(iri(documentID, "annotations"))),\n  \"label\": \(json(document.title)),\n"
        out += "  \"total\": \(count),\n  \"type\": \"AnnotationCollection\"\n}"
        return (out, losses)
    }

    static func target(_ range: TextRange, in document: Document) -> Target {
        let text = document.text
        let before = max(0, range.start - quoteContext)
        let after = min(text.count, range.end + quoteContext)
        return Target(source: iri(document.id.rawValue), selector: [
            Selector(type: "TextPositionSelector", start: range.start, end: range.end),
            Selector(type: "TextQuoteSelector", exact: text[range], prefix: text[try! TextRange(before, range.start)], suffix: text[try! TextRange(range.end, after)]),
        ])
    }

    // MARK: Import

    /// The annotations of a collection, a page, an array or one annotation, onto `text`. Every
    /// target's position is checked against its quote; a wrong position whose quote (with
    /// prefix and suffix) occurs once is re-anchored there and counted; anything else stops
    /// the import, naming the annotation.
    public static func importDocument(_ data: Data, text: String, id: String, file: String) throws(ImportError) -> (document: Document, losses: Losses) {
        var losses = Losses()
        func fail(_ message: String, _ hint: String) -> ImportError { ImportError(file: file, line: 0, message: message, hint: hint) }
        @discardableResult func model<T>(_ what: String, _ body: () throws(ModelError) -> T) throws(ImportError) -> T {
            do throws(ModelError) { return try body() } catch { throw fail("\(what): \(error.description)", error.hint) }
        }
        let items: [Incoming.Annotation]
        if let problem = JSONCheck.problem(in: data) {
            // The line and column of the byte where it breaks.
            let before = data.prefix(problem.column - 1)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 - before.startIndex + 1 } ?? 0) + 1
            throw ImportError(file: file, line: line, message: "column \(column): \(problem.message)", hint: "give a W3C Web Annotation JSON-LD file")
        }
        do {
            let container = try JSONDecoder().decode(Incoming.Container.self, from: data)
            guard container.recognised else {
                throw fail("holds no W3C annotations (no collection, page, list of annotations or annotation with a target)", "give a W3C Web Annotation JSON-LD file")
            }
            items = container.annotations
        } catch let error as ImportError {
            throw error
        } catch let error as DecodingError {
            throw fail("is not W3C Web Annotation JSON (\(JSONLines.describe(error)))", "give a W3C Web Annotation JSON-LD file")
        } catch {
            throw fail("is not JSON (\(error.localizedDescription))", "give a W3C Web Annotation JSON-LD file")
        }
        let dates = ISO8601DateFormatter()
        let source = SourceText(text)
        let units = OffsetUnits(source)
        let documentID = try model("document id") { () throws(ModelError) in try Identifier(id) }
        var document = try model("document") { () throws(ModelError) in
            try Document(id: documentID, title: id, text: source, source: SourceDescription(fileName: "", sha256: source.sha256))
        }
        var made: [Annotation] = []
        var ids = AnnotationIDs()
        var pendingLinks: [(index: Int, role: String, target: String)] = []
        for (position, item) in items.enumerated() {
            let name = item.id ?? "annotation \(position + 1)"
            let layer = try model(name) { () throws(ModelError) in try Layer(item.layer ?? layerName(motivation: item.motivation.first)) }
            let targets = item.targets
            guard !targets.isEmpty else { throw fail("\(name) has no target with a selector", "give a target with a TextPositionSelector or a TextQuoteSelector") }
            var ranges: [TextRange] = []
            for target in targets { ranges.append(try anchor(target, in: units, name: name, losses: &losses, fail: fail)) }
            var category: Identifier?
            var annotation = Annotation(id: "x", layer: layer, ranges: ranges)
            for body in item.allBodies {
                let (purpose, value, iri) = (body.purpose, body.value, body.iri)
                switch purpose {
                case "tagging", "classifying":
                    // The first tag is the category (a tag is free text: "climate change" is the
                    // id `climate-change`, counted); any further one a note.
                    guard let tag = value ?? iri.flatMap({ $0.split(whereSeparator: { ":/#".contains($0) }).last.map(String.init) }),
                          !tag.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                    if category != nil { annotation.notes.append("tag: " + tag); losses.repaired(.extraTags); continue }
                    let id = Identifier.madeValid(tag)
                    if id.rawValue != tag { losses.repaired(.tagsMadeIDs) }
                    category = id
                case "editing": annotation.correction = value
                case "commenting": if let text = value ?? iri { annotation.notes.append(text) }
                case "describing":
                    if let key = body.feature, let value { annotation.features[key] = value } else if let value { annotation.notes.append(value) }
                case "identifying", "linking":
                    guard let target = iri else { continue }
                    pendingLinks.append((made.count, body.role ?? (purpose == "identifying" ? "ref" : "link"), target))
                default:
                    if let value { annotation.notes.append(value) } else { losses.lost(.bodiesOfUnknownPurpose) }
                }
            }
            if let label = category {
                category = try model(name) { () throws(ModelError) in try Categories.declare(label, for: layer, in: &document, losses: &losses) }
            }
            annotation.category = category
            annotation.severity = item.severity.flatMap(ErrorSeverity.init(rawValue:))
            for cue in item.cue { annotation.cue.append(try anchor(cue, in: units, name: name + " (cue)", losses: &losses, fail: fail)) }
            // The id: Standoff's own when the IRI carries one that is free, else numbered afresh.
            let wanted = item.id.flatMap { $0.split(separator: ":").last.map(String.init) }.flatMap { try? Identifier($0) }
            let (newID, renumbered) = ids.next(for: layer, wanting: wanted, in: document)
            if renumbered { losses.repaired(.renumbered) }
            // The creator becomes the annotator (declared on first sight), `created` the time.
            var annotator: Identifier?
            if let creator = item.creator, let creatorID = creator.id?.split(separator: ":").last, let id = try? Identifier(String(creatorID)) {
                annotator = id
                if document.annotator(id) == nil {
                    try model("creator \(id)") { () throws(ModelError) in try document.declare(Annotator(id: id, name: creator.name ?? id.rawValue)) }
                }
            }
            let created = item.created.flatMap { dates.date(from: $0) }
            if let method = item.method, AnnotationMethod(rawValue: method) == nil { losses.lost(.unknownMethods) }
            if let certainty = item.certainty, Certainty(rawValue: certainty) == nil { losses.lost(.unknownCertainties) }
            made.append(Annotation(id: newID, layer: layer, category: annotation.category, ranges: annotation.ranges, links: [],
                                   features: annotation.features, notes: annotation.notes,
                                   provenance: Provenance(annotator: annotator, time: created,
                                                          method: item.method.flatMap(AnnotationMethod.init(rawValue:)),
                                                          certainty: item.certainty.flatMap(Certainty.init(rawValue:))),
                                   cue: annotation.cue, correction: annotation.correction, severity: annotation.severity))
        }
        // Links: to annotations of the file, or to register entries named by their IRI.
        let annotationIDs = Set(made.map(\.id))
        for link in pendingLinks {
            let role = try model("link") { () throws(ModelError) in try LinkRole(link.role) }
            let parts = link.target.split(separator: ":").map(String.init)
            let last = parts.last ?? link.target
            if last == "unknown" { made[link.index].links.append(Link(role: role, target: .unknown)); continue }
            if parts.count >= 3, parts[parts.count - 3] == "category" {
                let category = try model("link to \(link.target)") { () throws(ModelError) -> Identifier in
                    let (taxonomyID, categoryID) = (try Identifier(parts[parts.count - 2]), try Identifier(last))
                    if document.taxonomy(taxonomyID) == nil { try document.add(Taxonomy(id: taxonomyID)) }
                    if document.taxonomy(declaring: categoryID) == nil { try document.add(Category(id: categoryID, description: ""), to: taxonomyID) }
                    return categoryID
                }
                made[link.index].links.append(Link(role: role, target: .id(category)))
                continue
            }
            // A Wikidata IRI (as Recogito and INCEpTION link entities) names the entry `wd-Q…`.
            if let q = RegisterEntries.wikidataID(fromIRI: link.target) {
                let entryID = try model("link to \(link.target)") { () throws(ModelError) in try RegisterEntries.entryID(forWikidata: q) }
                let annotation = made[link.index]
                try model("register entry for \(link.target)") { () throws(ModelError) in
                    try RegisterEntries.declare(entryID, name: source[annotation.ranges[0]], wikidata: q, linkedBy: role, from: annotation.layer,
                                                category: annotation.category, in: &document)
                }
                made[link.index].links.append(Link(role: role, target: .id(entryID)))
                continue
            }
            // Any other IRI: its last segment names a register entry (Standoff's own `urn:standoff:DOC:ID`).
            let segment = link.target.split(whereSeparator: { ":/#".contains($0) }).last.map(String.init) ?? last
            let target = try model("link to \(link.target)") { () throws(ModelError) in try Identifier(segment) }
            if !annotationIDs.contains(target), try model("register entry '\(target)'", { () throws(ModelError) in
                try RegisterEntries.declare(target, name: target.rawValue, linkedBy: role, from: made[link.index].layer, category: made[link.index].category, in: &document)
            }) {
                losses.lost(.entriesNamedByIRI)
            }
            made[link.index].links.append(Link(role: role, target: .id(target)))
        }
        for annotation in made {
            try model(annotation.id.rawValue) { () throws(ModelError) in try document.add(annotation, checkingLinks: false) }
        }
        return (document, losses)
    }

    static func layerName(motivation: String?) -> String {
        switch motivation {
        case "identifying": "entity"
        case "editing": "error"
        case "assessing": "stance"
        default: "entity"
        }
    }

    /// How far from a wrong position the quote is looked for first (code points either way).
    static let anchorWindow = 4_096

    /// A target's range: its position when the quote is there (in code points, or read as
    /// UTF-16 code units or UTF-8 bytes, converted and counted); else where the quote with its
    /// prefix and suffix occurs once within ``anchorWindow`` code points of the position, or,
    /// failing that, once in the whole text (with its context or bare). Looking near the
    /// position first keeps re-anchoring linear in the text: a file whose positions are all a
    /// little off costs no search of the whole text per annotation.
    static func anchor(_ target: Incoming.Target, in units: OffsetUnits, name: String, losses: inout Losses,
                       fail: (String, String) -> ImportError) throws(ImportError) -> TextRange {
        let text = units.text
        let selectors = target.selectors
        let position = selectors.first { $0.type == "TextPositionSelector" }
        let quote = selectors.first { $0.type == "TextQuoteSelector" }
        let exact = quote?.exact
        if let start = position?.start, let end = position?.end, let range = try? TextRange(start, end), range.end <= text.count,
           exact == nil || text[range] == exact {
            return range
        }
        guard let exact else {
            guard let position else {
                let kinds = selectors.compactMap(\.type)
                throw fail("\(name): its target has no TextPositionSelector or TextQuoteSelector\(kinds.isEmpty ? "" : " (only \(kinds.joined(separator: ", ")))")",
                           "Standoff anchors on the text alone: give a TextQuoteSelector (exact, prefix, suffix) or a TextPositionSelector")
            }
            throw fail("\(name): its position [\(position.start.map(String.init) ?? "?"), \(position.end.map(String.init) ?? "?")) is no range within the text (\(text.count) code points), and it has no quote",
                       "check the target")
        }
        if let start = position?.start, let end = position?.end, start >= 0, start <= end,
           let reading = units.readings(of: [(start, end)]).first(where: { text[$0.ranges[0]] == exact }) {
            losses.repaired(reading.repair)
            return reading.ranges[0]
        }
        let prefix = quote?.prefix ?? ""
        let suffix = quote?.suffix ?? ""
        let length = exact.unicodeScalars.count
        if let start = position?.start, start >= 0, start <= text.count, length > 0, let window = try? TextRange(max(0, start - anchorWindow),
                                                                                                               min(text.count, start + length + anchorWindow)) {
            // Near the position first: the quote with its context, if it occurs there once.
            let near = occurrences(of: prefix + exact + suffix, in: text, within: window)
            if near.count == 1 {
                losses.repaired(.reanchored)
                let found = near[0] + prefix.unicodeScalars.count
                return try! TextRange(found, found + length)
            }
        }
        let places = text.occurrences(of: prefix + exact + suffix)
        if places.count == 1 {
            let start = places[0].start + prefix.unicodeScalars.count
            losses.repaired(.reanchored)
            return try! TextRange(start, start + exact.unicodeScalars.count)
        }
        let bare = text.occurrences(of: exact)
        if bare.count == 1 {
            losses.repaired(.reanchored)
            return bare[0]
        }
        throw fail("\(name): the text at its position is not \"\(exact)\", and the quote occurs \(places.count == 0 ? bare.count : places.count) times with its context",
                   "correct the position or give a prefix and suffix that make the quote unique; nothing was imported")
    }

    /// Where `needle` starts within `window` of `text`, in code points from the text's start.
    static func occurrences(of needle: String, in text: SourceText, within window: TextRange) -> [Int] {
        let pattern = Array(needle.unicodeScalars)
        let scalars = Array(text[window].unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
        var found: [Int] = []
        for index in 0...(scalars.count - pattern.count) where scalars[index] == pattern[0] {
            if scalars[index..<(index + pattern.count)].elementsEqual(pattern) { found.append(window.start + index) }
        }
        return found
    }

    /// W3C annotations as other clients write them, read through `Codable`: one value or a list
    /// wherever the model allows either, an IRI wherever it allows one. (Read as a tree of
    /// `JSONSerialization` objects, a 500 MB file took 17 GB.)
    enum Incoming {
        /// One value or a list of them.
        struct OneOrMany<Value: Decodable>: Decodable {
            var values: [Value]
            init(from decoder: Decoder) throws {
                if var list = try? decoder.unkeyedContainer() {
                    values = []
                    while !list.isAtEnd { values.append(try list.decode(Value.self)) }
                } else {
                    values = [try Value(from: decoder)]
                }
            }
        }

        struct Selector: Decodable {
            var type: String?
            var start: Int?, end: Int?
            var exact: String?, prefix: String?, suffix: String?
        }

        /// A target: an object with selectors, or an IRI alone (which no selector places).
        struct Target: Decodable {
            var selectors: [Selector] = []
            init(from decoder: Decoder) throws {
                if (try? decoder.singleValueContainer().decode(String.self)) != nil { return }
                let container = try decoder.container(keyedBy: JSONKey.self)
                selectors = try container.decodeIfPresent(OneOrMany<Selector>.self, forKey: JSONKey("selector"))?.values ?? []
            }
        }

        /// A body: an object, or an IRI alone (its purpose then the annotation's motivation).
        struct Body: Decodable {
            var purpose: String?, value: String?, iri: String?, role: String?, feature: String?
            init(purpose: String?, value: String?, iri: String? = nil) { (self.purpose, self.value, self.iri) = (purpose, value, iri) }
            init(from decoder: Decoder) throws {
                if let iri = try? decoder.singleValueContainer().decode(String.self) { self.iri = iri; return }
                let container = try decoder.container(keyedBy: JSONKey.self)
                purpose = try container.decodeIfPresent(OneOrMany<String>.self, forKey: JSONKey("purpose"))?.values.first
                value = try container.decodeIfPresent(String.self, forKey: JSONKey("value"))
                iri = try container.decodeIfPresent(String.self, forKey: JSONKey("source")) ?? container.decodeIfPresent(String.self, forKey: JSONKey("id"))
                role = try container.decodeIfPresent(String.self, forKey: JSONKey("standoff:role"))
                feature = try container.decodeIfPresent(String.self, forKey: JSONKey("standoff:feature"))
            }
        }

        /// A creator: an object with an id and a name, or an IRI.
        struct Agent: Decodable {
            var id: String?, name: String?
            init(from decoder: Decoder) throws {
                if let iri = try? decoder.singleValueContainer().decode(String.self) { id = iri; return }
                let container = try decoder.container(keyedBy: JSONKey.self)
                id = try container.decodeIfPresent(String.self, forKey: JSONKey("id"))
                name = try container.decodeIfPresent(String.self, forKey: JSONKey("name"))
            }
        }

        struct Annotation: Decodable {
            var id: String?
            var motivation: [String]
            var bodies: [Body]
            var bodyValue: String?
            var targets: [Target]
            var creator: Agent?
            var created: String?
            var layer: String?, severity: String?
            var method: String?, certainty: String?
            var cue: [Target]
            /// Hypothesis's API: the comment and the tags.
            var text: String?, tags: [String]

            init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: JSONKey.self)
                func many<Value: Decodable>(_ key: String, _: Value.Type) throws -> [Value] {
                    try container.decodeIfPresent(OneOrMany<Value>.self, forKey: JSONKey(key))?.values ?? []
                }
                id = try container.decodeIfPresent(String.self, forKey: JSONKey("id"))
                motivation = try many("motivation", String.self)
                bodies = try many("body", Body.self)
                bodyValue = try container.decodeIfPresent(String.self, forKey: JSONKey("bodyValue"))
                targets = try many("target", Target.self)
                creator = try many("creator", Agent.self).first
                created = try container.decodeIfPresent(String.self, forKey: JSONKey("created"))
                layer = try container.decodeIfPresent(String.self, forKey: JSONKey("standoff:layer"))
                severity = try container.decodeIfPresent(String.self, forKey: JSONKey("standoff:severity"))
                method = try container.decodeIfPresent(String.self, forKey: JSONKey("standoff:method"))
                certainty = try container.decodeIfPresent(String.self, forKey: JSONKey("standoff:certainty"))
                cue = try many("standoff:cue", Target.self)
                text = try container.decodeIfPresent(String.self, forKey: JSONKey("text"))
                tags = try container.decodeIfPresent([String].self, forKey: JSONKey("tags")) ?? []
            }

            /// The bodies with a purpose each: an IRI body takes the motivation; `bodyValue` is
            /// a comment; Hypothesis's `text` a comment and its tags tagging bodies.
            var allBodies: [Body] {
                var all = bodies.map { body in
                    var body = body
                    if body.purpose == nil, body.value == nil { body.purpose = motivation.first ?? "linking" }
                    return body
                }
                if let bodyValue { all.append(Body(purpose: "commenting", value: bodyValue)) }
                if let text, !text.isEmpty { all.append(Body(purpose: "commenting", value: text)) }
                all += tags.map { Body(purpose: "tagging", value: $0) }
                return all
            }
        }

        /// What a file holds: a collection (its `first` page), a page (`items`), a list, one
        /// annotation, or a Hypothesis API answer (`rows`).
        struct Container: Decodable {
            var annotations: [Annotation] = []
            /// Whether the JSON has one of these shapes (a list of them, or an empty list).
            var recognised = false
            init(from decoder: Decoder) throws {
                if var list = try? decoder.unkeyedContainer() {
                    recognised = true
                    while !list.isAtEnd {
                        let element = try list.decode(Container.self)
                        recognised = recognised && element.recognised
                        annotations += element.annotations
                    }
                    return
                }
                guard let container = try? decoder.container(keyedBy: JSONKey.self) else { return }
                recognised = ["first", "items", "rows", "target"].contains { container.contains(JSONKey($0)) }
                if container.contains(JSONKey("first")) {
                    // `first` may be the page, or only its IRI (nothing to read here).
                    if (try? container.decode(String.self, forKey: JSONKey("first"))) == nil {
                        annotations = try container.decode(Container.self, forKey: JSONKey("first")).annotations
                    }
                } else if container.contains(JSONKey("items")) {
                    annotations = try container.decode([Annotation].self, forKey: JSONKey("items"))
                } else if container.contains(JSONKey("rows")) {
                    annotations = try container.decode([Annotation].self, forKey: JSONKey("rows"))
                } else if container.contains(JSONKey("target")) {
                    annotations = [try Annotation(from: decoder)]
                }
            }
        }
    }
}
