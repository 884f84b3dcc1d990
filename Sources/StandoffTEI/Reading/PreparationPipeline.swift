import Foundation
import StandoffModel

/// Prepares pending annotations chunk by chunk on helper threads while an ``AnnotationAdder``
/// adds the chunks before them to the document, in file order.
///
/// Chunks are handed over with ``add(_:)`` as they fill, possibly while the file is still being
/// parsed, and ``close()`` says there are no more. The adder takes them in order with
/// ``takeNext()``. A chunk no helper has started is prepared by the taker itself, so it never
/// waits on work that has not begun: with no helper at all, it prepares everything. Helpers are
/// threads of their own, started when a second chunk arrives (a small file has one).
final class PreparationPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    /// The document the annotations are prepared against; helpers wait until it is given.
    private var document: Document?
    private let file: String
    private let helpers: Int
    private var chunks: [PendingChunk] = []
    private var isClosed = false
    private var isAbandoned = false
    private var helpersStarted = false
    /// Chunks before this one have been started, by a helper or by the taker.
    private var nextToStart = 0
    /// Chunks before this one have been taken.
    private var nextToTake = 0
    private var finished: [[AnnotationPreparer.Prepared]?] = []

    /// A pipeline against `document` (which already holds the text, taxonomies, annotators and
    /// registers), with up to `helpers` helper threads.
    init(in document: Document, file: String, helpers: Int) {
        self.document = document
        self.file = file
        self.helpers = max(0, helpers)
    }

    /// A pipeline whose document comes later, with ``begin(with:)``: chunks can be handed over
    /// meanwhile.
    init(file: String, helpers: Int) {
        self.file = file
        self.helpers = max(0, helpers)
    }

    /// Gives the document the annotations are prepared against, if it was not given at first.
    func begin(with document: Document) {
        condition.lock()
        self.document = document
        condition.broadcast()
        condition.unlock()
    }

    /// A closed pipeline over all of `pending`.
    convenience init(_ pending: PendingAnnotations, in document: Document, file: String, helpers: Int) {
        self.init(in: document, file: file, helpers: helpers)
        for chunk in pending.chunks { add(chunk) }
        close()
    }

    /// Hands over the next chunk, in file order.
    func add(_ chunk: PendingChunk) {
        condition.lock()
        chunks.append(chunk)
        finished.append(nil)
        let startHelpers = chunks.count > 1 && !helpersStarted && helpers > 0
        if startHelpers { helpersStarted = true }
        condition.broadcast()
        condition.unlock()
        if startHelpers {
            for _ in 0..<helpers { Thread { self.help() }.start() }
        }
    }

    /// No more chunks will come.
    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The work is no longer wanted: helpers stop after the chunk they are on, and
    /// ``takeNext()`` gives nothing more.
    func abandon() {
        condition.lock()
        isAbandoned = true
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The prepared annotations of the next chunk in file order, once it is handed over and
    /// prepared; `nil` when the pipeline is closed and every chunk has been taken, or abandoned.
    func takeNext() -> [AnnotationPreparer.Prepared]? {
        condition.lock()
        while !isAbandoned && (document == nil || (nextToTake >= chunks.count && !isClosed)) { condition.wait() }
        guard nextToTake < chunks.count, !isAbandoned else {
            condition.unlock()
            return nil
        }
        let chunk = nextToTake
        nextToTake += 1
        if nextToStart == chunk {
            nextToStart += 1
            condition.unlock()
            return prepare(chunk)
        }
        while finished[chunk] == nil && !isAbandoned { condition.wait() }
        let prepared = finished[chunk]
        finished[chunk] = nil
        condition.unlock()
        return prepared
    }

    private func help() {
        while true {
            condition.lock()
            while !isAbandoned && (document == nil || (nextToStart >= chunks.count && !isClosed)) { condition.wait() }
            guard nextToStart < chunks.count, !isAbandoned else {
                condition.unlock()
                return
            }
            let chunk = nextToStart
            nextToStart += 1
            condition.unlock()
            let prepared = prepare(chunk)
            condition.lock()
            finished[chunk] = prepared
            condition.broadcast()
            condition.unlock()
        }
    }

    private func prepare(_ chunk: Int) -> [AnnotationPreparer.Prepared] {
        // The chunk is let go here: the pipeline keeps no annotation it has handed out.
        let (pendingChunk, document) = condition.withLock {
            defer { chunks[chunk] = PendingChunk() }
            return (chunks[chunk], self.document!)
        }
        var preparer = AnnotationPreparer(document: document, file: file)
        var prepared: [AnnotationPreparer.Prepared] = []
        prepared.reserveCapacity(pendingChunk.annotations.count)
        pendingChunk.annotations.withUnsafeBufferPointer { pending in
            for index in pending.indices { prepared.append(preparer.prepare(pending[index], in: pendingChunk)) }
        }
        return prepared
    }
}
