import Foundation

/// Where the repository's test inputs are.
public enum Repository {
    /// The repository root, found from this file's path.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/Fixtures/\(name)").path
    }

    /// `seeds/north-korea-diplomacy.txt`.
    public static let seed = root.appendingPathComponent("seeds/north-korea-diplomacy.txt").path

    /// The shipped annotation of the seed, `Annotations/north-korea-diplomacy.tei.xml`.
    public static let shippedAnnotations = root.appendingPathComponent("Annotations/north-korea-diplomacy.tei.xml").path

    /// The official TEI schema, `../shared/tei/tei_all.rng` beside the repository, or
    /// `$STANDOFF_TEI_ALL`; `nil` when absent.
    public static var teiAllSchema: String? {
        let candidates = [
            ProcessInfo.processInfo.environment["STANDOFF_TEI_ALL"],
            root.deletingLastPathComponent().appendingPathComponent("shared/tei/tei_all.rng").path,
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    public static func read(_ path: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path) ?? Data())
    }
}

/// A fresh temporary directory, removed when the value is released.
public final class TemporaryDirectory {
    public let path: String

    public init() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("standoff-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    public func file(_ name: String) -> String { path + "/" + name }

    /// Names of the files in the directory.
    public var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// What a command printed and how it ended.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the built `standoff` executable.
public enum CLI {
    /// The executable next to the test bundle, in the build's products directory.
    public static var executable: String {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directory = bundle.bundleURL.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("standoff").path
    }

    @discardableResult
    /// Runs `standoff` with `arguments`; with `launcher`, runs that program instead (a shell, to
    /// set a limit first), `arguments` being its own. `input` is its standard input (a pipe);
    /// without it, an empty one.
    public static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil,
                           launcher: String? = nil, input: String = "") throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher ?? executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["SOURCE_DATE_EPOCH"] = "1732406400"
        env["STANDOFF_ANNOTATOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        // Written on a thread of its own: a long input would fill the pipe while the command waits to be read.
        let feeder = Thread { stdin.fileHandleForWriting.write(Data(input.utf8)); try? stdin.fileHandleForWriting.close() }
        feeder.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A small deterministic random number generator (SplitMix64): tests that draw random cases
/// draw the same ones on every run, so that a failing case can be replayed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
