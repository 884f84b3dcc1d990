import StandoffModel
import StandoffXML

/// What a conversion could not carry, counted per kind ("quotation cues dropped": 9), so that
/// nothing is lost in silence: exports print it, `--fail-on-loss` makes any of it an error.
/// Every kind is worded in ``LossKind`` and ``RepairKind``.
public struct Losses: Equatable, Sendable, Encodable {
    public private(set) var lostKinds: [LossKind: Int] = [:]
    /// What a conversion repaired or changed and said so, counted per kind.
    public private(set) var repairKinds: [RepairKind: Int] = [:]

    public init() {}

    public mutating func lost(_ kind: LossKind, _ count: Int = 1) { if count > 0 { lostKinds[kind, default: 0] += count } }
    public mutating func repaired(_ kind: RepairKind, _ count: Int = 1) { if count > 0 { repairKinds[kind, default: 0] += count } }

    /// The losses by their wording, as `--report json` writes them.
    public var counts: [String: Int] { Dictionary(uniqueKeysWithValues: lostKinds.map { ($0.key.wording, $0.value) }) }
    /// The repairs by their wording.
    public var repairs: [String: Int] { Dictionary(uniqueKeysWithValues: repairKinds.map { ($0.key.wording, $0.value) }) }

    public var isEmpty: Bool { lostKinds.isEmpty }

    /// Adds what `other` counted (the documents of one file, each imported on its own).
    public mutating func merge(_ other: Losses) {
        lostKinds.merge(other.lostKinds, uniquingKeysWith: +)
        repairKinds.merge(other.repairKinds, uniquingKeysWith: +)
    }

    enum CodingKeys: String, CodingKey { case counts, repairs }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(counts, forKey: .counts)
        try container.encode(repairs, forKey: .repairs)
    }

    /// `jsonl: 3 annotator notes dropped; …`, or nil when nothing was lost or repaired.
    public func summary(format: String) -> String? {
        let parts = (counts.sorted { $0.key < $1.key } + repairs.sorted { $0.key < $1.key }).map { Self.counted($0.value, $0.key) }
        return parts.isEmpty ? nil : "\(format): " + parts.joined(separator: "; ")
    }

    /// `3 register entries dropped`, `1 register entry dropped`: a kind is a plural noun phrase,
    /// and for one its first plural noun is made singular.
    static func counted(_ count: Int, _ kind: String) -> String {
        guard count == 1 else { return "\(count) \(kind)" }
        var words = kind.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let index = words.firstIndex(where: { singular[$0] != nil }) { words[index] = singular[words[index]]! }
        return "1 " + words.joined(separator: " ")
    }

    private static let singular = [
        "aliases": "alias", "annotations": "annotation", "annotations'": "annotation's", "bodies": "body",
        "categories": "category", "cues": "cue", "elements": "element", "descriptions": "description", "entries": "entry", "entries'": "entry's", "examples": "example", "lines": "line",
        "ids": "id", "labels": "label", "names": "name", "pointers": "pointer", "pieces": "piece", "attributes": "attribute", "groupings": "grouping", "relations": "relation", "spans": "span", "structures": "structure", "tags": "tag",
        "titles": "title", "languages": "language", "annotators'": "annotator's",
    ]
}

/// Why an import stops: the input names the place and what was found there.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var hint: String

    public init(file: String, line: Int, message: String, hint: String) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE: message`; `FILE: message` where no line applies (line 0).
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// An XML format's writer failed (libxml2 refused a call or ran out of memory); the export
/// throws it so that nothing is written.
public typealias XMLWriteError = StandoffXML.XMLWriteError
