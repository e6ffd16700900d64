import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an output file completely or not at all.
///
/// The producer writes to a temporary path beside the destination, `.NAME.PID.N.tmp` (hidden, carrying
/// the writing process's pid); only when it returns without throwing is the temporary renamed onto the
/// destination (an atomic rename on the same file system). On error the temporary is removed; on
/// SIGINT/SIGTERM/SIGHUP `InterruptCleanup` removes it (every temporary is registered there while it
/// exists); after SIGKILL the next run's `sweepStale` removes it, since its pid is dead. So a failed,
/// interrupted or killed run never leaves a half-written product under the final name, nor temporaries.
public enum AtomicOutput {
    /// The temporary path used for `destination` (same folder, hidden, unique per process).
    public static func temporaryPath(for destination: URL) -> URL {
        let dir = destination.deletingLastPathComponent()
        let name = ".\(destination.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        return dir.appendingPathComponent(name)
    }

    /// The pid in a temporary name made by `temporaryPath` (`.NAME.PID.N.tmp`), nil for other names.
    public static func writerPID(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4, UInt32(parts[parts.count - 1]) != nil, let pid = Int32(parts[parts.count - 2]), pid > 0
        else { return nil }
        return pid
    }

    /// Calls `produce` with a temporary path, then renames it to `destination`.
    /// - Returns: whatever `produce` returns.
    @discardableResult
    public static func write<T>(to destination: URL, _ produce: (URL) throws -> T) throws -> T {
        try writeTogether([destination]) { try produce($0[0]) }
    }

    /// Writes several files as one unit: `produce` gets one temporary path per destination (same order)
    /// and must write them all; only then are they renamed onto `destinations` **in the order given**,
    /// with interruption cleanup held off during the renames, so SIGINT/SIGTERM leave all of them or none.
    /// Callers put last the file whose presence says the unit is complete (a scene's netCDF product):
    /// only a SIGKILL between two renames (microseconds) can leave the earlier files without it.
    /// On error every temporary is removed and no destination is touched (unless a rename itself fails).
    @discardableResult
    public static func writeTogether<T>(_ destinations: [URL], _ produce: ([URL]) throws -> T) throws -> T {
        let fm = FileManager.default
        for dir in Set(destinations.map { $0.deletingLastPathComponent() }) where !fm.fileExists(atPath: dir.path) {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        let temporaries = destinations.map(temporaryPath(for:))
        temporaries.forEach(InterruptCleanup.register)
        defer { temporaries.forEach(InterruptCleanup.unregister) }
        do {
            let result = try produce(temporaries)
            try InterruptCleanup.withoutInterruption {
                for (tmp, destination) in zip(temporaries, destinations) where rename(tmp.path, destination.path) != 0 {
                    let message = String(cString: strerror(errno))
                    throw SeaIceError.io(
                        file: destination.path,
                        message: "cannot rename temporary output \(tmp.lastPathComponent): \(message)")
                }
            }
            return result
        } catch {
            for tmp in temporaries { try? fm.removeItem(at: tmp) }
            throw error
        }
    }

    /// Removes the temporaries in `folder` left by processes that no longer exist (a SIGKILLed run):
    /// names `.NAME.PID.N.tmp` whose PID is not a live process (`kill(pid, 0)` fails with ESRCH).
    /// Temporaries of live processes, including this one, are kept (a dead writer's pid reused by a new process
    /// keeps its temporaries until that process ends). Unreadable folders sweep nothing.
    /// - Returns: the paths removed.
    @discardableResult
    public static func sweepStale(in folder: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [URL] = []
        for name in names.sorted() {
            guard let pid = writerPID(ofTemporary: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            let url = folder.appendingPathComponent(name)
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(url) }
        }
        return removed
    }

    /// Writes `data` to `destination` atomically.
    public static func write(_ data: Data, to destination: URL) throws {
        try write(to: destination) { tmp in try data.write(to: tmp) }
    }

    /// Writes `value` as readable JSON (pretty-printed, sorted keys, `/` unescaped) to `destination` atomically.
    public static func writeJSON<T: Encodable>(_ value: T, to destination: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(try encoder.encode(value), to: destination)
    }
}
