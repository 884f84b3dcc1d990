/// Writing or locking a file failed: the file, what happened, and what to do.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var hint: String

    public init(path: String, message: String, hint: String) {
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(path): error: \(message)\n  hint: \(hint)" }
}
