import Foundation
import StandoffModel

/// Takes the annotations the reader finds, as pending annotations in chunks, and hands them to a
/// ``TEIAnnotationConsumer`` once they are prepared: at the end of the parse, or, for a large
/// file, while it goes on (``startEarly(with:)``): another thread makes the document skeleton from
/// the declarations read so far, helpers prepare each chunk as it fills, and the reader lets each
/// chunk go once handed over, so that pending annotations never pile up.
final class AnnotationHandOff {
    // Touched on every annotation, by the reading thread alone: no dynamic exclusivity checks
    // (see docs/ARCHITECTURE.md, "Where the unsafe code is").
    @exclusivity(unchecked) private(set) var pending = PendingAnnotations()
    private let file: String
    private let helpers: Int
    private let consumer: TEIAnnotationConsumer
    /// Begun by ``startEarly(with:)``: the pipeline preparing the chunks, the adder handing them
    /// on, and how many of each declaration there were then.
    private var early: (pipeline: PreparationPipeline, adder: AnnotationAdder, counts: [Int])?
    /// Chunks before this one were handed to the early work and let go here.
    @exclusivity(unchecked) private var handedOver = 0

    /// What ``finish(with:)`` made of the annotations.
    enum Outcome {
        /// Handed over; `preparing` holds what preparing found, `skeleton` what the declarations made.
        case handedOver(preparing: [TEIProblem], skeleton: DocumentSkeleton)
        /// The declarations do not make a document (see the skeleton's problems).
        case noDocument(DocumentSkeleton)
        /// The work begun early was void (a declaration came after it) and the annotations it was
        /// given were let go: the file must be read again, without early work.
        case readAgain
    }

    init(file: String, helpers: Int, consumer: TEIAnnotationConsumer) {
        self.file = file
        self.helpers = helpers
        self.consumer = consumer
    }

    var isEmpty: Bool { pending.count == 0 }

    /// Begins the next annotation; `values` keeps its attribute values in its chunk.
    func append(layer: String, id: String?, line: Int, column: Int, values: (inout PendingAnnotation, inout PendingChunk) -> Void) {
        pending.append(layer: layer, id: id, line: line, column: column, values: values)
        if pending.chunks.count - 1 > handedOver, let pipeline = early?.pipeline {
            // The chunk before the one just begun is complete: prepare it while parsing on, and
            // let it go here.
            pipeline.add(pending.chunks[handedOver])
            pending.release(chunk: handedOver)
            handedOver += 1
        }
    }

    /// Adds to the annotation begun last (its children come after it).
    func updateLast(_ change: (inout PendingChunk) -> Void) { pending.updateLast(change) }

    /// Begins, at the first `<listAnnotation>` (the header and the text are complete), to make the
    /// document skeleton from `declarations` on another thread and then to hand on the annotations
    /// as helpers prepare them, while the caller parses on.
    func startEarly(with declarations: DocumentSkeleton) {
        guard early == nil else { return }
        let pipeline = PreparationPipeline(file: file, helpers: helpers)
        let adder = AnnotationAdder(adding: pipeline, to: consumer, expecting: estimatedCount(besides: declarations))
        adder.start(making: declarations)
        early = (pipeline, adder, declarations.counts)
    }

    /// The file is not worth reading on (not XML, not TEI, no text): drops the early work.
    func abandon() { early?.adder.abandon() }

    /// Hands on what is left, given the declarations as the whole file made them.
    func finish(with declarations: DocumentSkeleton) -> Outcome {
        if let early {
            if declarations.counts == early.counts {
                for chunk in pending.chunks[handedOver...] { early.pipeline.add(chunk) }
                early.pipeline.close()
                if early.adder.finish(), let skeleton = early.adder.skeleton { return .handedOver(preparing: early.adder.problems, skeleton: skeleton) }
            } else {
                early.adder.abandon()
            }
            if handedOver > 0 { return .readAgain }
        }
        var skeleton = declarations
        guard let made = skeleton.make() else { return .noDocument(skeleton) }
        let adder = AnnotationAdder(adding: PreparationPipeline(pending, in: made, file: file, helpers: helpers),
                                    to: consumer, declarations: made, expecting: pending.count)
        adder.run()
        return .handedOver(preparing: adder.problems, skeleton: skeleton)
    }

    /// How many annotations the file may hold, judged from its size less its text: at most one
    /// per 150 bytes (Standoff writes 150 to 400 for each, with its pointer, category and link).
    private func estimatedCount(besides declarations: DocumentSkeleton) -> Int {
        var status = stat()
        guard stat(file, &status) == 0 else { return 0 }
        return max(0, Int(status.st_size) - declarations.paragraphs.reduce(0) { $0 + $1.text.utf8.count }) / 150
    }
}
