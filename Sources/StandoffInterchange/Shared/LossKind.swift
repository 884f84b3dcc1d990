import StandoffModel

/// A kind of loss or repair, worded once: every count in ``Losses`` is under one of these. A kind
/// is a plural noun phrase ("quotation cues dropped"), so that `1 quotation cue dropped` and
/// `3 quotation cues dropped` both read well.
///
/// A struct with static members rather than an enum, so that kinds that name what the file holds
/// (a layer, an XML element, a UIMA type) are made by the static functions below, still worded here.
public struct LossKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let wording: String
    private init(_ wording: String) { self.wording = wording }
    public var description: String { wording }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.wording < rhs.wording }

    // MARK: Fields a format has no place for (the exporters' tables, FieldTable.swift)

    public static func dropped(_ field: AnnotationField) -> LossKind { LossKind("annotations' \(field.noun) dropped") }
    public static func dropped(_ field: RegisterEntryField) -> LossKind { LossKind("\(field.noun) dropped") }
    public static func dropped(_ field: TaxonomyField) -> LossKind { LossKind("\(field.noun) dropped") }
    public static func dropped(_ field: DocumentField) -> LossKind { LossKind("\(field.noun) dropped") }

    // MARK: Export: what a format holds only in part

    public static let crlfWrittenAsLF = LossKind("\\r\\n line breaks written as \\n, as brat reads the text")
    public static let unlinkedEntries = LossKind("register entries no annotation links to dropped")
    public static let entryNamesOfRolesOnly = LossKind("register names dropped (entries linked only as speaker, holder or target)")
    public static let discontinuousAsChunks = LossKind("discontinuous spans split into one chunk a range")
    public static let spansWithoutToken = LossKind("spans without a token (white space only) dropped")
    public static func overlappingSpans(_ layer: Layer) -> LossKind { LossKind("nested or overlapping \(layer) spans dropped") }
    public static let widenedToTokens = LossKind("spans not on token boundaries widened to whole tokens")
    public static let widenedToWords = LossKind("spans not on word boundaries widened to whole words")
    public static let otherLayers = LossKind("annotations of other layers left out (one layer a file)")
    public static let quotationsAsStructure = LossKind("quotations dropped (FoLiA quotes are structure, not spans over words)")
    public static let customLayers = LossKind("annotations of custom layers dropped")
    public static let acrossParagraphs = LossKind("spans across a paragraph break dropped")
    public static let unknownSpeakers = LossKind("quotation speakers recorded as unknown dropped")
    public static let linksWithoutAttribute = LossKind("links inline markup cannot give back (a role the element has no attribute for, a stance's second holder, a link to an annotation) dropped")
    public static let spansEdgedWithWhiteSpace = LossKind("spans beginning or ending with white space, which inline markup readers leave outside the element (read back without it)")

    // MARK: Import: what the file holds that Standoff does not read

    public static let bratLinesOfNoKind = LossKind("lines of no kind brat has left out")
    public static let normalisationTexts = LossKind("normalisation texts other than the first (the entry's name) left out")
    public static let entriesNamedByID = LossKind("register entries named only by id (their names were not in the file)")
    public static let relationsWithAttributes = LossKind("relations with attributes or notes, kept as a note of their first argument (a link holds neither)")
    public static let relationsToCues = LossKind("relations to a quotation's cue span left out")
    public static let entriesNamedByIRI = LossKind("register entries named only by an IRI")
    public static let bodiesOfUnknownPurpose = LossKind("bodies of unknown purpose left out")
    public static let unknownMethods = LossKind("standoff:method values other than manual and automatic left out")
    public static let unknownCertainties = LossKind("standoff:certainty values other than high, medium, low and unknown left out")
    public static func otherViews(_ view: String) -> LossKind { LossKind("annotations of other views (\(view)) left out") }
    public static func casMetadata(_ type: String) -> LossKind { LossKind("CAS metadata (\(type)) left out") }
    public static func structuresWithoutSpan(_ type: String) -> LossKind { LossKind("feature structures without a span (\(type)) left out") }
    public static func emptySpans(_ type: String) -> LossKind { LossKind("empty spans (\(type)) left out") }
    public static let xmiEntriesNamedByID = LossKind("register entries named only by id (XMI keeps no names)")
    public static func prodigyAnswers(_ answer: String) -> LossKind { LossKind("Prodigy examples answered \(answer) left out") }
    public static func unreadField(_ field: String) -> LossKind { LossKind("lines with a \"\(field)\" field, not read") }
    public static let entriesWithoutID = LossKind("register entries without a usable xml:id")
    public static let headerCategoriesWithoutID = LossKind("header categories without usable ids")
    public static let abbreviations = LossKind("abbreviations (<choice> of <abbr> and <expan>) read as the abbreviation")
    public static func readAsText(_ element: String) -> LossKind { LossKind("<\(element)> elements read as text only") }
    public static func otherVocabulary(_ element: String) -> LossKind { LossKind("<\(element)> (another vocabulary)") }
    public static func apartFromText(_ element: String) -> LossKind { LossKind("<\(element)> elements (not the running text)") }
    public static let undeclaredPointers = LossKind("pointers to ids the file does not declare")
    public static let outsidePointers = LossKind("pointers to other documents or URIs")
    public static let keysNotIDs = LossKind("@key values that are not ids")
    public static let segsWithoutLayer = LossKind("<seg> elements without a layer (@type) or category (@ana)")
    public static let emptyElements = LossKind("empty elements left out")
}

