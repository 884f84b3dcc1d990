import Foundation

/// Writes files so that readers see the old content or the new, never a mixture or a partial
/// file: a temporary file in the same directory, `fsync`, then `rename` over the target.
public enum AtomicFile {
    public static func replace(_ path: String, with bytes: [UInt8]) throws(TEIWriteError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw TEIWriteError(path: path, message: "cannot create a temporary file in \(directory) (\(String(cString: strerror(errno))))",
                                hint: "check that the directory exists and is writable")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ what: String) -> TEIWriteError {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            return TEIWriteError(path: path, message: "\(what) failed (\(reason)); the original file is unchanged",
                                 hint: "check free disk space and permissions, then try again")
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw fail("writing")
            }
            written += result
        }
        // Keep the mode of the file being replaced; new files get 0644 less the umask.
        var info = stat()
        let mode: mode_t
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o644 & ~mask
        }
        guard fchmod(descriptor, mode) == 0 else { throw fail("setting permissions") }
        guard fsync(descriptor) == 0 else { throw fail("fsync") }
        guard close(descriptor) == 0 else {
            unlink(temporary)
            throw TEIWriteError(path: path, message: "closing the temporary file failed", hint: "check free disk space")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TEIWriteError(path: path, message: "cannot replace the file (\(reason)); the original is unchanged",
                                hint: "check that the path is not a directory and that you may write there")
        }
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
