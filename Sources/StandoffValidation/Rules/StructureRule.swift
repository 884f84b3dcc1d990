import StandoffTEI

/// The file is a Standoff TEI document: a <TEI> root, a header, the text as plain <p> paragraphs with ids, and required attributes.
public struct StructureRule: ReaderProblemRule {
    public init() {}
    public let code = "SO004"
    public let name = "structure"
    public let severity = DiagnosticSeverity.error
    public let summary = "The file is a Standoff TEI document: a <TEI> root, a header, the text as plain <p> paragraphs with ids, and required attributes (among them the @type, the role, of each link)."
    public let readerCodes: Set<TEIProblem.Code> = [.notTEI, .missingText, .unsupportedMarkup, .newlineInParagraph, .missingAttribute]

    public func words(for fact: TEIProblem.Fact) -> FindingWords? {
        switch fact {
        case .notTEIRoot(let element, let namespace, let inTEINamespace):
            let what = inTEINamespace ? "<\(element)>" : "<\(element)> in namespace \(namespace ?? "none")"
            return FindingWords("the root element is \(what), not <TEI> in the TEI namespace",
                                hint: "Standoff reads TEI P5 files (namespace http://www.tei-c.org/ns/1.0); create one with `standoff init`")
        case .missingText:
            return FindingWords("the file has no <text><body><p> with the annotated text",
                                hint: "a Standoff file holds its text as <text><body><p xml:id=\"p1\">…</p></body></text>; create one with `standoff init`")
        case .markupInText(let element, let parent):
            return FindingWords("element <\(element)> inside <\(parent)> is not supported: Standoff reads plain text there",
                                hint: "replace the markup with its text")
        case .unsupportedElement(let element, let parent):
            return FindingWords("element <\(element)> is not supported inside <\(parent)>",
                                hint: "Standoff reads the text as <text><body> with one plain <p> per paragraph (in <div>s or not)")
        case .textOutsideParagraph(let parent):
            return FindingWords("text outside <p> in <\(parent)>", hint: "put all of the text inside <p> elements")
        case .lineBreakInParagraph(let paragraph):
            return FindingWords("paragraph \(paragraph) contains a line break",
                                hint: "each <p> holds one line of the source text; do not pretty-print inside <p>")
        case .linkWithoutRole(let element, let target, let annotation):
            let shownTarget = target.map { " target=\"\($0)\"" } ?? ""
            let owner = annotation.map { "annotation '\($0)'" } ?? "an annotation"
            return FindingWords("<\(element)\(shownTarget)> in \(owner) has no @type, which names the link's role",
                                hint: "add type=\"ref\", \"speaker\", \"holder\" or \"target\" (or type=\"cue\" for a quotation's cue)")
        case .noteWithoutType(let annotation):
            return FindingWords("<note> in \(annotation.map { "annotation '\($0)'" } ?? "an annotation") has no @type, which says what the note holds",
                                hint: "add type=\"comment\" for a free comment (or \"quote\", \"correction\", or \"feature\" with n=\"KEY\"; docs/FORMAT.md)")
        case .respStmtInAnnotation(let annotation):
            return FindingWords("<respStmt> inside \(annotation.map { "annotation '\($0)'" } ?? "an annotation") is not read: Standoff names an annotation's annotator with resp=\"#ID\", pointing at a <respStmt xml:id=\"ID\"> in the header",
                                hint: "move the <respStmt> into the header's <titleStmt> with an xml:id and write resp=\"#ID\" on the annotation (`standoff add … --annotator ID` does both)")
        case .layerWithoutType(let unread):
            return FindingWords("<listAnnotation> has no @type naming its layer" + FindingWords.unreadSuffix(unread),
                                hint: "add type=\"entity\" (or quotation, stance, error, or a custom layer name)")
        case .annotationWithoutTarget(let annotation):
            return FindingWords("annotation '\(annotation)' has no @target", hint: "point at its text with target=\"#string-range(p1,0,5)\"")
        case .elementWithoutID(let element):
            return FindingWords("\(FindingWords.name(of: element)) has no xml:id", hint: "give it a unique xml:id")
        case .paragraphWithoutID(let number):
            return FindingWords("paragraph \(number) has no xml:id", hint: "give every <p> an xml:id such as p\(number)")
        default:
            return nil
        }
    }
}
