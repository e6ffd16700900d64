import SeaIceCore

/// A procedural ice chart: warped Voronoi polygons over the scene with plausible egg codes.
///
/// An ice edge crosses the scene at a random angle; polygons far on the water side are open
/// water (W), near the edge marginal-ice-zone polygons (10–60 %, new/young/thin ice, small
/// floes), further in close pack (70–90 %, young to thick first-year, medium/big floes) and
/// consolidated pack (9+/10, 10/10, first-year and, in some scenes, old ice, vast floes).
/// Coordinates in kilometres from the scene's first line and sample.
public struct ProceduralChart: Sendable {
    /// The polygons (ids 1…n), in seed order.
    public let polygons: [SimulatedPolygon]
    let seedsX: [Double], seedsY: [Double]
    let warp: LatticeNoise
    let warpAmplitude: Double, warpScale: Double

    /// Draws a chart for a `widthKm × heightKm` scene with about one polygon per `polygonSizeKm`².
    public init(widthKm: Double, heightKm: Double, polygonSizeKm: Double = 70, generator g: inout SeededGenerator) {
        let n = min(max(Int((widthKm * heightKm) / (polygonSizeKm * polygonSizeKm)), 6), 80)
        var xs: [Double] = [], ys: [Double] = []
        for _ in 0..<n {
            xs.append(g.nextUnitDouble() * widthKm)
            ys.append(g.nextUnitDouble() * heightKm)
        }
        seedsX = xs; seedsY = ys
        warp = LatticeNoise(&g)
        warpAmplitude = 0.25 * polygonSizeKm; warpScale = 0.8 * polygonSizeKm
        // Ice edge: a line through a random point at a random angle; positive distance = ice side.
        let angle = g.nextUnitDouble() * 2 * Double.pi
        let nx = cos(angle), ny = sin(angle)
        let px = (0.2 + 0.6 * g.nextUnitDouble()) * widthKm, py = (0.2 + 0.6 * g.nextUnitDouble()) * heightKm
        let oldIcePresent = g.nextUnitDouble() < 0.4
        var polys: [SimulatedPolygon] = []
        for k in 0..<n {
            let s = (xs[k] - px) * nx + (ys[k] - py) * ny + 15 * (2 * g.nextUnitDouble() - 1)
            polys.append(Self.eggCode(id: k + 1, edgeDistanceKm: s, oldIce: oldIcePresent, generator: &g))
        }
        polygons = polys
    }

    /// The index (into `polygons`) of the polygon covering (x, y) km.
    public func polygonIndex(x: Double, y: Double) -> Int {
        let w = warpOffset(x: x, y: y)
        return polygonIndex(warpedX: x + w.0, warpedY: y + w.1)
    }

    /// The boundary warp (km) at (x, y) km: smooth, so callers may interpolate it from a coarse lattice.
    public func warpOffset(x: Double, y: Double) -> (Double, Double) {
        (warpAmplitude * warp.fbm(x, y, scale: warpScale, octaves: 3), warpAmplitude * warp.fbm(x + 1000, y - 1000, scale: warpScale, octaves: 3))
    }

    /// The finest feature size of the warp, km.
    public var warpFinestScaleKm: Double { warpScale / 4 }

    /// The polygon (index) nearest to already warped coordinates.
    public func polygonIndex(warpedX wx: Double, warpedY wy: Double) -> Int {
        var best = 0, bestD = Double.infinity
        for k in seedsX.indices {
            let dx = seedsX[k] - wx, dy = seedsY[k] - wy
            let d = dx * dx + dy * dy
            if d < bestD { bestD = d; best = k }
        }
        return best
    }

    /// Thickness order of SIGRID stage codes (thin → thick), used to sort A/B/C.
    static func thicknessRank(_ stage: Int) -> Int {
        [81: 1, 82: 2, 83: 3, 84: 4, 85: 5, 87: 6, 88: 6, 89: 7, 86: 8, 91: 9, 93: 10, 95: 11, 96: 12, 97: 13][stage] ?? 0
    }

    static func pick<T>(_ xs: [T], _ g: inout SeededGenerator) -> T { xs[Int(g.next() % UInt64(xs.count))] }

    /// A plausible egg code for a polygon `edgeDistanceKm` inside (positive) the ice edge.
    static func eggCode(id: Int, edgeDistanceKm s: Double, oldIce: Bool, generator g: inout SeededGenerator) -> SimulatedPolygon {
        if s < -15 {
            return SimulatedPolygon(id: id, kind: .water, ct: g.nextUnitDouble() < 0.8 ? 1 : 2)
        }
        let ct: Int, stages: [Int], forms: [Int]
        if s < 15 {
            ct = pick([10, 20, 30, 40, 50, 60], &g); stages = [81, 82, 83, 84, 85, 87]; forms = [2, 3, 4]
        } else if s < 70 {
            ct = pick([70, 80, 90], &g); stages = [84, 85, 87, 91, 93]; forms = [3, 4, 5]
        } else {
            ct = pick([91, 92], &g); stages = oldIce ? [87, 91, 93, 95, 96, 97] : [85, 87, 91, 93, 86]; forms = [5, 6, 7]
        }
        let u = g.nextUnitDouble()
        var count = u < 0.4 ? 1 : (u < 0.8 ? 2 : 3)
        var chosen: [Int] = []
        while chosen.count < count {
            let st = pick(stages, &g)
            if !chosen.contains(st) { chosen.append(st) }
            if chosen.count == stages.count { break }
        }
        chosen.sort { thicknessRank($0) > thicknessRank($1) }
        func form(_ stage: Int) -> Int { stage <= 82 ? -9 : pick(forms, &g) }
        let tenths = ct >= 91 ? 10 : ct / 10
        count = min(chosen.count, tenths)
        if count <= 1 {
            return SimulatedPolygon(id: id, kind: .ice, ct: ct, sa: chosen[0], fa: form(chosen[0]))
        }
        // Split the tenths into `count` positive parts.
        var parts = [Int](repeating: 1, count: count)
        for _ in 0..<(tenths - count) { parts[Int(g.next() % UInt64(count))] += 1 }
        var p = SimulatedPolygon(id: id, kind: .ice, ct: ct,
                                 ca: parts[0] * 10, sa: chosen[0], fa: form(chosen[0]),
                                 cb: parts[1] * 10, sb: chosen[1], fb: form(chosen[1]))
        if count == 3 { p.cc = parts[2] * 10; p.sc = chosen[2]; p.fc = form(chosen[2]) }
        return p
    }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
