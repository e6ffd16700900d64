import Foundation
import SeaIceCore
import SeaIceGDAL

/// An NSIDC north polar-stereographic grid (NSIDC "Polar Stereographic Projections and Grids",
/// https://nsidc.org/data/user-resources/help-center/guide-nsidc-polar-stereographic-projection).
///
/// Every resolution covers the same box: x from −3 850 000 to +3 750 000 m, y from +5 850 000 down to
/// −5 350 000 m (cell edges), so the 25 km grid is 304 columns × 448 rows (the grid of NSIDC-0051/0081/0079
/// and of `../shared/data/nsidc-polarstereo/grids/psn25lats_v3.dat`; tests check its cell centres against
/// that file), 12.5 km is 608 × 896, 6.25 km 1216 × 1792 and 3.125 km 2432 × 3584 (NSIDC-0802/0630 use the
/// finer ones). Each finer cell lies inside exactly one 25 km cell (2ⁿ × 2ⁿ per 25 km cell).
///
/// Layout: row-major, row 0 is the northern edge (y = +5 850 000 m), column 0 the western edge, as the
/// NSIDC `.dat`/`.msk` files store it. Projections: EPSG:3411 (Hughes 1980 ellipsoid, the historical NSIDC
/// definition) or EPSG:3413 (WGS 84), both true scale at 70° N and central meridian 45° W; PROJ (through
/// SeaIceGDAL) does every projection.
public struct PolarStereographicGrid: Sendable, Equatable, Hashable, Codable {
    /// Cell sizes NSIDC defines for the north grid.
    public enum Resolution: String, Sendable, CaseIterable, Codable {
        /// 25 km (304 × 448).
        case km25 = "25km"
        /// 12.5 km (608 × 896).
        case km12_5 = "12.5km"
        /// 6.25 km (1216 × 1792).
        case km6_25 = "6.25km"
        /// 3.125 km (2432 × 3584).
        case km3_125 = "3.125km"

        /// Cell size, metres.
        public var metres: Double {
            switch self {
            case .km25: return 25_000
            case .km12_5: return 12_500
            case .km6_25: return 6_250
            case .km3_125: return 3_125
            }
        }
        /// Number of cells of this grid along each side of one 25 km cell (1, 2, 4, 8).
        public var cellsPer25km: Int { Int(25_000 / metres) }
    }

    /// The projection's EPSG code.
    public enum Projection: Int, Sendable, CaseIterable, Codable {
        /// NSIDC Sea Ice Polar Stereographic North on the Hughes 1980 ellipsoid.
        case epsg3411 = 3411
        /// NSIDC Sea Ice Polar Stereographic North on WGS 84.
        case epsg3413 = 3413
    }

    /// Left edge of the grid, metres.
    public static let minX = -3_850_000.0
    /// Top edge of the grid, metres.
    public static let maxY = 5_850_000.0
    /// Right edge, metres.
    public static let maxX = 3_750_000.0
    /// Bottom edge, metres.
    public static let minY = -5_350_000.0

    /// Cell size.
    public var resolution: Resolution
    /// Projection.
    public var projection: Projection

    /// The grid at `resolution` in `projection` (default EPSG:3411, as NSIDC's 25 km products).
    public init(resolution: Resolution, projection: Projection = .epsg3411) {
        self.resolution = resolution
        self.projection = projection
    }

    /// The grid named `nsidc-north-25km`, `nsidc-north-12.5km`, `…-6.25km`, `…-3.125km` (the `km` and the
    /// `nsidc-north-` prefix are optional: "12.5" works).
    /// - Throws: `SeaIceError.configuration` listing the names when `name` is none of them.
    public init(name: String, projection: Projection = .epsg3411) throws {
        var key = name.lowercased()
        if key.hasPrefix("nsidc-north-") { key.removeFirst("nsidc-north-".count) }
        if !key.hasSuffix("km") { key += "km" }
        guard let r = Resolution(rawValue: key) else {
            throw SeaIceError.configuration(
                "grid \"\(name)\": expected one of "
                    + Resolution.allCases.map { "nsidc-north-\($0.rawValue)" }.joined(separator: ", "))
        }
        self.init(resolution: r, projection: projection)
    }