/// A kind of repair: what a conversion changed and said so, worded once, as ``LossKind``.
public struct RepairKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let wording: String
    private init(_ wording: String) { self.wording = wording }
    public var description: String { wording }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.wording < rhs.wording }

    // MARK: Export
    public static let spansAcrossLineBreaks = RepairKind("spans across a line break written as fragments between the breaks, as brat does")
    public static let discontinuousAsExtent = RepairKind("discontinuous spans stored as their extent, with their ranges in a feature")
    public static let hugeSofa = RepairKind("texts over 10,000,000 bytes written as one sofa attribute (XML readers refuse it unless told to accept huge values: lxml's huge_tree)")
    public static let discontinuousAsFragments = RepairKind("discontinuous spans written as fragments joined by @next/@prev")
    public static let splitToNest = RepairKind("spans split into fragments joined by @next/@prev where markup had to nest")

    // MARK: Import
    public static let fragmentsJoined = RepairKind("spans written as fragments around a line break, joined")
    public static let events = RepairKind("events imported as layer event on their trigger's span, their arguments links")
    public static let databaseReferences = RepairKind("database references made register entry ids (- for characters an id cannot hold; the reference kept as a feature)")
    public static let labelsOfOtherLayers = RepairKind("labels another layer already uses, declared as LAYER-LABEL")
    public static let categoriesDeclared = RepairKind("categories declared, as the file uses them")
    public static let extraTags = RepairKind("tags after the first kept as notes")
    public static let tagsMadeIDs = RepairKind("tags made a category id each (- for spaces and other characters an id cannot hold)")
    public static let renumbered = RepairKind("annotation ids taken by others renumbered")
    public static let reanchored = RepairKind("annotations re-anchored by the quote (the position did not hold it)")
    public static let codePointsNotUTF16 = RepairKind("annotations with offsets in code points, not UTF-16 code units, read as code points")
    public static func typeAsLayer(_ type: String, _ layer: Layer) -> RepairKind { RepairKind("annotations of type \(type) imported as layer \(layer)") }
    public static let emptyOriginals = RepairKind("choices and substitutions with an empty original reading, the other reading read as the text")
    public static let entriesForKeys = RepairKind("register entries made for @key values")
    public static let entriesForWikidata = RepairKind("register entries made for Wikidata IRIs")
    public static let fromUTF16 = RepairKind("annotations with offsets in UTF-16 code units, converted to code points")
    public static let fromUTF8 = RepairKind("annotations with offsets in UTF-8 bytes, converted to code points")
    public static let fromCRLFAsLF = RepairKind("annotations with offsets counted on the text with each \\r\\n read as \\n (as brat reads it), converted")
    public static let afterByteOrderMark = RepairKind("annotations with offsets counted after the byte order mark, moved by one")
}
