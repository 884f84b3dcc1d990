import Foundation

/// Serialises the edits of one file: held from reading the file to the atomic rename of the
/// new one, so that edits started at once are applied one after another and none is lost.
///
/// The lock is an advisory `flock` on the file itself (the file a symbolic link names), so no
/// lock file is left beside it. A writer replaces the file by renaming a new one over it, so a
/// waiter may wake holding the lock on the replaced file: it then locks the new one instead.
/// Every Standoff command that edits a file takes this lock; other programs are not stopped.
public final class EditLock {
    private var descriptor: Int32

    /// Waits until no other Standoff edit holds `path`, for at most `timeout` seconds;
    /// `waiting` is called once if the lock is not free at once. A file that does not exist yet
    /// needs no lock: `nil`.
    public static func acquire(_ path: String, timeout: Double, waiting: () -> Void = {}) throws(FileWriteError) -> EditLock? {
        let deadline = Date().addingTimeInterval(timeout)
        var toldWaiting = false
        while true {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else {
                if errno == ENOENT { return nil }
                throw FileWriteError(path: path, message: "cannot open the file to lock it (\(String(cString: strerror(errno))))",
                                    hint: "check the path and that the file is readable")
            }
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw FileWriteError(path: path, message: "cannot lock the file (\(reason))",
                                        hint: "check that the file system supports locks (flock)")
                }
                guard Date() < deadline else {
                    close(descriptor)
                    throw FileWriteError(path: path, message: "another standoff command has been editing the file for \(Int(timeout)) s; nothing was changed",
                                        hint: "wait for it to finish and run the command again; STANDOFF_LOCK_TIMEOUT sets how many seconds to wait")
                }
                if !toldWaiting { waiting(); toldWaiting = true }
                usleep(20_000)
            }
            // Still the file at `path`? If another edit renamed a new one over it meanwhile,
            // this lock guards nothing: lock the new file.
            var locked = stat()
            var current = stat()
            if fstat(descriptor, &locked) == 0, stat(path, &current) == 0, locked.st_ino == current.st_ino, locked.st_dev == current.st_dev {
                return EditLock(descriptor: descriptor)
            }
            close(descriptor)
        }
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Lets the next edit go on; also done when the lock is freed or the process ends.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
