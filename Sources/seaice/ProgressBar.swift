import Foundation

/// Console output of the CLI (stderr for progress, stdout for results).
enum Console {
    /// Prints a line to standard output.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// A one-line progress bar redrawn on standard error (only when it is a terminal or forced).
final class ProgressBar {
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let enabled = isatty(STDERR_FILENO) == 1

    /// Redraws the bar at `fraction` (0…1) with `text`, at most 10 times a second.
    func update(fraction: Double, text: String) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 || fraction >= 1 else { return }
        lastDraw = Date()
        let width = 24, filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded())
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(text)\u{1B}[K".utf8))
        drawn = true
    }

    /// Ends the bar's line.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    /// "1h02m", "3m05s", "12s".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60) }
        if s >= 60 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return "\(s)s"
    }
}
