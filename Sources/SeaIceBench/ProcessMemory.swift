import Foundation

/// Resident-memory figures of the current process from Linux's `/proc/self/status`.
public enum ProcessMemory {
    /// Peak resident set size (VmHWM) in KiB since start or the last `resetPeak()`; nil off Linux.
    public static func peakKiB() -> Int? { field("VmHWM:") }

    /// Current resident set size (VmRSS) in KiB; nil off Linux.
    public static func currentKiB() -> Int? { field("VmRSS:") }

    /// Resets the peak (VmHWM) to the current RSS by writing 5 to `/proc/self/clear_refs`
    /// (Linux ≥ 4.0); returns whether it worked.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    private static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            return Int(line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }
}
