import Foundation

/// The world's composition sampled on a regular EPSG:3413 lattice, for the sensors whose footprints are
/// kilometres wide (AMSR2 swaths and daily grids, ERA5): a footprint asks for up to nine compositions and
/// a day has millions of footprints, but the composition only varies on the base map's 25 km scale, its
/// 120 km anomalies and the drift's hundreds of kilometres, so nodes every `spacing` (5 km) with bilinear
/// interpolation reproduce it closely (the test `ArcticWorldTests.testLatticeFollowsTheComposition` bounds
/// the difference).
///
/// Tiles of `tileNodes` × `tileNodes` cells (320 km) are computed on first use and kept for the life of
/// the world; each holds its (n + 1)² nodes, 13 values each (the 11 fractions, then the drifted position,
/// km). Threads share the lattice: a batch of points takes a `View` (the tiles under it, filled first),
/// which reads without locks. Two threads filling the same new tile both compute it (the results are
/// identical; one is kept). The pan-Arctic lattice is never filled where no sensor looks.
final class CompositionLattice: @unchecked Sendable {
    /// Node spacing, m.
    static let spacing = 5000.0
    /// Cells per tile side.
    static let tileNodes = 64
    static let values = 13
    static let tileMetres = spacing * Double(tileNodes)

    private final class Tile {
        let values: UnsafeMutablePointer<Double>
        init(count: Int) { values = .allocate(capacity: count) }
        deinit { values.deallocate() }
    }

    private var tiles: [Int64: Tile] = [:]
    private let lock = NSLock()

    /// Tile index of an EPSG:3413 coordinate, m.
    static func tileIndex(_ v: Double) -> Int { Int((v / tileMetres).rounded(.down)) }

    private func tile(tx: Int, ty: Int, world: ArcticWorld) -> Tile {
        let key = Int64(ty) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: tx)))
        lock.lock()
        if let t = tiles[key] { lock.unlock(); return t }
        lock.unlock()
        let n = Self.tileNodes, row = n + 1
        let t = Tile(count: row * row * Self.values)
        for r in 0..<row {
            for c in 0..<row {
                let comp = world.composition(x: Double(tx * n + c) * Self.spacing, y: Double(ty * n + r) * Self.spacing)
                let k = (r * row + c) * Self.values
                for q in 0..<11 { t.values[k + q] = comp.fractions[q] }
                t.values[k + 11] = comp.driftedX; t.values[k + 12] = comp.driftedY
            }
        }
        lock.lock(); defer { lock.unlock() }
        if let existing = tiles[key] { return existing }
        tiles[key] = t
        return t
    }

    /// The tiles under squares of side `cellSize` m centred at `points` (EPSG:3413 m; non-finite points skipped).
    func view(points: [(x: Double, y: Double)], cellSize: Double, world: ArcticWorld) -> View {
        let h = cellSize / 2 + Self.spacing
        var keys = Set<[Int]>()
        var tx0 = Int.max, tx1 = Int.min, ty0 = Int.max, ty1 = Int.min
        for p in points where p.x.isFinite && p.y.isFinite && abs(p.x) < 1e8 && abs(p.y) < 1e8 {
            for ty in Self.tileIndex(p.y - h)...Self.tileIndex(p.y + h) {
                for tx in Self.tileIndex(p.x - h)...Self.tileIndex(p.x + h) {
                    keys.insert([tx, ty])
                    tx0 = min(tx0, tx); tx1 = max(tx1, tx); ty0 = min(ty0, ty); ty1 = max(ty1, ty)
                }
            }
        }
        guard !keys.isEmpty else { return View(lattice: self, world: world, tx0: 0, ty0: 0, nx: 0, ny: 0, tiles: []) }
        let nx = tx1 - tx0 + 1, ny = ty1 - ty0 + 1
        var slots = [Tile?](repeating: nil, count: nx * ny)
        for k in keys { slots[(k[1] - ty0) * nx + (k[0] - tx0)] = tile(tx: k[0], ty: k[1], world: world) }
        return View(lattice: self, world: world, tx0: tx0, ty0: ty0, nx: nx, ny: ny,
                    tiles: slots.map { $0.map { UnsafePointer($0.values) } })
    }

    /// Lock-free reads of the tiles under a batch of points; points outside them get the exact composition.
    /// The tiles live as long as the lattice, which the view holds.
    struct View {
        let lattice: CompositionLattice
        let world: ArcticWorld
        let tx0: Int, ty0: Int, nx: Int, ny: Int
        let tiles: [UnsafePointer<Double>?]

        /// Writes the composition at EPSG:3413 (x, y) m into `c` (its fraction array reused).
        func composition(x: Double, y: Double, into c: inout WorldComposition) {
            let gx = x / CompositionLattice.spacing, gy = y / CompositionLattice.spacing
            let fx = gx.rounded(.down), fy = gy.rounded(.down)
            let n = CompositionLattice.tileNodes
            if fx.isFinite, fy.isFinite, abs(fx) < 1e7, abs(fy) < 1e7 {
                let ix = Int(fx), iy = Int(fy)
                let tx = ix >= 0 ? ix / n : (ix + 1) / n - 1, ty = iy >= 0 ? iy / n : (iy + 1) / n - 1
                let sx = tx - tx0, sy = ty - ty0
                if sx >= 0, sx < nx, sy >= 0, sy < ny, let t = tiles[sy * nx + sx] {
                    let u = gx - fx, v = gy - fy, row = n + 1, m = CompositionLattice.values
                    let k00 = ((iy - ty * n) * row + (ix - tx * n)) * m, k01 = k00 + m, k10 = k00 + row * m, k11 = k10 + m
                    let w00 = (1 - u) * (1 - v), w01 = u * (1 - v), w10 = (1 - u) * v, w11 = u * v
                    for q in 0..<11 {
                        c.fractions[q] = w00 * t[k00 + q] + w01 * t[k01 + q] + w10 * t[k10 + q] + w11 * t[k11 + q]
                    }
                    c.driftedX = w00 * t[k00 + 11] + w01 * t[k01 + 11] + w10 * t[k10 + 11] + w11 * t[k11 + 11]
                    c.driftedY = w00 * t[k00 + 12] + w01 * t[k01 + 12] + w10 * t[k10 + 12] + w11 * t[k11 + 12]
                    return
                }
            }
            c = world.composition(x: x, y: y)
        }
    }
}
