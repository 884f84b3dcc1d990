import StandoffXML
import Foundation

/// SAX events handed from the thread that parses a file to a thread that checks them, so that
/// a file is parsed once for both reading and schema validation.
///
/// The parsing thread records events (``record(_:)`` wraps its handler) in blocks; a block is
/// handed over when full, and ``close()`` hands over the rest. The checking thread replays
/// blocks in order with ``replay(into:)`` until the log is closed. At most a bounded number of
/// blocks wait at any time: the parsing thread waits for the checking thread, never the
/// reverse, so memory stays bounded and neither can wait for the other forever. Replayed blocks
/// come back to the parsing thread to be filled again, so that the memory is not asked of the
/// system (and zeroed by it) again and again.
final class EventLog: @unchecked Sendable {
    private static let blockSize = 1 << 18
    /// Room in a new block: a full block and the largest usual start tag after it.
    private static let blockCapacity = blockSize + (1 << 16)
    private static let waitingBlocks = 32
    private static let spareBlocks = 4
    private let condition = NSCondition()
    /// Filled by the parsing thread only.
    @exclusivity(unchecked) private var current = Recording(capacity: blockCapacity)
    private var handedOver: [Recording] = []
    /// Replayed blocks, emptied, to be filled again.
    private var spare: [Recording] = []
    private var isClosed = false

    /// A handler that passes each event on to `handler` and records it here.
    func record(_ handler: SAXHandler) -> SAXHandler { Tee(handler: handler, log: self) }

    /// Hands over what is left; the checking thread finishes once it has replayed it.
    func close() {
        handOver()
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Replays every block, waiting for the next one, until the log is closed and empty.
    func replay(into handler: SAXHandler?) {
        while true {
            condition.lock()
            while handedOver.isEmpty && !isClosed { condition.wait() }
            guard !handedOver.isEmpty else {
                condition.unlock()
                return
            }
            let block = handedOver.removeFirst()
            condition.broadcast()
            condition.unlock()
            if let handler { block.replay(into: handler) }
            recycle(block)
        }
    }

    /// Keeps a replayed block to be filled again, unless enough are kept or it grew past the
    /// usual size (a huge attribute value).
    private func recycle(_ block: Recording) {
        var block = block
        block.reset()
        condition.lock()
        let keep = spare.count < Self.spareBlocks && block.capacity <= Self.blockCapacity
        if keep { spare.append(block) }
        condition.unlock()
        if !keep { block.deallocate() }
    }

    /// Frees every block as it comes, unread, until the log is closed.
    func discardAll() {
        replay(into: nil)
    }

    private func handOver() {
        guard current.size > 0 else { return }
        condition.lock()
        while handedOver.count >= Self.waitingBlocks { condition.wait() }
        handedOver.append(current)
        current = spare.popLast() ?? Recording(capacity: Self.blockCapacity)
        condition.broadcast()
        condition.unlock()
    }

    deinit {
        current.deallocate()
        for block in handedOver + spare { block.deallocate() }
    }

    private final class Tee: SAXHandler {
        // Strong `let`s: calls through them count no references (`unowned(unsafe)` ones did).
        let handler: SAXHandler
        let log: EventLog

        init(handler: SAXHandler, log: EventLog) {
            self.handler = handler
            self.log = log
        }

        func startElement(_ tag: StartTag, at position: (line: Int, column: Int)) {
            handler.startElement(tag, at: position)
            log.current.start(tag, line: position.line, column: position.column)
            if log.current.size >= EventLog.blockSize { log.handOver() }
        }

        func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
            handler.endElement(localName: localName, namespace: namespace)
            log.current.end(localName, namespace: namespace)
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            handler.characters(bytes)
            log.current.text(bytes)
        }

        func comment(_ text: UnsafePointer<UInt8>) { handler.comment(text) }

        func processingInstruction(target: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) {
            handler.processingInstruction(target: target, data: data)
        }
    }
}
