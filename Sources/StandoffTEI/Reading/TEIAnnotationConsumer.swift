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

/// The checks ``DocumentCollector`` makes of each record (through ``Document/add(_:checkingLinks:)``),
/// made by a consumer that keeps no document: unique ids, declared categories, severities and
/// annotators, ranges, and at the end the links that pointed ahead to something never declared.
/// A consumer that refuses a file with problems uses it to refuse what `TEIReader.load` refuses.
/// Memory: the annotations' ids.
public struct RecordChecks {
    private let declarations: Document
    private var seen = Set<Identifier>()
    private var pointingAhead: [(annotation: Identifier, links: [Link], location: SourceLocation)] = []
    public private(set) var problems: [TEIProblem] = []

    public init(declarations: Document) {
        self.declarations = declarations
    }

    /// Checks one record; false (and a problem) when the document would refuse it.
    @discardableResult
    public mutating func check(_ record: AnnotationRecord) -> Bool {
        do throws(ModelError) {
            try declarations.check(record.annotation, among: &seen)
        } catch {
            problems.append(TEIProblem(.refused(error, subject: .annotation(record.annotation.id)), at: record.location))
            return false
        }
        if record.pointsAhead { pointingAhead.append((record.annotation.id, record.annotation.links, record.location)) }
        return true
    }

    /// The links that pointed ahead to ids nothing declared, once every record has come.
    public mutating func finish() {
        for (annotation, links, location) in pointingAhead {
            for link in links {
                guard case .id(let target) = link.target, declarations.kind(of: target) == nil, !seen.contains(target) else { continue }
                problems.append(TEIProblem(.linkToUndeclared(annotation: annotation, role: link.role, target: target), at: location))
            }
        }
        pointingAhead = []
    }
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
