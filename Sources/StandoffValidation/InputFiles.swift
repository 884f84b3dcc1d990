import Foundation
import StandoffTEI

/// Finds the files to validate: files as given, directories searched for `*.xml` (symbolic
/// links followed), in natural order (`f7` before `f500`). What cannot be read (a missing path,
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
        var found: [String] = []
        var unreadable: [Unreadable] = []
        let root = URL(fileURLWithPath: directory)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: []) { url, error in
            unreadable.append(Unreadable(path: url.path, reason: (error as NSError).localizedFailureReason ?? "cannot be read (permission denied?)"))
            return true
        }
        guard let enumerator else {
            result.unreadable.append(Unreadable(path: directory, reason: "cannot be read"))
            return
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            let full = url.path.hasPrefix(prefix) ? (directory as NSString).appendingPathComponent(String(url.path.dropFirst(prefix.count))) : url.path
            var info = stat()
            if stat(full, &info) != 0 {
                var link = stat()
                if lstat(full, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, full.lowercased().hasSuffix(".xml") {
                    unreadable.append(Unreadable(path: full, reason: "a symbolic link to a file that does not exist"))
                }
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                if access(full, R_OK | X_OK) != 0 { unreadable.append(Unreadable(path: full, reason: "a directory without read permission")) }
                continue
            }
            if full.lowercased().hasSuffix(".xml") { found.append(full) } else { result.skipped += 1 }
        }
        result.files += found.sorted { $0.compare($1, options: [.numeric]) == .orderedAscending }
        // A directory reported by the enumerator and by the check above is one problem.
        for item in unreadable where !result.unreadable.contains(where: { $0.path == item.path }) { result.unreadable.append(item) }
    }
}
