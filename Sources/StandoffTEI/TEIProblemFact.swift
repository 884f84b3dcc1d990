import StandoffModel
import StandoffXML

extension TEIProblem {
    /// What the reader found, as data: which names, values and counts are involved, without
    /// words. The validation rule that claims the fact's ``code`` words it (message and hint in
    /// the rule's own file), so a rule's findings read the same wherever they are reported.
    public enum Fact: Hashable, Sendable {
        // MARK: The file is not XML (xml-syntax)

        /// libxml2 could not read the file as XML; `message` is the parser's, made readable.
        case notWellFormed(message: String, kind: XMLFailureKind)

        // MARK: Structure (not-tei, missing-text, unsupported-markup, newline-in-paragraph, missing-attribute)

        /// The root element is `element` (in `namespace`, or in none), not TEI's `<TEI>`.
        case notTEIRoot(element: String, namespace: String?, inTEINamespace: Bool)
        /// No `<text><body><p>` holds the annotated text.
        case missingText
        /// An element inside an element whose content Standoff reads as plain text.
        case markupInText(element: String, parent: String)
        /// An element where Standoff reads a fixed structure.
        case unsupportedElement(element: String, parent: String)
        /// Text directly in `parent`, outside any `<p>`.
        case textOutsideParagraph(parent: String)
        /// A paragraph of the text holds a line break.
        case lineBreakInParagraph(paragraph: Identifier)
        /// A `<ptr>` or `<ref>` (named `element`) without the `@type` naming its role.
        case linkWithoutRole(element: String, target: String?, annotation: String?)
        /// A `<note>` in an annotation without the `@type` saying what it holds.
        case noteWithoutType(annotation: String?)
        /// A `<respStmt>` inside an annotation (TEI allows it; Standoff names the annotator with `@resp`).
        case respStmtInAnnotation(annotation: String?)
        /// A `<listAnnotation>` without `@type`; its `unread` annotations are not read.
        case layerWithoutType(unread: Int)
        /// An annotation without `@target`.
        case annotationWithoutTarget(annotation: Identifier)
        /// An element without the `xml:id` it needs.
        case elementWithoutID(IdentifiedElement)
        /// The `number`th paragraph (from 1) has no `xml:id`.
        case paragraphWithoutID(number: Int)

        // MARK: Names TEI does not define (unknown-tei-name)

        /// An element of the TEI namespace that TEI does not define, kept unread with the
        /// `annotationsInside` annotations it holds.
        case unknownElement(name: String, parent: String, suggestion: String?, annotationsInside: Int)
        /// An attribute without a namespace that TEI does not define, kept unread.
        case unknownAttribute(name: String, element: String, annotation: String?, onAnnotation: Bool, suggestion: String?)

        // MARK: Pointers (missing-paragraph, malformed-range, malformed-pointer, empty-range, range-out-of-bounds)

        /// `pointer` names `paragraph`, which does not exist (the text has `paragraphCount`).
        case missingParagraph(Pointer, paragraph: String, paragraphCount: Int)
        /// `pointer` is not a `#string-range(PARAGRAPH,OFFSET,LENGTH)` pointer.
        case notStringRange(Pointer)
        /// A `<ptr>` whose target is not `#ID`.
        case linkNotPointer(annotation: Identifier, role: String, target: String)
        /// An `@resp` that is not `#ID`.
        case respNotPointer(annotation: Identifier, value: String)
        /// A range of length 0 or less.
        case emptyRange(Pointer, length: Int)
        /// An offset or length too large to be one (it would overflow).
        case numberTooLarge(Pointer)
        /// A negative offset.
        case negativeOffset(Pointer)
        /// A range reaching past the end of its paragraph, which has `length` code points.
        case pastParagraphEnd(Pointer, paragraph: String, length: Int)

        // MARK: Ids and values (invalid-id, invalid-value, duplicate-id)

