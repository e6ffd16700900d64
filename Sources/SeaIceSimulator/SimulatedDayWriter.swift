import Foundation
import Logging
import SeaIceCore

/// The manifest of a simulated day (`manifest.json`): every file with its kind, footprint and time.
public struct SimulatedDayManifest: Codable, Sendable, Equatable {
    /// One file (or SAFE folder) of the day.
    public struct Entry: Codable, Sendable, Equatable {
        /// What it is: `sentinel1-ew-ai4arctic-raw`, `ice-chart-sigrid3-gpkg`, `world-truth`, or a producer's own kind.
        public var kind: String
        /// Path relative to the day folder.
        public var path: String
        /// Footprint corners, [longitude, latitude] degrees.
        public var footprint: [[Double]]
        /// Acquisition or validity time, ISO 8601 UTC.
        public var time: String

        /// An entry.
        public init(kind: String, path: String, footprint: [[Double]], time: String) {
            self.kind = kind; self.path = path; self.footprint = footprint; self.time = time
        }
    }

    /// The day, the seed, and `simulated` = true (SIMULATED DATA).
    public var date: String, seed: UInt64, simulated: Bool
    /// The files.
    public var files: [Entry]
}

/// What a producer of more files of the day sees: the world and the files written so far.
public struct SimulatedDayContext: Sendable {
    /// The world of the day.
    public let world: ArcticWorld
    /// The real data the simulator reads.
    public let resources: SimulatorResources
    /// Whether full-size products were requested.
    public let fullSize: Bool
    /// The day's seed.
    public let seed: UInt64
    /// Entries written before this producer (scenes, chart, truth).
    public let written: [SimulatedDayManifest.Entry]
}

/// A hook of `SimulatedDayWriter`: writes more files of the day (RCM scenes, AMSR2 swaths and daily
/// grids, ERA5 fields) into `folder`, sampled from `context.world`, and returns their manifest entries
/// (paths relative to `folder`). Producers run in order after the built-in products.
public protocol SimulatedDayProducer: Sendable {
    /// Writes the producer's files; throws `SeaIceError` naming the file on failure.
    func write(_ context: SimulatedDayContext, to folder: URL) throws -> [SimulatedDayManifest.Entry]
}

/// Writes one consistent simulated day: `sentinel1` EW scenes placed over the world (AI4Arctic raw
/// netCDF with truth layers), the world's SIGRID-3 chart over them (GeoPackage), the world's truth on
/// the pan-Arctic EPSG:3413 grid (netCDF), the files of every `producers` hook, then `manifest.json`
/// (atomic, written last). Small by default (scenes 500 × 500 at 80 m, truth at 25 km); `fullSize`
/// gives whole EW products (10 000 × 10 000 at 40 m) and truth at 6.25 km. SIMULATED DATA.
public struct SimulatedDayWriter: Sendable {
    /// The world of the day.
    public let world: ArcticWorld
    /// Real data.
    public let resources: SimulatorResources
    /// Number of Sentinel-1 scenes.
    public var sentinel1: Int
    /// Full-size products.
    public var fullSize: Bool
    /// The day's seed (scene k uses seed + k).
    public var seed: UInt64
    /// More products (the hook for RCM, AMSR2 and ERA5 writers).
    public var producers: [SimulatedDayProducer] = []
    /// The ten-stage C-band table of the scenes.
    public var stages = StageSignatureTable()
    let logger: Logger

    /// A writer for `world`.
    public init(world: ArcticWorld, resources: SimulatorResources, sentinel1: Int, fullSize: Bool, seed: UInt64, logger: Logger) {
        self.world = world; self.resources = resources; self.sentinel1 = sentinel1
        self.fullSize = fullSize; self.seed = seed; self.logger = logger
        sceneConfig = SimulationConfig(size: fullSize ? 10_000 : 500)
        sceneConfig.pixelSpacing = fullSize ? 40 : 80
        truthSpacing = fullSize ? 6250 : 25_000
    }

    /// The scene configuration of the day (set by `init` from `fullSize`; callers may change it).
    public var sceneConfig: SimulationConfig
    /// Pixel size of the pan-Arctic truth file, metres (25 km, or 6.25 km at full size).
    public var truthSpacing: Double

    /// The placement of scene `k`: the first of up to 24 seeded rotations whose centre has 15–98 % ice and
    /// little land, else the one with the most ice below 98 %.
    public func placement(scene k: Int, simulator: WorldSceneSimulator) throws -> WorldScenePlacement {
        var g = SeededGenerator(seed: (seed &+ UInt64(k)) ^ 0x9A1E_0000_0000_0001)
        var best = (WorldScenePlacement(), -1.0)
        for _ in 0..<24 {
            let p = WorldScenePlacement(longitudeShift: (g.nextUnitDouble() * 360).rounded() - 180)
            let corners = try simulator.footprint(config: sceneConfig, placement: p, seed: seed &+ UInt64(k))
            let lon = corners.map(\.0), lat = corners.map(\.1)
            let centre = try world.polar(longitude: [lon.reduce(0, +) / 4], latitude: [lat.reduce(0, +) / 4])[0]
            let fit = world.sceneCentre(x: centre.x, y: centre.y)
            if fit.suitable { return p }
            if fit.score > best.1 { best = (p, fit.score) }
        }
        return best.0
    }

