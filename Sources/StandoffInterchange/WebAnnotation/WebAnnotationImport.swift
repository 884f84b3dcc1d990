import Foundation
import StandoffModel

extension WebAnnotation {
    /// The annotations of a collection, a page, an array or one annotation, onto `text`. Every
    /// target's position is checked against its quote; a wrong position whose quote (with
    /// prefix and suffix) occurs once is re-anchored there and counted; anything else stops
    /// the import, naming the annotation.
    public static func importDocument(_ data: Data, text: String, id: String, file: String) throws(ImportError) -> (document: Document, losses: Losses) {
        let items = try decode(data, file: file)
        var build = W3CBuild(session: try ImportSession(file: file, documentID: id, text: SourceText(text)))
        for (position, item) in items.enumerated() { try build.read(item, name: item.id ?? "annotation \(position + 1)") }
        try build.resolveLinks()
        return build.session.result
    }

    /// The annotations a JSON file holds, or an error naming where it breaks.
    static func decode(_ data: Data, file: String) throws(ImportError) -> [Incoming.Annotation] {
        func fail(_ message: String) -> ImportError { ImportError(file: file, line: 0, message: message, hint: "give a W3C Web Annotation JSON-LD file") }
        if let problem = JSONCheck.problem(in: data) {
            // The line and column of the byte where it breaks.
            let before = data.prefix(problem.column - 1)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 - before.startIndex + 1 } ?? 0) + 1
            throw ImportError(file: file, line: line, message: "column \(column): \(problem.message)", hint: "give a W3C Web Annotation JSON-LD file")
        }
        do {
            let container = try JSONDecoder().decode(Incoming.Container.self, from: data)
            guard container.recognised else { throw fail("holds no W3C annotations (no collection, page, list of annotations or annotation with a target)") }
            return container.annotations
        } catch let error as ImportError {
            throw error
        } catch let error as DecodingError {
            throw fail("is not W3C Web Annotation JSON (\(JSONLines.describe(error)))")
        } catch {
            throw fail("is not JSON (\(error.localizedDescription))")
        }
    }
}

/// The annotations made from W3C annotations, their links resolved once all are made.
private struct W3CBuild {
    var session: ImportSession
    let units: OffsetUnits
    var made: [Annotation] = []
    var pendingLinks: [(index: Int, role: String, target: String)] = []

    init(session: ImportSession) {
        self.session = session
        units = OffsetUnits(session.document.text)
    }

    mutating func read(_ item: WebAnnotation.Incoming.Annotation, name: String) throws(ImportError) {
        let layer = try session.model(0, name) { () throws(ModelError) in try item.layer.map(Layer.init) ?? WebAnnotation.layer(motivation: item.motivation.first) }
        guard !item.targets.isEmpty else { throw session.fail(0, "\(name) has no target with a selector", "give a target with a TextPositionSelector or a TextQuoteSelector") }
        // The place alone, not a copy of the session: a copy kept while the session changes
        // would copy its document and ids on every annotation (quadratic, measured).
        let place = ImportError.Place(file: session.file)
        func fail(_ message: String, _ hint: String) -> ImportError { place.fail(0, message, hint) }
        var ranges: [TextRange] = []
        for target in item.targets { ranges.append(try WebAnnotation.anchor(target, in: units, name: name, losses: &session.losses, fail: fail)) }
        // The id: Standoff's own when the IRI carries one that is free, else numbered afresh.
        let wanted = item.id.flatMap { $0.split(separator: ":").last.map(String.init) }.flatMap { try? Identifier($0) }
        var annotation = Annotation(id: session.newID(for: layer, wanting: wanted), layer: layer, ranges: ranges)
        if let label = readBodies(item, into: &annotation) {
            annotation.category = try session.category(label.rawValue, for: layer, line: 0, what: name)
        }
        annotation.severity = item.severity.flatMap(ErrorSeverity.init(rawValue:))
        for cue in item.cue { annotation.cue.append(try WebAnnotation.anchor(cue, in: units, name: name + " (cue)", losses: &session.losses, fail: fail)) }
        try readProvenance(item, into: &annotation)
        made.append(annotation)
    }

