import Foundation

/// Writes an output file completely or not at all.
///
/// The producer writes to a temporary path beside the destination; only when it returns
/// without throwing is the temporary renamed onto the destination (an atomic rename on the
/// same file system). On error the temporary is removed, so a killed or failed run never
/// leaves a half-written product under the final name.
public enum AtomicOutput {
    /// The temporary path used for `destination` (same folder, hidden, unique per process).
    public static func temporaryPath(for destination: URL) -> URL {
        let dir = destination.deletingLastPathComponent()
        let name = ".\(destination.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        return dir.appendingPathComponent(name)
    }

    /// Calls `produce` with a temporary path, then renames it to `destination`.
    /// - Returns: whatever `produce` returns.
    @discardableResult
    public static func write<T>(to destination: URL, _ produce: (URL) throws -> T) throws -> T {
        let fm = FileManager.default
        let dir = destination.deletingLastPathComponent()
        if !fm.fileExists(atPath: dir.path) {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        let tmp = temporaryPath(for: destination)
        do {
            let result = try produce(tmp)
            if rename(tmp.path, destination.path) != 0 {
                let message = String(cString: strerror(errno))
                throw SeaIceError.io(file: destination.path, message: "cannot rename temporary output: \(message)")
            }
            return result
        } catch {
            try? fm.removeItem(at: tmp)
            throw error
        }
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
