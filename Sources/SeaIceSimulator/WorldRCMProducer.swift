import Foundation
import Logging
import SeaIceCore
import SeaIceRCM
import SeaIceSAR

/// A rotation of the sphere taking one point to another along their great circle (Rodrigues), used to move a
/// real product's footprint elsewhere on Earth with its shape and size kept (up to the flattening, < 0.3 %).
public struct SphereRotation: Sendable {
    let m: [Double]

    /// The rotation taking (`fromLatitude`, `fromLongitude`) to (`toLatitude`, `toLongitude`), degrees.
    public init(fromLatitude: Double, fromLongitude: Double, toLatitude: Double, toLongitude: Double) {
        let a = Self.vector(fromLatitude, fromLongitude), b = Self.vector(toLatitude, toLongitude)
        var k = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
        let s = (k[0] * k[0] + k[1] * k[1] + k[2] * k[2]).squareRoot(), c = a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
        guard s > 1e-12 else { m = [1, 0, 0, 0, 1, 0, 0, 0, 1]; return }
        k = k.map { $0 / s }
        let t = 1 - c
        m = [c + k[0] * k[0] * t, k[0] * k[1] * t - k[2] * s, k[0] * k[2] * t + k[1] * s,
             k[1] * k[0] * t + k[2] * s, c + k[1] * k[1] * t, k[1] * k[2] * t - k[0] * s,
             k[2] * k[0] * t - k[1] * s, k[2] * k[1] * t + k[0] * s, c + k[2] * k[2] * t]
    }

    static func vector(_ lat: Double, _ lon: Double) -> [Double] {
        let p = lat * .pi / 180, l = lon * .pi / 180
        return [cos(p) * cos(l), cos(p) * sin(l), sin(p)]
    }

    /// The rotated point, degrees (longitude −180…180).
    public func apply(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        let v = Self.vector(latitude, longitude)
        let x = m[0] * v[0] + m[1] * v[1] + m[2] * v[2], y = m[3] * v[0] + m[4] * v[1] + m[5] * v[2]
        let z = m[6] * v[0] + m[7] * v[1] + m[8] * v[2]
        return (asin(max(-1, min(1, z))) * 180 / .pi, atan2(y, x) * 180 / .pi)
    }
}

/// RADARSAT Constellation products of the world (SIMULATED DATA): the real template product (RCM-2 16M in the
/// shared data) moved onto the world's ice by a `SphereRotation` (tie points and corners rewritten, times moved
/// to the day), its pixels' surface rendered from the world, σ⁰ from the same `BackscatterField` model and
/// ten-stage table as the Sentinel-1 scenes at the product's own incidence angles, with Gamma speckle of the
/// product's looks, then thermal noise and DN by `SimulatedRCMWriter` — so `seaice preprocess` calibrates them
/// back. Small by default (the template reduced to about 600 samples), full size on request.
public struct WorldRCMProducer: SimulatedDayProducer {
    /// The real product whose metadata is the template.
    public let template: URL
    /// Number of products.
    public var count: Int
    /// The C-band table (the Sentinel-1 scenes' by default).
    public var stages = StageSignatureTable()
    /// Samples across of a small product (the template is reduced by a whole factor to about this).
    public var smallWidth = 600
    let logger: Logger

    /// `count` products from `template`.
    public init(template: URL, count: Int, logger: Logger) {
        self.template = template; self.count = count; self.logger = logger
    }

    /// The template in the shared data folder.
    public static func defaultTemplate(dataFolder: URL) -> URL {
        dataFolder.appendingPathComponent("rcm-metadata/RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD")
    }

