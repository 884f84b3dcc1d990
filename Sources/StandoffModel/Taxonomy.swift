/// A declared set of categories, one per layer (plus `severity` for errors).
///
/// Every category an annotation uses must be declared in its layer's taxonomy, as FoLiA
/// declares sets and TEI declares `<taxonomy>` in `classDecl`.
public struct Taxonomy: Hashable, Sendable {
    public let id: Identifier
    public var description: String?
    public private(set) var categories: [Category]
    /// The position of each category in ``categories``: finding one, and refusing a duplicate,
    /// takes the same time in a taxonomy of 100,000 as of 10 (a search through the list made
    /// reading a large taxonomy quadratic).
    private var positions: [Identifier: Int] = [:]

    public init(id: Identifier, description: String? = nil, categories: [Category] = []) throws(ModelError) {
        self.id = id
        self.description = description
        self.categories = []
        self.categories.reserveCapacity(categories.count)
        positions.reserveCapacity(categories.count)
        for category in categories { try add(category) }
    }

    public func category(_ id: Identifier) -> Category? { positions[id].map { categories[$0] } }

    public mutating func add(_ category: Category) throws(ModelError) {
        guard positions[category.id] == nil else { throw .duplicateID(category.id, existing: "category") }
        positions[category.id] = categories.count
        categories.append(category)
    }

    /// Removes a category; ``Document/removeCategoryOrTaxonomy(_:)`` checks nothing uses it.
    mutating func remove(_ id: Identifier) {
        guard let position = positions[id] else { return }
        categories.remove(at: position)
        positions[id] = nil
        for index in position..<categories.count { positions[categories[index].id] = index }
    }

    // Equal taxonomies declare the same categories in the same order; the positions follow.
    public static func == (lhs: Taxonomy, rhs: Taxonomy) -> Bool {
        lhs.id == rhs.id && lhs.description == rhs.description && lhs.categories == rhs.categories
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(description)
        hasher.combine(categories)
    }
}

/// One category of a taxonomy, such as `PER` or `spelling`.
public struct Category: Hashable, Sendable {
    public let id: Identifier
    public var description: String

    public init(id: Identifier, description: String) {
        self.id = id
        self.description = description
    }
}

extension Taxonomy {
    /// The id of the taxonomy that declares error severities.
    public static let severityID: Identifier = "severity"

    /// The taxonomies a new document starts with: one per built-in layer, and severity.
    public static let defaults: [Taxonomy] = [
        make("entity", "Kinds of named entity (OntoNotes-style labels).", [
            ("PER", "Person: a named individual, real or fictional."),
            ("ORG", "Organisation: companies, agencies, institutions, administrations, news agencies."),
            ("GPE", "Geopolitical entity: countries, cities, states, their governments as places."),
            ("LOC", "Location that is not a geopolitical entity: regions, mountains, bodies of water."),
            ("NORP", "Nationality, religious or political group, or the adjective for one."),
            ("FAC", "Facility: buildings, airports, plants, research sites."),
            ("EVENT", "Named event: wars, summits, elections, disasters."),
            ("DATE", "Absolute or relative date or period."),
            ("MISC", "Any other named thing."),
        ]),
        make("quotation", "Kinds of quotation.", [
            ("direct", "Direct speech: the speaker's words, quoted in full."),
            ("partial", "Partial quotation: a fragment of the speaker's words inside reported speech."),
            ("indirect", "Indirect (reported) speech: the speaker's content, not the words."),
            ("scare", "Scare quotes: a term quoted to distance the author from it."),
        ]),
        make("stance", "Polarity of a stance towards its target.", [
            ("favor", "The holder supports or approves of the target."),
            ("against", "The holder opposes or disapproves of the target."),
            ("neutral", "The holder takes no side."),
            ("mixed", "The holder is both for and against in parts."),
        ]),
        make("error", "Kinds of error in the source text.", [
            ("spelling", "A misspelt word."),
            ("spacing", "A missing or extra space."),
            ("punctuation", "Missing, doubled or wrong punctuation."),
            ("quotation-mark", "Wrong, missing or mismatched quotation mark."),
            ("capitalisation", "Wrong upper or lower case."),
            ("grammar", "Wrong verb form, agreement or construction."),
            ("word-choice", "A wrong or unidiomatic word."),
            ("pronoun", "A wrong pronoun or wrong person."),
            ("mistranslation", "A phrase garbled by translation, with the meaning lost or changed."),
            ("fragment", "A broken sentence or fragment."),
            ("redundancy", "A repeated or redundant word or phrase."),
        ]),
        make("severity", "How much an error matters to a reader.", [
            ("minor", "Noticeable, but the meaning is intact."),
            ("major", "Distracting, or the meaning is harder to get."),
            ("critical", "The meaning is lost or changed."),
        ]),
    ]

    private static func make(_ id: String, _ description: String, _ categories: [(String, String)]) -> Taxonomy {
        try! Taxonomy(
            id: Identifier(id), description: description,
            categories: categories.map { Category(id: try! Identifier($0.0), description: $0.1) })
    }
}
