import Foundation

/// The world's composition sampled on a regular EPSG:3413 lattice, for the sensors whose footprints are
/// kilometres wide (AMSR2 swaths and daily grids, ERA5, the truth file): a footprint asks for up to nine
/// compositions and a day has millions of footprints, but the composition only varies on the base map's
/// 25 km scale, its 120 km anomalies and the drift's hundreds of kilometres, so nodes every
/// `spacing` (5 km) with bilinear interpolation reproduce it to within about 1e-3 in every fraction.
///
/// Tiles of `tileNodes` × `tileNodes` cells (320 km) are computed on first use and kept for the life of
/// the world (each tile holds its (n + 1)² nodes, 13 values each: the 11 fractions and the drifted
/// position). Threads share the lattice; two threads asking for a new tile at once may both compute it
/// (the results are identical; one is kept). The pan-Arctic lattice is never filled where no sensor looks.
final class CompositionLattice: @unchecked Sendable {
    /// Node spacing, m.
    static let spacing = 5000.0
    /// Cells per tile side.
    static let tileNodes = 64
    private static let values = 13

    private var tiles: [Int64: [Double]] = [:]
    private let lock = NSLock()

    /// The composition of `world` at EPSG:3413 (x, y) metres, bilinear between lattice nodes.
    func composition(x: Double, y: Double, world: ArcticWorld) -> WorldComposition {
        let gx = x / Self.spacing, gy = y / Self.spacing
        let fx = gx.rounded(.down), fy = gy.rounded(.down)
        guard fx.isFinite, fy.isFinite, abs(fx) < 1e9, abs(fy) < 1e9 else { return world.composition(x: x, y: y) }
        let ix = Int(fx), iy = Int(fy), u = gx - fx, v = gy - fy
        let n = Self.tileNodes
        let tx = ix >= 0 ? ix / n : (ix + 1) / n - 1, ty = iy >= 0 ? iy / n : (iy + 1) / n - 1
        let tile = self.tile(tx: tx, ty: ty, world: world)
        let c = ix - tx * n, r = iy - ty * n, row = n + 1
        let k00 = (r * row + c) * Self.values, k01 = k00 + Self.values
        let k10 = k00 + row * Self.values, k11 = k10 + Self.values
        let w00 = (1 - u) * (1 - v), w01 = u * (1 - v), w10 = (1 - u) * v, w11 = u * v
        var out = [Double](repeating: 0, count: Self.values)
        for q in 0..<Self.values {
            out[q] = w00 * tile[k00 + q] + w01 * tile[k01 + q] + w10 * tile[k10 + q] + w11 * tile[k11 + q]
        }
        let dx = out[11], dy = out[12]
        out.removeLast(2)
        return WorldComposition(fractions: out, driftedX: dx, driftedY: dy)
    }

    private func tile(tx: Int, ty: Int, world: ArcticWorld) -> [Double] {
        let key = Int64(ty) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: tx)))
        lock.lock()
        if let t = tiles[key] { lock.unlock(); return t }
        lock.unlock()
        let n = Self.tileNodes, row = n + 1
        var t = [Double](repeating: 0, count: row * row * Self.values)
        for r in 0..<row {
            for c in 0..<row {
                let comp = world.composition(x: Double(tx * n + c) * Self.spacing, y: Double(ty * n + r) * Self.spacing)
                let k = (r * row + c) * Self.values
                for q in 0..<11 { t[k + q] = comp.fractions[q] }
                t[k + 11] = comp.driftedX; t[k + 12] = comp.driftedY
            }
        }
        lock.lock(); defer { lock.unlock() }
        if let existing = tiles[key] { return existing }
        tiles[key] = t
        return t
    }
}
