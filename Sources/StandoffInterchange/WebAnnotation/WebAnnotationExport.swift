import Foundation
import StandoffFormats
import StandoffModel

extension WebAnnotation {
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

    /// Writes `item` as `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes` does (a test
    /// compares them), by hand: the encoder was most of the export's time.
    static func write(_ item: Item, into out: inout [UInt8]) {
        func string(_ value: String) -> (inout [UInt8]) -> Void { { $0.appendJSONString(value) } }
        func int(_ value: Int) -> (inout [UInt8]) -> Void { { $0 += String(value).utf8 } }
        func targets(_ values: [Target]) -> (inout [UInt8]) -> Void {
            { out in out.appendCompactJSONArray(values) { out, target in
                out.appendCompactJSONObject([
                    ("selector", { out in out.appendCompactJSONArray(target.selector) { out, selector in
                        var members: [(String, (inout [UInt8]) -> Void)] = [("type", string(selector.type))]
                        if let start = selector.start { members.append(("start", int(start))) }
                        if let end = selector.end { members.append(("end", int(end))) }
                        if let exact = selector.exact { members.append(("exact", string(exact))) }
                        if let prefix = selector.prefix { members.append(("prefix", string(prefix))) }
                        if let suffix = selector.suffix { members.append(("suffix", string(suffix))) }
                        out.appendCompactJSONObject(members)
                    } }),
                    ("source", string(target.source)),
                ])
            } }
        }
        var members: [(String, (inout [UInt8]) -> Void)] = [
            ("@context", { $0 += #"["http://www.w3.org/ns/anno.jsonld",{"standoff":"https://standoff.dev/ns#"}]"#.utf8 }),
            ("id", string(item.id)), ("type", string(item.type)), ("motivation", string(item.motivation)),
            ("standoff:layer", string(item.layer)), ("target", targets(item.target)),
        ]
        if let body = item.body {
            members.append(("body", { out in out.appendCompactJSONArray(body) { out, body in
                var fields: [(String, (inout [UInt8]) -> Void)] = [("type", string(body.type)), ("purpose", string(body.purpose))]
                if let value = body.value { fields.append(("value", string(value))) }
                if let source = body.source { fields.append(("source", string(source))) }
                if let role = body.role { fields.append(("standoff:role", string(role))) }
                if let sameAs = body.sameAs { fields.append(("standoff:sameAs", string(sameAs))) }
                if let feature = body.feature { fields.append(("standoff:feature", string(feature))) }
                out.appendCompactJSONObject(fields)
            } }))
        }
        if let severity = item.severity { members.append(("standoff:severity", string(severity))) }
        if let cue = item.cue { members.append(("standoff:cue", targets(cue))) }
        if let creator = item.creator {
            members.append(("creator", { $0.appendCompactJSONObject([("id", string(creator.id)), ("type", string(creator.type)), ("name", string(creator.name))]) }))
        }
        if let created = item.created { members.append(("created", string(created))) }
        if let method = item.method { members.append(("standoff:method", string(method))) }
        if let certainty = item.certainty { members.append(("standoff:certainty", string(certainty))) }
        out.appendCompactJSONObject(members)
    }

    /// The Web Annotation of one annotation.
    static func item(_ annotation: Annotation, in document: Document) -> Item {
        let documentID = document.id.rawValue
        var bodies: [Body] = []
        if let category = annotation.category { bodies.append(Body(type: "TextualBody", purpose: "tagging", value: category.rawValue)) }
        for link in annotation.links {
            var body = Body(type: "SpecificResource", purpose: link.role == .ref ? "identifying" : "linking", role: link.role.name)
            body.source = linkIRI(link.target, in: document)
            if case .id(let id) = link.target, let wikidata = document.entry(id)?.wikidata { body.sameAs = "http://www.wikidata.org/entity/\(wikidata)" }
            bodies.append(body)
        }
        if let correction = annotation.correction { bodies.append(Body(type: "TextualBody", purpose: "editing", value: correction)) }
        for note in annotation.notes { bodies.append(Body(type: "TextualBody", purpose: "commenting", value: note)) }
        for (key, value) in annotation.features.sorted(by: { $0.key < $1.key }) {
            bodies.append(Body(type: "TextualBody", purpose: "describing", value: value, feature: key))
        }
        return Item(
            id: iri(documentID, annotation.id.rawValue), motivation: motivation(of: annotation.layer), layer: annotation.layer.name,
            target: annotation.ranges.map { target($0, in: document) }, body: bodies.isEmpty ? nil : bodies,
            severity: annotation.severity?.rawValue, cue: annotation.cue.isEmpty ? nil : annotation.cue.map { target($0, in: document) },
            creator: annotation.provenance.annotator.map { Creator(id: iri(documentID, $0.rawValue), name: document.annotator($0)?.name ?? $0.rawValue) },
            created: annotation.provenance.time.map { ISOTimestamp.string(from: $0) },
            method: annotation.provenance.method?.rawValue, certainty: annotation.provenance.certainty?.rawValue)
    }

    public static func export(_ document: Document) -> (json: String, losses: Losses) {
        // The streamed export over the document's annotations in its order: the same bytes.
        let stream = Stream(declarations: document)
        var out: [UInt8] = []
        for annotation in document.sortedAnnotations() { _ = stream.add(annotation) { out += $0 } }
        let losses = stream.finish(revisions: document.revisions, preserved: document.preserved) { out += $0 }
        // Without the line break the command adds.
        return (String(decoding: out.dropLast(), as: UTF8.self), losses)
    }

    /// The W3C export written as the reader streams a file: the collection's start, each item
    /// as its annotation comes, the end (with the total) after the last. Items come in the
    /// model's order (layer, then start, then id), the order Standoff writes its files in; an
    /// annotation out of it makes ``add(_:write:)`` answer false, and the caller exports the
    /// loaded document instead. Each item needs only the declarations (names, categories,
    /// entries), never another annotation.
    public final class Stream: StreamingExport {
        private let declarations: Document
        private var buffer = ExportBuffer()
        private var records = StreamedRecords()
        private var started = false
        private var count = 0
        private let encoder = JSONEncoder.compactSorted()

        public init(declarations: Document) {
            self.declarations = declarations
        }

        private func json(_ value: some Encodable) -> String { String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self) }

        public func add(_ annotation: Annotation, write: ([UInt8]) throws -> Void) rethrows -> Bool {
            guard records.take(annotation, table: WebAnnotation.self) else { return false }
            let documentID = declarations.id.rawValue
            var bytes: [UInt8] = []
            if !started {
                started = true
                bytes += Array("{\n  \"@context\": \(json(Context())),\n".utf8)
                bytes += Array("  \"first\": {\n    \"id\": \(json(iri(documentID, "annotations:page1"))),\n    \"items\": [\n".utf8)
            }
            if count > 0 { bytes += Array(",\n".utf8) }
            bytes += Array("    ".utf8)
            WebAnnotation.write(WebAnnotation.item(annotation, in: declarations), into: &bytes)
            count += 1
            try buffer.append(bytes, flushingTo: write)
            return true
        }

        public func finish(revisions: [Revision], preserved: PreservedContent, write: ([UInt8]) throws -> Void) rethrows -> Losses {
            let documentID = declarations.id.rawValue
            let losses = records.finish(declarations: declarations, revisions: revisions, preserved: preserved, table: WebAnnotation.self)
            var out = ""
            if !started {
                out += "{\n  \"@context\": \(json(Context())),\n"
                out += "  \"first\": {\n    \"id\": \(json(iri(documentID, "annotations:page1"))),\n    \"items\": [\n"
            }
            out += "\n    ],\n    \"startIndex\": 0,\n    \"type\": \"AnnotationPage\"\n  },\n"
            out += "  \"id\": \(json(iri(documentID, "annotations"))),\n  \"label\": \(json(declarations.title)),\n"
            out += "  \"total\": \(count),\n  \"type\": \"AnnotationCollection\"\n}\n"
            try buffer.append(out, flushingTo: write)
            try buffer.flush(to: write)
            return losses
        }
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
}
