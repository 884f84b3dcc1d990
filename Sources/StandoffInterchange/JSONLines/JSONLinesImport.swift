import Foundation
import StandoffModel

extension JSONLines {
    // MARK: Import

    /// The documents of a JSON Lines file. Each span's offsets are checked against its `text`
    /// when it has one; offsets that only fit as UTF-16 code units or UTF-8 bytes are converted
    /// and counted in the losses' repairs; anything else is an error naming the line and span.
    ///
    /// Lines other tools write are read too (``Incoming``): spaCy's and Prodigy's
    /// `{"text", "spans": [{"start", "end", "label"}]}` (no ids: documents are named `name`, or
    /// `name-LINE` when there are several, spans numbered per layer; a Prodigy example answered
    /// `reject` or `ignore` is left out, and counted) and doccano's `entities` or `label` with its
    /// `relations` (links of the relation's type). Fields Standoff does not read are counted.
    public static func importDocuments(_ data: Data, file: String, name: String = "document") throws(ImportError) -> (documents: [Document], losses: Losses) {
        var losses = Losses()
        var documents: [Document] = []
        var data = data
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }  // a byte order mark
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var lineOf: [String: Int] = [:]
        let numbered = lines.filter { !$0.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) }.count > 1
        for (index, bytes) in lines.enumerated() where !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            let number = index + 1
            let incoming: Incoming
            if let problem = JSONCheck.problem(in: bytes) {
                throw ImportError(file: file, line: number, message: "column \(problem.column): \(problem.message)",
                                  hint: "each line is one JSON object with \"text\" and \"spans\" (docs/FORMATS.md)")
            }
            do { incoming = try JSONDecoder().decode(Incoming.self, from: Data(bytes)) } catch {
                throw ImportError(file: file, line: number, message: "not a document line (\(describe(error)))",
                                  hint: "each line is one JSON object with \"text\" and \"spans\" (docs/FORMATS.md)")
            }
            if let answer = incoming.answer, answer != "accept" {
                losses.lost(.prodigyAnswers(answer))
                continue
            }
            for field in incoming.unread { losses.lost(.unreadField(field)) }
            var line = incoming.line
            if line.id.isEmpty || line.id.first!.isNumber { line.id = numbered ? "\(name)-\(line.id.isEmpty ? String(number) : line.id)" : name }
            // Each document becomes a file named by its id: two of one id would be one file.
            if let earlier = lineOf[line.id] {
                throw ImportError(file: file, line: number, message: "a document '\(line.id)' was already read from line \(earlier)", hint: "give each document its own id")
            }
            lineOf[line.id] = number
            documents.append(try document(from: line, relations: incoming.relations, file: file, line: number, losses: &losses))
        }
        return (documents, losses)
    }

    /// A line as other tools write it, read into a ``Line``: ids may be missing (or numbers,
    /// as doccano writes them), a span's layer defaults to `entity`, doccano's `entities` and
    /// `label` stand for `spans`.
    struct Incoming: Decodable {
        var line: Line
        var answer: String?
        var relations: [(from: String, to: String, type: String)] = []
        var unread: [String] = []

        struct DoccanoEntity: Decodable { var id: Int?; var label: String; var start_offset: Int; var end_offset: Int }
        struct DoccanoRelation: Decodable { var from_id: Int; var to_id: Int; var type: String }

        static let known: Set<String> = ["id", "title", "lang", "text", "spans", "registers", "taxonomies", "annotators",
                                         "answer", "entities", "label", "relations", "ents",
                                         // spaCy's Doc.to_json(): tokens and sentences are not annotations here.
                                         "sents",
                                         // Prodigy's and spaCy's bookkeeping: hashes, tokens, the view.
                                         "_input_hash", "_task_hash", "_view_id", "_session_id", "_annotator_id", "_timestamp", "tokens", "meta"]

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: JSONKey.self)
            func id(_ key: String) -> String? {
                (try? container.decodeIfPresent(String.self, forKey: JSONKey(key))) ?? ((try? container.decodeIfPresent(Int.self, forKey: JSONKey(key))) ?? nil).map(String.init)
            }
            let text = try container.decode(String.self, forKey: JSONKey("text"))
            var spans: [Span]
            if (try? container.nestedUnkeyedContainer(forKey: JSONKey("spans"))) != nil {
                // A list of spans: decoded as such, so that a wrong field is named where it is.
                spans = try container.decode([Span].self, forKey: JSONKey("spans"))
            } else if container.contains(JSONKey("spans")) || container.contains(JSONKey("ents")) {
                // spaCy's Doc.to_json(): entities in `ents`, span groups in `spans` by name
                // (each a custom layer).
                spans = try container.decodeIfPresent([Span].self, forKey: JSONKey("ents")) ?? []
                for (group, list) in try container.decodeIfPresent([String: [Span]].self, forKey: JSONKey("spans")) ?? [:] {
                    spans += list.map { var span = $0; span.layer = group; return span }
                }
            } else if container.contains(JSONKey("entities")) {
                let entities = try container.decode([DoccanoEntity].self, forKey: JSONKey("entities"))
                spans = entities.enumerated().map { Span(start: $1.start_offset, end: $1.end_offset, label: $1.label, layer: "entity", id: $1.id.map { "doccano-\($0)" } ?? "") }
                if container.contains(JSONKey("relations")) {
                    relations = try container.decode([DoccanoRelation].self, forKey: JSONKey("relations")).map { ("doccano-\($0.from_id)", "doccano-\($0.to_id)", $0.type) }
                }
            } else if container.contains(JSONKey("label")), var list = try? container.nestedUnkeyedContainer(forKey: JSONKey("label")) {
                // doccano's older form: [[start, end, "LABEL"], …]
                spans = []
                while !list.isAtEnd {
                    var triple = try list.nestedUnkeyedContainer()
                    let start = try triple.decode(Int.self), end = try triple.decode(Int.self), label = try triple.decode(String.self)
                    spans.append(Span(start: start, end: end, label: label, layer: "entity", id: ""))
                }
            } else {
                throw DecodingError.keyNotFound(JSONKey("spans"), DecodingError.Context(codingPath: [], debugDescription: "no spans"))
            }
            line = Line(id: id("id") ?? "", title: try container.decodeIfPresent(String.self, forKey: JSONKey("title")),
                        lang: try container.decodeIfPresent(String.self, forKey: JSONKey("lang")), text: text, spans: spans,
                        registers: try container.decodeIfPresent([Entry].self, forKey: JSONKey("registers")),
                        taxonomies: try container.decodeIfPresent([TaxonomyEntry].self, forKey: JSONKey("taxonomies")),
                        annotators: try container.decodeIfPresent([AnnotatorEntry].self, forKey: JSONKey("annotators")))
            answer = try container.decodeIfPresent(String.self, forKey: JSONKey("answer"))
            // Prodigy's relations (between token spans) are not read; an empty list loses nothing.
            if container.contains(JSONKey("spans")) || container.contains(JSONKey("ents")), let list = try? container.nestedUnkeyedContainer(forKey: JSONKey("relations")), (list.count ?? 0) > 0 {
                unread.append("relations")
            }
            unread += container.allKeys.map(\.stringValue).filter { !Self.known.contains($0) }.sorted()
        }
    }

    static func document(from line: Line, relations: [(from: String, to: String, type: String)] = [], file: String, line number: Int,
                         losses: inout Losses) throws(ImportError) -> Document {
        let text = SourceText(line.text)
        var build = JSONLBuild(session: try ImportSession(file: file, documentID: line.id, title: line.title ?? line.id, language: line.lang ?? "en", text: text),
                               line: number)
        try build.declare(line)
        let spans = try build.group(line.spans)
        let relationLinks = try build.links(of: relations, spans: spans)
        for (spanID, parts) in spans { try build.add(spanID, parts, links: relationLinks[spanID] ?? []) }
        if let (annotation, link) = build.session.document.unresolvedLinks().first {
            throw build.fail("span '\(annotation)': \(link.role) link points at '\(link.target)', which no register entry declares", "add it to \"registers\"")
        }
        losses.merge(build.session.losses)
        return build.session.document
    }

    /// The span's range in code points; offsets that fit the span's text only as UTF-16 code
    /// units or UTF-8 bytes are converted, and counted.
    static func range(of span: Span, units: OffsetUnits, losses: inout Losses,
                      fail: (String, String) -> ImportError) throws(ImportError) -> TextRange {
        let text = units.text
        let direct = try? TextRange(span.start, span.end)
        if span.end < span.start {
            throw fail("span '\(span.id)' [\(span.start), \(span.end)) is reversed: its end comes before its start", "give the start first; offsets count code points from 0")
        }
        guard let expected = span.text else {
            guard let direct, direct.end <= text.count else {
                throw fail("span '\(span.id)' [\(span.start), \(span.end)) lies outside the text (\(text.count) code points)", "offsets count code points from 0")
            }
            return direct
        }
        if let direct, direct.end <= text.count, text[direct] == expected { return direct }
        for reading in units.readings(of: [(span.start, span.end)]) where text[reading.ranges[0]] == expected {
            losses.repaired(reading.repair)
            return reading.ranges[0]
        }
        let found = direct.flatMap { $0.end <= text.count ? text[$0] : nil } ?? "(outside the text)"
        throw fail("span '\(span.id)' [\(span.start), \(span.end)) says \"\(expected)\" but the text there is \"\(found)\", in code points, UTF-16 units and UTF-8 bytes alike",
                   "correct the offsets or the span's text; nothing was imported")
    }

    /// A decoding error in words: the field (`spans[0].start`) and what it should have been.
    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type: "a whole number"
            case is Double.Type: "a number"
            case is String.Type: "a string"
            case is Bool.Type: "true or false"
            case is [Any].Type: "a list"
            default: String(describing: type).contains("Array") ? "a list" : String(describing: type).contains("Dictionary") ? "an object" : "an object"
            }
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return context.codingPath.isEmpty ? "no \"\(key.stringValue)\"" : "no \"\(key.stringValue)\" in \(path(context.codingPath))"
        case DecodingError.typeMismatch(let type, let context):
            return context.codingPath.isEmpty ? "the line is not a JSON object" : "\(path(context.codingPath)) should be \(expected(type))"
        case DecodingError.valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null where \(expected(type)) is needed"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? context.debugDescription : "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

