import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes in-progress temporary outputs when the process is interrupted (SIGINT, SIGTERM, SIGHUP),
/// then lets the signal end the process as it would have (same signal, same exit status for the parent).
///
/// `AtomicOutput` registers every temporary it creates and unregisters it once renamed or removed; a
/// command-line tool calls `install()` once at start. The signal handler only writes the signal number
/// into a pipe (async-signal-safe: the self-pipe trick); a dedicated thread reads it, takes the registry
/// lock, removes every registered path (files and folders), restores the default disposition and
/// re-raises the signal. Commits of several files (`AtomicOutput.writeTogether`) rename under the same
/// lock, so an interruption never lands between two renames of one unit. SIGKILL cannot be caught:
/// its leftovers carry the dead process's pid in their names and are swept by `AtomicOutput.sweepStale`.
public enum InterruptCleanup {
    /// The signals handled by `install()`.
    public static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Registers `url` (a temporary file or folder) to be removed if the process is interrupted.
    /// Registrations are counted, so a path registered twice needs two `unregister` calls.
    public static func register(_ url: URL) {
        registry.lock.lock()
        registry.paths[url.path, default: 0] += 1
        registry.lock.unlock()
    }

    /// Withdraws one registration of `url` (it was renamed onto its destination or removed).
    public static func unregister(_ url: URL) {
        registry.lock.lock()
        if let n = registry.paths[url.path] { registry.paths[url.path] = n > 1 ? n - 1 : nil }
        registry.lock.unlock()
    }

    /// The paths registered now (for tests and diagnostics).
    public static var registered: [String] {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        return registry.paths.keys.sorted()
    }

    /// Runs `body` while no interruption cleanup can start (holding the registry lock): a signal that
    /// arrives meanwhile is handled after `body` returns. For committing renames that belong together.
    public static func withoutInterruption<T>(_ body: () throws -> T) rethrows -> T {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        return try body()
    }

    /// Installs the handlers of `handledSignals` (idempotent). Call once, early, from an executable.
    public static func install() {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        guard !registry.installed else { return }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        signalPipeWriteEnd = fds[1]
        let readEnd = fds[0]
        let thread = Thread { waitForSignal(readEnd) }
        thread.name = "seaice-interrupt-cleanup"
        thread.start()
        for s in handledSignals { _ = signal(s, onSignal) }
        registry.installed = true
    }

    /// Blocks on the pipe; on the first signal removes every registered path and re-raises the signal.
    private static func waitForSignal(_ readEnd: Int32) {
        var byte: UInt8 = 0
        while true {
            let n = read(readEnd, &byte, 1)
            if n == 1 { break }
            if n < 0 && errno == EINTR { continue }
            return
        }
        let sig = Int32(byte)
        registry.lock.lock()  // never released: the process ends below
        for path in registry.paths.keys { try? FileManager.default.removeItem(atPath: path) }
        registry.paths = [:]
        _ = signal(sig, SIG_DFL)
        _ = kill(getpid(), sig)
        usleep(200_000)
        _exit(128 + sig)
    }

    /// The registered paths and whether the handlers are installed.
    private final class Registry: @unchecked Sendable {
        let lock = NSRecursiveLock()
        var paths: [String: Int] = [:]
        var installed = false
    }

    private static let registry = Registry()
}

/// Write end of the self-pipe, set once by `InterruptCleanup.install()` before the handlers.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// The signal handler: async-signal-safe (one `write(2)` of the signal number).
private func onSignal(_ sig: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: sig)
    _ = write(signalPipeWriteEnd, &byte, 1)
    errno = saved
}
