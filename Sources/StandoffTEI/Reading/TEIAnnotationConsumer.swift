import StandoffModel

/// One annotation as the reader found it: a model value, checked against the file's
/// declarations, with where its element starts.
public struct AnnotationRecord: Sendable {
    public var annotation: Annotation
    public var location: SourceLocation
    /// Whether a link points at an id not declared before it (an annotation further on, or
    /// nothing): such links can only be judged once every annotation has come.
    public var pointsAhead: Bool
}

/// Receives what a TEI file holds, in file order: its declarations, then its annotations one by
/// one as the reader prepares them, then the end. This is the seam of the reading pipeline
/// (SAX events → the reader's records → consumers): ``DocumentCollector`` builds the editable
/// ``Document`` from the records; a consumer that only counts or converts keeps what it needs
/// of each record and lets it go, so its memory does not grow with the number of annotations.
///
/// Calls come from one thread at a time, not always the caller's (for a large file, from the
/// thread that adds prepared annotations while the parse goes on), one after another. ``begin(with:expecting:)`` may
/// come a second time: the file is then read again from the start (a taxonomy, annotator,
/// paragraph or register entry declared after the first `<listAnnotation>`), and what came
/// before it is void.
public protocol TEIAnnotationConsumer: AnyObject {
    /// The declarations (the text, taxonomies, annotators and registers: a document without
    /// annotations), before any record; `count` estimates how many records will come.
    func begin(with declarations: Document, expecting count: Int)
    func consume(_ record: AnnotationRecord)
    /// Every record has been given.
    func end()
}

/// Builds the editable ``Document`` from the reader's records, checking each annotation against
/// the document's invariants (unique ids, declared categories and annotators) and, at the end,
/// the links that pointed ahead.
final class DocumentCollector: TEIAnnotationConsumer {
    // Touched on every annotation, by one thread at a time: no dynamic exclusivity checks.
    @exclusivity(unchecked) private(set) var document: Document?
    /// The problems found adding the records.
    private(set) var problems: [TEIProblem] = []
    /// The location of each annotation added, in the document's order.
    @exclusivity(unchecked) private(set) var locations: [SourceLocation] = []
    @exclusivity(unchecked) private var pointingAhead: [Int] = []

    init() {}

    func begin(with declarations: Document, expecting count: Int) {
        var document = declarations
        problems = []
        locations = []
        pointingAhead = []
        if count > 0 {
            document.reserveCapacity(forAnnotations: count)
            locations.reserveCapacity(count)
        }
        self.document = document
    }

    func consume(_ record: AnnotationRecord) {
        do throws(ModelError) {
            // Added in place: the document has one owner, and is neither moved nor copied.
            try document!.add(record.annotation, checkingLinks: false)
            if record.pointsAhead { pointingAhead.append(locations.count) }
            locations.append(record.location)
        } catch {
            problems.append(TEIProblem(.refused(error, subject: .annotation(record.annotation.id)), at: record.location))
        }
    }

    func end() {
        guard let document else { return }
        for position in pointingAhead {
            let annotation = document.annotations[position]
            for link in annotation.links {
                guard case .id(let target) = link.target, document.kind(of: target) == nil else { continue }
                problems.append(TEIProblem(.linkToUndeclared(annotation: annotation.id, role: link.role, target: target), at: locations[position]))
            }
        }
    }
}
