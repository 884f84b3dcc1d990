/// What an annotation can hold, one case a field: the list every interchange format decides on,
/// field by field (carried, or counted when dropped). A property added to ``Annotation`` needs a
/// case here; every format's table then fails to compile until it says what it does with it.
///
/// The snapshot is not a field: it is the text at the ranges, which every import takes again
/// from the text.
public enum AnnotationField: String, CaseIterable, Sendable, Comparable {
    case ranges, discontinuity, layer, category
    case ref, speaker, holder, target, otherLinks
    case features, notes, correction, severity, cue
    case annotator, certainty, method, time
    case coAnnotators, curation

    /// Whether `annotation` holds something in this field (a loss is counted only for what was there).
    public func isSet(in annotation: Annotation) -> Bool {
        switch self {
        case .ranges, .layer: true
        case .discontinuity: annotation.ranges.count > 1
        case .category: annotation.category != nil
        case .ref: annotation.hasLink(.ref)
        case .speaker: annotation.hasLink(.speaker)
        case .holder: annotation.hasLink(.holder)
        case .target: annotation.hasLink(.target)
        case .otherLinks: annotation.links.contains { !LinkRole.builtIn.contains($0.role) }
        case .features: !annotation.features.isEmpty
        case .notes: !annotation.notes.isEmpty
        case .correction: annotation.correction != nil
        case .severity: annotation.severity != nil
        case .cue: !annotation.cue.isEmpty
        case .annotator: annotation.provenance.annotator != nil
        case .certainty: annotation.provenance.certainty != nil
        case .method: annotation.provenance.method != nil
        case .time: annotation.provenance.time != nil
        case .coAnnotators: annotation.provenance.annotators.count > 1
        case .curation: !annotation.history.isEmpty
        }
    }

    /// The field in a few words, as losses and docs/FORMATS.md name it.
    public var noun: String {
        switch self {
        case .ranges: "ranges"
        case .discontinuity: "discontinuous ranges"
        case .layer: "layer"
        case .category: "category"
        case .ref: "register links (ref)"
        case .speaker: "speakers"
        case .holder: "stance holders"
        case .target: "stance targets"
        case .otherLinks: "links of other roles"
        case .features: "features"
        case .notes: "notes"
        case .correction: "corrections"
        case .severity: "severities"
        case .cue: "quotation cues"
        case .annotator: "annotator"
        case .certainty: "certainty"
        case .method: "method"
        case .time: "time"
        case .coAnnotators: "co-annotators"
        case .curation: "curation history"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// What a register entry holds besides its id, the list formats decide on as for ``AnnotationField``.
/// `entry` is the entry as such (its id, which links point at).
public enum RegisterEntryField: String, CaseIterable, Sendable, Comparable {
    case entry, kind, name, aliases, wikidata

    public func isSet(in entry: RegisterEntry) -> Bool {
        switch self {
        case .entry, .kind, .name: true
        case .aliases: !entry.aliases.isEmpty
        case .wikidata: entry.wikidata != nil
        }
    }

    public var noun: String {
        switch self {
        case .entry: "register entries"
        case .kind: "register entries' kinds"
        case .name: "register entries' names"
        case .aliases: "register entries' aliases"
        case .wikidata: "register entries' Wikidata ids"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// What the taxonomies hold beyond the categories annotations use.
public enum TaxonomyField: String, CaseIterable, Sendable, Comparable {
    /// A category no annotation uses: only its declaration says it exists.
    case unusedCategory
    case categoryDescription
    case taxonomyDescription

    public var noun: String {
        switch self {
        case .unusedCategory: "categories no annotation uses"
        case .categoryDescription: "category descriptions"
        case .taxonomyDescription: "taxonomy descriptions"
        }
    }

    /// How many there are in `document` beyond the default taxonomies (counted over every
    /// taxonomy): every document is made with the defaults, so an import gives them back.
    public func count(in document: Document) -> Int {
        count(in: document, used: self == .unusedCategory ? Self.usedCategories(document.annotations) : [])
    }

    /// The categories (and severities) that `annotations` use.
    public static func usedCategories(_ annotations: some Sequence<Annotation>) -> Set<Identifier> {
        var used = Set<Identifier>()
        for annotation in annotations { noteCategories(of: annotation, in: &used) }
        return used
    }

    /// Adds the category and severity of `annotation` to `used` (counting as annotations stream by).
    public static func noteCategories(of annotation: Annotation, in used: inout Set<Identifier>) {
        if let category = annotation.category { used.insert(category) }
        if let severity = annotation.severity { used.insert(Identifier(stringLiteral: severity.rawValue)) }
    }

    /// As ``count(in:)``, with the categories the document's annotations use given (`document`
    /// then need not hold its annotations: a streamed export passes its declarations).
    public func count(in document: Document, used: Set<Identifier>) -> Int {
        func isDefault(_ category: Category, in taxonomy: Taxonomy) -> Bool {
            Taxonomy.defaults.first { $0.id == taxonomy.id }?.category(category.id)?.description == category.description
        }
        switch self {
        case .unusedCategory:
            return document.taxonomies.reduce(0) { sum, taxonomy in
                sum + taxonomy.categories.filter { !used.contains($0.id) && !isDefault($0, in: taxonomy) }.count
            }
        case .categoryDescription:
            return document.taxonomies.reduce(0) { sum, taxonomy in
                sum + taxonomy.categories.filter { !$0.description.isEmpty && !isDefault($0, in: taxonomy) }.count
            }
        case .taxonomyDescription:
            return document.taxonomies.filter { taxonomy in
                !(taxonomy.description ?? "").isEmpty && Taxonomy.defaults.first { $0.id == taxonomy.id }?.description != taxonomy.description
            }.count
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// What a document holds besides its text, annotations, registers and taxonomies; the last four
/// are what Standoff keeps from a TEI file without reading it.
public enum DocumentField: String, CaseIterable, Sendable, Comparable {
    case title, language, annotatorNames
    case revisions, keptMarkup, keptAttributes, paragraphGroupings

    /// How many there are in `document`.
    public func count(in document: Document) -> Int {
        switch self {
        case .title: document.title.isEmpty ? 0 : 1
        // An import that finds no language gives the default, English.
        case .language: document.language.isEmpty || document.language == "en" ? 0 : 1
        case .annotatorNames: document.annotators.count
        case .revisions: document.revisions.count
        case .keptMarkup: document.preserved.nodes.filter { $0.anchor != PreservedContent.outsideRoot }.count
        case .keptAttributes: document.preserved.attributes.values.reduce(0) { $0 + $1.count }
        case .paragraphGroupings: document.preserved.paragraphContainers.filter { $0.opening != nil }.count
        }
    }

    public var noun: String {
        switch self {
        case .title: "document titles"
        case .language: "document languages"
        case .annotatorNames: "annotators' names and roles"
        case .revisions: "revision history entries"
        case .keptMarkup: "pieces of markup Standoff keeps without reading (elements, comments)"
        case .keptAttributes: "attributes Standoff keeps without reading"
        case .paragraphGroupings: "groupings of paragraphs (<div>)"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

extension LinkRole {
    /// The roles of the built-in layers, each a field of its own in ``AnnotationField``.
    public static let builtIn: Set<LinkRole> = [.ref, .speaker, .holder, .target]
}