/// One line's document: its declarations, then its spans grouped into annotations.
private struct JSONLBuild {
    var session: ImportSession
    let line: Int
    let units: OffsetUnits

    init(session: ImportSession, line: Int) {
        self.session = session
        self.line = line
        units = OffsetUnits(session.document.text)
    }

    func fail(_ message: String, _ hint: String) -> ImportError { session.fail(line, message, hint) }

    @discardableResult
    mutating func edit<T>(_ what: String, _ body: (inout Document) throws(ModelError) -> T) throws(ImportError) -> T { try session.edit(line, what, body) }

    /// The line's taxonomies, annotators and register entries.
    mutating func declare(_ line: JSONLines.Line) throws(ImportError) {
        for taxonomy in line.taxonomies ?? [] {
            try edit("taxonomy '\(taxonomy.id)'") { (document) throws(ModelError) in
                let taxonomyID = try Identifier(taxonomy.id)
                if document.taxonomy(taxonomyID) == nil { try document.add(Taxonomy(id: taxonomyID, description: taxonomy.description)) }
                for category in taxonomy.categories {
                    let categoryID = try Identifier(category.id)
                    if document.taxonomy(taxonomyID)?.category(categoryID) == nil {
                        try document.add(Category(id: categoryID, description: category.description ?? ""), to: taxonomyID)
                    }
                }
            }
        }
        for annotator in line.annotators ?? [] {
            try edit("annotator '\(annotator.id)'") { (document) throws(ModelError) in
                try document.declare(Annotator(id: Identifier(annotator.id), name: annotator.name, role: annotator.role ?? "annotation"))
            }
        }
        for entry in line.registers ?? [] {
            let kind: EntryKind? = ["person": .person, "organisation": .organisation, "org": .organisation, "place": .place][entry.kind]
            guard let kind else { throw fail("register entry '\(entry.id)' has kind '\(entry.kind)'", "use person, organisation or place") }
            try edit("register entry '\(entry.id)'") { (document) throws(ModelError) in
                try document.add(RegisterEntry(id: Identifier(entry.id), kind: kind, name: entry.name, aliases: entry.aliases ?? [], wikidata: entry.wikidata))
            }
        }
    }

