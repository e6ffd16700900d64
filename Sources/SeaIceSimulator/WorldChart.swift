import Foundation
import SeaIceCore
import SeaIceGDAL

/// An ice chart of the simulated world, drawn the way analysts generalise what they see: coarse
/// polygons (a tessellation of jittered quadrilaterals, `cellSize` wide, in EPSG:3413) whose egg codes
/// come from the true mean partial concentrations and stages inside them, rounded to tenths (the
/// three largest stages, thickest first, partials summing to CT by largest remainder), floe forms
/// from the stages' floe sizes, and occasional stage confusion (with probability `confusion` per ice
/// type, the stage is reported one class thinner or thicker) — seeded, so the same world gives the
/// same chart, and deterministic per position: overlapping charts of one world share their polygons.
public struct WorldChart: Sendable {
    /// Polygons, ids 1…n, row-major over the cells from the north-west.
    public let polygons: [SimulatedPolygon]
    /// Corner rings (EPSG:3413 metres, four corners, counter-clockwise) of each polygon.
    public let rings: [[GeoPoint]]
    /// Cell size, metres, and the first cell's global index (cells lie on a lattice of `cellSize`).
    public let cellSize: Double, firstColumn: Int, firstRow: Int, columns: Int, rows: Int
    /// Probability of stage confusion per ice type.
    public let confusion: Double

    /// The chart covering at least (`xMin`…`xMax`, `yMin`…`yMax`) EPSG:3413 metres of `world`.
    public init(world: ArcticWorld, xMin: Double, xMax: Double, yMin: Double, yMax: Double,
                cellSize: Double = 50_000, confusion: Double = 0.1) {
        precondition(cellSize > 0 && xMax > xMin && yMax > yMin, "bad chart region \(xMin)…\(xMax), \(yMin)…\(yMax)")
        self.cellSize = cellSize; self.confusion = confusion
        firstColumn = Int((xMin / cellSize).rounded(.down)); firstRow = Int((-yMax / cellSize).rounded(.down))
        columns = Int((xMax / cellSize).rounded(.up)) - firstColumn
        rows = Int((-yMin / cellSize).rounded(.up)) - firstRow
        let jitter = LatticeNoise(seed: world.seed ^ 0xC4A7_0000_0000_0001)
        func node(_ gc: Int, _ gr: Int) -> GeoPoint {
            GeoPoint(x: (Double(gc) + 0.6 * (jitter.unit(gc, gr, 0) - 0.5)) * cellSize,
                     y: -(Double(gr) + 0.6 * (jitter.unit(gc, gr, 1) - 0.5)) * cellSize)
        }
        var polys: [SimulatedPolygon] = [], quads: [[GeoPoint]] = []
        for r in 0..<rows {
            for c in 0..<columns {
                let gc = firstColumn + c, gr = firstRow + r
                let a = node(gc, gr), b = node(gc + 1, gr), d = node(gc + 1, gr + 1), e = node(gc, gr + 1)
                let quad = [e, d, b, a]  // counter-clockwise in x east / y north
                var parts: [(WorldComposition, Double)] = []
                for s in 0..<6 {
                    for t in 0..<6 {
                        let u = (Double(s) + 0.5) / 6, v = (Double(t) + 0.5) / 6
                        let x = (1 - u) * ((1 - v) * a.x + v * b.x) + u * ((1 - v) * e.x + v * d.x)
                        let y = (1 - u) * ((1 - v) * a.y + v * b.y) + u * ((1 - v) * e.y + v * d.y)
                        parts.append((world.composition(x: x, y: y), 1.0 / 36))
                    }
                }
                let mean = WorldComposition.mix(parts)
                let confused = (0..<3).map { k -> Int in
                    let h = jitter.unit(gc, gr, 10 + UInt64(k))
                    return h < confusion / 2 ? -1 : (h < confusion ? 1 : 0)
                }
                polys.append(Self.eggCode(id: polys.count + 1, fractions: mean.fractions, confused: confused))
                quads.append(quad)
            }
        }
        polygons = polys; rings = quads
    }

