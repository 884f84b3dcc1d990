import Foundation
import StandoffModel

/// Hands the annotations a ``PreparationPipeline`` prepares to a ``TEIAnnotationConsumer``, in
/// file order, keeping the problems preparing found. It runs on the caller's thread (``run()``),
/// or on a thread of its own while the file is still parsed, after making the document skeleton
/// there (``start(making:)``, then ``finish()``).
final class AnnotationAdder: @unchecked Sendable {
    private var declarations: Document?
    private let pipeline: PreparationPipeline
    private let consumer: TEIAnnotationConsumer
    /// The problems preparing found (the consumer keeps its own).
    private(set) var problems: [TEIProblem] = []
    private let expected: Int
    private let done = DispatchSemaphore(value: 0)
    /// The skeleton ``start(making:)`` made, with its problems and the locations of its ids.
    private(set) var skeleton: DocumentSkeleton?

    /// An adder of what `pipeline` prepares against `declarations` (or against the document
    /// ``start(making:)`` makes) to `consumer`, told to expect `count` annotations (an estimate
    /// will do).
    init(adding pipeline: PreparationPipeline, to consumer: TEIAnnotationConsumer, declarations: Document? = nil, expecting count: Int = 0) {
        self.declarations = declarations
        self.pipeline = pipeline
        self.consumer = consumer
        expected = count
    }

    /// On a thread of its own: makes the document from `skeleton`, gives it to the pipeline,
    /// and adds until the pipeline is closed and empty. If the document cannot be made, the
    /// pipeline is abandoned.
    func start(making skeleton: DocumentSkeleton) {
        Thread {
            var skeleton = skeleton
            if let document = skeleton.make() {
                self.declarations = document
                self.pipeline.begin(with: document)
                self.run()
            } else {
                self.pipeline.abandon()
            }
            self.skeleton = skeleton
            self.done.signal()
        }.start()
    }

    /// Waits for the thread ``start(making:)`` began; `false` if the document could not be made.
    func finish() -> Bool {
        done.wait()
        return declarations != nil
    }

    /// Stops the thread ``start(making:)`` began and drops its work.
    func abandon() {
        pipeline.abandon()
        done.wait()
    }

    /// Gives the consumer the declarations, everything the pipeline prepares, and the end.
    func run() {
        guard let declarations else { return }
        consumer.begin(with: declarations, expecting: expected)
        while let chunk = pipeline.takeNext() {
            for prepared in chunk {
                if !prepared.problems.isEmpty { problems += prepared.problems }
                guard let annotation = prepared.annotation else { continue }
                consumer.consume(AnnotationRecord(annotation: annotation, location: prepared.location, pointsAhead: prepared.linksAhead))
            }
        }
        consumer.end()
    }
}
