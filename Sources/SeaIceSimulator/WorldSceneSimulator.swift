import Foundation
import Logging
import SeaIceCore

/// Where a Sentinel-1 EW scene of the world lies: the real template footprint rotated about the pole by
/// `longitudeShift` degrees (an exact isometry of the ellipsoid, so the swath keeps its real geometry).
public struct WorldScenePlacement: Sendable, Codable, Equatable {
    /// Degrees east added to every longitude of the real footprint (0 = the real place; SAFE needs 0).
    public var longitudeShift: Double

    /// A placement.
    public init(longitudeShift: Double = 0) { self.longitudeShift = longitudeShift }

    /// `longitude` wrapped to −180…180 degrees.
    public static func wrap(_ longitude: Double) -> Double {
        var l = longitude.truncatingRemainder(dividingBy: 360)
        if l > 180 { l -= 360 } else if l <= -180 { l += 360 }
        return l
    }
}

/// Sentinel-1 EW scenes sampled from an `ArcticWorld`: the surface of every pixel is the world's
/// (ten stages, floes, leads, land), the backscatter follows `StageSignatureTable` for the world's
/// month, open water follows the world's wind (the same field the scene's ERA5 variables hold), the
/// chart is the world's `WorldChart`; speckle, real thermal noise, denoising, AMSR2 and the AI4Arctic
/// layout are the original simulator's. The scene carries the truth layers (`truthSurfaceClass`,
/// `truthConcentration`). SIMULATED DATA.
public struct WorldSceneSimulator: Sendable {
    /// The world.
    public let world: ArcticWorld
    /// The real geometry, noise and microwave signatures.
    public let resources: SimulatorResources
    /// The ten-stage C-band table.
    public var stages: StageSignatureTable
    let logger: Logger

    /// A simulator of scenes of `world`.
    public init(world: ArcticWorld, resources: SimulatorResources, stages: StageSignatureTable = StageSignatureTable(),
                logger: Logger) {
        self.world = world; self.resources = resources; self.stages = stages; self.logger = logger
    }

    /// The geometry window of a scene (template and offset drawn from `seed` as the original simulator does).
    func geometry(config: SimulationConfig, seed: UInt64) throws -> (GeometryTemplate, ScaledGeometry, SeededGenerator) {
        guard config.lines >= 8, config.samples >= 8, config.pixelSpacing > 0, 2000 % config.pixelSpacing == 0 else {
            throw SeaIceError.configuration("world scenes need at least 8 × 8 pixels of a spacing dividing 2000 m, got "
                + "\(config.lines) × \(config.samples) at \(config.pixelSpacing) m")
        }
        try config.checkSize()
        if let t = config.template, !resources.templates.indices.contains(t) {
            throw SeaIceError.configuration("template must be 0…\(resources.templates.count - 1), got \(t)")
        }
        var g = SeededGenerator(seed: seed)
        let drawn = Int(g.next() % UInt64(resources.templates.count))
        let template = resources.templates[config.template ?? drawn]
        let geo = ScaledGeometry(base: template.geometry, lines: config.lines, samples: config.samples,
                                 pixelSpacing: Double(config.pixelSpacing), offset: (g.nextUnitDouble(), g.nextUnitDouble()))
        return (template, geo, g)
    }

    /// (longitude, latitude) of scene position (line, sample) under `placement`.
    static func location(_ geo: ScaledGeometry, _ placement: WorldScenePlacement, _ line: Double, _ sample: Double)
        -> (longitude: Double, latitude: Double)
    {
        let pl = geo.productLine(line), pp = geo.productPixel(sample)
        return (WorldScenePlacement.wrap(geo.base.interpolate(geo.base.longitude, line: pl, pixel: pp) + placement.longitudeShift),
                geo.base.interpolate(geo.base.latitude, line: pl, pixel: pp))
    }

    /// The scene's four corners (first line first sample, first line last sample, last/last, last/first),
    /// (longitude, latitude) degrees.
    public func footprint(config: SimulationConfig, placement: WorldScenePlacement, seed: UInt64) throws -> [(Double, Double)] {
        let (_, geo, _) = try geometry(config: config, seed: seed)
        let l = Double(config.lines - 1), s = Double(config.samples - 1)
        return [(0, 0), (0, s), (l, s), (l, 0)].map { Self.location(geo, placement, $0.0, $0.1) }
    }