    /// The egg code of a polygon with mean fractions `f` (`WorldSurfaceClass` order); `confused[k]` moves
    /// the k-th reported stage by −1, 0 or +1 class.
    public static func eggCode(id: Int, fractions f: [Double], confused: [Int]) -> SimulatedPolygon {
        let ocean = 1 - f[10]
        if f[10] > 0.5 { return SimulatedPolygon(id: id, kind: .land, ct: -9) }
        let conc = ocean > 0 ? 1 - f[0] / ocean : 0
        if conc < 0.05 { return SimulatedPolygon(id: id, kind: .water, ct: 1) }
        let tenths = max(1, min(10, Int((conc * 10).rounded())))
        let ct = tenths == 10 ? (conc >= 0.995 ? 92 : 91) : tenths * 10
        // The three largest stages, their partial tenths summing to `tenths` (largest remainder).
        var stages = (1...9).map { ($0, f[$0] / ocean) }.sorted { $0.1 > $1.1 }.prefix(3).filter { $0.1 > 0 }
        let total = stages.reduce(0) { $0 + $1.1 }
        var exact = stages.map { $0.1 / max(total, 1e-12) * Double(tenths) }
        var parts = exact.map { Int($0.rounded(.down)) }
        while parts.reduce(0, +) < tenths {
            let k = exact.indices.max { exact[$0] - Double(parts[$0]) < exact[$1] - Double(parts[$1]) }!
            parts[k] += 1; exact[k] = Double(parts[k])
        }
        stages = Array(zip(stages, parts).filter { $0.1 > 0 }.map { $0.0 })
        parts = parts.filter { $0 > 0 }
        var typed = zip(stages, parts).enumerated().map { k, sp -> (WorldSurfaceClass, Int) in
            let moved = min(9, max(1, sp.0.0 + (k < confused.count ? confused[k] : 0)))
            return (WorldSurfaceClass(rawValue: UInt8(moved))!, sp.1)
        }
        // Confusion can merge two types into one stage: sum them.
        var merged: [(WorldSurfaceClass, Int)] = []
        for (s, p) in typed {
            if let i = merged.firstIndex(where: { $0.0 == s }) { merged[i].1 += p } else { merged.append((s, p)) }
        }
        typed = merged.sorted { $0.0.rawValue > $1.0.rawValue }
        let miz = 0.15 + 0.85 * conc * conc
        func form(_ s: WorldSurfaceClass) -> Int { WorldSurfaceClass.formCode(diameter: s.floeDiameter * miz, stage: s) }
        if typed.count == 1 {
            return SimulatedPolygon(id: id, kind: .ice, ct: ct, sa: typed[0].0.stageCode!, fa: form(typed[0].0))
        }
        var p = SimulatedPolygon(id: id, kind: .ice, ct: ct,
                                 ca: typed[0].1 * 10, sa: typed[0].0.stageCode!, fa: form(typed[0].0),
                                 cb: typed[1].1 * 10, sb: typed[1].0.stageCode!, fb: form(typed[1].0))
        if typed.count > 2 { p.cc = typed[2].1 * 10; p.sc = typed[2].0.stageCode!; p.fc = form(typed[2].0) }
        return p
    }

    /// The index (into `polygons`) of the polygon covering EPSG:3413 (x, y) metres; nil outside the chart.
    public func polygonIndex(x: Double, y: Double) -> Int? {
        let c0 = Int((x / cellSize).rounded(.down)) - firstColumn, r0 = Int((-y / cellSize).rounded(.down)) - firstRow
        for dr in [0, -1, 1] {
            for dc in [0, -1, 1] {
                let r = r0 + dr, c = c0 + dc
                guard r >= 0, r < rows, c >= 0, c < columns else { continue }
                if Self.contains(rings[r * columns + c], x, y) { return r * columns + c }
            }
        }
        return nil
    }

    /// Even-odd point-in-polygon test.
    static func contains(_ ring: [GeoPoint], _ x: Double, _ y: Double) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.y > y) != (b.y > y), x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }

    /// SIGRID-3 attribute fields written (text, as CIS GeoPackages; NULL = not filled), plus `SIMULATED`.
    public static let fields = ["POLY_TYPE", "CT", "CA", "SA", "FA", "CB", "SB", "FB", "CC", "SC", "FC", "CN", "CD", "CF", "SIMULATED"]

    /// Writes the chart as a SIGRID-3 GeoPackage (layer `simulated_sigrid3`, EPSG:3413), atomically.
    /// Land polygons are left out (charts carry land as its own layer); every feature says SIMULATED = true.
    /// - Throws: `SeaIceError` from GDAL naming the file.
    public func writeGeoPackage(to url: URL) throws {
        func code(_ v: Int) -> String? { v < 0 ? nil : (v < 10 ? "0\(v)" : "\(v)") }
        var features: [OGRVectorWriter.Feature] = []
        for (p, ring) in zip(polygons, rings) where p.kind != .land {
            let attrs: [String?] = [p.kind.rawValue, code(p.ct), code(p.ca), code(p.sa), code(p.fa), code(p.cb), code(p.sb),
                                    code(p.fb), code(p.cc), code(p.sc), code(p.fc), nil, nil, nil, "true"]
            features.append(.init(attributes: attrs, geometry: GeoMultiPolygon(polygons: [GeoPolygon(exterior: ring + [ring[0]])])))
        }
        try OGRVectorWriter.writeGeoPackage(to: url, layer: "simulated_sigrid3", srs: try SpatialReference(epsg: 3413),
                                            fields: Self.fields, features: features)
    }
}
