import Foundation
import SeaIceMultiTask
import SeaIceTraining

/// One training run of `seaice bench train`: a side, a seed, its epochs and its peak memory.
public struct TrainingParityRun: Codable, Sendable {
    /// Which implementation trained.
    public enum Side: String, Codable, Sendable {
        /// SeaIceKit (`Trainer`).
        case swift
        /// `python/train_reference.py` (PyTorch).
        case python
    }

    /// One epoch's figures (scores in percent, nil without validation).
    public struct Epoch: Codable, Sendable {
        /// Epoch number, from 1.
        public var epoch: Int
        /// Wall seconds of the whole epoch.
        public var seconds: Double
        /// Wall seconds of the training loop (batches, steps).
        public var trainSeconds: Double
        /// Wall seconds of validation and checkpoint saving.
        public var validationSeconds: Double
        /// Mean training loss.
        public var loss: Double
        /// Validation SIC R², SOD and FLOE weighted F1, combined score (percent).
        public var sic: Double?, sod: Double?, floe: Double?, combined: Double?
    }

    /// The implementation.
    public var side: Side
    /// The seed.
    public var seed: UInt64
    /// Every epoch.
    public var epochs: [Epoch]
    /// Peak resident memory of the run (KiB; VmHWM, reset before a Swift run, whole process for Python).
    public var peakKiB: Int

    /// Median wall seconds per epoch.
    public var medianEpochSeconds: Double { Statistics.median(epochs.map(\.seconds)) }
    /// Best validation combined score.
    public var bestCombined: Double? { epochs.compactMap(\.combined).max() }
    /// Last epoch's scores.
    public var last: Epoch { epochs[epochs.count - 1] }
}

