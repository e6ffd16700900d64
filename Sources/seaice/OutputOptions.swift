import ArgumentParser
import Foundation
import Logging

/// `-v/--verbose` and `-q/--quiet`, shared by every command (`@OptionGroup var output: OutputOptions`).
///
/// Normal: warnings and errors in the log, result lines on standard output, progress bars on standard
/// error when it is a terminal. `-v` adds info log lines (`-vv` debug, `-vvv` trace); `-q` prints
/// errors only: no result lines, no progress bars, no log lines below error.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log more: once for info lines (e.g. every scene), twice for debug.")
    var verbose: Int

    @Flag(name: .shortAndLong, help: "Print errors only: no result lines, progress bars or log lines.")
    var quiet = false

    func validate() throws {
        if quiet && verbose > 0 { throw ValidationError("-q/--quiet and -v/--verbose exclude each other; give one") }
    }

    /// The log level for a command whose normal level is `normal`: each `-v` one step more detail
    /// (warning → info → debug → trace), `-q` only errors.
    func level(normal: Logger.Level = .warning) -> Logger.Level {
        if quiet { return .error }
        let ladder: [Logger.Level] = [.critical, .error, .warning, .info, .debug, .trace]
        let start = ladder.firstIndex(of: normal == .notice ? .info : normal) ?? 2
        return ladder[min(ladder.count - 1, start + verbose)]
    }

    /// A logger at `level(normal:)`; also applies `-q` to the console (`Console.line`).
    func logger(_ label: String, normal: Logger.Level = .warning) -> Logger {
        activate()
        var logger = Logger(label: label)
        logger.logLevel = level(normal: normal)
        return logger
    }

    /// Applies `-q` to the console: `Console.line` prints nothing.
    func activate() { Console.quiet = quiet }

    /// A progress bar on standard error: drawn only without `-q` and when standard error is a terminal.
    func progressBar() -> ProgressBar { ProgressBar(enabled: !quiet) }
}