    /// Simulates one scene at `placement`; `chart` nil draws the world's chart over the scene.
    public func simulate(config: SimulationConfig, placement: WorldScenePlacement = WorldScenePlacement(),
                         chart: WorldChart? = nil, seed: UInt64) throws -> SimulatedScene {
        var cfg = config
        cfg.month = world.date.month
        var clock = Date(), timings: [String] = []
        func stage(_ name: String) {
            timings.append("\(name) \(String(format: "%.2f", Date().timeIntervalSince(clock))) s")
            clock = Date()
        }
        let (template, geo, gStart) = try geometry(config: cfg, seed: seed)
        var g = gStart
        let lines = cfg.lines, samples = cfg.samples, n = lines * samples
        let spacing = Double(cfg.pixelSpacing), kmX = spacing / 1000
        let enl = cfg.enl ?? 10.7 * max(1, (spacing / 40) * (spacing / 40))
        let step = max(1, min(32, Int(1000 / spacing)))
        let grid = try WorldPixelGrid(lines: lines, samples: samples, spacing: spacing, step: step, projection: world.projection) {
            Self.location(geo, placement, $0, $1)
        }
        stage("geometry and node positions")
        let raster = world.render(grid)
        stage("surface classes")
        let incidence = geo.grid(template.geometry.incidence)
        // Chart over the scene's extent.
        let corners = (0..<grid.nodeX.count).map { (grid.nodeX[$0], grid.nodeY[$0]) }
        let chart = chart ?? WorldChart(world: world, xMin: corners.map(\.0).min()! - 1000, xMax: corners.map(\.0).max()! + 1000,
                                        yMin: corners.map(\.1).min()! - 1000, yMax: corners.map(\.1).max()! + 1000,
                                        cellSize: min(50_000, max(5_000, Double(min(lines, samples)) * spacing / 3)))
        let outside = Int32(chart.polygons.count)
        let index = SharedArray<Int32>(repeating: outside, count: n)
        DispatchQueue.concurrentPerform(iterations: lines) { i in
            for j in 0..<samples {
                let p = grid.position(line: Double(i), sample: Double(j))
                index[i * samples + j] = chart.polygonIndex(x: p.x, y: p.y).map(Int32.init) ?? outside
            }
        }
        stage("chart and polygon index")
        let (polygons, polyIndex) = SceneSimulator.keepPresent(chart.polygons + [SimulatedPolygon(id: 0, kind: .water, ct: 1)],
                                                               index: index.array)
        // Wind of the world on the 2 km grid (ERA5 variables and open-water backscatter agree).
        let coarse = CoarseGrid(sarLines: lines, sarSamples: samples, pixelSpacing: cfg.pixelSpacing)
        var gw = g.split()
        let season = MicrowaveSignatures.seasonal(resources.signatures.ice, month: world.date.month)
        let basePoint = season[Int(gw.next() % UInt64(season.count))]
        var weather = WeatherFields(grid: coarse, base: basePoint, generator: &gw)
        for a in 0..<coarse.lines {
            for b in 0..<coarse.samples {
                let p = Self.location(geo, placement, (Double(a) + 0.5) * coarse.pixelsPerCellLine - 0.5,
                                      (Double(b) + 0.5) * coarse.pixelsPerCellSample - 0.5)
                let w = world.wind(p.latitude, p.longitude)
                weather.u10[a * coarse.samples + b] = w.u; weather.v10[a * coarse.samples + b] = w.v
            }
        }
        let windCells = weather.windSpeed
        let (wind, sheltered) = SceneSimulator.pixelWind(windCells, coarse: coarse, lines: lines, samples: samples,
                                                         polygons: polygons, index: polyIndex)
        stage("wind")
        var gs = g.split()
        let sar = SARSynthesis(table: stages.base, classes: stages.classes(month: world.date.month), enl: enl,
                               textureDB: cfg.textureDB, noiseScalingError: cfg.noiseScalingError)
            .run(geometry: geo, template: template, surface: raster.surfaceClass, floeKey: raster.floeKey, sheltered: sheltered,
                 wind: wind, incidence: incidence, generator: &gs)
        stage("SAR synthesis (backscatter, texture, speckle, noise)")
        let isLand = raster.surfaceClass.map { $0 == WorldSurfaceClass.land.rawValue }
        let distance = DistanceTransform.distance(to: isLand, lines: lines, samples: samples, dx: kmX, dy: kmX, cap: 100)
            .map { $0.rounded(.up) }
        let surface = raster.surfaceClass.map { WorldSurfaceClass(rawValue: $0)!.surfaceKind.rawValue }
        let (amsr2, fractions) = SceneSimulator.passiveMicrowave(
            resources: resources, month: world.date.month, surface: surface, lines: lines, samples: samples, coarse: coarse,
            weather: &weather, basePoint: basePoint, windCells: windCells, generator: &g)
        stage("distance to land and AMSR2/ERA5")
        let time = template.geometry.firstLineTime
        let start = "\(world.date)T\(time.dropFirst(11).prefix(8))"
        let summary = "world scene \(lines)×\(samples) at \(cfg.pixelSpacing) m on \(template.name), shift \(placement.longitudeShift)°: "
            + timings.joined(separator: ", ")
        logger.debug("\(summary)")
        var scene = SimulatedScene(seed: seed, config: cfg, lines: lines, samples: samples, templateName: template.name,
                                   geometry: geo, month: world.date.month, startTime: start, enl: enl,
                                   hhDB: sar.hh, hvDB: sar.hv, trueHHDB: sar.trueHH, trueHVDB: sar.trueHV, incidence: incidence,
                                   surface: surface, polygonIndex: polyIndex, polygons: polygons, distanceKm: distance,
                                   coarse: coarse, amsr2: amsr2, weather: weather, fractions: fractions)
        scene.longitudeShift = placement.longitudeShift
        scene.truthSurfaceClass = raster.surfaceClass
        scene.truthConcentration = raster.concentration
        return scene
    }
}
