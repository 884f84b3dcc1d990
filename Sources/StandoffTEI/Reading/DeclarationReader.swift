import Foundation
import StandoffModel

/// Reads what a file declares (its id and language, title, annotators, source, revisions,
/// taxonomies with their categories, register entries, and the paragraphs of its text) into a
/// ``DocumentSkeleton``, element by element as ``TEIDocumentBuilder`` meets them.
struct DeclarationReader {
    typealias Place = TEIDocumentBuilder.Place

    private(set) var skeleton: DocumentSkeleton
    /// Where the header records the text's SHA-256.
    private(set) var sourceHashLocation: SourceLocation?
    private var publicationStatement = ""
    private var pendingAnnotator: DocumentSkeleton.PendingAnnotator?
    private var revisions: [(when: String?, who: String?, text: String)] = []
    private var pendingChange: (when: String?, who: String?)?
    private var pendingParagraph: (id: String?, location: SourceLocation)?
    private var dates = TEIDate.Parser()

    init(file: String) { skeleton = DocumentSkeleton(file: file) }

    /// Whether elements at `place` declare something (the builder skips the rest, annotations
    /// above all, without a call).
    static func declares(_ place: Place) -> Bool {
        switch place {
        case .tei, .respStmt, .taxonomy, .category, .headerChange, .paragraph, .person, .org, .place, .sourceIdno: true
        default: false
        }
    }

    /// The start tag of a known element at `place` (see ``declares(_:)``).
    mutating func start(_ place: Place, values: TEIDocumentBuilder.KnownValues, xmlID: String?, at position: (line: Int, column: Int)) {
        var location: SourceLocation { SourceLocation(file: skeleton.file, line: position.line, column: position.column) }
        switch place {
        case .tei:
            skeleton.documentID = xmlID
            skeleton.language = values.string("lang", inXMLNamespace: true)
        case .respStmt: pendingAnnotator = DocumentSkeleton.PendingAnnotator(id: xmlID, location: location)
        case .taxonomy: skeleton.taxonomies.append(DocumentSkeleton.PendingTaxonomy(id: xmlID, location: location))
        case .category: skeleton.taxonomies[skeleton.taxonomies.count - 1].categories.append((xmlID, "", location))
        case .headerChange: pendingChange = (values.string("when"), values.string("who"))
        case .paragraph: pendingParagraph = (xmlID, location)
        case .person: skeleton.entries.append(DocumentSkeleton.PendingEntry(kind: .person, id: xmlID, location: location))
        case .org: skeleton.entries.append(DocumentSkeleton.PendingEntry(kind: .organisation, id: xmlID, location: location))
        case .place: skeleton.entries.append(DocumentSkeleton.PendingEntry(kind: .place, id: xmlID, location: location))
        case .sourceIdno where values.string("type") == "sha256": sourceHashLocation = location
        default: break
        }
    }

    /// The text of a text-only element at `place`, whose `@type` is `type`.
    mutating func text(_ text: String, place: Place, type: String?) {
        switch place {
        case .title: skeleton.title = text
        case .publicationP: publicationStatement = text
        case .resp: pendingAnnotator?.resp = text
        case .respName: pendingAnnotator?.name = text
        case .sourceIdno:
            if type == "sha256" { skeleton.sourceSHA256 = text } else if type == "filename" { skeleton.sourceFileName = text }
        case .taxonomyDesc: skeleton.taxonomies[skeleton.taxonomies.count - 1].description = text
        case .catDesc:
            let last = skeleton.taxonomies.count - 1
            skeleton.taxonomies[last].categories[skeleton.taxonomies[last].categories.count - 1].description = text
        case .headerChange: revisions.append((pendingChange?.when, pendingChange?.who, text))
        case .paragraph:
            skeleton.paragraphs.append((pendingParagraph?.id, text, pendingParagraph?.location ?? SourceLocation(file: skeleton.file, line: 0, column: 0)))
        case .entryName: skeleton.entries[skeleton.entries.count - 1].names.append((type, text))
        case .entryIdno: skeleton.entries[skeleton.entries.count - 1].wikidata = text
        default: break
        }
    }

    /// The end tag of a known element at `place`.
    @inline(__always)
    mutating func end(_ place: Place) {
        if place == .respStmt, let annotator = pendingAnnotator {
            skeleton.annotators.append(annotator)
            pendingAnnotator = nil
        }
    }

    /// Gives `document` the publication statement and the revisions the header declares.
    mutating func addRevisions(to document: inout Document) {
        document.publicationStatement = publicationStatement
        document.revisions = revisionList()
    }

    /// The revisions the header declares.
    mutating func revisionList() -> [Revision] {
        revisions.map { revision in
            Revision(time: revision.when.flatMap { dates.parse($0) }, who: revision.who.flatMap(AnnotationPreparer.pointerID), description: revision.text)
        }
    }
}
