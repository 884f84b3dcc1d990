import Foundation
import StandoffModel
import StandoffXML

/// The document made from what was read, once the parse is over (or begun early, for a large file).
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
        let added: (document: Document, problems: [TEIProblem], locations: [SourceLocation])
        if let early = finishEarly() {
            (added, skeleton) = early
        } else if early != nil, earlyChunksHandedOver > 0 {
            mustReadAgain = true
            return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
        } else {
            guard let made = skeleton.make() else {
                problems += skeleton.problems
                return TEIReadResult(document: nil, problems: problems, locations: locations, hasForeignMarkup: !preserved.nodes.isEmpty)
            }
            let adder = AnnotationAdder(adding: PreparationPipeline(annotations, in: made, file: file, helpers: helpers),
                                        to: made, expecting: annotations.count)
            adder.run()
            added = adder.result
        }
        problems += skeleton.problems
        // Room first: a large file declares tens of thousands of paragraphs, and growing the
        // table step by step rehashed it each time.
        locations.reserveCapacity(locations.count + skeleton.locations.count)
        locations.merge(skeleton.locations) { _, made in made }
        var document = added.document
        problems += added.problems
        annotationLocations = added.locations
        addRevisions(to: &document)
        let used = Set(preserved.nodes.map(\.anchor)).union(preserved.attributes.keys)
        preserved.owners = preserved.owners.filter { used.contains($0.key) }
        document.preserved = preserved
        return TEIReadResult(document: document, problems: problems, locations: locations, annotationLocations: annotationLocations,
                             sourceHashLocation: sourceHashLocation, hasForeignMarkup: !preserved.nodes.isEmpty,
                             unreadAnnotations: unreadAnnotations)
    }

    /// What the work begun while parsing made, if it stands: nothing the skeleton was made from
    /// came after it, and it could be made. Otherwise the work is stopped, to be done again.
    func finishEarly() -> (added: (document: Document, problems: [TEIProblem], locations: [SourceLocation]), skeleton: DocumentSkeleton)? {
        guard let early else { return nil }
        guard declared.counts == early.counts else {
            early.adder.abandon()
            return nil
        }
        for chunk in annotations.chunks[earlyChunksHandedOver...] { early.pipeline.add(chunk) }
        early.pipeline.close()
        guard let added = early.adder.finish(), let skeleton = early.adder.skeleton else { return nil }
        return (added, skeleton)
    }

    /// Begins, at the first `<listAnnotation>` (the header and the text are complete), to make
    /// the document skeleton on another thread and then to add the annotations to it there as
    /// helper threads prepare them, while this thread parses on. ``finish(parseFailed:)`` uses
    /// the result if nothing the skeleton was made from came after.
    func startPreparingEarly() {
        let pipeline = PreparationPipeline(file: file, helpers: helpers)
        let adder = AnnotationAdder(adding: pipeline, expecting: estimatedAnnotationCount)
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