    /// Writes the day into `folder` (created if needed); returns the manifest.
    @discardableResult
    public func write(to folder: URL) throws -> SimulatedDayManifest {
        guard sentinel1 >= 0 else { throw SeaIceError.configuration("--sentinel1 must be 0 or more, got \(sentinel1)") }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let simulator = WorldSceneSimulator(world: world, resources: resources, stages: stages, logger: logger)
        var entries: [SimulatedDayManifest.Entry] = []
        // Footprints first: the chart covers all scenes.
        let config = sceneConfig
        var placed: [(WorldScenePlacement, [(Double, Double)])] = []
        for k in 0..<sentinel1 {
            let p = try placement(scene: k, simulator: simulator)
            placed.append((p, try simulator.footprint(config: config, placement: p, seed: seed &+ UInt64(k))))
        }
        let allCorners = placed.flatMap(\.1)
        var chart: WorldChart?
        if !allCorners.isEmpty {
            let xy = try world.polar(longitude: allCorners.map(\.0), latitude: allCorners.map(\.1))
            chart = WorldChart(world: world, xMin: xy.map(\.x).min()! - 100_000, xMax: xy.map(\.x).max()! + 100_000,
                               yMin: xy.map(\.y).min()! - 100_000, yMax: xy.map(\.y).max()! + 100_000,
                               cellSize: fullSize ? 50_000 : 20_000)
        }
        for (k, (p, corners)) in placed.enumerated() {
            let scene = try simulator.simulate(config: config, placement: p, chart: chart, seed: seed &+ UInt64(k))
            let url = try AI4ArcticRawWriter.write(scene, to: folder)
            logger.info("SIMULATED Sentinel-1 scene \(url.lastPathComponent)")
            entries.append(.init(kind: "sentinel1-ew-ai4arctic-raw", path: url.lastPathComponent,
                                 footprint: corners.map { [$0.0, $0.1] }, time: scene.startTime + "Z"))
        }
        let noon = "\(world.date)T12:00:00Z"
        if let chart {
            let name = "simulated_chart_\(world.date)_sigrid3.gpkg"
            try chart.writeGeoPackage(to: folder.appendingPathComponent(name))
            let corners = chart.rings.flatMap { $0 }
            let geo = try world.geographic(x: [corners.map(\.x).min()!, corners.map(\.x).max()!, corners.map(\.x).max()!, corners.map(\.x).min()!],
                                           y: [corners.map(\.y).max()!, corners.map(\.y).max()!, corners.map(\.y).min()!, corners.map(\.y).min()!])
            entries.append(.init(kind: "ice-chart-sigrid3-gpkg", path: name,
                                 footprint: zip(geo.longitude, geo.latitude).map { [$0, $1] }, time: noon))
        }
        let truthName = "simulated_world_truth_\(world.date).nc"
        let truthWindow = WorldWindow.panArctic(spacing: truthSpacing)
        try WorldTruthWriter.write(world, window: truthWindow, to: folder.appendingPathComponent(truthName))
        entries.append(.init(kind: "world-truth", path: truthName, footprint: try world.footprint(of: truthWindow), time: noon))
        // Hook: RCM, AMSR2 and ERA5 producers (wired by the lead).
        for producer in producers {
            let context = SimulatedDayContext(world: world, resources: resources, fullSize: fullSize, seed: seed, written: entries)
            entries += try producer.write(context, to: folder)
        }
        let manifest = SimulatedDayManifest(date: world.date.description, seed: seed, simulated: true, files: entries)
        try AtomicOutput.writeJSON(manifest, to: folder.appendingPathComponent("manifest.json"))
        return manifest
    }
}

extension SimulatedDayWriter {
    /// The day `seaice simulate day` writes: the world of `date` and `seed` over the real base map in
    /// `dataFolder` with one `ArcticWeather` whose noon wind is also the world's wind (SAR open water,
    /// AMSR2 gradient ratios and ERA5 agree), `sentinel1` EW scenes, `rcm` RCM products
    /// (`WorldRCMProducer` on the real RCM-2 metadata) and AMSR2 with ERA5 (`WorldAMSR2Producer`) for
    /// `orbits` orbits: nil = 2, or every orbit of the day with `fullSize`; 0 = no AMSR2 and no ERA5.
    /// - Throws: `SeaIceError` naming the file when the real resources or the base map cannot be read.
    public static func standardDay(
        dataFolder: URL, date: WorldDate, seed: UInt64, sentinel1: Int, rcm: Int, orbits: Int?, fullSize: Bool,
        logger: Logger
    ) throws -> SimulatedDayWriter {
        let resources = try SimulatorResources(dataFolder: dataFolder)
        let weather = try ArcticWeather(climatology: WeatherClimatology(signatures: resources.signatures), seed: seed)
        let world = try ArcticWorld(base: try ArcticBaseMap(dataFolder: dataFolder), date: date, seed: seed,
                                    wind: weather.wind(at: date.start.addingTimeInterval(43_200)))
        var writer = SimulatedDayWriter(world: world, resources: resources, sentinel1: sentinel1, fullSize: fullSize,
                                        seed: seed, logger: logger)
        if rcm > 0 {
            writer.producers.append(WorldRCMProducer(template: WorldRCMProducer.defaultTemplate(dataFolder: dataFolder),
                                                     count: rcm, logger: logger))
        }
        let orbitCount = orbits ?? (fullSize ? nil : 2)
        if orbitCount != 0 {
            writer.producers.append(WorldAMSR2Producer(weather: weather, orbits: orbitCount, logger: logger))
        }
        return writer
    }
}
