import StandoffModel

/// The file an import reads, and how it stops there: an ``ImportError`` naming the file and the
/// line, and the model's refusals worded as such errors. The importers share it.
struct ImportPlace {
    let file: String

    func fail(_ line: Int, _ message: String, _ hint: String) -> ImportError {
        ImportError(file: file, line: line, message: message, hint: hint)
    }

    /// `body`'s result, or its refusal as an import error at `line` about `what`.
    @discardableResult
    func model<T>(_ line: Int, _ what: String, _ body: () throws(ModelError) -> T) throws(ImportError) -> T {
        do throws(ModelError) { return try body() } catch { throw fail(line, "\(what): \(error.description)", error.hint) }
    }
}
