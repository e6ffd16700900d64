import Foundation
import Logging
import SeaIceCore

/// Simulates Sentinel-1 EW scenes with charts, AMSR2 and ERA5 on real structure
/// (`../shared/specs/simulator.md`). The same seed and configuration give the same scene,
/// bit for bit, whatever the number of threads: every parallel block draws from its own
/// generator split off in a fixed order.
public struct SceneSimulator: Sendable {
    /// The real data the scenes are built on.
    public let resources: SimulatorResources
    let logger: Logger

    /// A simulator over `resources`, logging to `logger`.
    public init(resources: SimulatorResources, logger: Logger) {
        self.resources = resources
        self.logger = logger
    }

    /// Fraction of land pixels in a window (sampled on every 8th line and sample).
    private func landFraction(_ geo: ScaledGeometry, template: GeometryTemplate) throws -> Double {
        let lat = geo.grid(template.geometry.latitude), lon = geo.grid(template.geometry.longitude)
        let land = try LandMask(url: resources.landMaskURL,
                                latitude: Double(lat.min()!)...Double(lat.max()!), longitude: Double(lon.min()!)...Double(lon.max()!))
        var total = 0, count = 0
        for i in stride(from: 0, to: geo.lines, by: 8) {
            for j in stride(from: 0, to: geo.samples, by: 8) {
                let k = i * geo.samples + j
                total += 1
                if land.isLand(latitude: Double(lat[k]), longitude: Double(lon[k])) { count += 1 }
            }
        }
        return total == 0 ? 0 : Double(count) / Double(total)
    }

