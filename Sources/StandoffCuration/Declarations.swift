import StandoffModel

/// One id declared differently by two inputs (another name, another Wikidata id, another
/// description): reported with every value, never picked silently. The gold file keeps the
/// first input's value, and the summary says so.
public struct DeclarationConflict: Hashable, Sendable, Codable {
    /// "register entry", "category", "taxonomy" or "annotator".
    public var what: String
    public var id: String
    /// The field that differs ("name", "wikidata", "kind", "description").
    public var field: String
    /// Each value, with the files that declare it, first input's first.
    public var values: [Value]

    public struct Value: Hashable, Sendable, Codable {
        public var value: String
        public var files: [String]

        public init(value: String, files: [String]) {
            self.value = value
            self.files = files
        }
    }

    public init(what: String, id: String, field: String, values: [Value]) {
        self.what = what
        self.id = id
        self.field = field
        self.values = values
    }
}

/// The declarations of several inputs, merged by id: registers (aliases joined), taxonomies
/// (categories joined), with the ids declared differently reported.
struct DeclarationMerger {
    private(set) var entries: [RegisterEntry] = []
    private(set) var taxonomies: [Taxonomy] = []
    private(set) var conflicts: [DeclarationConflict] = []
    private var entryPositions: [Identifier: Int] = [:]
    private var taxonomyPositions: [Identifier: Int] = [:]
    /// id + field → position in ``conflicts``.
    private var conflictPositions: [String: Int] = [:]
    private var seen: [String: [(value: String, file: String)]] = [:]

    mutating func add(_ document: Document, file: String) throws(ModelError) {
        for register in document.registers {
            for entry in register.entries { try add(entry, file: file) }
        }
        for taxonomy in document.taxonomies { try add(taxonomy, file: file) }
    }

    private mutating func add(_ entry: RegisterEntry, file: String) throws(ModelError) {
        note("register entry", entry.id, "kind", entry.kind.rawValue, file)
        note("register entry", entry.id, "name", entry.name, file)
        if let wikidata = entry.wikidata { note("register entry", entry.id, "wikidata", wikidata, file) }
        guard let position = entryPositions[entry.id] else {
            entryPositions[entry.id] = entries.count
            entries.append(entry)
            return
        }
        for alias in entry.aliases where !entries[position].aliases.contains(alias) && alias != entries[position].name {
            entries[position].aliases.append(alias)
        }
        if entries[position].wikidata == nil, let wikidata = entry.wikidata { entries[position].wikidata = wikidata }
    }

    private mutating func add(_ taxonomy: Taxonomy, file: String) throws(ModelError) {
        if let description = taxonomy.description { note("taxonomy", taxonomy.id, "description", description, file) }
        for category in taxonomy.categories { note("category", category.id, "description", category.description, file) }
        guard let position = taxonomyPositions[taxonomy.id] else {
            taxonomyPositions[taxonomy.id] = taxonomies.count
            taxonomies.append(taxonomy)
            return
        }
        for category in taxonomy.categories where taxonomies[position].category(category.id) == nil {
            try taxonomies[position].add(category)
        }
    }

    /// Notes one input's value of a field, and a conflict when it differs from an earlier one.
    private mutating func note(_ what: String, _ id: Identifier, _ field: String, _ value: String, _ file: String) {
        let key = "\(what) \(id) \(field)"
        var values = seen[key, default: []]
        values.append((value, file))
        seen[key] = values
        let distinct = values.reduce(into: [String]()) { if !$0.contains($1.value) { $0.append($1.value) } }
        guard distinct.count > 1 else { return }
        let conflict = DeclarationConflict(what: what, id: id.rawValue, field: field, values: distinct.map { value in
            .init(value: value, files: values.filter { $0.value == value }.map(\.file))
        })
        if let position = conflictPositions[key] { conflicts[position] = conflict } else {
            conflictPositions[key] = conflicts.count
            conflicts.append(conflict)
        }
    }
}