/// Small descriptive statistics used by the benchmark reports.
enum Statistics {
    /// Median (NaN for an empty list).
    static func median(_ v: [Double]) -> Double {
        guard !v.isEmpty else { return .nan }
        let s = v.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// Mean and sample standard deviation (sd NaN below two values).
    static func meanSD(_ v: [Double]) -> (mean: Double, sd: Double) {
        guard !v.isEmpty else { return (.nan, .nan) }
        let m = v.reduce(0, +) / Double(v.count)
        guard v.count > 1 else { return (m, .nan) }
        return (m, (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot())
    }
}

/// What `seaice bench train` measured.
public struct TrainingParityReport: Codable, Sendable {
    /// The configuration both sides trained (seed = the first run's; validation scenes fixed).
    public var configuration: TrainingConfiguration
    /// Training and validation scene file names.
    public var trainScenes: [String], validationScenes: [String]
    /// Whether the scenes are simulated.
    public var simulated: Bool
    /// libtorch threads on both sides.
    public var threads: Int
    /// Every run, in the order they ran.
    public var runs: [TrainingParityRun]
    /// Whether the PyTorch reference ran with SeaIceKit's C-heap setting (else glibc's defaults).
    public var pythonRetainsFreedMemory = false

    /// The runs of one side.
    public func runs(_ side: TrainingParityRun.Side) -> [TrainingParityRun] { runs.filter { $0.side == side } }

    /// Median over every epoch of every run of one side, of the figure `value`.
    public func medianEpoch(_ side: TrainingParityRun.Side, _ value: (TrainingParityRun.Epoch) -> Double) -> Double {
        Statistics.median(runs(side).flatMap { $0.epochs.map(value) })
    }

    /// Python seconds per epoch ÷ Swift seconds per epoch (ratio of the medians over all epochs).
    public var epochSpeedup: Double { medianEpoch(.python, \.seconds) / medianEpoch(.swift, \.seconds) }

    /// Whether the two sides' mean `score` (over seeds) differ by at most twice the standard error
    /// of the difference, √(sd²_S/n_S + sd²_P/n_P); nil with fewer than two seeds per side.
    public func withinNoise(_ score: (TrainingParityRun) -> Double?) -> Bool? {
        let s = runs(.swift).compactMap(score), p = runs(.python).compactMap(score)
        guard s.count > 1, p.count > 1 else { return nil }
        let a = Statistics.meanSD(s), b = Statistics.meanSD(p)
        let se = (a.sd * a.sd / Double(s.count) + b.sd * b.sd / Double(p.count)).squareRoot()
        return abs(a.mean - b.mean) <= 2 * se
    }

    /// The report as Markdown (the tables recorded in BENCHMARKS.md).
    public var markdown: String {
        func f(_ x: Double?, _ d: Int = 2) -> String { x.map { $0.isNaN ? "–" : String(format: "%.\(d)f", $0) } ?? "–" }
        func ms(_ v: [Double]) -> String { let r = Statistics.meanSD(v); return "\(f(r.mean)) ± \(f(r.sd))" }
        let c = configuration
        var out = "# seaice bench train: SeaIceKit vs PyTorch reference\(simulated ? " (SIMULATED DATA)" : "")\n\n"
        out += "U-Net \(c.model.filters.map(String.init).joined(separator: "/")), \(c.model.inputChannels) inputs, batch \(c.sampler.batchSize) × \(c.sampler.patchSize)², "
        out += "\(c.epochs) epochs × \(c.iterationsPerEpoch) iterations, downscale \(c.sampler.downscaleFactor), \(threads) threads; "
        out += "C heap: SeaIceKit caches freed tensor memory (HostMemory); PyTorch \(pythonRetainsFreedMemory ? "glibc keeping freed memory (GLIBC_TUNABLES)" : "glibc's defaults, as its users run it"). "
        out += "\(trainScenes.count) training scenes, \(validationScenes.count) validation scene(s)\(simulated ? " — all SIMULATED" : "").\n\n"
        out += "| side | seed | median s/epoch | train loop s | validation + checkpoints s | best combined | last SIC | last SOD | last FLOE | last combined | peak RSS MiB |\n"
        out += "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in runs {
            out += "| \(r.side.rawValue) | \(r.seed) | \(f(r.medianEpochSeconds)) | \(f(Statistics.median(r.epochs.map(\.trainSeconds)))) | "
            out += "\(f(Statistics.median(r.epochs.map(\.validationSeconds)))) | \(f(r.bestCombined)) | \(f(r.last.sic)) | \(f(r.last.sod)) | "
            out += "\(f(r.last.floe)) | \(f(r.last.combined)) | \(r.peakKiB / 1024) |\n"
        }
        let loop = medianEpoch(.python, \.trainSeconds) / medianEpoch(.swift, \.trainSeconds)
        let val = medianEpoch(.python, \.validationSeconds) / medianEpoch(.swift, \.validationSeconds)
        out += "\n**Per epoch: SeaIceKit \(f(epochSpeedup))× faster** (median over all epochs of all seeds: \(f(medianEpoch(.swift, \.seconds))) s vs "
        out += "\(f(medianEpoch(.python, \.seconds))) s; training loop \(f(loop))×, validation + checkpoints \(f(val))×).\n\n"
        out += "| score over seeds (mean ± sd) | SeaIceKit | PyTorch reference | equal within run-to-run noise (abs Δ ≤ 2 SE) |\n|---|---|---|---|\n"
        let scores: [(String, (TrainingParityRun) -> Double?)] = [
            ("best combined", { $0.bestCombined }), ("last combined", { $0.last.combined }),
            ("last SIC R²", { $0.last.sic }), ("last SOD F1", { $0.last.sod }), ("last FLOE F1", { $0.last.floe }),
        ]
        for (name, score) in scores {
            let verdict = withinNoise(score).map { $0 ? "yes" : "no" } ?? "– (needs ≥ 2 seeds)"
            out += "| \(name) | \(ms(runs(.swift).compactMap(score))) | \(ms(runs(.python).compactMap(score))) | \(verdict) |\n"
        }
        out += "\nPeak RSS: SeaIceKit \(runs(.swift).map(\.peakKiB).max().map { "\($0 / 1024)" } ?? "–") MiB, "
        out += "PyTorch \(runs(.python).map(\.peakKiB).max().map { "\($0 / 1024)" } ?? "–") MiB (its DataLoader worker process not counted).\n"
        if simulated { out += "\nAll scores above come from SIMULATED scenes; they say nothing about real ice.\n" }
        return out
    }
}
