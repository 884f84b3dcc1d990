/// A kind of annotation: the four built-in layers or a custom one named by the user.
///
/// Each layer draws its categories from the taxonomy with the same id as the layer.
public struct Layer: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) throws(ModelError) {
        guard Identifier.isValid(name) else { throw .invalidLayerName(name) }
        self.name = name
    }

    private init(builtIn name: String) { self.name = name }

    /// Named entities: people, organisations, places, groups, dates, events.
    public static let entity = Layer(builtIn: "entity")
    /// Quotations and reported speech, with their speakers.
    public static let quotation = Layer(builtIn: "quotation")
    /// Stances: who is for or against what; the category is the polarity.
    public static let stance = Layer(builtIn: "stance")
    /// Errors in the source text, each with its correction.
    public static let error = Layer(builtIn: "error")

    /// The built-in layers in their canonical order (see ``LayerDescription/builtIn``).
    public static let builtIn: [Layer] = [.entity, .quotation, .stance, .error]

    public var isBuiltIn: Bool { Layer.builtIn.contains(self) }

    /// The taxonomy that declares this layer's categories.
    public var taxonomyID: Identifier { try! Identifier(name) }

    /// The prefix of generated annotation ids (`ent1`, `quo1`, `sta1`, `err1`, …).
    public var idPrefix: String { details.idPrefix }

    /// Built-in layers in their fixed order, then custom layers by name.
    public static func < (lhs: Layer, rhs: Layer) -> Bool {
        let l = builtIn.firstIndex(of: lhs) ?? builtIn.count
        let r = builtIn.firstIndex(of: rhs) ?? builtIn.count
        return l != r ? l < r : lhs.name < rhs.name
    }

    public var description: String { name }
}

/// How strongly a stance holder is for or against its target; the stance layer's categories.
public enum Polarity: String, CaseIterable, Sendable {
    case favor, against, neutral, mixed
}

/// How much an error in the source text matters: a category of the `severity` taxonomy, which
/// declares `minor`, `major` and `critical` by default and may be extended
/// (`standoff taxonomy add FILE severity cosmetic`).
public struct ErrorSeverity: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Any valid id; whether the document declares it, `Document.add` checks.
    public init?(rawValue: String) {
        guard (try? Identifier(rawValue)) != nil else { return nil }
        self.rawValue = rawValue
    }

    public init(_ category: Identifier) { rawValue = category.rawValue }

    public static let minor = ErrorSeverity(rawValue: "minor")!
    public static let major = ErrorSeverity(rawValue: "major")!
    public static let critical = ErrorSeverity(rawValue: "critical")!
    /// The severities of the default `severity` taxonomy.
    public static let defaults: [ErrorSeverity] = [.minor, .major, .critical]

    public var description: String { rawValue }
}

/// How sure the annotator is, as TEI's `@cert` says it.
public enum Certainty: String, CaseIterable, Sendable {
    case high, medium, low, unknown
}

/// Whether a person or a program made an annotation, or a merge of several people's work.
public enum AnnotationMethod: String, CaseIterable, Sendable {
    case manual, automatic
    /// Taken by `standoff merge` from several annotators who made the same reading.
    case merged
}
