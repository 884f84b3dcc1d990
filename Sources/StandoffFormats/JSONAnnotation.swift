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
        id = annotation.id.rawValue
        layer = annotation.layer.name
        category = annotation.category?.rawValue
        ranges = annotation.ranges.map { [$0.start, $0.end] }
        text = document.textNow(of: annotation)
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
        time = annotation.provenance.time.map { ISO8601DateFormatter().string(from: $0) }
        method = annotation.provenance.method?.rawValue
        cert = annotation.provenance.certainty?.rawValue
    }

    /// Pretty, key-sorted JSON, stable across runs.
    public static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}