    /// The name, e.g. `nsidc-north-6.25km`.
    public var name: String { "nsidc-north-\(resolution.rawValue)" }
    /// The EPSG code.
    public var epsg: Int { projection.rawValue }
    /// `"EPSG:3411"` or `"EPSG:3413"` (a name; give GDAL `crsWKT()`, see `spatialReference()`).
    public var crs: String { "EPSG:\(epsg)" }
    /// Cell size, metres.
    public var cellSize: Double { resolution.metres }
    /// Number of columns.
    public var width: Int { Int(((Self.maxX - Self.minX) / cellSize).rounded()) }
    /// Number of rows.
    public var height: Int { Int(((Self.maxY - Self.minY) / cellSize).rounded()) }
    /// Number of cells.
    public var count: Int { width * height }
    /// GDAL geotransform (x0, dx, 0, y0, 0, −dy), metres.
    public var geoTransform: [Double] { [Self.minX, cellSize, 0, Self.maxY, 0, -cellSize] }

    /// Cell-centre x coordinates, metres (west to east).
    public var x: [Double] { (0..<width).map { Self.minX + (Double($0) + 0.5) * cellSize } }
    /// Cell-centre y coordinates, metres (north to south, decreasing).
    public var y: [Double] { (0..<height).map { Self.maxY - (Double($0) + 0.5) * cellSize } }

    /// The (row, column) of the cell containing projected point (`x`, `y`) in metres, nil outside the grid.
    @inline(__always)
    public func cell(x: Double, y: Double) -> (row: Int, column: Int)? {
        let c = ((x - Self.minX) / cellSize).rounded(.down), r = ((Self.maxY - y) / cellSize).rounded(.down)
        guard c >= 0, r >= 0, c < Double(width), r < Double(height) else { return nil }
        return (Int(r), Int(c))
    }

    /// The coordinate reference system (EPSG:3411 kept as itself although EPSG deprecates it: GDAL would
    /// otherwise substitute EPSG:3413, whose WGS 84 ellipsoid moves the grid's latitudes by up to 117 m).
    public func spatialReference() throws -> SpatialReference { try SpatialReference(epsg: epsg, keepingDeprecated: true) }

    /// The CRS as WKT, for GDAL writers (a GeoTIFF given "EPSG:3411" would get EPSG:3413).
    public func crsWKT() throws -> String { try spatialReference().wkt }

    /// Projects latitudes/longitudes (degrees) to grid x/y (metres) through PROJ (`BatchTransform`, in
    /// parallel chunks over `threads`); non-finite or unprojectable points come back NaN. Latitudes and
    /// longitudes are taken on the projection's own ellipsoid (no datum shift, as NSIDC computes its grids).
    public func project(latitude: [Double], longitude: [Double], threads: Int = 1) throws -> (x: [Double], y: [Double]) {
        let crs = try spatialReference()
        let t = try BatchTransform(from: crs.geographic(), to: crs)
        var x = longitude, y = latitude
        try t.transform(x: &x, y: &y, threads: threads)
        return (x, y)
    }

    /// Latitude and longitude (degrees) of every cell centre, row-major (PROJ inverse projection onto the
    /// projection's own ellipsoid, no datum shift).
    public func cellCentres(threads: Int = 1) throws -> (latitude: [Double], longitude: [Double]) {
        try cellCentres(of: Array(0..<count), threads: threads)
    }

    /// Latitude and longitude (degrees) of the centres of `cells` (row-major indices), in the order given
    /// (PROJ inverse projection as `cellCentres(threads:)`; only those cells are projected).
    public func cellCentres(of cells: [Int], threads: Int = 1) throws -> (latitude: [Double], longitude: [Double]) {
        let w = width
        var px = cells.map { Self.minX + (Double($0 % w) + 0.5) * cellSize }
        var py = cells.map { Self.maxY - (Double($0 / w) + 0.5) * cellSize }
        let crs = try spatialReference()
        let t = try BatchTransform(from: crs, to: crs.geographic())
        try t.transform(x: &px, y: &py, threads: threads)
        return (py, px)
    }
}