    /// The bodies: the first tag the category (returned), the others notes; corrections,
    /// comments, features; links kept to be resolved once every annotation is made.
    mutating func readBodies(_ item: WebAnnotation.Incoming.Annotation, into annotation: inout Annotation) -> Identifier? {
        var category: Identifier?
        for body in item.allBodies {
            let (purpose, value, iri) = (body.purpose, body.value, body.iri)
            switch purpose {
            case "tagging", "classifying":
                // A tag is free text: "climate change" is the id `climate-change`, counted.
                guard let tag = value ?? iri.flatMap({ $0.split(whereSeparator: { ":/#".contains($0) }).last.map(String.init) }),
                      !tag.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                if category != nil { annotation.notes.append("tag: " + tag); session.losses.repaired(.extraTags); continue }
                let id = Identifier.madeValid(tag)
                if id.rawValue != tag { session.losses.repaired(.tagsMadeIDs) }
                category = id
            case "editing": annotation.correction = value
            case "commenting": if let text = value ?? iri { annotation.notes.append(text) }
            case "describing":
                if let key = body.feature, let value { annotation.features[key] = value } else if let value { annotation.notes.append(value) }
            case "identifying", "linking":
                guard let target = iri else { continue }
                pendingLinks.append((made.count, body.role ?? (purpose == "identifying" ? "ref" : "link"), target))
            default:
                if let value { annotation.notes.append(value) } else { session.losses.lost(.bodiesOfUnknownPurpose) }
            }
        }
        return category
    }

    /// The creator becomes the annotator (declared on first sight), `created` the time.
    mutating func readProvenance(_ item: WebAnnotation.Incoming.Annotation, into annotation: inout Annotation) throws(ImportError) {
        if let creator = item.creator, let creatorID = creator.id?.split(separator: ":").last, let id = try? Identifier(String(creatorID)) {
            annotation.provenance.annotator = id
            if session.document.annotator(id) == nil {
                try session.edit(0, "creator \(id)") { (document) throws(ModelError) in try document.declare(Annotator(id: id, name: creator.name ?? id.rawValue)) }
            }
        }
        annotation.provenance.time = item.created.flatMap { ISOTimestamp.date(from: $0) }
        if let method = item.method, AnnotationMethod(rawValue: method) == nil { session.losses.lost(.unknownMethods) }
        if let certainty = item.certainty, Certainty(rawValue: certainty) == nil { session.losses.lost(.unknownCertainties) }
        annotation.provenance.method = item.method.flatMap(AnnotationMethod.init(rawValue:))
        annotation.provenance.certainty = item.certainty.flatMap(Certainty.init(rawValue:))
    }

    /// Links: a Wikidata IRI (as Recogito and INCEpTION link entities) names the entry `wd-Q…`;
    /// any other IRI goes down the ladder every import shares, by what it names.
    mutating func resolveLinks() throws(ImportError) {
        let annotationIDs = Set(made.map(\.id))
        for link in pendingLinks {
            let role = try session.model(0, "link") { () throws(ModelError) in try LinkRole(link.role) }
            let annotation = made[link.index]
            if let q = RegisterEntries.wikidataID(fromIRI: link.target) {
                let entryID = try session.model(0, "link to \(link.target)") { () throws(ModelError) in try RegisterEntries.entryID(forWikidata: q) }
                let name = session.document.text[annotation.ranges[0]]
                try session.edit(0, "register entry for \(link.target)") { (document) throws(ModelError) in
                    try RegisterEntries.declare(entryID, name: name, wikidata: q, linkedBy: role, from: annotation.layer, category: annotation.category, in: &document)
                }
                made[link.index].links.append(Link(role: role, target: .id(entryID)))
                continue
            }
            let target = try session.resolveLink(WebAnnotation.linkValue(ofIRI: link.target), role: role, of: annotation, line: 0, annotation: { (value) throws(ImportError) -> Identifier? in
                (try? Identifier(value)).flatMap { annotationIDs.contains($0) ? $0 : nil }
            }, entryLoss: .entriesNamedByIRI)
            made[link.index].links.append(Link(role: role, target: target))
        }
        for annotation in made { try session.add(annotation, line: 0) }
    }
}

extension WebAnnotation {
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
