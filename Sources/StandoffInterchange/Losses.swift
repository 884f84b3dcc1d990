/// What a conversion could not carry, counted per kind ("quotation cues dropped": 9), so that
/// nothing is lost in silence: exports print it, `--fail-on-loss` makes any of it an error.
public struct Losses: Equatable, Sendable, Codable {
    public private(set) var counts: [String: Int] = [:]
    /// Annotations moved while importing, and why ("offsets in UTF-16 code units": 3).
    public private(set) var repairs: [String: Int] = [:]

    public init() {}

    public mutating func lost(_ kind: String, _ count: Int = 1) { if count > 0 { counts[kind, default: 0] += count } }
    public mutating func repaired(_ kind: String, _ count: Int = 1) { if count > 0 { repairs[kind, default: 0] += count } }

    public var isEmpty: Bool { counts.isEmpty }

    /// `jsonl: 3 annotator notes dropped; …`, or nil when nothing was lost or repaired.
    public func summary(format: String) -> String? {
        var parts = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        parts += repairs.sorted { $0.key < $1.key }.map { "\($0.value) annotation\($0.value == 1 ? "" : "s") moved: \($0.key)" }
        return parts.isEmpty ? nil : "\(format): " + parts.joined(separator: "; ")
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

    public var description: String { "\(file):\(line): \(message)" }
}