    /// Writes the products (zip-free folders); one entry each, kind `rcm-grd`.
    public func write(_ context: SimulatedDayContext, to folder: URL) throws -> [SimulatedDayManifest.Entry] {
        guard count > 0 else { return [] }
        let product = try RCMProduct(url: template, requireImagery: false)
        let m = product.metadata
        let k = context.fullSize ? 1 : max(1, m.samples / smallWidth)
        let (w, h) = try SimulatedRCMWriter.size(of: template, reduction: k)
        let geo = try product.geolocationGrid()
        let centre = geo.location(line: Double(m.lines - 1) / 2, pixel: Double(m.samples - 1) / 2)
        // Incidence at each reduced pixel's centre (within 0.02° of full-resolution pixel k·x).
        let incidence = geo.fields(width: w, height: h, factor: k).incidence
        // The template's looks, times the k × k pixels each reduced pixel stands for.
        let looks = Double(m.looks * k * k)
        var entries: [SimulatedDayManifest.Entry] = []
        for n in 0..<count {
            let seed = context.seed &+ 1000 &+ UInt64(n)
            let rotation = try place(product: n, context: context, from: centre)
            // Reduced pixel x stands at full-resolution pixel k·x, as `RCMMetadataRescaler` writes the tie points.
            let location: @Sendable (Double, Double) -> (longitude: Double, latitude: Double) = { line, sample in
                let p = geo.location(line: line * Double(k), pixel: sample * Double(k))
                let q = rotation.apply(latitude: p.latitude, longitude: p.longitude)
                return (q.longitude, q.latitude)
            }
            let spacing = m.pixelSpacing * Double(k)
            let grid = try WorldPixelGrid(lines: h, samples: w, spacing: spacing, step: max(1, min(32, Int(1000 / spacing))),
                                          projection: context.world.projection, location: location)
            let raster = context.world.render(grid)
            let sigma0 = sigma(raster: raster, location: location, incidence: incidence, width: w, height: h,
                               pixelKm: spacing / 1000, looks: looks, month: context.world.date.month, seed: seed, world: context.world)
            var request = SimulatedRCMWriter.Request(template: template, reduction: k, sigma0: sigma0, thermalNoise: true, seed: seed)
            request.nameSuffix = String(format: "_SIMU%02d", n)
            request.relocation = { rotation.apply(latitude: $0, longitude: $1) }
            request.day = context.world.date.description
            let url = try SimulatedRCMWriter.write(request, into: folder)
            logger.info("SIMULATED RCM product \(url.lastPathComponent): \(w) × \(h) at \(spacing) m")
            let corners = [(0.0, 0.0), (0, Double(w - 1)), (Double(h - 1), Double(w - 1)), (Double(h - 1), 0)].map {
                let p = location($0.0, $0.1)
                return [p.longitude, p.latitude]
            }
            entries.append(.init(kind: "rcm-grd", path: url.lastPathComponent, footprint: corners,
                                 time: "\(context.world.date)T\(m.firstLineTime.dropFirst(11).prefix(8))Z"))
        }
        return entries
    }

    /// The rotation placing product `n`: the first of up to 24 seeded centres (70–86° N) with 15–98 % ice and
    /// under 20 % land around it, else the one with the most ice below 98 %.
    func place(product n: Int, context: SimulatedDayContext, from centre: (latitude: Double, longitude: Double)) throws
        -> SphereRotation
    {
        var g = SeededGenerator(seed: (context.seed &+ UInt64(n)) ^ 0x0C0A_57E1_1A71_0000)
        var best: (SphereRotation, Double)?
        for _ in 0..<24 {
            let lat = 70 + 16 * g.nextUnitDouble(), lon = g.nextUnitDouble() * 360 - 180
            let r = SphereRotation(fromLatitude: centre.latitude, fromLongitude: centre.longitude, toLatitude: lat, toLongitude: lon)
            let p = try context.world.polar(longitude: [lon], latitude: [lat])[0]
            let fit = context.world.sceneCentre(x: p.x, y: p.y)
            if fit.suitable { return r }
            if best == nil || fit.score > best!.1 { best = (r, fit.score) }
        }
        return best!.0
    }

    /// Speckled σ⁰ (linear) of both polarisations over the rendered surface.
    func sigma(raster: WorldRaster, location: @Sendable (Double, Double) -> (longitude: Double, latitude: Double),
               incidence: [Float], width w: Int, height h: Int, pixelKm: Double, looks: Double, month: Int, seed: UInt64,
               world: ArcticWorld) -> [Polarisation: [Float]] {
        var g = SeededGenerator(seed: seed)
        let field = BackscatterField(table: stages.base, classes: stages.classes(month: month), textureDB: SimulationConfig().textureDB,
                                     lines: h, samples: w, pixelKm: pixelKm, generator: &g)
        // The world's wind on a 2 km lattice (open water agrees with the day's ERA5 and AMSR2).
        let step = max(1, Int((2 / pixelKm).rounded()))
        let wr = (h - 1) / step + 1, wc = (w - 1) / step + 1
        var windCells = [Float](repeating: 0, count: wr * wc)
        for a in 0..<wr {
            for b in 0..<wc {
                let p = location(Double(a * step), Double(b * step))
                let v = world.wind(p.latitude, p.longitude)
                windCells[a * wc + b] = Float(hypot(v.u, v.v))
            }
        }
        let wind = windCells
        let speckle = Speckle(looks: looks)
        let blockRows = 16, blocks = (h + blockRows - 1) / blockRows
        let seeds = (0..<blocks).map { _ in g.next() }
        let hh = SharedArray<Float>(repeating: 0, count: w * h), hv = SharedArray<Float>(repeating: 0, count: w * h)
        let ln10 = log(10.0) / 10
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            var rng = SeededGenerator(seed: seeds[b])
            for i in (b * blockRows)..<min(h, (b + 1) * blockRows) {
                for j in 0..<w {
                    let k = i * w + j
                    let surface = raster.surfaceClass[k]
                    let (dh, dv) = field.decibels(line: i, sample: j, surface: surface, floeKey: raster.floeKey[k],
                                                  wind: wind[(i / step) * wc + j / step], sheltered: false,
                                                  incidence: incidence[k])
                    hh[k] = Float(exp(ln10 * dh) * speckle.sample(&rng))
                    hv[k] = Float(exp(ln10 * dv) * speckle.sample(&rng))
                }
            }
        }
        return [.hh: hh.array, .hv: hv.array]
    }
}
