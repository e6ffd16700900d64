import Foundation
import SeaIceCore

/// A rendered piece of the world: per-pixel truth, row-major `lines × samples`. SIMULATION TRUTH.
public struct WorldRaster: Sendable {
    /// Size.
    public let lines: Int, samples: Int
    /// Surface class at each pixel centre (`WorldSurfaceClass` raw values).
    public var surfaceClass: [UInt8]
    /// True sea-ice concentration of each pixel (0…1): the ice share of its non-land sub-samples; NaN on land.
    public var concentration: [Float]
    /// Key (0…1) of the floe each pixel belongs to (texture draws).
    public var floeKey: [Float]
}

extension ArcticWorld {
    /// Renders `grid`: the class at every pixel centre and the concentration from `subsamples`² points
    /// per pixel (1 = the centre only). The composition is evaluated at the grid's nodes and interpolated.
    public func render(_ grid: WorldPixelGrid, subsamples: Int = 1) -> WorldRaster {
        let nodes = SharedArray<Double>(repeating: 0, count: grid.nodeX.count * 13)
        let count = grid.nodeX.count
        DispatchQueue.concurrentPerform(iterations: grid.nodeRows) { r in
            for c in 0..<grid.nodeCols {
                let k = r * grid.nodeCols + c
                let comp = composition(x: grid.nodeX[k], y: grid.nodeY[k])
                for q in 0..<11 { nodes[k * 13 + q] = comp.fractions[q] }
                nodes[k * 13 + 11] = comp.driftedX; nodes[k * 13 + 12] = comp.driftedY
            }
        }
        let n = grid.lines * grid.samples, cols = grid.samples, nodeCols = grid.nodeCols
        let cls = SharedArray<UInt8>(repeating: 0, count: n), conc = SharedArray<Float>(repeating: 0, count: n)
        let key = SharedArray<Float>(repeating: 0.5, count: n)
        let minimumFloe = 3 * grid.spacing / Double(max(subsamples, 1))
        let s = max(1, subsamples)
        _ = count
        DispatchQueue.concurrentPerform(iterations: grid.lines) { i in
            var f = [Double](repeating: 0, count: 11)
            for j in 0..<cols {
                var ice = 0, sea = 0
                for a in 0..<s {
                    for b in 0..<s {
                        let li = Double(i) + (s == 1 ? 0 : (Double(a) + 0.5) / Double(s) - 0.5)
                        let sj = Double(j) + (s == 1 ? 0 : (Double(b) + 0.5) / Double(s) - 0.5)
                        let (k, u, v) = grid.weights(li, sj)
                        let w00 = (1 - u) * (1 - v), w01 = (1 - u) * v, w10 = u * (1 - v), w11 = u * v
                        let k1 = k + nodeCols
                        for q in 0..<11 {
                            f[q] = w00 * nodes[k * 13 + q] + w01 * nodes[(k + 1) * 13 + q]
                                + w10 * nodes[k1 * 13 + q] + w11 * nodes[(k1 + 1) * 13 + q]
                        }
                        let dx = w00 * nodes[k * 13 + 11] + w01 * nodes[(k + 1) * 13 + 11]
                            + w10 * nodes[k1 * 13 + 11] + w11 * nodes[(k1 + 1) * 13 + 11]
                        let dy = w00 * nodes[k * 13 + 12] + w01 * nodes[(k + 1) * 13 + 12]
                            + w10 * nodes[k1 * 13 + 12] + w11 * nodes[(k1 + 1) * 13 + 12]
                        let p = grid.position(line: li, sample: sj)
                        let (c, fk) = surfaceClass(x: p.x, y: p.y, composition: WorldComposition(fractions: f, driftedX: dx, driftedY: dy),
                                                   minimumFloe: minimumFloe)
                        if a == s / 2 && b == s / 2 || s == 1 {
                            cls[i * cols + j] = c.rawValue; key[i * cols + j] = Float(fk)
                        }
                        if c != .land { sea += 1; if c.isIce { ice += 1 } }
                    }
                }
                conc[i * cols + j] = sea == 0 ? .nan : Float(ice) / Float(sea)
            }
        }
        return WorldRaster(lines: grid.lines, samples: grid.samples, surfaceClass: cls.array,
                           concentration: conc.array, floeKey: key.array)
    }

    /// Renders a north-up window (nodes every ≈ 2 km or every pixel, whichever is coarser).
    public func render(_ window: WorldWindow, subsamples: Int = 1) -> WorldRaster {
        render(WorldPixelGrid(window: window, step: max(1, min(32, Int(2000 / window.spacing)))), subsamples: subsamples)
    }

    /// The mean composition over a square `cellSize` metres wide centred at EPSG:3413 (x, y) (n × n
    /// evaluations, n from 1 below 20 km to 3 from 30 km: the composition is smooth at the 25 km base scale).
    public func meanComposition(x: Double, y: Double, cellSize: Double) -> WorldComposition {
        let n = max(1, min(3, Int(cellSize / 10_000)))
        var parts: [(WorldComposition, Double)] = []
        for a in 0..<n {
            for b in 0..<n {
                let px = x + ((Double(b) + 0.5) / Double(n) - 0.5) * cellSize
                let py = y + ((Double(a) + 0.5) / Double(n) - 0.5) * cellSize
                parts.append((composition(x: px, y: py), 1 / Double(n * n)))
            }
        }
        return WorldComposition.mix(parts)
    }

