import Foundation
import StandoffModel

/// Adds the annotations a ``PreparationPipeline`` prepares to the document, in file order, and
/// then checks the links that pointed ahead. It runs on the caller's thread (``run()``), or on a
/// thread of its own while the file is still parsed, after making the document skeleton there
/// (``start(making:)``, then ``finish()``).
final class AnnotationAdder: @unchecked Sendable {
    private var document: Document?
    private let pipeline: PreparationPipeline
    private var problems: [TEIProblem] = []
    private var locations: [SourceLocation] = []
    private let expected: Int
    private let done = DispatchSemaphore(value: 0)
    /// The skeleton ``start(making:)`` made, with its problems and the locations of its ids.
    private(set) var skeleton: DocumentSkeleton?

    /// An adder of what `pipeline` prepares to `document` (or to the document
    /// ``start(making:)`` makes), which makes room for `count` annotations first (an estimate
    /// will do: the tables then grow less often).
    init(adding pipeline: PreparationPipeline, to document: Document? = nil, expecting count: Int = 0) {
        self.document = document
        self.pipeline = pipeline
        expected = count
    }

    /// On a thread of its own: makes the document from `skeleton`, gives it to the pipeline,
    /// and adds until the pipeline is closed and empty. If the document cannot be made, the
    /// pipeline is abandoned.
    func start(making skeleton: DocumentSkeleton) {
        Thread {
            var skeleton = skeleton
            if let document = skeleton.make() {
                self.document = document
                self.pipeline.begin(with: document)
                self.run()
            } else {
                self.pipeline.abandon()
            }
            self.skeleton = skeleton
            self.done.signal()
        }.start()
    }

    /// Waits for the thread ``start(making:)`` began, and gives what it made; `nil` if the
    /// document could not be made.
    func finish() -> (document: Document, problems: [TEIProblem], locations: [SourceLocation])? {
        done.wait()
        return document == nil ? nil : result
    }

    /// Stops the thread ``start(making:)`` began and drops its work.
    func abandon() {
        pipeline.abandon()
        done.wait()
    }

    /// Adds everything the pipeline gives, then checks links to ids that were not declared
    /// when the annotation was prepared (annotations further on, or nothing).
    func run() {
        guard var document else { return }
        self.document = nil  // one owner while adding, so that nothing is copied
        defer { self.document = document }
        if expected > 0 {
            document.reserveCapacity(forAnnotations: expected)
            locations.reserveCapacity(expected)
        }
        var linkingAhead: [Int] = []
        while let chunk = pipeline.takeNext() {
            for prepared in chunk {
                if !prepared.problems.isEmpty { problems += prepared.problems }
                guard let annotation = prepared.annotation else { continue }
                do throws(ModelError) {
                    try document.add(annotation, checkingLinks: false)
                    if prepared.linksAhead { linkingAhead.append(locations.count) }
                    locations.append(prepared.location)
                } catch {
                    problems.append(TEIProblem(error, context: AnnotationLabel(id: annotation.id).description, location: prepared.location))
                }
            }
        }
        for position in linkingAhead {
            let annotation = document.annotations[position]
            for link in annotation.links {
                guard case .id(let target) = link.target, document.kind(of: target) == nil else { continue }
                problems.append(TEIProblem(
                    code: .danglingReference, message: "annotation '\(annotation.id)': \(link.role) link points at '\(target)', which is not declared",
                    hint: "declare it (`standoff register add`) or correct the pointer", location: locations[position]))
            }
        }
    }

    /// The document with the annotations, the problems found adding them, and each added
    /// annotation's location, in the document's order. Only after ``run()``.
    var result: (document: Document, problems: [TEIProblem], locations: [SourceLocation]) { (document!, problems, locations) }
}
