import Foundation
import SeaIceCore
import SeaIcePolarGrids

/// `seaice bench pm-grid`: gridding one (synthetic, SIMULATED) day of AMSR2-like swath samples to an NSIDC
/// north grid with SeaIceKit's `SwathGridResampler` and with pyresample's `kd_tree.resample_nearest` /
/// `resample_gauss` (python/grid_reference.py) with the same radius, σ, neighbours and threads, in one run.
///
/// Timing (the fastest of `runs` alternating rounds): SeaIceKit's figure is the whole gridding (PROJ projection of the samples and cell centres, binning,
/// neighbour search, weighting) per method; pyresample's the whole `resample_*` call (kd-tree build, query,
/// weighting), measured inside Python (process start and file exchange excluded on both sides).
/// Agreement (documented tolerance): nearest — the same value in ≥ 99.9 % of the cells either side fills;
/// gaussian — |Δ| ≤ 0.01 K where both fill and ≤ 0.1 % of the cells filled by one side only (ties and
/// samples exactly at the radius can differ: float rounding of the chord distances).
public struct PMGridBenchmark: Sendable {
    /// The synthetic day.
    public var day: SyntheticSwathDay
    /// The grid.
    public var grid: PolarStereographicGrid
    /// Radius, σ, neighbours (the method is set per run).
    public var configuration: GridResamplingConfiguration
    /// Threads on both sides.
    public var threads: Int
    /// The repository (python/grid_reference.py).
    public var repository: URL
    /// The folder holding pyresample (`scripts/setup.sh` puts it in .deps/pyresample).
    public var pyresample: URL
    /// Rounds: each runs pyresample once and then SeaIceKit once per method, and every figure is the fastest
    /// round's (on a shared machine the other loads then hit both sides alike).
    public var runs: Int

    /// A benchmark.
    public init(day: SyntheticSwathDay, grid: PolarStereographicGrid, configuration: GridResamplingConfiguration,
                threads: Int, repository: URL, pyresample: URL, runs: Int = 1) {
        self.day = day
        self.grid = grid
        self.configuration = configuration
        self.threads = threads
        self.repository = repository
        self.pyresample = pyresample
        self.runs = max(1, runs)
    }

    /// One method's figures.
    public struct Row: Sendable {
        /// The method.
        public var method: GridResamplingConfiguration.Method
        /// Seconds, SeaIceKit and pyresample.
        public var swiftSeconds: Double, pythonSeconds: Double
        /// Cells filled by both; by one side only.
        public var bothFilled: Int, oneSideOnly: Int
        /// Largest |Δ| where both fill, K; share of those cells with |Δ| ≤ 1e-4 K.
        public var maxDifference: Double, identicalShare: Double
        /// pyresample seconds / SeaIceKit seconds.
        public var speedup: Double { pythonSeconds / swiftSeconds }
        /// Whether the results agree within the documented tolerance.
        public var agrees: Bool {
            let filled = Double(bothFilled + oneSideOnly)
            switch method {
            case .nearest: return Double(bothFilled) * identicalShare >= 0.999 * filled
            default: return maxDifference <= 0.01 && Double(oneSideOnly) <= 0.001 * filled
            }
        }
    }

    /// Runs both sides for nearest and gaussian; `log` receives progress lines.
    public func run(log: (String) -> Void) throws -> (samples: Int, rows: [Row]) {
        let script = repository.appendingPathComponent("python/grid_reference.py")
        guard FileManager.default.fileExists(atPath: script.path) else {
            throw SeaIceError.missing(file: repository.path, item: "python/grid_reference.py (run from the repository or pass --repository)")
        }
        guard FileManager.default.fileExists(atPath: pyresample.appendingPathComponent("pyresample").path) else {
            throw SeaIceError.missing(file: pyresample.path, item: "pyresample (scripts/setup.sh installs it there)")
        }
        let (lat, lon) = day.geolocation()
        let values = zip(lat, lon).map { SyntheticSwathDay.field(latitude: $0, longitude: $1) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-pm-grid-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, a) in [("lat", lat), ("lon", lon), ("values", values)] {
            try a.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: dir.appendingPathComponent("\(name).f64"))
        }
        log("SIMULATED day: \(day.granules) granules × \(day.scans) scans × \(day.samplesPerScan) samples = \(lat.count) samples")
        let floats = values.map(Float.init)
        let methods = [GridResamplingConfiguration.Method.nearest, .gaussian]
        var python: [String: Double] = [:], swift: [GridResamplingConfiguration.Method: Double] = [:]
        var results: [GridResamplingConfiguration.Method: [Float]] = [:]
        for round in 1...runs {
            log("round \(round)/\(runs): pyresample (\(threads) threads) …")
            for (name, seconds) in try runPython(script: script, folder: dir) {
                python[name] = min(python[name] ?? .infinity, seconds)
            }
            for method in methods {
                var c = configuration
                c.method = method
                log("round \(round)/\(runs): SeaIceKit \(method) (\(threads) threads) …")
                let start = Date()
                let r = try SwathGridResampler(grid: grid, latitude: lat, longitude: lon, configuration: c, threads: threads)
                results[method] = r.resample(floats, threads: threads)
                swift[method] = min(swift[method] ?? .infinity, Date().timeIntervalSince(start))
            }
        }
        var rows: [Row] = []
        for method in methods {
            let ours = results[method]!, seconds = swift[method]!
            let data = try Data(contentsOf: dir.appendingPathComponent("py_\(method.rawValue).f32"))
            let theirs = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
            guard theirs.count == ours.count else {
                throw SeaIceError.invalidInput(file: "python/grid_reference.py", item: "py_\(method.rawValue).f32",
                                               expected: "\(ours.count) cells, found \(theirs.count)")
            }
            var both = 0, one = 0, identical = 0, worst = 0.0
            for i in ours.indices {
                switch (ours[i].isNaN, theirs[i].isNaN) {
                case (false, false):
                    both += 1
                    let d = Double(abs(ours[i] - theirs[i]))
                    worst = max(worst, d)
                    if d <= 1e-4 { identical += 1 }
                case (true, true): break
                default: one += 1
                }
            }
            rows.append(Row(method: method, swiftSeconds: seconds, pythonSeconds: python[method.rawValue] ?? .nan,
                            bothFilled: both, oneSideOnly: one, maxDifference: worst,
                            identicalShare: both > 0 ? Double(identical) / Double(both) : 0))
        }
        return (lat.count, rows)
    }

    /// Runs the reference; returns its seconds per method.
    private func runPython(script: URL, folder: URL) throws -> [String: Double] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, folder.path, "--epsg", "\(grid.epsg)", "--cell", "\(grid.cellSize)",
                       "--radius", "\(configuration.radiusOfInfluence)", "--sigma", "\(configuration.sigma)",
                       "--neighbours", "\(configuration.neighbours)", "--threads", "\(threads)"]
        var env = ProcessInfo.processInfo.environment
        env["PYTHONPATH"] = pyresample.path + (env["PYTHONPATH"].map { ":" + $0 } ?? "")
        env["OMP_NUM_THREADS"] = "\(threads)"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.standardError
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        struct Answer: Decodable { var seconds: [String: Double] }
        guard p.terminationStatus == 0, let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let answer = try? JSONDecoder().decode(Answer.self, from: Data(line.utf8)) else {
            throw SeaIceError.invalidInput(file: script.path, item: "exit status \(p.terminationStatus), output",
                                           expected: "one JSON line {\"seconds\": …}")
        }
        return answer.seconds
    }
}
