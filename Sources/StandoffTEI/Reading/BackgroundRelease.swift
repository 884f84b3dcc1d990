import Dispatch

/// Frees large values off the thread that is working: the model of a file with hundreds of
/// thousands of annotations takes a noticeable time to free, and a command-line run that exits
/// first does not wait for it.
public enum BackgroundRelease {
    /// Takes ownership of `value` and drops it on a background thread.
    public static func release<Value>(_ value: consuming Value) {
        let owned = Owned(value)
        DispatchQueue.global(qos: .background).async { owned.drop() }
    }

    private final class Owned<Value>: @unchecked Sendable {
        private var value: Value?
        init(_ value: consuming Value) { self.value = value }
        func drop() { value = nil }
    }
}
