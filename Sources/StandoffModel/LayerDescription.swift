/// What each built-in layer is, described once: the TEI writer, the validation rules, `show` and
/// the command line's help all read this table.
public struct LayerDescription: Sendable {
    /// A field of an annotation beyond its category and links, as the command line names it.
    public struct Field: Sendable {
        public let name: String
        /// What a value looks like, for help (`TEXT`, `minor|major|critical`).
        public let placeholder: String
    }

    /// A link an annotation of the layer may carry, and what it may point at.
    public struct LinkRule: Sendable {
        public let role: LinkRole
        /// What a value looks like, for help (`ENTRY`, `ENTRY|unknown`).
        public let placeholder: String
        /// The register entry kinds it may point at.
        var entryKinds: [EntryKind] = EntryKind.allCases
        /// Narrower kinds for some categories (a PER mention links to a person); where this is
        /// given, an annotation without a category is not judged.
        var entryKindsByCategory: [String: [EntryKind]] = [:]
        /// Whether it may also point at a category or an annotation (a stance's target).
        var alsoCategoriesAndAnnotations = false

        /// What a link of this role from an annotation of `category` may point at; `nil` when
        /// that depends on a category the annotation does not have.
        public func expectation(forCategory category: Identifier?) -> LinkExpectation? {
            guard !entryKindsByCategory.isEmpty else {
                return LinkExpectation(entryKinds: entryKinds, alsoCategoriesAndAnnotations: alsoCategoriesAndAnnotations)
            }
            guard let category else { return nil }
            return LinkExpectation(entryKinds: entryKindsByCategory[category.rawValue] ?? entryKinds,
                                   alsoCategoriesAndAnnotations: alsoCategoriesAndAnnotations)
        }
    }

    /// A colour for showing spans in a terminal; custom layers share ``Colour/yellow``.
    public enum Colour: Sendable {
        case cyan, green, magenta, redUnderlined, yellow
    }

    public let layer: Layer
    /// What the layer marks, in one sentence.
    public let summary: String
    /// The prefix of generated annotation ids (`ent1`, `quo1`, …).
    public let idPrefix: String
    /// The W3C Web Annotation motivation of an annotation of this layer, as TEI's `@motivation`.
    public let motivation: String
    public let colour: Colour
    /// What the category is called (a stance's category is its polarity).
    public let categoryName: String
    /// The links its annotations may carry.
    public let links: [LinkRule]
    /// Fields of its own.
    public let fields: [Field]

    /// The taxonomy a new document declares for the layer's categories.
    public var defaultTaxonomy: Taxonomy? { Taxonomy.defaults.first { $0.id == layer.taxonomyID } }

    /// The four built-in layers, in their canonical order.
    public static let builtIn: [LayerDescription] = [
        LayerDescription(
            layer: .entity, summary: "Named entities: people, organisations, places, groups, dates, events.",
            idPrefix: "ent", motivation: "identifying", colour: .cyan, categoryName: "category",
            links: [LinkRule(role: .ref, placeholder: "ENTRY", entryKindsByCategory: [
                "PER": [.person], "ORG": [.organisation], "GPE": [.place], "LOC": [.place], "FAC": [.place], "NORP": [.place, .organisation],
            ])],
            fields: []),
        LayerDescription(
            layer: .quotation, summary: "Quotations and reported speech, with their speakers.",
            idPrefix: "quo", motivation: "describing", colour: .green, categoryName: "category",
            links: [LinkRule(role: .speaker, placeholder: "ENTRY|unknown", entryKinds: [.person, .organisation])],
            fields: [Field(name: "cue", placeholder: "TEXT")]),
        LayerDescription(
            layer: .stance, summary: "Stances: who is for or against what; the category is the polarity.",
            idPrefix: "sta", motivation: "assessing", colour: .magenta, categoryName: "polarity",
            links: [LinkRule(role: .holder, placeholder: "ENTRY"),
                    LinkRule(role: .target, placeholder: "ID", alsoCategoriesAndAnnotations: true)],
            fields: []),
        LayerDescription(
            layer: .error, summary: "Errors in the source text, each with its correction.",
            idPrefix: "err", motivation: "editing", colour: .redUnderlined, categoryName: "category",
            links: [],
            fields: [Field(name: "correction", placeholder: "TEXT"),
                     Field(name: "severity", placeholder: ErrorSeverity.defaults.map(\.rawValue).joined(separator: "|"))]),
    ]

