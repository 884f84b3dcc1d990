import Foundation

/// Finds the TEI files of a corpus directory: every `*.xml` below it, symbolic links to files and
/// directories followed (the directory given may itself be a link), each directory searched once
/// however many links lead to it (so a link back to a directory above ends the descent instead of
/// looping), in natural order (`f7` before `f500`). What cannot be read is collected with the
/// reason, never passed over in silence. `validate`, `stats` and `agree` all search this way.
public enum CorpusSearch {
    /// What a search found.
    public struct Found: Sendable, Equatable {
        public var files: [String] = []
        /// Paths below the directory that could not be read, with why.
        public var unreadable: [(path: String, reason: String)] = []
        /// Files passed over because they are not `*.xml`.
        public var skipped = 0
        /// Directories reached a second time through a link (searched once; not an error).
        public var revisited: [String] = []

        public static func == (a: Found, b: Found) -> Bool {
            a.files == b.files && a.skipped == b.skipped && a.revisited == b.revisited
                && a.unreadable.map(\.path) == b.unreadable.map(\.path) && a.unreadable.map(\.reason) == b.unreadable.map(\.reason)
        }
    }

    /// The first path of `paths` that names what an earlier one names (the same path, a link, a
    /// path through `..`), with that earlier path: one annotator's work given twice (`agree`,
    /// `merge`) would agree with itself. Paths that do not exist are left to the reader.
    public static func firstRepeat(in paths: [String]) -> (earlier: String, path: String)? {
        var seen: [Identity: String] = [:]
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if let earlier = seen[identity] { return (earlier, path) }
            seen[identity] = path
        }
        return nil
    }

    /// A directory's or file's identity, so that two paths to one directory are seen as one.
    private struct Identity: Hashable { var device: UInt64; var inode: UInt64 }

    /// Every `*.xml` below `directory` (which must be a directory, or a link to one).
    public static func xmlFiles(in directory: String) -> Found {
        var found = Found()
        var seen = Set<Identity>()
        var files: [String] = []
        walk(directory, seen: &seen, files: &files, found: &found)
        found.files = files.sorted { $0.compare($1, options: [.numeric]) == .orderedAscending }
        return found
    }

    private static func walk(_ directory: String, seen: inout Set<Identity>, files: inout [String], found: inout Found) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            found.unreadable.append((directory, String(cString: strerror(errno))))
            return
        }
        guard seen.insert(Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
            found.revisited.append(directory)
            return
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            found.unreadable.append((directory, "a directory without read permission"))
            return
        }
        for name in names.sorted() {
            let path = (directory as NSString).appendingPathComponent(name)
            var entry = stat()
            guard stat(path, &entry) == 0 else {
                var link = stat()
                if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, name.lowercased().hasSuffix(".xml") {
                    found.unreadable.append((path, "a symbolic link to a file that does not exist"))
                }
                continue
            }
            if entry.st_mode & S_IFMT == S_IFDIR {
                if access(path, R_OK | X_OK) != 0 {
                    found.unreadable.append((path, "a directory without read permission"))
                } else {
                    walk(path, seen: &seen, files: &files, found: &found)
                }
            } else if name.lowercased().hasSuffix(".xml") {
                // A file reached twice (two links to it) is one document.
                if seen.insert(Identity(device: UInt64(entry.st_dev), inode: UInt64(entry.st_ino))).inserted { files.append(path) }
            } else {
                found.skipped += 1
            }
        }
    }
}
