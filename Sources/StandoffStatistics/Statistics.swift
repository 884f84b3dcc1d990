import Foundation
import StandoffTEI

/// `standoff stats`: counts files as the reader streams them (no editable model), on all cores,
/// and adds the per-file summaries into one as they finish: memory does not grow with the
/// number of files or annotations.
public enum Statistics {
    /// A file that could not be counted, and why.
    public struct Unread: Sendable {
        public var file: String
        public var error: TEIReadError
    }

    /// The summary of `files`, and the files that could not be read (left out of it).
    /// `progress` is called after each file with (done, total). Throws if a count outgrows 64 bits.
    public static func summarize(_ files: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) throws(CountOverflow)
        -> (summary: CorpusSummary, unread: [Unread]) {
        let lock = NSLock()
        nonisolated(unsafe) var total = CorpusSummary()
        nonisolated(unsafe) var unread: [Unread] = []
        nonisolated(unsafe) var overflow: CountOverflow?
        nonisolated(unsafe) var done = 0
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (summary, failed) = summarize(file: files[index])
            lock.withLock {
                if let failed { unread.append(failed) } else {
                    do throws(CountOverflow) { try total.merge(summary) } catch { overflow = overflow ?? error }
                }
                done += 1
                progress?(done, files.count)
            }
        }
        if let overflow { throw overflow }
        return (total, unread.sorted { $0.file < $1.file })
    }

    /// One file's summary, or why it could not be read.
    public static func summarize(file: String) -> (CorpusSummary, Unread?) {
        let collector = SummaryCollector(file: file)
        let result = TEIReader.stream(path: file, into: collector)
        guard result.problems.isEmpty, collector.summary.documents == 1 else {
            return (CorpusSummary(), Unread(file: file, error: TEIReadError(problems: result.problems)))
        }
        var summary = collector.summary
        summary.notRead = result.unreadStandOff.reduce(0) { $0 + $1.annotations + $1.spans + $1.links }
        return (summary, nil)
    }
}
