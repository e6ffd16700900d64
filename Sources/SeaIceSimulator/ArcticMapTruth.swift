import Foundation
import SeaIceCore

/// A `SurfaceTruth` built from real maps, for the passive-microwave simulator's own use and tests: the real
/// 25 km Bootstrap concentration of `nansat/arctic.nc` and the real NSIDC land mask as `ArcticBaseMap` puts
/// them on the NSIDC 25 km layout in EPSG:3413 (through PROJ; the pole hole filled from its neighbours).
///
/// The multi-year share of the ice follows a documented simple rule, not data: `0.85·exp(−(d/1000 km)²)`,
/// with `d` the distance from 84° N 80° W, which puts most multi-year ice north of Greenland and the Canadian
/// Archipelago and little in the marginal seas (the geography of the ice-age maps of Tschudi et al. 2020,
/// NSIDC-0611). Fractions are box averages over the 25 km cells (EPSG:3413 metres, positions by PROJ);
/// places off the grid are open water.
public struct ArcticMapTruth: SurfaceTruth {
    /// Sea-ice, multi-year-share and land fields on the 25 km layout (row-major 448 × 304, 0…1).
    public let ice: [Double], multiYearShare: [Double], land: [Double]
    let projection: LockedTransform

    /// The centre of the multi-year-ice rule (°N, °E) and its e-folding distance, m.
    static let multiYearCentre = (latitude: 84.0, longitude: -80.0), multiYearScale = 1_000_000.0

    /// Reads the real files under `dataFolder` (normally `../shared/data`) through `ArcticBaseMap`.
    /// - Throws: `SeaIceError` naming the file and variable when one is absent or malformed, or when PROJ
    ///   cannot build the EPSG:4326 → EPSG:3413 transformation.
    public init(dataFolder: URL) throws {
        let base = try ArcticBaseMap(dataFolder: dataFolder)
        projection = try LockedTransform.shared()
        let centre = try projection.toPolar(longitude: [Self.multiYearCentre.longitude],
                                            latitude: [Self.multiYearCentre.latitude])[0]
        let columns = ArcticBaseMap.columns
        ice = base.concentration.map(Double.init)
        land = base.land.map(Double.init)
        multiYearShare = (0..<ArcticBaseMap.rows * columns).map { k in
            let x = ArcticBaseMap.xMin + (Double(k % columns) + 0.5) * ArcticBaseMap.cellSize
            let y = ArcticBaseMap.yMax - (Double(k / columns) + 0.5) * ArcticBaseMap.cellSize
            let d = hypot(x - centre.x, y - centre.y) / Self.multiYearScale
            return 0.85 * exp(-d * d)
        }
    }

    public func fractions(latitude: Double, longitude: Double, cellSize: Double) -> SurfaceFractions {
        let p = projection.toPolar(longitude: longitude, latitude: latitude)
        return fractions(x: p.x, y: p.y, cellSize: cellSize)
    }

    /// Many points: one PROJ call.
    public func fractions(latitude: [Double], longitude: [Double], cellSize: Double) -> [SurfaceFractions] {
        projection.toPolarOrNaN(longitude: longitude, latitude: latitude).map { fractions(x: $0.x, y: $0.y, cellSize: cellSize) }
    }

    /// Fractions over the square `cellSize` metres wide centred at EPSG:3413 (x, y).
    func fractions(x: Double, y: Double, cellSize: Double) -> SurfaceFractions {
        guard x.isFinite, y.isFinite, let l = Self.boxMean(land, x: x, y: y, side: cellSize),
            let c = Self.boxMean(ice, x: x, y: y, side: cellSize),
            let m = Self.boxMean(multiYearShare, x: x, y: y, side: cellSize)
        else {
            return SurfaceFractions(water: 1, firstYear: 0, multiYear: 0, land: 0)
        }
        let sea = 1 - l
        return SurfaceFractions(water: sea * (1 - c), firstYear: sea * c * (1 - m), multiYear: sea * c * m, land: l)
    }

    /// Box average of a row-major 448 × 304 `field` over the square `side` metres wide centred at (x, y)
    /// (area-weighted overlap of the 25 km cells; nil where the box misses the grid).
    static func boxMean(_ field: [Double], x: Double, y: Double, side: Double) -> Double? {
        let columns = ArcticBaseMap.columns, rows = ArcticBaseMap.rows, size = ArcticBaseMap.cellSize
        let half = max(side, 1) / 2
        let c0 = (x - half - ArcticBaseMap.xMin) / size, c1 = (x + half - ArcticBaseMap.xMin) / size
        let r0 = (ArcticBaseMap.yMax - (y + half)) / size, r1 = (ArcticBaseMap.yMax - (y - half)) / size
        guard c1 > 0, r1 > 0, c0 < Double(columns), r0 < Double(rows) else { return nil }
        let jLow = max(0, Int(c0.rounded(.down))), jHigh = min(columns - 1, Int(c1.rounded(.down)))
        let iLow = max(0, Int(r0.rounded(.down))), iHigh = min(rows - 1, Int(r1.rounded(.down)))
        guard jLow <= jHigh, iLow <= iHigh else { return nil }
        var sum = 0.0, weight = 0.0
        for i in iLow...iHigh {
            let wy = min(r1, Double(i + 1)) - max(r0, Double(i))
            if wy <= 0 { continue }
            for j in jLow...jHigh {
                let wx = min(c1, Double(j + 1)) - max(c0, Double(j))
                if wx <= 0 { continue }
                sum += wx * wy * field[i * columns + j]
                weight += wx * wy
            }
        }
        return weight > 0 ? sum / weight : nil
    }
}
