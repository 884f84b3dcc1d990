import Foundation
import StandoffTEI

/// Finds the files to validate: files as given, directories searched for `*.xml` as
/// ``CorpusSearch`` does (symbolic links followed, each directory once), in natural order. What cannot be read (a missing path,
/// an unreadable directory below a given one, a dangling `*.xml` link) is collected with the
/// reason, never passed over in silence.
public enum InputFiles {
    public struct Expansion: Sendable {
        public var files: [String]
        /// Inputs that do not exist or cannot be read, with why.
        public var unreadable: [Unreadable]
        /// Files in the directories that were passed over because they are not `*.xml`.
        public var skipped: Int
    }

    /// A path that could not be read, and why.
    public struct Unreadable: Sendable, Equatable {
        public var path: String
        public var reason: String

        /// The input as a report of its own: one SO001 error, so that every report format names it.
        public var report: FileReport {
            let problem = TEIProblem(.notWellFormed(message: "cannot read: \(reason)", kind: .unreadable),
                                     at: SourceLocation(file: path, line: 0, column: 0))
            return FileReport(file: path, diagnostics: [RuleCatalogue.diagnostic(for: problem)])
        }
    }

    public static func expand(_ paths: [String]) -> Expansion {
        var result = Expansion(files: [], unreadable: [], skipped: 0)
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let reason = String(cString: strerror(errno))
                var link = stat()
                let dangling = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
                result.unreadable.append(Unreadable(path: path, reason: dangling ? "a symbolic link to a file that does not exist" : reason))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                search(path, into: &result)
            } else if access(path, R_OK) == 0 {
                result.files.append(path)
            } else {
                result.unreadable.append(Unreadable(path: path, reason: String(cString: strerror(errno))))
            }
        }
        return result
    }

    private static func search(_ directory: String, into result: inout Expansion) {
        let found = CorpusSearch.xmlFiles(in: directory)
        result.files += found.files
        result.skipped += found.skipped
        for item in found.unreadable where !result.unreadable.contains(where: { $0.path == item.path }) {
            result.unreadable.append(Unreadable(path: item.path, reason: item.reason))
        }
    }
}
