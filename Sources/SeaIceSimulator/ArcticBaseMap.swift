import Foundation
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF

/// The real 25 km base of the simulated world, on the NSIDC 25 km layout in EPSG:3413
/// (304 columns × 448 rows, x from −3 850 km, y from +5 850 km, north-up, row-major from the top).
///
/// Sources (all real, read in place): sea-ice concentration of `nansat/arctic.nc` (Bootstrap, 25 km,
/// 1978-11-01, its own polar-stereographic CRS read from the `spatial_ref` WKT, rows located by the
/// `x`/`y` coordinates: they are stored south first), the NSIDC GSFC land
/// mask `nsidc-polarstereo/masks/gsfc_25n.msk` and the pole-hole mask `pole_n.msk` (EPSG:3411 grid,
/// 448 × 304 bytes). Every cell centre goes through PROJ (SeaIceGDAL `CoordinateTransform`) into the
/// other grids; ocean cells without a concentration (coast, pole hole) take the mean of their valid
/// neighbours, repeatedly, so the pole hole fills with the surrounding pack.
public struct ArcticBaseMap: Sendable {
    /// Grid layout.
    public static let columns = 304, rows = 448, cellSize = 25_000.0
    /// x of the west edge and y of the north edge, EPSG:3413 metres.
    public static let xMin = -3_850_000.0, yMax = 5_850_000.0

    /// November sea-ice concentration, 0…1 (0 on land), row-major.
    public let concentration: [Float]
    /// Land (1) or ocean (0), row-major.
    public let land: [Float]
    /// Cells inside the real pole hole (the arctic.nc map has no data there).
    public let poleHole: [Bool]

    /// Reads the three files from `dataFolder` (the shared `data` folder).
    /// - Throws: `SeaIceError` naming the file when one is missing or has the wrong size or variables.
    public init(dataFolder: URL) throws {
        let nc = dataFolder.appendingPathComponent("nansat/arctic.nc")
        let maskURL = dataFolder.appendingPathComponent("nsidc-polarstereo/masks/gsfc_25n.msk")
        let poleURL = dataFolder.appendingPathComponent("nsidc-polarstereo/masks/pole_n.msk")
        let n = Self.columns * Self.rows
        func bytes(_ url: URL) throws -> [UInt8] {
            let data = try SimulatorResources.contents(of: url)
            guard data.count == n else {
                throw SeaIceError.invalidInput(file: url.path, item: "size", expected: "\(n) bytes (448 × 304 uint8), found \(data.count)")
            }
            return [UInt8](data)
        }
        let mask = try bytes(maskURL), pole = try bytes(poleURL)
        let file = try NetCDFFile.open(nc)
        defer { try? file.close() }
        let wkt = try file.requireText("spatial_ref", variable: "polar_stereographic")
        // The rows are stored in the order of the `y` coordinate (south first), whatever GeoTransform says.
        let xs = try file.read("x", as: Double.self), ys = try file.read("y", as: Double.self)
        let ncWidth = xs.count, ncHeight = ys.count
        let sic = try file.read("Bootstrap", as: Int16.self)
        guard ncWidth > 1, ncHeight > 1, sic.count == ncWidth * ncHeight else {
            throw SeaIceError.invalidInput(file: nc.path, item: "variable Bootstrap",
                                           expected: "a (1, y, x) concentration over the x and y coordinates")
        }
        let dxNC = xs[1] - xs[0], dyNC = ys[1] - ys[0]
        // Cell centres in EPSG:3413 → lon/lat → arctic.nc CRS and EPSG:3411 (PROJ).
        var x = [Double](), y = [Double]()
        x.reserveCapacity(n); y.reserveCapacity(n)
        for r in 0..<Self.rows {
            for c in 0..<Self.columns {
                x.append(Self.xMin + (Double(c) + 0.5) * Self.cellSize)
                y.append(Self.yMax - (Double(r) + 0.5) * Self.cellSize)
            }
        }
        let polar = try SpatialReference(epsg: 3413)
        var lon = x, lat = y
        try CoordinateTransform(from: polar, to: SpatialReference.wgs84()).transform(x: &lon, y: &lat)
        var ax = lon, ay = lat, bx = lon, by = lat
        try CoordinateTransform(from: SpatialReference.wgs84(), to: SpatialReference(definition: wkt)).transform(x: &ax, y: &ay)
        try CoordinateTransform(from: SpatialReference.wgs84(), to: SpatialReference(epsg: 3411)).transform(x: &bx, y: &by)
        var conc = [Float](repeating: .nan, count: n), landOut = [Float](repeating: 0, count: n)
        var hole = [Bool](repeating: false, count: n)
        for k in 0..<n {
            let mc = Int(((bx[k] - Self.xMin) / Self.cellSize).rounded(.down))
            let mr = Int(((Self.yMax - by[k]) / Self.cellSize).rounded(.down))
            if mc >= 0, mc < Self.columns, mr >= 0, mr < Self.rows {
                landOut[k] = mask[mr * Self.columns + mc] != 0 ? 1 : 0
                hole[k] = pole[mr * Self.columns + mc] != 0
            }
            if landOut[k] == 1 { conc[k] = 0; continue }
            let ic = Int(((ax[k] - xs[0]) / dxNC).rounded()), ir = Int(((ay[k] - ys[0]) / dyNC).rounded())
            if ic >= 0, ic < ncWidth, ir >= 0, ir < ncHeight {
                let v = sic[ir * ncWidth + ic]
                if v >= 0 && v <= 100 && !hole[k] { conc[k] = Float(v) / 100 }
            } else if lat[k] < 50 {
                conc[k] = 0
            }
        }
        concentration = Self.fillFromNeighbours(conc)
        land = landOut
        poleHole = hole
    }