    /// Spans of one annotation (discontinuous) come together by id, in file order. A span
    /// without an id (spaCy, Prodigy) is an annotation of its own, numbered per layer
    /// (``AnnotationIDs``, past every id the line gives).
    mutating func group(_ spans: [JSONLines.Span]) throws(ImportError) -> [(id: String, parts: [JSONLines.Span])] {
        var order: [String] = []
        var byID: [String: [JSONLines.Span]] = [:]
        for id in Set(spans.map(\.id)) { if let given = try? Identifier(id) { session.ids.reserve(given) } }
        for (index, original) in spans.enumerated() {
            var span = original
            if span.id.isEmpty {
                let layer = try session.model(line, "span \(index + 1)") { () throws(ModelError) in try Layer(span.layer) }
                span.id = session.ids.next(for: layer, in: session.document).id.rawValue
            }
            if byID[span.id] == nil { order.append(span.id) }
            byID[span.id, default: []].append(span)
        }
        return order.map { ($0, byID[$0]!.sorted { ($0.part ?? 0) < ($1.part ?? 0) }) }
    }

    /// doccano's relations: links of the relation's type between its entities.
    func links(of relations: [(from: String, to: String, type: String)], spans: [(id: String, parts: [JSONLines.Span])]) throws(ImportError) -> [String: [Link]] {
        let ids = Set(spans.map(\.id))
        var links: [String: [Link]] = [:]
        for relation in relations {
            guard ids.contains(relation.from), ids.contains(relation.to) else {
                throw fail("a relation links \(relation.from) to \(relation.to), and the line has no such entity", "check the relation's from_id and to_id")
            }
            let link = try session.model(line, "relation \(relation.type)") { () throws(ModelError) in
                Link(role: try LinkRole(relation.type.lowercased()), target: .id(try Identifier(relation.to)))
            }
            links[relation.from, default: []].append(link)
        }
        return links
    }

