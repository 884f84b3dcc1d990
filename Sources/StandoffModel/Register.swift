/// What a register entry stands for.
public enum EntryKind: String, CaseIterable, Sendable {
    case person, organisation, place
}

/// One person, organisation or place that annotations link to.
public struct RegisterEntry: Hashable, Sendable {
    public let id: Identifier
    public var kind: EntryKind
    /// The canonical name.
    public var name: String
    /// Other names the text uses for the same entry.
    public var aliases: [String]
    /// A Wikidata item id such as `Q22686`, when known.
    public var wikidata: String?

    public init(id: Identifier, kind: EntryKind, name: String, aliases: [String] = [], wikidata: String? = nil) throws(ModelError) {
        guard !name.trimmingWhitespace.isEmpty else { throw .emptyName(id) }
        if let wikidata { guard RegisterEntry.isWikidataID(wikidata) else { throw .invalidWikidataID(wikidata) } }
        var seen: Set<String> = [name]
        for alias in aliases {
            guard !alias.trimmingWhitespace.isEmpty else { throw .emptyName(id) }
            guard seen.insert(alias).inserted else { throw .duplicateAlias(alias, entry: id) }
        }
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.wikidata = wikidata
    }

    /// `Q` and a positive number without leading zeros, as Wikidata numbers its items (`Q1` is the universe).
    public static func isWikidataID(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.first == "Q" && !digits.isEmpty && digits.count <= 12 && digits.first != "0"
            && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// The entries of one kind (persons, organisations or places), in the order they were declared.
public struct Register: Hashable, Sendable {
    public let kind: EntryKind
    public internal(set) var entries: [RegisterEntry]

    public init(kind: EntryKind, entries: [RegisterEntry] = []) {
        self.kind = kind
        self.entries = entries
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(scalars[first...last])
    }
}
