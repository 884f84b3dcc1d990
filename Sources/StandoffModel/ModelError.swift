/// Why the model refused a value or an edit. Each case says what was expected, what was found,
/// and (in ``hint``) what to do.
public enum ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidRange(start: Int, end: Int)
    case malformedRange(String)
    case emptyRange(TextRange)
    case rangeOutOfBounds(TextRange, textLength: Int)
    case rangeEdgeOnParagraphBreak(TextRange)
    case overlappingRanges(TextRange, TextRange)
    case offsetOutOfBounds(Int, unit: String, limit: Int)
    case offsetInsideCharacter(Int, unit: String)
    case newlineInParagraph(index: Int)
    case invalidIdentifier(String)
    case invalidLayerName(String)
    case invalidLinkRole(String)
    case duplicateID(Identifier, existing: String)
    /// A new document's id that its own declarations (a paragraph, a taxonomy, a category) take.
    case documentIDInUse(Identifier, by: String)
    case undeclaredCategory(Identifier, taxonomy: Identifier, declared: [Identifier])
    case undeclaredTaxonomy(Identifier)
    case unresolvedLink(role: String, target: Identifier)
    case unknownAnnotator(Identifier)
    case annotationNotFound(Identifier)
    case emptyName(Identifier)
    case invalidWikidataID(String)
    case textNotFound(String)
    case ambiguousText(String, occurrences: [TextRange])
    case occurrenceOutOfRange(String, requested: Int, found: Int)
    case contextNotFound(String)
    case ambiguousContext(String, occurrences: [TextRange])
    case textNotInContext(String, context: String)
    case stillReferenced(Identifier, by: [Identifier])
    case misdirectedLink(MisdirectedLink)
    case entryNotFound(Identifier)
    case duplicateAlias(String, entry: Identifier)
    case textInOtherNormalization(String)
    case categoryNotFound(Identifier)

    public var description: String {
        switch self {
        case let .invalidRange(start, end): "invalid range \(start):\(end): the end must not come before the start, and neither may be negative"
        case let .malformedRange(text): "malformed range '\(text)': expected START:END in code points, such as 10:25"
        case let .emptyRange(range): "empty range \(range): an annotation must cover at least one character"
        case let .rangeOutOfBounds(range, length): "range \(range) lies outside the text, which has \(length) code points"
        case let .rangeEdgeOnParagraphBreak(range): "range \(range) begins or ends on a paragraph break (a newline)"
        case let .overlappingRanges(a, b): "ranges \(a) and \(b) of one annotation overlap"
        case let .offsetOutOfBounds(offset, unit, limit): "\(unit) offset \(offset) is outside the text (0…\(limit))"
        case let .offsetInsideCharacter(offset, unit): "\(unit) offset \(offset) falls inside a character"
        case let .newlineInParagraph(index): "paragraph \(index + 1) contains a newline"
        case let .invalidIdentifier(text): "invalid id '\(text)': an id starts with a letter or '_' and goes on with letters, digits, '-', '_' or '.'"
        case let .invalidLayerName(text): "invalid layer name '\(text)': use letters, digits, '-', '_' or '.', starting with a letter"
        case let .invalidLinkRole(text): "invalid link role '\(text)'"
        case let .duplicateID(id, existing): "id '\(id)' is already used by \(Article.with(existing))"
        case let .documentIDInUse(id, by): "the document id '\(id)' is also the id of \(by) in a new document"
        case let .undeclaredCategory(category, taxonomy, declared):
            "category '\(category)' is not declared in taxonomy '\(taxonomy)' (declared: \(declared.map(\.rawValue).joined(separator: ", ")))"
        case let .undeclaredTaxonomy(id): "no taxonomy '\(id)' is declared"
        case let .unresolvedLink(role, target): "\(role) link points at '\(target)', which is not declared in this document"
        case let .unknownAnnotator(id): "annotator '\(id)' is not declared"
        case let .annotationNotFound(id): "no annotation has id '\(id)'"
        case let .emptyName(id): "register entry '\(id)' has an empty name or alias"
        case let .invalidWikidataID(text): "'\(text)' is not a Wikidata item id"
        case let .textNotFound(text): "the text does not contain \"\(text)\""
        case let .ambiguousText(text, occurrences):
            "\"\(text)\" occurs \(occurrences.count) times (at \(occurrences.prefix(5).map(\.description).joined(separator: ", "))\(occurrences.count > 5 ? ", …" : ""))"
        case let .occurrenceOutOfRange(text, requested, found): "occurrence \(requested) of \"\(text)\" requested, but it occurs \(found) time\(found == 1 ? "" : "s")"
        case let .stillReferenced(id, by):
            "'\(id)' is still used by \(by.count) annotation\(by.count == 1 ? "" : "s"): \(by.prefix(10).map(\.rawValue).joined(separator: ", "))\(by.count > 10 ? ", …" : "")"
        case let .misdirectedLink(link): link.description
        case let .entryNotFound(id): "no register entry has id '\(id)'"
        case let .textInOtherNormalization(text):
            "the text does not contain \"\(text)\" with these code points, but contains it in another Unicode normalisation form (composed vs decomposed accents)"
        case let .duplicateAlias(alias, entry): "register entry '\(entry)' gives \"\(alias)\" twice (as its name or an alias)"
        case let .categoryNotFound(id): "no category or taxonomy has id '\(id)'"
        case let .contextNotFound(context): "the context \"\(context)\" does not occur in the text"
        case let .ambiguousContext(context, occurrences): "the context \"\(context)\" occurs \(occurrences.count) times"
        case let .textNotInContext(text, context): "\"\(text)\" does not occur inside the context \"\(context)\""
        }
    }

    /// What the user can do about it.
    public var hint: String {
        switch self {
        case .invalidRange, .malformedRange, .emptyRange: "give START:END with START < END, counted in code points from 0"
        case .rangeOutOfBounds: "check the offsets against the text; `standoff show` prints it"
        case .rangeEdgeOnParagraphBreak: "start and end the span on text, not on the newline between paragraphs"
        case .overlappingRanges: "merge the overlapping ranges into one"
        case .offsetOutOfBounds, .offsetInsideCharacter: "use an offset on a character boundary within the text"
        case .newlineInParagraph: "split the paragraph at the newline"
        case .invalidIdentifier, .invalidLayerName, .invalidLinkRole: "choose a name such as kim-jong-un or ent12"
        case .duplicateID: "choose another id: ids are unique in the whole file"
        case .documentIDInUse: "choose another document id with --id (or rename the file it is made from)"
        case .undeclaredCategory: "use a declared category, or declare it with `standoff taxonomy add`"
        case .undeclaredTaxonomy: "declare it with `standoff taxonomy add`"
        case .unresolvedLink: "declare it first with `standoff register add`, or check the spelling"
        case .unknownAnnotator: "declare the annotator, or leave --annotator out"
        case .annotationNotFound: "list the ids with `standoff list`"
        case .emptyName: "give the entry a name"
        case .invalidWikidataID: "a Wikidata item id is Q followed by a number without leading zeros, such as Q22686"
        case .textNotFound: "quote the text exactly as it stands, with the same quotation marks and dashes"
        case .ambiguousText: "pick one with --occurrence N (counting from 1), or annotate every one with --all"
        case .occurrenceOutOfRange: "choose an occurrence between 1 and the count found"
        case .stillReferenced: "remove or change the annotations that link to it first"
        case let .misdirectedLink(link): link.hint
        case .entryNotFound: "`standoff register list FILE` lists the entries"
        case .duplicateAlias: "give each name once"
        case .textInOtherNormalization: "offsets count code points, so Standoff matches them exactly: copy the span from the text itself (`standoff show`), or use --range"
        case .categoryNotFound: "the taxonomies and their categories are declared in the file's <classDecl>"
        case .contextNotFound: "quote the context exactly as it stands in the text"
        case .ambiguousContext: "lengthen the context until it occurs only once"
        case .textNotInContext: "choose a context that contains the text to annotate"
        }
    }
}
