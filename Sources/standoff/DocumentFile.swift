import ArgumentParser
import StandoffModel
import StandoffTEI

/// Loading and saving the annotation file a command works on.
enum DocumentFile {
    static func load(_ path: String) throws(CLIError) -> Document {
        do throws(TEIReadError) { return try TEIReader.load(path: path) } catch { throw CLIError(error) }
    }

    static func save(_ document: Document, to path: String) throws(CLIError) {
        do throws(TEIWriteError) { try TEIWriter.write(document, to: path) } catch { throw CLIError(error) }
    }

    /// Runs `body` on a model call, turning a model error into a data error about `path`.
    static func model<T>(_ path: String, _ body: () throws(ModelError) -> T) throws(CLIError) -> T {
        do throws(ModelError) { return try body() } catch { throw CLIError(error, file: path) }
    }
}

/// `table` for people, `json` for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension Layer: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(argument) }
    public static var allValueStrings: [String] { Layer.builtIn.map(\.name) }
}

extension Identifier: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(argument) }
}
