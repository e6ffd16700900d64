import Foundation
import SeaIceCore

/// A north-up regular grid in a coordinate reference system, as a GDAL geotransform describes it.
///
/// Pixel (column c, row r) covers x ∈ [x0 + c·dx, x0 + (c+1)·dx), y ∈ (y0 + (r+1)·dy, y0 + r·dy]
/// with dy < 0 (row 0 is the northern edge). Rasters on this grid are row-major, row 0 first.
public struct RegularGrid: Codable, Equatable, Sendable {
    /// Number of columns.
    public var width: Int
    /// Number of rows.
    public var height: Int
    /// GDAL geotransform (x0, dx, 0, y0, 0, dy): x0/y0 the top-left corner, dx > 0 and dy < 0 the pixel size, in CRS units.
    public var geoTransform: [Double]
    /// The CRS, in any form `SpatialReference(definition:)` reads ("EPSG:3413", WKT).
    public var crs: String

    /// A grid from its geotransform.
    public init(width: Int, height: Int, geoTransform: [Double], crs: String) {
        precondition(width > 0 && height > 0, "grid size \(width)×\(height)")
        precondition(geoTransform.count == 6, "geotransform needs 6 values, got \(geoTransform.count)")
        self.width = width
        self.height = height
        self.geoTransform = geoTransform
        self.crs = crs
    }

    /// The most pixels a grid may have (20 000 × 20 000); larger grids are refused before anything is allocated.
    public static let maximumPixels = 400_000_000

    /// A grid covering the box (minX, minY)–(maxX, maxY) with square pixels of `resolution` CRS units;
    /// the top-left corner is (minX, maxY) and the size is rounded up to whole pixels.
    /// - Throws: `SeaIceError.configuration` naming the box and resolution when a value is not finite, the box
    ///   is empty, or the grid would exceed `maximumPixels` (checked in floating point, before any conversion
    ///   to `Int`, so a huge extent or a tiny resolution cannot overflow).
    public init(crs: String, minX: Double, minY: Double, maxX: Double, maxY: Double, resolution: Double) throws {
        let box = "grid box (\(minX), \(minY))–(\(maxX), \(maxY)) at resolution \(resolution)"
        guard [minX, minY, maxX, maxY, resolution].allSatisfy(\.isFinite) else {
            throw SeaIceError.configuration("\(box): expected finite numbers")
        }
        guard resolution > 0, maxX > minX, maxY > minY else {
            throw SeaIceError.configuration("\(box): expected max > min and resolution > 0")
        }
        let columns = ((maxX - minX) / resolution).rounded(.up), rows = ((maxY - minY) / resolution).rounded(.up)
        guard columns.isFinite, rows.isFinite, columns * rows <= Double(Self.maximumPixels) else {
            throw SeaIceError.configuration(
                "\(box): \(columns) × \(rows) pixels is too large (at most \(Self.maximumPixels)); "
                    + "use a coarser resolution or a smaller box")
        }
        self.init(width: max(Int(columns), 1), height: max(Int(rows), 1),
                  geoTransform: [minX, resolution, 0, maxY, 0, -resolution], crs: crs)
    }

    /// The centre of pixel (column, row) in CRS coordinates.
    public func pixelCenter(column: Int, row: Int) -> GeoPoint {
        let c = Double(column) + 0.5, r = Double(row) + 0.5
        return GeoPoint(x: geoTransform[0] + c * geoTransform[1] + r * geoTransform[2],
                        y: geoTransform[3] + c * geoTransform[4] + r * geoTransform[5])
    }
}

/// One geolocation tie point of a scene: a raster position and its longitude/latitude.
///
/// `pixel` and `line` are GDAL raster coordinates: the top-left corner of the image is (0, 0) and the
/// centre of the first pixel is (0.5, 0.5). AI4Arctic `sar_grid_sample`/`sar_grid_line` are sample
/// indices (the centre of pixel i is i), so add 0.5 to them.
public struct TiePoint: Codable, Equatable, Sendable {
    /// Column coordinate (GDAL convention, see above).
    public var pixel: Double
    /// Row coordinate (GDAL convention, see above).
    public var line: Double
    /// Longitude, degrees east.
    public var longitude: Double
    /// Latitude, degrees north.
    public var latitude: Double
    /// A tie point.
    public init(pixel: Double, line: Double, longitude: Double, latitude: Double) {
        self.pixel = pixel
        self.line = line
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// The pixel grid a chart is rasterised onto.
public enum RasterizationGrid: Codable, Equatable, Sendable {
    /// A north-up grid in a CRS (geotransform).
    case regular(RegularGrid)
    /// A scene grid located by lat/lon tie points.
    case tiePoints(SwathTiePointGrid)

    /// Number of columns.
    public var width: Int {
        switch self {
        case let .regular(g): return g.width
        case let .tiePoints(g): return g.width
        }
    }

    /// Number of rows.
    public var height: Int {
        switch self {
        case let .regular(g): return g.height
        case let .tiePoints(g): return g.height
        }
    }
}

extension RegularGrid {
    /// The grid in file names: `<crs>_<resolution>m`, e.g. `epsg3413_6250m` (products on this grid are
    /// `<scene>_<fileTag>.nc/.tif`).
    public var fileTag: String {
        let crs = crs.lowercased().replacingOccurrences(of: ":", with: "")
        let r = geoTransform[1]
        return "\(crs)_\(r == r.rounded() ? String(Int(r)) : String(r))m"
    }
}
