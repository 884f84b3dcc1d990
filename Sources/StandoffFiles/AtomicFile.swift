import Foundation

/// Writes files so that readers see the old content or the new, never a mixture or a partial
/// file: a temporary file in the same directory, `fsync`, then `rename` over the target.
///
/// Only a regular file is written: a symbolic link is followed to the file it names (the link
/// stays a link), and a directory, FIFO, socket or device is refused, as is a file without write
/// permission. The replaced file keeps its mode, owner and group; a new one gets 0666 less the
/// umask. A temporary file is removed if the process is interrupted (SIGINT, SIGTERM, SIGHUP, or
/// SIGXFSZ when the file outgrows the process's size limit),
/// and one left by a killed process is removed by the next write to that file.
///
/// With `replacing: false` the file must not exist: the temporary file is linked to its name,
/// which fails if another command made that file meanwhile, so two commands creating one file
/// at once never both succeed.
public enum AtomicFile {
    public static func replace(_ path: String, with bytes: [UInt8], replacing: Bool = true) throws(FileWriteError) {
        do {
            try write(path, replacing: replacing) { output in try output.write(bytes) }
        } catch let error as FileWriteError {
            throw error
        } catch {
            throw FileWriteError(path: path, message: "writing failed (\(error)); the original file is unchanged", hint: "try again")
        }
    }

    /// Writes the file as `body` gives its bytes to the ``AtomicOutput`` (in pieces, so that a
    /// large file is never held whole), then puts it in place as ``replace(_:with:replacing:)``
    /// does. If `body` throws, nothing is put in place, the temporary file is removed and the
    /// error is thrown on.
    public static func write(_ path: String, replacing: Bool = true, _ body: (AtomicOutput) throws -> Void) throws {
        let target = try writableTarget(path)
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        removeStaleTemporaries(of: name, in: directory)
        // The process id in the name tells a later write whether its maker is still running.
        var template = Array((directory + "/." + name + ".tmp-\(getpid())-XXXXXX").utf8CString)
        InterruptCleanup.installOnce()
        InterruptCleanup.begin()
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            InterruptCleanup.end()
            throw FileWriteError(path: path, message: "cannot create a temporary file in \(directory) (\(String(cString: strerror(errno))))",
                                hint: "check that the directory exists and is writable")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        InterruptCleanup.remember(temporary)
        defer { InterruptCleanup.end() }
        func fail(_ what: String) -> FileWriteError {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            return FileWriteError(path: path, message: "\(what) failed (\(reason)); the original file is unchanged",
                                 hint: "check free disk space and permissions, then try again")
        }
        let output = AtomicOutput(descriptor: descriptor, path: path)
        do {
            try body(output)
            try output.flush()
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        var info = stat()
        if stat(target, &info) == 0 {
            // Keep the mode, owner and group of the file being replaced. Only root may give a
            // file away, and only to a group of one's own: keep what can be kept.
            guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { throw fail("setting permissions") }
            if fchown(descriptor, info.st_uid, info.st_gid) != 0 { _ = fchown(descriptor, uid_t.max, info.st_gid) }
        } else {
            let mask = umask(0)
            umask(mask)
            guard fchmod(descriptor, 0o666 & ~mask) == 0 else { throw fail("setting permissions") }
        }
        guard fsync(descriptor) == 0 else { throw fail("fsync") }
        guard close(descriptor) == 0 else {
            unlink(temporary)
            throw FileWriteError(path: path, message: "closing the temporary file failed", hint: "check free disk space")
        }
        if !replacing {
            if link(temporary, target) == 0 {
                unlink(temporary)
                syncDirectory(directory)
                return
            }
            if errno == EEXIST {
                unlink(temporary)
                throw FileWriteError(path: path, message: "already exists (another command made it meanwhile); it was not replaced",
                                    hint: "choose another name, or pass --force to replace it")
            }
            // A file system without hard links: the name was checked free just before.
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteError(path: path, message: "cannot replace the file (\(reason)); the original is unchanged",
                                hint: "check that the path is not a directory and that you may write there")
        }
        syncDirectory(directory)
    }

    /// Makes a rename or link in `directory` durable.
    private static func syncDirectory(_ directory: String) {
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The regular file that writing `path` replaces: `path` itself, or the file a symbolic
    /// link names. Throws for anything else, and for a file that may not be written.
    public static func writableTarget(_ path: String) throws(FileWriteError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            // A new file: its directory must exist (mkstemp says so if it does not).
            return path
        }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw FileWriteError(path: path, message: "is a symbolic link to a file that does not exist",
                                    hint: "point the link at an existing file, or write to another path")
            }
            target = String(cString: resolved)
            free(resolved)
            guard stat(target, &info) == 0 else {
                throw FileWriteError(path: path, message: "cannot read the file the link names (\(String(cString: strerror(errno))))",
                                    hint: "check the link and the file it names")
            }
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw FileWriteError(path: path, message: "is \(describe(info.st_mode)), not a regular file; Standoff writes only regular files",
                                hint: "give the path of a .tei.xml file")
        }
        // Root may write anything; a file nobody may write is still read-only to Standoff.
        guard info.st_mode & 0o222 != 0, access(target, W_OK) == 0 else {
            throw FileWriteError(path: path, message: "is read-only; it was not changed",
                                hint: "make it writable (chmod u+w) if you mean to change it")
        }
        return target
    }

    private static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }

    /// Removes temporary files of `name` whose writer is gone: killed before it could clean up.
    /// A name with a process id belongs to that process while it runs; one without (written by
    /// earlier versions) is stale after an hour.
    static func removeStaleTemporaries(of name: String, in directory: String) {
        let prefix = "." + name + ".tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count).split(separator: "-")
            let path = directory + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if rest.count == 2, let pid = pid_t(rest[0]) {
                if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(path) }
            } else if rest.count == 1, rest[0].count == 6, time(nil) - info.st_mtim.tv_sec > 3600 {
                unlink(path)
            }
        }
    }
}

