import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a lock file, held until `release()` or deinit, and by the
/// kernel only as long as the process lives (a killed holder leaves no stale lock).
///
/// Used for what two processes must not write at once: a training run folder (`RUN/.lock`) and an
/// output file such as a submission (`.NAME.lock` beside it). The holder writes its pid into the file
/// so that a second process fails at once naming it.
public final class FileLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    private var descriptor: Int32

    /// Takes the lock on `url` (created if needed; its folder must exist) without waiting.
    /// - Throws: `SeaIceError.io` naming `what`, the lock file and the holder's pid when another open
    ///   file holds the lock, or when the file cannot be opened.
    public init(_ url: URL, what: String) throws {
        self.url = url
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SeaIceError.io(file: url.path, message: "cannot open the lock file for \(what): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            descriptor = -1
            throw SeaIceError.io(file: url.path, message: "\(what) is in use by another process"
                                 + (holder.map { $0.isEmpty ? "" : " (pid \($0))" } ?? "") + "; wait for it to finish or choose another output")
        }
        let pid = Data("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// The lock file for an output file `file`: `.NAME.lock` in the same folder.
    public static func lockFile(for file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).lock")
    }

    /// Takes the lock of the output file `file` (`lockFile(for:)`), creating its folder when it does not exist yet.
    /// - Throws: as `init(_:what:)`, or `SeaIceError.io` naming the folder when it cannot be created.
    public static func forOutput(_ file: URL, what: String) throws -> FileLock {
        let folder = file.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw SeaIceError.io(file: folder.path, message: "cannot create the folder of \(what): \(error.localizedDescription)")
        }
        return try FileLock(lockFile(for: file), what: what)
    }

    /// Releases the lock (idempotent).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