    /// Simulates one scene.
    public func simulate(config: SimulationConfig, seed: UInt64) throws -> SimulatedScene {
        guard config.lines >= 8, config.samples >= 8 else {
            throw SeaIceError.configuration("scene size must be at least 8 × 8 pixels, got \(config.lines) × \(config.samples)")
        }
        try config.checkSize()
        guard (config.month ?? 1) >= 1, (config.month ?? 1) <= 12 else {
            throw SeaIceError.configuration("month must be 1…12, got \(config.month!)")
        }
        guard config.pixelSpacing > 0, 2000 % config.pixelSpacing == 0 else {
            throw SeaIceError.configuration("pixel spacing must divide 2000 m (40, 50, 80, 100, 200, 400, 500, 1000), got \(config.pixelSpacing)")
        }
        if let t = config.template, !resources.templates.indices.contains(t) {
            throw SeaIceError.configuration("template must be 0…\(resources.templates.count - 1), got \(t)")
        }
        var clock = StageClock(logger: logger)
        var g = SeededGenerator(seed: seed)
        let drawnTemplate = Int(g.next() % UInt64(resources.templates.count))
        let template = resources.templates[config.template ?? drawnTemplate]
        let spacing = Double(config.pixelSpacing)
        var geo = ScaledGeometry(base: template.geometry, lines: config.lines, samples: config.samples, pixelSpacing: spacing,
                                 offset: (g.nextUnitDouble(), g.nextUnitDouble()))
        if let maxLand = config.maxLandFraction {
            guard (0...1).contains(maxLand) else {
                throw SeaIceError.configuration("maxLandFraction must be 0…1, got \(maxLand)")
            }
            var best = (geo, try landFraction(geo, template: template))
            var draws = 1
            while best.1 > maxLand && draws < 24 {
                let candidate = ScaledGeometry(base: template.geometry, lines: config.lines, samples: config.samples,
                                               pixelSpacing: spacing, offset: (g.nextUnitDouble(), g.nextUnitDouble()))
                let fraction = try landFraction(candidate, template: template)
                if fraction < best.1 { best = (candidate, fraction) }
                draws += 1
            }
            geo = best.0
            logger.debug("window with land fraction \(best.1) after \(draws) draws")
        }
        let month = config.month ?? template.month
        let looks = max(1, (spacing / 40) * (spacing / 40))
        let enl = config.enl ?? 10.7 * looks
        let lines = config.lines, samples = config.samples, n = lines * samples
        logger.debug("simulating \(lines)×\(samples) on \(template.name), spacing \(config.pixelSpacing) m, ENL \(enl), seed \(seed)")

        // Geometry, land.
        let incidence = geo.grid(template.geometry.incidence)
        let lat = geo.grid(template.geometry.latitude), lon = geo.grid(template.geometry.longitude)
        let land = try LandMask(url: resources.landMaskURL,
                                latitude: Double(lat.min()!)...Double(lat.max()!), longitude: Double(lon.min()!)...Double(lon.max()!))
        let isLand = (0..<n).map { land.isLand(latitude: Double(lat[$0]), longitude: Double(lon[$0])) }
        clock.lap("geometry and land")

        // Weather (winds first: open-water backscatter needs them).
        let coarse = CoarseGrid(sarLines: lines, sarSamples: samples, pixelSpacing: config.pixelSpacing)
        var gw = g.split()
        let season = MicrowaveSignatures.seasonal(resources.signatures.ice, month: month)
        let basePoint = season[Int(gw.next() % UInt64(season.count))]
        var weather = WeatherFields(grid: coarse, base: basePoint, generator: &gw)

        // Chart and floes.
        var gc = g.split()
        let kmX = spacing / 1000, kmY = spacing / 1000
        let widthKm = Double(samples) * kmX, heightKm = Double(lines) * kmY
        let chart = ProceduralChart(widthKm: widthKm, heightKm: heightKm, polygonSizeKm: config.polygonSizeKm, generator: &gc)
        let floes = FloeField(minimumCellKm: 3 * kmX, generator: &gc)
        // A real chart over part of the scenes (the procedural chart fills what it leaves uncovered).
        var gr = g.split()
        var window: RealChartPlacement.Window?
        if !resources.charts.isEmpty && gr.nextUnitDouble() < config.realChartFraction {
            let real = resources.charts[Int(gr.next() % UInt64(resources.charts.count))]
            window = try real.place(lines: lines, samples: samples, pixelMetres: spacing, generator: &gr)
            logger.debug("real chart \(real.chart.source): \(window!.polygons.count) polygons, rotated \(Int(window!.rotationDegrees))°")
        }
        let realPolygons = window?.polygons ?? [], realIndex = window?.index
        let realCount = Int32(realPolygons.count)
        var polygons = realPolygons + chart.polygons
        let landIndex = Int32(polygons.count)
        polygons.append(SimulatedPolygon(id: 0, kind: .land, ct: -9))
        let allPolygons = polygons
        let polyStep = CoarseLattice.step(scaleKm: chart.warpFinestScaleKm, pixelKm: kmX)
        let pwx = CoarseLattice(lines: lines, samples: samples, pixelKm: kmX, step: polyStep) { chart.warpOffset(x: $0, y: $1).0 }
        let pwy = CoarseLattice(lines: lines, samples: samples, pixelKm: kmX, step: polyStep) { chart.warpOffset(x: $0, y: $1).1 }
        let floeStep = CoarseLattice.step(scaleKm: 3, pixelKm: kmX)
        let fwx = CoarseLattice(lines: lines, samples: samples, pixelKm: kmX, step: floeStep) { floes.warpOffset(x: $0, y: $1).0 }
        let fwy = CoarseLattice(lines: lines, samples: samples, pixelKm: kmX, step: floeStep) { floes.warpOffset(x: $0, y: $1).1 }
        let s = SharedArray<UInt8>(repeating: 0, count: n), kk = SharedArray<Float>(repeating: 0.5, count: n)
        let p = SharedArray<Int32>(repeating: 0, count: n)
        do {
            DispatchQueue.concurrentPerform(iterations: lines) { i in
                for j in 0..<samples {
                    let k = i * samples + j
                    if isLand[k] { s[k] = SurfaceKind.land.rawValue; p[k] = landIndex; continue }
                    let x = Double(j) * kmX, y = Double(i) * kmY
                    var idx = Int32(-1)
                    if let r = realIndex?[k], r >= 0 { idx = r }
                    if idx < 0 { idx = realCount + Int32(chart.polygonIndex(warpedX: x + pwx.value(i, j), warpedY: y + pwy.value(i, j))) }
                    let (kind, u) = floes.surface(x: x, y: y, polygon: allPolygons[Int(idx)], warp: (fwx.value(i, j), fwy.value(i, j)))
                    s[k] = kind.rawValue; kk[k] = Float(u); p[k] = idx
                }
            }
        }
        let surface = s.array, key = kk.array
        let (keptPolygons, polyIndex) = Self.keepPresent(polygons, index: p.array)
        polygons = keptPolygons
        clock.lap("chart and floes")

        // SAR.
        let windCells = weather.windSpeed
        let (wind, sheltered) = SceneSimulator.pixelWind(windCells, coarse: coarse, lines: lines, samples: samples,
                                                         polygons: polygons, index: polyIndex)
        clock.lap("wind per pixel")
        var gs = g.split()
        let sar = SARSynthesis(table: config.backscatter, enl: enl, textureDB: config.textureDB, noiseScalingError: config.noiseScalingError)
            .run(geometry: geo, template: template, surface: surface, floeKey: key, sheltered: sheltered, wind: wind,
                 incidence: incidence, generator: &gs)
        let distance = DistanceTransform.distance(to: isLand, lines: lines, samples: samples, dx: kmX, dy: kmY, cap: 100)
            .map { $0.rounded(.up) }
        clock.lap("backscatter, speckle, noise, denoising, distance")

        // Coarse fractions, weather thermodynamics, AMSR2.
        let (amsr2, fractions) = Self.passiveMicrowave(resources: resources, month: month, surface: surface, lines: lines,
                                                       samples: samples, coarse: coarse, weather: &weather, basePoint: basePoint,
                                                       windCells: windCells, generator: &g)
        clock.lap("AMSR2 and ERA5")
        clock.total()
        let day = 1 + Int(seed % 28)
        let time = template.geometry.firstLineTime
        let start = "\(time.prefix(4))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T\(time.dropFirst(11).prefix(8))"
        return SimulatedScene(seed: seed, config: config, lines: lines, samples: samples, templateName: template.name,
                              geometry: geo, month: month, startTime: start, enl: enl,
                              hhDB: sar.hh, hvDB: sar.hv, trueHHDB: sar.trueHH, trueHVDB: sar.trueHV, incidence: incidence,
                              surface: surface, polygonIndex: polyIndex, polygons: polygons, distanceKm: distance,
                              coarse: coarse, amsr2: amsr2, weather: weather, fractions: fractions)
    }

