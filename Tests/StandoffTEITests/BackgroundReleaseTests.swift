import Foundation
@testable import StandoffTEI
import Testing

@Suite("Freeing large values in the background")
struct BackgroundReleaseTests {
    /// Says on which thread it was freed.
    private final class Tracker: @unchecked Sendable {
        let freed: (pthread_t) -> Void
        init(freed: @escaping (pthread_t) -> Void) { self.freed = freed }
        deinit { freed(pthread_self()) }
    }

    @Test func theValueIsFreedOnAnotherThread() {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var freedOn: pthread_t?
        var tracker: Tracker? = Tracker { thread in
            freedOn = thread
            done.signal()
        }
        BackgroundRelease.release(tracker.take()!)
        #expect(tracker == nil)
        #expect(done.wait(timeout: .now() + 10) == .success, "the value was never freed")
        #expect(freedOn.map { pthread_equal($0, pthread_self()) == 0 } == true, "freed on the caller's thread")
    }
}
