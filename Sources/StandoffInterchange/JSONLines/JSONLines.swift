import Foundation
import StandoffModel

/// JSON Lines, one document a line: `{"id", "text", "spans": [{"start", "end", "label", …}],
/// "registers": […]}`, offsets in code points (as spaCy, Prodigy and doccano count Python
/// string indices). A span is one contiguous stretch: a discontinuous annotation gives one span
/// a range, sharing its `id`, with `part`. Everything else an annotation holds (layer, links,
/// notes, correction, severity, cue, provenance) is carried in the span's own fields, so a
/// round trip loses nothing; tools that read only `start`, `end` and `label` ignore the rest.
public enum JSONLines: Sendable {
    /// One span as the format writes it.
    public struct Span: Codable, Equatable, Sendable {
        public var start: Int
        public var end: Int
        public var label: String
        public var layer: String
        public var id: String
        /// For a discontinuous annotation: which of its ranges (from 0) this span is, and how many.
        public var part: Int?
        public var parts: Int?
        /// The text at the span, as written: an import checks it.
        public var text: String?
        public var links: [String: [String]]?
        public var notes: [String]?
        public var features: [String: String]?
        public var correction: String?
        public var severity: String?
        public var cue: [[Int]]?
        public var annotator: String?
        public var cert: String?
        public var method: String?
        /// When it was made (ISO 8601, UTC).
        public var time: String?
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var id: String
        public var kind: String
        public var name: String
        public var aliases: [String]?
        public var wikidata: String?
    }

    public struct TaxonomyEntry: Codable, Equatable, Sendable {
        public var id: String
        public var description: String?
        public var categories: [CategoryEntry]
    }

    public struct CategoryEntry: Codable, Equatable, Sendable {
        public var id: String
        public var description: String?
    }

    public struct AnnotatorEntry: Codable, Equatable, Sendable {
        public var id: String
        public var name: String
        public var role: String?
    }

    public struct Line: Codable, Equatable, Sendable {
        public var id: String
        public var title: String?
        public var lang: String?
        public var text: String
        public var spans: [Span]
        public var registers: [Entry]?
        public var taxonomies: [TaxonomyEntry]?
        public var annotators: [AnnotatorEntry]?
    }
}

extension JSONLines.Span {
    /// Reads a span as other tools write it too: without `layer` (an entity) or `id` (numbered
    /// on import).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Offsets read as numbers first, so that 5.5 or 1e30 is named where it stands.
        func offset(_ key: CodingKeys) throws -> Int {
            let value = try container.decode(Double.self, forKey: key)
            guard value == value.rounded(), value >= 0, value <= 9_007_199_254_740_992 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\(value) is not a whole number of code points from 0")
            }
            return Int(value)
        }
        start = try offset(.start)
        end = try offset(.end)
        label = try container.decode(String.self, forKey: .label)
        layer = try container.decodeIfPresent(String.self, forKey: .layer) ?? "entity"
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        part = try container.decodeIfPresent(Int.self, forKey: .part)
        parts = try container.decodeIfPresent(Int.self, forKey: .parts)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        links = try container.decodeIfPresent([String: [String]].self, forKey: .links)
        notes = try container.decodeIfPresent([String].self, forKey: .notes)
        features = try container.decodeIfPresent([String: String].self, forKey: .features)
        correction = try container.decodeIfPresent(String.self, forKey: .correction)
        severity = try container.decodeIfPresent(String.self, forKey: .severity)
        cue = try container.decodeIfPresent([[Int]].self, forKey: .cue)
        annotator = try container.decodeIfPresent(String.self, forKey: .annotator)
        cert = try container.decodeIfPresent(String.self, forKey: .cert)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        time = try container.decodeIfPresent(String.self, forKey: .time)
    }
}
