import Foundation
import Logging

/// Logs the wall time of each stage of a simulation at debug level (for `--verbose` runs and benchmarks).
struct StageClock {
    let logger: Logger
    private var last = Date()

    init(logger: Logger) { self.logger = logger }

    /// Logs the time since the previous lap under `stage`.
    mutating func lap(_ stage: String) {
        let now = Date()
        logger.debug("\(stage): \(String(format: "%.3f", now.timeIntervalSince(last))) s")
        last = now
    }
}