/// Removes the temporary file being written when the process is interrupted, then lets the
/// signal end the process as it would have. The path is kept in a fixed buffer, and the handler
/// calls only `unlink`, `signal` and `raise`, which are safe in a signal handler.
private enum InterruptCleanup {
    nonisolated(unsafe) static let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    /// 1 while `buffer` holds the path of a temporary file that exists.
    nonisolated(unsafe) static var armed: sig_atomic_t = 0
    private static let install: Void = {
        buffer[0] = 0
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGXFSZ] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                if InterruptCleanup.armed == 1 { unlink(InterruptCleanup.buffer) }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            var previous = sigaction()
            // Leave a signal alone that the shell told the process to ignore (`nohup`, `&`).
            sigaction(signal, nil, &previous)
            let current = previous.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) } ?? 0
            if current == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            sigaction(signal, &action, nil)
        }
    }()

    static func installOnce() { _ = install }

    /// Until ``end()``, writes one temporary file at a time (the edits of a process are serial).
    static func begin() { armed = 0 }

    static func remember(_ path: String) {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= Int(PATH_MAX) + 1 else { return }
        bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: bytes.count) }
        armed = 1
    }

    static func end() { armed = 0 }
}

/// The file ``AtomicFile/write(_:replacing:_:)`` is writing: bytes given to it go to the
/// temporary file in order, through a buffer of 256 KiB.
public final class AtomicOutput {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 18

    fileprivate init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    public func write(_ bytes: some Collection<UInt8>) throws(FileWriteError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    public func write(_ text: String) throws(FileWriteError) {
        try write(text.utf8)
    }

    fileprivate func flush() throws(FileWriteError) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, buffer.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: path, message: "writing failed (\(String(cString: strerror(errno)))); the original file is unchanged",
                                     hint: "check free disk space and permissions, then try again")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
