import StandoffModel
import StandoffXML

/// What a conversion could not carry, counted per kind ("quotation cues dropped": 9), so that
/// nothing is lost in silence: exports print it, `--fail-on-loss` makes any of it an error.
public struct Losses: Equatable, Sendable, Codable {
    public private(set) var counts: [String: Int] = [:]
    /// What a conversion repaired or changed and said so, counted per kind, each kind a noun
    /// phrase ("annotations with offsets in UTF-16 code units, converted to code points": 3).
    public private(set) var repairs: [String: Int] = [:]

    public init() {}

    public mutating func lost(_ kind: String, _ count: Int = 1) { if count > 0 { counts[kind, default: 0] += count } }
    public mutating func repaired(_ kind: String, _ count: Int = 1) { if count > 0 { repairs[kind, default: 0] += count } }

    public var isEmpty: Bool { counts.isEmpty }

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
    ]
}

extension Losses {
    /// Counts what only the TEI file holds, which no other format carries: the revision history,
    /// and what Standoff keeps without reading (foreign elements, comments and processing
    /// instructions, TEI's other stand-off forms among them; foreign attributes; `<div>`s around
    /// paragraphs). Every export calls it, so none drops them in silence.
    mutating func countTEIOnly(_ document: Document) {
        lost("revision history entries dropped", document.revisions.count)
        let preserved = document.preserved
        lost("pieces of markup Standoff keeps without reading (elements, comments) dropped",
             preserved.nodes.filter { $0.anchor != PreservedContent.outsideRoot }.count)
        lost("attributes Standoff keeps without reading dropped", preserved.attributes.values.reduce(0) { $0 + $1.count })
        lost("groupings of paragraphs (<div>) dropped", preserved.paragraphContainers.filter { $0.opening != nil }.count)
    }
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
