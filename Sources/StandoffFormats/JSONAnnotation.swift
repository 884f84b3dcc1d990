import Foundation
import StandoffModel

/// An annotation as a flat JSON record, the shape `standoff list --format json` prints.
///
/// Ranges are `[start, end]` pairs of code points, half-open. `text` is the text at the ranges
/// now; when the snapshot recorded in the file differs (the text or an offset changed),
/// `snapshot` holds the recorded one and `snapshotMismatch` is true.
public struct JSONAnnotation: Codable, Equatable, Sendable {
    public var id: String
    public var layer: String
    public var category: String?
    public var ranges: [[Int]]
    public var text: [String]
    public var snapshot: [String]?
    public var snapshotMismatch: Bool?
    public var links: [String: [String]]
    public var features: [String: String]?
    public var notes: [String]?
    public var cue: [[Int]]?
    public var correction: String?
    public var severity: String?
    public var annotator: String?
    public var time: String?
    public var method: String?
    public var cert: String?

    /// The record of `annotation`, with the text at its ranges in `document`.
    public init(_ annotation: Annotation, in document: Document) {
        self.init(annotation, text: document.text)
    }

    /// The record of `annotation`, whose ranges point into `text`.
    public init(_ annotation: Annotation, text source: SourceText) {
        id = annotation.id.rawValue
        layer = annotation.layer.name
        category = annotation.category?.rawValue
        ranges = annotation.ranges.map { [$0.start, $0.end] }
        text = annotation.ranges.map { range in range.end <= source.count ? source[range] : "" }
        if text != annotation.snapshot {
            snapshot = annotation.snapshot
            snapshotMismatch = true
        }
        links = Dictionary(grouping: annotation.links, by: \.role.name).mapValues { $0.map(\.target.description) }
        features = annotation.features.isEmpty ? nil : annotation.features
        notes = annotation.notes.isEmpty ? nil : annotation.notes
        cue = annotation.cue.isEmpty ? nil : annotation.cue.map { [$0.start, $0.end] }
        correction = annotation.correction
        severity = annotation.severity?.rawValue
        annotator = annotation.provenance.annotator?.rawValue
        time = annotation.provenance.time.map(ISOTimestamp.string(from:))
        method = annotation.provenance.method?.rawValue
        cert = annotation.provenance.certainty?.rawValue
    }

    /// Pretty, key-sorted JSON, stable across runs.
    public static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// Writes records as one pretty-printed JSON array, byte for byte as ``json(_:)`` prints an
    /// array of them (a test compares the two on every fixture), one record at a time and
    /// without `JSONEncoder`: a long list is never held as one string, and a record costs a
    /// few appends instead of an encoder's boxing (which was most of `list --format json`).
    public struct ArrayWriter {
        private let write: (String) -> Void
        private var count = 0
        private var bytes: [UInt8] = []

        public init(write: @escaping (String) -> Void) {
            self.write = write
        }

        public mutating func add(_ record: JSONAnnotation) {
            bytes.removeAll(keepingCapacity: true)
            bytes += (count == 0 ? "[\n  " : ",\n  ").utf8
            record.writePretty(into: &bytes, indent: 2)
            write(String(decoding: bytes, as: UTF8.self))
            count += 1
        }

        public func finish() { write(count == 0 ? "[\n\n]\n" : "\n]\n") }
    }
}

extension JSONAnnotation {
    /// The record as `JSONEncoder` with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`
    /// writes it, at `indent` spaces: keys in sorted order, absent optionals left out.
    func writePretty(into out: inout [UInt8], indent: Int) {
        var members: [(String, (inout [UInt8], Int) -> Void)] = []
        func string(_ key: String, _ value: String?) { if let value { members.append((key, { $0.appendJSONString(value); _ = $1 })) } }
        func strings(_ key: String, _ value: [String]?) { if let value { members.append((key, { $0.appendJSONArray(value.count, indent: $1) { out, index, _ in out.appendJSONString(value[index]) } })) } }
        func pairs(_ key: String, _ value: [[Int]]?) {
            guard let value else { return }
            members.append((key, { $0.appendJSONArray(value.count, indent: $1) { out, index, indent in
                out.appendJSONArray(value[index].count, indent: indent) { out, inner, _ in out += String(value[index][inner]).utf8 }
            } }))
        }
        string("annotator", annotator)
        string("category", category)
        string("cert", cert)
        string("correction", correction)
        pairs("cue", cue)
        if let features { members.append(("features", { $0.appendJSONObject(features.sorted { $0.key < $1.key }.map { pair in (pair.key, { out, _ in out.appendJSONString(pair.value) }) }, indent: $1) })) }
        string("id", id)
        string("layer", layer)
        members.append(("links", { $0.appendJSONObject(self.links.sorted { $0.key < $1.key }.map { pair in (pair.key, { out, indent in
            out.appendJSONArray(pair.value.count, indent: indent) { out, index, _ in out.appendJSONString(pair.value[index]) }
        }) }, indent: $1) }))
        string("method", method)
        strings("notes", notes)
        pairs("ranges", ranges)
        string("severity", severity)
        strings("snapshot", snapshot)
        if let snapshotMismatch { members.append(("snapshotMismatch", { out, _ in out += (snapshotMismatch ? "true" : "false").utf8 })) }
        strings("text", text)
        string("time", time)
        out.appendJSONObject(members, indent: indent)
    }
}