    /// Replaces NaN cells by the mean of their valid 8-neighbours, 60 passes; cells still empty get 0.
    static func fillFromNeighbours(_ field: [Float]) -> [Float] {
        var f = field
        let w = columns, h = rows
        for _ in 0..<60 {
            var changed = false
            var next = f
            for r in 0..<h {
                for c in 0..<w where f[r * w + c].isNaN {
                    var s: Float = 0, m: Float = 0
                    for dr in -1...1 {
                        for dc in -1...1 where (dr != 0 || dc != 0) && r + dr >= 0 && r + dr < h && c + dc >= 0 && c + dc < w {
                            let v = f[(r + dr) * w + c + dc]
                            if !v.isNaN { s += v; m += 1 }
                        }
                    }
                    if m > 0 { next[r * w + c] = s / m; changed = true }
                }
            }
            f = next
            if !changed { break }
        }
        return f.map { $0.isNaN ? 0 : $0 }
    }

    /// Bilinear value of a base field at EPSG:3413 (x, y) metres (edge cells extend outwards).
    @inline(__always)
    public static func sample(_ field: [Float], x: Double, y: Double) -> Double {
        let fc = min(max((x - xMin) / cellSize - 0.5, 0), Double(columns - 1))
        let fr = min(max((yMax - y) / cellSize - 0.5, 0), Double(rows - 1))
        let c0 = Int(fc), r0 = Int(fr), c1 = min(c0 + 1, columns - 1), r1 = min(r0 + 1, rows - 1)
        let u = fc - Double(c0), v = fr - Double(r0)
        let a = Double(field[r0 * columns + c0]), b = Double(field[r0 * columns + c1])
        let c = Double(field[r1 * columns + c0]), d = Double(field[r1 * columns + c1])
        return (a * (1 - u) + b * u) * (1 - v) + (c * (1 - u) + d * u) * v
    }

    /// A separable box-blur (radius `radius` cells, three passes ≈ Gaussian) of a base field.
    static func smooth(_ field: [Float], radius: Int) -> [Float] {
        var f = field
        let w = columns, h = rows
        for _ in 0..<3 {
            var t = f
            for r in 0..<h {
                for c in 0..<w {
                    var s: Float = 0, m: Float = 0
                    for k in max(0, c - radius)...min(w - 1, c + radius) { s += f[r * w + k]; m += 1 }
                    t[r * w + c] = s / m
                }
            }
            for c in 0..<w {
                for r in 0..<h {
                    var s: Float = 0, m: Float = 0
                    for k in max(0, r - radius)...min(h - 1, r + radius) { s += t[k * w + c]; m += 1 }
                    f[r * w + c] = s / m
                }
            }
        }
        return f
    }
}
