import Foundation
import SeaIceCore
import SeaIceNetCDF

/// A `SurfaceTruth` built from real maps, for the passive-microwave simulator's own use and tests: the real
/// 25 km Bootstrap concentration of `nansat/arctic.nc` (1978-11-01, 240 × 240 cells, polar stereographic on
/// WGS 84 true at the pole, 0° E down, false easting/northing 2000 km; rows at ascending `y`) resampled to the
/// NSIDC 25 km grid, land from the real NSIDC GSFC land mask `nsidc-polarstereo/masks/gsfc_25n.msk`
/// (uint8 448 × 304, 1 = land).
///
/// Ocean cells the map leaves without a value (−10000: its coast and the pole hole) take the mean of their
/// valued neighbours (grown ring by ring); ocean outside the map is open water. The multi-year share of the
/// ice follows a documented simple rule, not data: `0.85·exp(−(d/1000 km)²)`, with `d` the distance from
/// 84° N 80° W, which puts most multi-year ice north of Greenland and the Canadian Archipelago and little in
/// the marginal seas (the geography of the ice-age maps of Tschudi et al. 2020, NSIDC-0611). Fractions are
/// box averages over the NSIDC cells (EPSG:3411 metres); places off the NSIDC grid are open water.
public struct ArcticMapTruth: SurfaceTruth {
    /// Sea-ice, multi-year-share and land fields on the NSIDC grid (row-major 448 × 304, 0…1).
    public let ice: [Double], multiYearShare: [Double], land: [Double]

    /// The centre of the multi-year-ice rule (°N, °E) and its e-folding distance, m.
    static let multiYearCentre = (latitude: 84.0, longitude: -80.0), multiYearScale = 1_000_000.0

    /// Reads the two real files under `dataFolder` (normally `../shared/data`).
    /// - Throws: `SeaIceError` naming the file and variable when either is absent or malformed.
    public init(dataFolder: URL) throws {
        let mapURL = dataFolder.appendingPathComponent("nansat/arctic.nc")
        let maskURL = dataFolder.appendingPathComponent("nsidc-polarstereo/masks/gsfc_25n.msk")
        let map = try Self.readMap(mapURL)
        guard let mask = FileManager.default.contents(atPath: maskURL.path) else {
            throw SeaIceError.missing(file: maskURL.path, item: "file")
        }
        let n = NSIDCNorthGrid.rows * NSIDCNorthGrid.columns
        guard mask.count == n else {
            throw SeaIceError.invalidInput(
                file: maskURL.path, item: "size \(mask.count) bytes",
                expected: "\(n) bytes (uint8 448 × 304)")
        }
        var land = [Double](repeating: 0, count: n)
        var ice = land
        var share = land
        var known = [Bool](repeating: false, count: n)
        let centre = NSIDCNorthGrid.projection.forward(
            latitude: Self.multiYearCentre.latitude,
            longitude: Self.multiYearCentre.longitude)
        for i in 0..<NSIDCNorthGrid.rows {
            for j in 0..<NSIDCNorthGrid.columns {
                let k = i * NSIDCNorthGrid.columns + j
                land[k] = mask[k] == 1 ? 1 : 0
                let place = NSIDCNorthGrid.location(row: i, column: j)
                switch map.value(latitude: place.latitude, longitude: place.longitude) {
                case .outside: known[k] = true
                case .missing: break
                case .value(let c):
                    ice[k] = c
                    known[k] = true
                }
                let d = hypot(NSIDCNorthGrid.x(j) - centre.x, NSIDCNorthGrid.y(i) - centre.y) / Self.multiYearScale
                share[k] = 0.85 * exp(-d * d)
            }
        }
        Self.fillGaps(&ice, known: &known, land: land)
        self.ice = ice
        self.land = land
        multiYearShare = share
    }

    public func fractions(latitude: Double, longitude: Double, cellSize: Double) -> SurfaceFractions {
        let p = NSIDCNorthGrid.projection.forward(latitude: latitude, longitude: longitude)
        guard let l = NSIDCNorthGrid.boxMean(land, x: p.x, y: p.y, side: cellSize),
            let c = NSIDCNorthGrid.boxMean(ice, x: p.x, y: p.y, side: cellSize),
            let m = NSIDCNorthGrid.boxMean(multiYearShare, x: p.x, y: p.y, side: cellSize)
        else {
            return SurfaceFractions(water: 1, firstYear: 0, multiYear: 0, land: 0)
        }
        let sea = 1 - l
        return SurfaceFractions(water: sea * (1 - c), firstYear: sea * c * (1 - m), multiYear: sea * c * m, land: l)
    }

    /// Ocean cells without a value take the mean of known ocean neighbours, ring by ring (at most 10 rings).
    static func fillGaps(_ ice: inout [Double], known: inout [Bool], land: [Double]) {
        let rows = NSIDCNorthGrid.rows
        let cols = NSIDCNorthGrid.columns
        for _ in 0..<10 {
            var next = ice
            var nextKnown = known
            var changed = false
            for i in 0..<rows {
                for j in 0..<cols where !known[i * cols + j] && land[i * cols + j] < 0.5 {
                    var sum = 0.0
                    var count = 0.0
                    for di in -1...1 {
                        for dj in -1...1 {
                            let a = i + di
                            let b = j + dj
                            guard a >= 0, b >= 0, a < rows, b < cols, known[a * cols + b], land[a * cols + b] < 0.5
                            else { continue }
                            sum += ice[a * cols + b]
                            count += 1
                        }
                    }
                    if count > 0 {
                        next[i * cols + j] = sum / count
                        nextKnown[i * cols + j] = true
                        changed = true
                    }
                }
            }
            ice = next
            known = nextKnown
            if !changed { break }
        }
    }

    /// The 25 km map of `arctic.nc`: Bootstrap concentration (%), its `x`/`y` axes and projection.
    struct ConcentrationMap {
        enum Lookup {
            case outside, missing
            case value(Double)
        }
        let values: [Double], x: [Double], y: [Double]
        let projection = PolarStereographic(
            semiMajorAxis: 6_378_137, eccentricitySquared: PolarStereographic.wgs84EccentricitySquared,
            standardParallel: 90, centralMeridian: 0, falseEasting: 2_000_000, falseNorthing: 2_000_000)

        /// The nearest cell's concentration (0…1).
        func value(latitude: Double, longitude: Double) -> Lookup {
            let p = projection.forward(latitude: latitude, longitude: longitude)
            let dx = x[1] - x[0]
            let dy = y[1] - y[0]
            let j = Int(((p.x - x[0]) / dx).rounded())
            let i = Int(((p.y - y[0]) / dy).rounded())
            guard i >= 0, j >= 0, i < y.count, j < x.count else { return .outside }
            let v = values[i * x.count + j]
            return (0...100).contains(v) ? .value(v / 100) : .missing
        }
    }

    static func readMap(_ url: URL) throws -> ConcentrationMap {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SeaIceError.missing(file: url.path, item: "file")
        }
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        let x = try nc.read("x", as: Double.self)
        let y = try nc.read("y", as: Double.self)
        let v = try nc.variable("Bootstrap")
        guard x.count > 1, y.count > 1, v.shape.suffix(2) == [y.count, x.count] else {
            throw SeaIceError.invalidInput(
                file: url.path, item: "variable `Bootstrap` shape \(v.shape)",
                expected: "(time, y \(y.count), x \(x.count))")
        }
        let values = try nc.read("Bootstrap", as: Double.self, start: [0, 0, 0], count: [1, y.count, x.count])
        return ConcentrationMap(values: values, x: x, y: y)
    }
}