    /// A custom layer: categories from its own taxonomy, any links.
    static func custom(_ layer: Layer) -> LayerDescription {
        LayerDescription(layer: layer, summary: "A layer of your own, with categories you declare.", idPrefix: layer.name,
                         motivation: "tagging", colour: .yellow, categoryName: "category", links: [], fields: [])
    }

    /// The rule for links of `role`, if the layer says what they may point at.
    public func link(_ role: LinkRole) -> LinkRule? { links.first { $0.role == role } }
}

/// What a link may point at: register entries of some kinds, and perhaps categories and
/// annotations. One answer for `validate` and for the commands that add links.
public struct LinkExpectation: Sendable, CustomStringConvertible {
    public let entryKinds: [EntryKind]
    public let alsoCategoriesAndAnnotations: Bool

    public func allows(_ kind: DeclaredKind) -> Bool {
        switch kind {
        case .entry(let entryKind): entryKinds.contains(entryKind)
        case .category, .annotation: alsoCategoriesAndAnnotations
        default: false
        }
    }

    /// `a person register entry or an organisation register entry`, as messages say it.
    public var description: String {
        if alsoCategoriesAndAnnotations { return "a register entry, a category or an annotation" }
        return entryKinds.map { Article.with("\($0.rawValue) register entry") }.joined(separator: " or ")
    }
}

extension Layer {
    /// What this layer is: its entry in ``LayerDescription/builtIn``, or a custom layer's.
    public var details: LayerDescription {
        LayerDescription.builtIn.first { $0.layer == self } ?? .custom(self)
    }
}

/// A link that points at the wrong kind of thing for its annotation, as the layer's
/// ``LayerDescription`` says (a PER mention's `ref` at an organisation, a stance's `holder` at an
/// annotation). `validate` reports these (SO302) and `Document.add` refuses them: one check.
public struct MisdirectedLink: Hashable, Sendable, CustomStringConvertible {
    public let annotation: Identifier
    public let layer: Layer
    public let category: Identifier?
    public let role: LinkRole
    public let target: Identifier
    /// What the target is.
    public let found: DeclaredKind
    /// What the link may point at, as messages say it.
    public let expected: String

    public var description: String {
        "\(layer) annotation '\(annotation)'\(category.map { " (\($0))" } ?? ""): \(role) link points at '\(target)', \(Article.with(found.description)), but expected \(expected)"
    }

    public var hint: String { "link to \(expected), or change the category" }
}

extension Document {
    /// The links of `annotation` that point at a declared id of the wrong kind.
    public func misdirectedLinks(of annotation: Annotation) -> [MisdirectedLink] {
        var found: [MisdirectedLink] = []
        for link in annotation.links {
            guard case .id(let target) = link.target, let kind = kind(of: target),
                  let expected = annotation.layer.details.link(link.role)?.expectation(forCategory: annotation.category),
                  !expected.allows(kind) else { continue }
            found.append(MisdirectedLink(annotation: annotation.id, layer: annotation.layer, category: annotation.category, role: link.role,
                                         target: target, found: kind, expected: expected.description))
        }
        return found
    }
}

/// `a` or `an` before a word, as English says it.
enum Article {
    static func with(_ phrase: String) -> String {
        guard let first = phrase.first?.lowercased() else { return phrase }
        return ("aeiou".contains(first) ? "an " : "a ") + phrase
    }
}
