import Foundation

/// Console output of the commands (results on standard output; `-q` silences them).
enum Console {
    /// Set by `OutputOptions.activate()` at the start of a command: with `-q`, `line` prints nothing.
    nonisolated(unsafe) static var quiet = false

    /// Prints a line to standard output unless `-q` was given.
    static func line(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints a line to standard error, also with `-q` (failures that do not end the command by throwing).
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A duration for humans: "1h02m", "3m05s", "12s".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60) }
        if s >= 60 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return "\(s)s"
    }
}
