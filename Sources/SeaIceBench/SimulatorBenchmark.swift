import Foundation
import Logging
import SeaIceCore
import SeaIceSimulator

/// `seaice bench simulate`: speed of the scene simulator and the simulated world, and the ten-stage
/// separability figure. Every figure is measured on SIMULATED data.
public struct SimulatorBenchmark {
    /// One measured row.
    public struct Row: Sendable {
        /// What was measured, the value and its unit.
        public var name: String, value: Double, unit: String
    }

    /// The shared data folder.
    public let dataFolder: URL
    /// Timed repeats of the 1000 × 1000 scenes (the median is reported).
    public var repeats = 3
    /// Whether to time a full-size (10 000 × 10 000, 40 m) world scene (≈ 6.4 GB of working memory).
    public var fullSize = false
    let logger: Logger

    /// A benchmark over `dataFolder`.
    public init(dataFolder: URL, repeats: Int = 3, fullSize: Bool = false, logger: Logger) {
        self.dataFolder = dataFolder; self.repeats = repeats; self.fullSize = fullSize; self.logger = logger
    }

    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let t = Date()
        let r = try body()
        return (r, Date().timeIntervalSince(t))
    }

    /// Runs every measurement, calling `report` after each row.
    public func run(report: (Row) -> Void) throws -> [Row] {
        var rows: [Row] = []
        func add(_ name: String, _ value: Double, _ unit: String = "s") { let r = Row(name: name, value: value, unit: unit); rows.append(r); report(r) }
        let (resources, load) = try Self.time { try SimulatorResources(dataFolder: dataFolder, logger: logger) }
        add("resource loading (SimulatorResources)", load)
        let (base, baseLoad) = try Self.time { try ArcticBaseMap(dataFolder: dataFolder) }
        add("world base map loading (arctic.nc + NSIDC masks, PROJ)", baseLoad)
        let simulator = SceneSimulator(resources: resources, logger: logger)
        let config = SimulationConfig(size: 1000)
        let legacy = try (0..<repeats).map { k in try Self.time { try simulator.simulate(config: config, seed: UInt64(k)) }.1 }.sorted()
        add("1000 × 1000 scene, original simulator (median of \(repeats))", legacy[repeats / 2])
        let world = try ArcticWorld(base: base, date: try WorldDate("2021-11-15"), seed: 0)
        let worldSim = WorldSceneSimulator(world: world, resources: resources, logger: logger)
        let shift = WorldScenePlacement(longitudeShift: 0)
        let fromWorld = try (0..<repeats).map { k in try Self.time { try worldSim.simulate(config: config, placement: shift, seed: UInt64(k)) }.1 }
            .sorted()
        add("1000 × 1000 scene from the world (median of \(repeats))", fromWorld[repeats / 2])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-bench-day-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, day) = try Self.time { () throws -> SimulatedDayManifest in
            try SimulatedDayWriter.standardDay(dataFolder: dataFolder, date: try WorldDate("2021-11-15"), seed: 0, sentinel1: 2,
                                               rcm: 1, orbits: nil, fullSize: false, logger: logger).write(to: folder)
        }
        add("demo-size day as `seaice simulate day` writes it (2 EW scenes 500 × 500 at 80 m, 1 RCM product, "
            + "4 AMSR2 swaths + daily grid, ERA5, chart, 25 km truth; loading included)", day)
        if fullSize {
            let (_, full) = try Self.time { try worldSim.simulate(config: SimulationConfig(size: 10_000), placement: shift, seed: 0) }
            add("full-size EW scene 10 000 × 10 000 at 40 m from the world", full)
        }
        let (sep, sepTime) = Self.time { StageSeparability.measure(resources: resources, size: 400, seed: 1) }
        add("ten-stage per-pixel Gaussian classifier accuracy on HH/HV (SIMULATED, 40 m)", 100 * sep.accuracy, "%")
        logger.debug("separability panel in \(sepTime) s; recall \(sep.recall)")
        return rows
    }
}