    /// The annotation of one id's spans: every field of the first span, a range each.
    mutating func add(_ spanID: String, _ parts: [JSONLines.Span], links relationLinks: [Link]) throws(ImportError) {
        // The place alone, not a copy of the session: a copy kept while the session changes
        // would copy its document and ids on every span.
        let place = ImportError.Place(file: session.file)
        let line = self.line
        func fail(_ message: String, _ hint: String) -> ImportError { place.fail(line, message, hint) }
        var ranges: [TextRange] = []
        for span in parts { ranges.append(try JSONLines.range(of: span, units: units, losses: &session.losses, fail: fail)) }
        let first = parts[0]
        let layer = try place.model(line, "span '\(spanID)'") { () throws(ModelError) in try Layer(first.layer) }
        let label = first.label == first.layer ? nil : first.label
        let category = try label.map { (label: String) throws(ImportError) -> Identifier in try session.category(label, for: layer, line: line, what: "span '\(spanID)' label") }
        var links = relationLinks
        for (role, targets) in (first.links ?? [:]).sorted(by: { $0.key < $1.key }) {
            for target in targets {
                links.append(try place.model(line, "span '\(spanID)'") { () throws(ModelError) in
                    Link(role: try LinkRole(role), target: target == "unknown" ? .unknown : .id(try Identifier(target)))
                })
            }
        }
        if let annotator = first.annotator, let annotatorID = try? Identifier(annotator), session.document.annotator(annotatorID) == nil {
            try edit("annotator '\(annotator)'") { (document) throws(ModelError) in try document.declare(Annotator(id: annotatorID, name: annotator)) }
        }
        let cue = try (first.cue ?? []).map { (pair: [Int]) throws(ImportError) -> TextRange in
            guard pair.count == 2 else { throw fail("span '\(spanID)': a cue is [start, end]", "give the cue as [[start, end]]") }
            return try place.model(line, "span '\(spanID)' cue") { () throws(ModelError) in try TextRange(pair[0], pair[1]) }
        }
        let annotation = try place.model(line, "span '\(spanID)'") { () throws(ModelError) in
            Annotation(id: try Identifier(spanID), layer: layer, category: category, ranges: ranges,
                       links: links, features: first.features ?? [:], notes: first.notes ?? [],
                       provenance: Provenance(annotator: first.annotator.flatMap { try? Identifier($0) },
                                              time: first.time.flatMap { ISOTimestamp.date(from: $0) },
                                              method: first.method.flatMap(AnnotationMethod.init(rawValue:)),
                                              certainty: first.cert.flatMap(Certainty.init(rawValue:))),
                       cue: cue, correction: first.correction, severity: first.severity.flatMap(ErrorSeverity.init(rawValue:)))
        }
        try session.add(annotation, line: line)
    }
}