    /// Fractions over a square cell centred at EPSG:3413 (x, y) metres: cells of 4 km and more average
    /// the composition (the expected fractions of the floes; n × n points of the `CompositionLattice`, n as
    /// in `meanComposition`), smaller cells count the classes of 4 × 4 points (the floes themselves, drawn
    /// no smaller than 3/8 of the cell).
    public func fractions(x: Double, y: Double, cellSize: Double) -> SurfaceFractions {
        fractions(points: [(x, y)], cellSize: cellSize)[0]
    }

    /// `fractions(x:y:cellSize:)` at many EPSG:3413 points (non-finite ones: open water), one lattice view.
    func fractions(points: [(x: Double, y: Double)], cellSize: Double) -> [SurfaceFractions] {
        let view = lattice.view(points: points, cellSize: cellSize, world: self)
        var c = WorldComposition(fractions: [Double](repeating: 0, count: 11), driftedX: 0, driftedY: 0)
        var f = [Double](repeating: 0, count: 11)
        let coarse = cellSize >= 4000
        let n = coarse ? max(1, min(3, Int(cellSize / 10_000))) : 4, step = cellSize / Double(n)
        return points.map { p in
            guard p.x.isFinite, p.y.isFinite else { return SurfaceFractions(water: 1, firstYear: 0, multiYear: 0, land: 0) }
            for k in 0..<11 { f[k] = 0 }
            for a in 0..<n {
                for b in 0..<n {
                    let px = p.x + (Double(b) + 0.5) * step - cellSize / 2, py = p.y + cellSize / 2 - (Double(a) + 0.5) * step
                    view.composition(x: px, y: py, into: &c)
                    if coarse {
                        for k in 0..<11 { f[k] += c.fractions[k] }
                    } else {
                        f[Int(surfaceClass(x: px, y: py, composition: c, minimumFloe: 3 * cellSize / 8).0.rawValue)] += 1
                    }
                }
            }
            let w = 1 / Double(n * n)
            return SurfaceFractions(water: f[0] * w, firstYear: f[1...6].reduce(0, +) * w,
                                    multiYear: f[7...9].reduce(0, +) * w, land: f[10] * w)
        }
    }

    /// `SurfaceTruth`, many points: one PROJ call for all of them.
    public func fractions(latitude: [Double], longitude: [Double], cellSize: Double) -> [SurfaceFractions] {
        guard let points = try? projection.toPolar(longitude: longitude, latitude: latitude) else {
            return zip(latitude, longitude).map { fractions(latitude: $0, longitude: $1, cellSize: cellSize) }
        }
        return fractions(points: points, cellSize: cellSize)
    }

    /// How well a scene centred at EPSG:3413 (`x`, `y`) metres sits on the ice, from the mean composition of the
    /// 40 km around it: `suitable` with 15–98 % ice and under 20 % land; otherwise `score` ranks the fallbacks
    /// (the concentration where under half is land and it is below 98 %, else minus the land fraction).
    public func sceneCentre(x: Double, y: Double) -> (suitable: Bool, score: Double) {
        let comp = meanComposition(x: x, y: y, cellSize: 40_000)
        let c = comp.concentration, land = comp.fractions[10]
        return (c > 0.15 && c < 0.98 && land < 0.2, land < 0.5 && c < 0.98 ? c : -land)
    }

    /// Corners of `window` (top-left, top-right, bottom-right, bottom-left), [longitude, latitude] degrees.
    public func footprint(of w: WorldWindow) throws -> [[Double]] {
        let right = w.xMin + Double(w.columns) * w.spacing, bottom = w.yMax - Double(w.rows) * w.spacing
        let g = try geographic(x: [w.xMin, right, right, w.xMin], y: [w.yMax, w.yMax, bottom, bottom])
        return zip(g.longitude, g.latitude).map { [$0, $1] }
    }

    /// `SurfaceTruth`: fractions over a `cellSize` m cell centred at (latitude, longitude), projected by PROJ.
    public func fractions(latitude: Double, longitude: Double, cellSize: Double) -> SurfaceFractions {
        let p = projection.toPolar(longitude: longitude, latitude: latitude)
        guard p.x.isFinite, p.y.isFinite else { return SurfaceFractions(water: 1, firstYear: 0, multiYear: 0, land: 0) }
        return fractions(x: p.x, y: p.y, cellSize: cellSize)
    }

    /// EPSG:3413 metres of (longitude, latitude) points, by PROJ.
    public func polar(longitude: [Double], latitude: [Double]) throws -> [(x: Double, y: Double)] {
        try projection.toPolar(longitude: longitude, latitude: latitude)
    }

    /// Longitude and latitude (degrees) of EPSG:3413 points, by PROJ.
    public func geographic(x: [Double], y: [Double]) throws -> (longitude: [Double], latitude: [Double]) {
        var a = x, b = y
        try projection.toGeographic(x: &a, y: &b)
        return (a, b)
    }
}