        /// A `<listAnnotation>` whose `@type` is not a layer name; its `unread` annotations are not read.
        case invalidLayerName(type: String, unread: Int)
        /// An annotation in a list without a valid layer (guards annotations made any other way).
        case annotationWithoutLayer(annotation: Identifier)
        /// An element's `xml:id` that is not a valid id.
        case invalidElementID(IdentifiedElement, raw: String)
        /// The `number`th paragraph's `xml:id` is not a valid id.
        case invalidParagraphID(raw: String, number: Int)
        /// An `@cert` that is not high, medium, low or unknown.
        case invalidCertainty(annotation: Identifier, value: String)
        /// A `<change status>` in an annotation that is not a curation status.
        case invalidCurationStatus(annotation: Identifier, value: String)
        /// An annotation with two categories in `@ana`.
        case twoCategories(annotation: Identifier, first: String, second: String)
        /// Two paragraphs with one id.
        case paragraphsShareID
        /// An xml:id that two elements have, one of them kept without reading: `here` (where it is
        /// reported, the later) and `earlier` (at `earlierLine`), each described ("<note>",
        /// "annotation 'ent1'").
        case idUsedTwice(id: String, here: String, earlier: String, earlierLine: Int)

        // MARK: Links and categories (dangling-reference, undeclared-category)

        /// An `@ana` pointer to nothing declared.
        case categoryPointsAtNothing(annotation: Identifier, token: String)
        /// A link to an id that is not declared.
        case linkToUndeclared(annotation: Identifier, role: LinkRole, target: Identifier)
        /// An `@ana` pointer to something declared that is not a category of `layer`'s taxonomy.
        case undeclaredCategory(annotation: Identifier, token: String, layer: Layer)

        // MARK: What the model refuses

        /// The model refused what was read for `subject`: its error says why; the code
        /// follows the error.
        case refused(ModelError, subject: Subject)

        // MARK: Schemas (schema, tei-all)

        /// A finding of a RELAX NG schema, in libxml2's words made readable, with the hint for
        /// its error code; `code` is `.schema` for Standoff's schema, `.teiAll` for a full TEI one.
        case schemaMismatch(code: Code, message: String, hint: String)

        /// Which kind of problem the fact is, and so which rule reports it.
        public var code: Code {
            switch self {
            case .notWellFormed: .xmlSyntax
            case .notTEIRoot: .notTEI
            case .missingText: .missingText
            case .markupInText, .unsupportedElement, .textOutsideParagraph: .unsupportedMarkup
            case .lineBreakInParagraph: .newlineInParagraph
            case .linkWithoutRole, .noteWithoutType, .respStmtInAnnotation, .layerWithoutType, .annotationWithoutTarget, .elementWithoutID, .paragraphWithoutID: .missingAttribute
            case .unknownElement, .unknownAttribute: .unknownTEIName
            case .missingParagraph: .missingParagraph
            case .notStringRange: .malformedRange
            case .linkNotPointer, .respNotPointer: .malformedPointer
            case .emptyRange: .emptyRange
            case .numberTooLarge, .negativeOffset, .pastParagraphEnd: .rangeOutOfBounds
            case .invalidLayerName, .annotationWithoutLayer, .invalidElementID, .invalidParagraphID: .invalidID
            case .invalidCertainty, .invalidCurationStatus, .twoCategories: .invalidValue
            case .paragraphsShareID, .idUsedTwice: .duplicateID
            case .categoryPointsAtNothing, .linkToUndeclared: .danglingReference
            case .undeclaredCategory: .undeclaredCategory
            case .refused(let error, _): TEIProblem.code(for: error)
            case .schemaMismatch(let code, _, _): code
            }
        }
    
    }

    /// A `#string-range()` pointer of an annotation's `@target`, or of its cue.
    public struct Pointer: Hashable, Sendable {
        public var annotation: Identifier
        public var token: String
        /// Whether the pointer marks the quotation's cue rather than the annotation's text.
        public var inCue: Bool

        public init(annotation: Identifier, token: String, inCue: Bool = false) {
            self.annotation = annotation
            self.token = token
            self.inCue = inCue
        }
    }

    /// An element that needs an `xml:id` (paragraphs have facts of their own, which say which).
    public enum IdentifiedElement: Hashable, Sendable {
        case annotation, taxonomy, category, annotator, registerEntry
    }

    /// What the model refused to take while the reader built the document.
    public enum Subject: Hashable, Sendable {
        case document
        case taxonomy(Identifier)
        case category(Identifier)
        case annotator(Identifier)
        case registerEntry(Identifier)
        case annotation(Identifier)
    }
}
