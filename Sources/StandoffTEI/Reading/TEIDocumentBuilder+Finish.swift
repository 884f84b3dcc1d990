import Foundation
import StandoffModel
import StandoffXML

/// The outcome of a read, once the parse is over: the declarations made into a skeleton, the
/// annotations handed to the consumer (begun early, for a large file), and the document if the
/// consumer built one.
extension TEIDocumentBuilder {
    // MARK: Building the document

    func finish(parseFailed: Bool) -> TEIReadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if parseFailed || !sawRoot || !problems.filter({ $0.code == .notTEI }).isEmpty {
            early?.adder.abandon()
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
        }
        guard sawText, !declared.paragraphs.isEmpty else {
            early?.adder.abandon()
            problem(.missingText, "the file has no <text><body><p> with the annotated text",
                    hint: "a Standoff file holds its text as <text><body><p xml:id=\"p1\">…</p></body></text>; create one with `standoff init`", location: start)
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
        }
        var skeleton = declared
        let preparing: [TEIProblem]
        if let early = finishEarly() {
            (preparing, skeleton) = early
        } else if early != nil, earlyChunksHandedOver > 0 {
            mustReadAgain = true
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
        } else {
            guard let made = skeleton.make() else {
                problems += skeleton.problems
                return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
            }
            let adder = AnnotationAdder(adding: PreparationPipeline(annotations, in: made, file: file, helpers: helpers),
                                        to: consumer, declarations: made, expecting: annotations.count)
            adder.run()
            preparing = adder.problems
        }
        problems += skeleton.problems
        // Room first: a large file declares tens of thousands of paragraphs, and growing the
        // table step by step rehashed it each time.
        locations.reserveCapacity(locations.count + skeleton.locations.count)
        locations.merge(skeleton.locations) { _, made in made }
        let collector = consumer as? DocumentCollector
        // Preparing and adding each found problems in file order: one list, in file order.
        problems += Self.merged(preparing, collector?.problems ?? [])
        guard let collector, var document = collector.document else {
            return TEIReadResult(document: nil, problems: problems, locations: locations, sourceHashLocation: sourceHashLocation,
                                 hasForeignMarkup: !preserved.nodes.isEmpty, unreadAnnotations: unreadAnnotations)
        }
        annotationLocations = collector.locations
        addRevisions(to: &document)
        let used = Set(preserved.nodes.map(\.anchor)).union(preserved.attributes.keys)
        preserved.owners = preserved.owners.filter { used.contains($0.key) }
        document.preserved = preserved
        return TEIReadResult(document: document, problems: problems, locations: locations, annotationLocations: annotationLocations,
                             sourceHashLocation: sourceHashLocation, hasForeignMarkup: !preserved.nodes.isEmpty,
                             unreadAnnotations: unreadAnnotations)
    }

    /// Two lists of problems, each in file order, as one in file order.
    static func merged(_ a: [TEIProblem], _ b: [TEIProblem]) -> [TEIProblem] {
        guard !a.isEmpty, !b.isEmpty else { return a + b }
        var result: [TEIProblem] = []
        result.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            let (x, y) = (a[i].location, b[j].location)
            if (y.line, y.column) < (x.line, x.column) { result.append(b[j]); j += 1 } else { result.append(a[i]); i += 1 }
        }
        return result + a[i...] + b[j...]
    }

    /// What the work begun while parsing made, if it stands: nothing the skeleton was made from
    /// came after it, and it could be made. Otherwise the work is stopped, to be done again.
    func finishEarly() -> (preparing: [TEIProblem], skeleton: DocumentSkeleton)? {
        guard let early else { return nil }
        guard declared.counts == early.counts else {
            early.adder.abandon()
            return nil
        }
        for chunk in annotations.chunks[earlyChunksHandedOver...] { early.pipeline.add(chunk) }
        early.pipeline.close()
        guard early.adder.finish(), let skeleton = early.adder.skeleton else { return nil }
        return (early.adder.problems, skeleton)
    }

    /// Begins, at the first `<listAnnotation>` (the header and the text are complete), to make
    /// the document skeleton on another thread and then to add the annotations to it there as
    /// helper threads prepare them, while this thread parses on. ``finish(parseFailed:)`` uses
    /// the result if nothing the skeleton was made from came after.
    func startPreparingEarly() {
        let pipeline = PreparationPipeline(file: file, helpers: helpers)
        let adder = AnnotationAdder(adding: pipeline, to: consumer, expecting: estimatedAnnotationCount)
        adder.start(making: declared)
        early = (pipeline, adder, declared.counts)
    }

    /// How many annotations the file may hold, judged from its size less its text: at most one
    /// per 150 bytes (Standoff writes 150 to 400 for each, with its pointer, category and link).
    var estimatedAnnotationCount: Int {
        var status = stat()
        guard stat(file, &status) == 0 else { return 0 }
        return max(0, Int(status.st_size) - declared.paragraphs.reduce(0) { $0 + $1.text.utf8.count }) / 150
    }

    func addRevisions(to document: inout Document) {
        document.publicationStatement = publicationStatement
        document.revisions = revisions.map { revision in
            Revision(time: revision.when.flatMap { dates.parse($0) }, who: revision.who.flatMap(AnnotationPreparer.pointerID), description: revision.text)
        }
    }
}