    /// The 10 m wind speed (m/s) of the 2 km cells at every SAR pixel and whether the pixel lies in an ice polygon
    /// (water there is sheltered), row-major `lines × samples`.
    static func pixelWind(_ windCells: [Double], coarse: CoarseGrid, lines: Int, samples: Int, polygons: [SimulatedPolygon],
                          index: [Int32]) -> (wind: [Float], sheltered: [Bool]) {
        let n = lines * samples
        var wind = [Float](repeating: 0, count: n), sheltered = [Bool](repeating: false, count: n)
        for i in 0..<lines {
            for j in 0..<samples {
                let k = i * samples + j
                wind[k] = Float(coarse.sample(windCells, line: i, sample: j))
                sheltered[k] = polygons[Int(index[k])].kind == .ice
            }
        }
        return (wind, sheltered)
    }

    /// Keeps the polygons present in `index` (pixel → polygon), numbered 1… in order of first appearance.
    static func keepPresent(_ polygons: [SimulatedPolygon], index: [Int32]) -> ([SimulatedPolygon], [Int32]) {
        var remap = [Int32](repeating: -1, count: polygons.count), kept: [SimulatedPolygon] = []
        let polyIndex = index.map { k -> Int32 in
            if remap[Int(k)] < 0 {
                remap[Int(k)] = Int32(kept.count)
                var q = polygons[Int(k)]
                q.id = kept.count + 1
                kept.append(q)
            }
            return remap[Int(k)]
        }
        return (kept, polyIndex)
    }

    /// Cell fractions of `surface`, ERA5 thermodynamics and AMSR2 of a scene (two generators split off `g`).
    static func passiveMicrowave(resources: SimulatorResources, month: Int, surface: [UInt8], lines: Int, samples: Int,
                                 coarse: CoarseGrid, weather: inout WeatherFields, basePoint: MicrowavePoint,
                                 windCells: [Double], generator g: inout SeededGenerator)
        -> ([[Double]], AMSR2Simulator.CellFractions)
    {
        let fractions = Self.cellFractions(surface: surface, lines: lines, samples: samples, grid: coarse)
        var gt = g.split()
        weather.completeThermodynamics(grid: coarse, base: basePoint, waterFraction: fractions.water, generator: &gt)
        var ga = g.split()
        let meanWind = windCells.reduce(0, +) / Double(max(windCells.count, 1))
        let sig = resources.signatures.draw(month: month, windSpeed: meanWind, generator: &ga)
        let amsr2 = AMSR2Simulator.simulate(grid: coarse, fractions: fractions, skinTemperature: weather.skt,
                                            firstYear: sig.firstYear, multiYear: sig.multiYear, water: sig.water, generator: &ga)
        return (amsr2, fractions)
    }

    /// Fractions of first-year (and younger), old ice, water and land in every 2 km cell; cells
    /// without a pixel centre (spacing above 2 km) take the nearest pixel.
    static func cellFractions(surface: [UInt8], lines: Int, samples: Int, grid: CoarseGrid) -> AMSR2Simulator.CellFractions {
        let m = grid.lines * grid.samples
        var fy = [Double](repeating: 0, count: m), my = fy, water = fy, land = fy, count = fy
        func add(_ c: Int, _ s: UInt8) {
            switch SurfaceKind(rawValue: s) ?? .water {
            case .water: water[c] += 1
            case .land: land[c] += 1
            case .oldIce: my[c] += 1
            default: fy[c] += 1
            }
            count[c] += 1
        }
        for i in 0..<lines {
            for j in 0..<samples {
                let (a, b) = grid.cell(line: i, sample: j)
                add(a * grid.samples + b, surface[i * samples + j])
            }
        }
        for a in 0..<grid.lines {
            for b in 0..<grid.samples where count[a * grid.samples + b] == 0 {
                let i = min(lines - 1, Int((Double(a) + 0.5) * grid.pixelsPerCellLine))
                let j = min(samples - 1, Int((Double(b) + 0.5) * grid.pixelsPerCellSample))
                add(a * grid.samples + b, surface[i * samples + j])
            }
        }
        for c in 0..<m { fy[c] /= count[c]; my[c] /= count[c]; water[c] /= count[c]; land[c] /= count[c] }
        return AMSR2Simulator.CellFractions(firstYear: fy, multiYear: my, water: water, land: land)
    }
}
