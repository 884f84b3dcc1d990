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

    /// Writes records as one pretty-printed JSON array, exactly as ``json(_:)`` prints an array
    /// of them, one record at a time: a long list is never held as one string.
    public struct ArrayWriter {
        private let encoder: JSONEncoder
        private let write: (String) -> Void
        private var count = 0

        public init(write: @escaping (String) -> Void) {
            encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            self.write = write
        }

        public mutating func add(_ record: JSONAnnotation) {
            let object = (try? encoder.encode(record)) ?? Data("null".utf8)
            // Indented by two spaces, as an element of the array: after each line break, on
            // lines that are not empty. Done on the bytes: JSON's line breaks are one byte.
            var indented: [UInt8] = Array((count == 0 ? "[\n" : ",\n").utf8)
            indented.reserveCapacity(object.count + object.count / 8 + 4)
            var atLineStart = true
            for byte in object {
                if atLineStart && byte != 0x0A { indented.append(0x20); indented.append(0x20) }
                indented.append(byte)
                atLineStart = byte == 0x0A
            }
            write(String(decoding: indented, as: UTF8.self))
            count += 1
        }

        public func finish() { write(count == 0 ? "[\n\n]\n" : "\n]\n") }
    }
}
