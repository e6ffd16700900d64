import Foundation
import Logging

/// Logs the wall and process CPU time of each stage of a simulation at debug level (`--verbose`).
///
/// CPU time (all threads) is reported beside wall time because wall time on a shared machine
/// depends on the load; on an idle machine with c cores, wall ≈ CPU / c for the parallel stages.
struct StageClock {
    let logger: Logger
    private var lastWall = Date()
    private var lastCPU = StageClock.cpuSeconds()
    private let startWall = Date()
    private let startCPU = StageClock.cpuSeconds()

    init(logger: Logger) { self.logger = logger }

    /// Process CPU time (all threads), seconds.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Logs the time since the previous lap under `stage`.
    mutating func lap(_ stage: String) {
        let now = Date(), cpu = Self.cpuSeconds()
        logger.debug("\(stage): wall \(String(format: "%.3f", now.timeIntervalSince(lastWall))) s, CPU \(String(format: "%.3f", cpu - lastCPU)) s")
        lastWall = now; lastCPU = cpu
    }

    /// Logs the totals since the clock was made.
    func total() {
        logger.debug("total: wall \(String(format: "%.3f", Date().timeIntervalSince(startWall))) s, CPU \(String(format: "%.3f", Self.cpuSeconds() - startCPU)) s")
    }
}
