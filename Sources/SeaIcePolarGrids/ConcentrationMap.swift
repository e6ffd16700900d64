import Foundation

/// A north-up map grid of a concentration file: size, GDAL geotransform (metres) and CRS.
public struct MapGrid: Sendable, Equatable {
    /// Columns and rows.
    public var width: Int, height: Int
    /// GDAL geotransform (x0, dx, 0, y0, 0, dy), metres; dy < 0 when row 0 is north.
    public var geoTransform: [Double]
    /// The coordinate system as WKT or a PROJ string (what `SpatialReference(definition:)` reads).
    public var crs: String
    /// The EPSG code when the file gives one.
    public var epsg: Int?

    /// A grid.
    public init(width: Int, height: Int, geoTransform: [Double], crs: String, epsg: Int? = nil) {
        self.width = width
        self.height = height
        self.geoTransform = geoTransform
        self.crs = crs
        self.epsg = epsg
    }

    /// The grid of an NSIDC polar-stereographic grid (CRS as its PROJ string, exact for EPSG:3411 too).
    public init(_ grid: PolarStereographicGrid) {
        self.init(width: grid.width, height: grid.height, geoTransform: grid.geoTransform, crs: grid.proj4, epsg: grid.epsg)
    }

    /// Centre of cell (`row`, `column`), metres.
    public func centre(row: Int, column: Int) -> (x: Double, y: Double) {
        (geoTransform[0] + (Double(column) + 0.5) * geoTransform[1], geoTransform[3] + (Double(row) + 0.5) * geoTransform[5])
    }
}

/// A sea-ice concentration map a user already has (OSI SAF `ice_conc`, NSIDC CDR/NSIDC-0051, any CF
/// `sea_ice_area_fraction` variable), as a coarse reference for the other systems.
///
/// Values: fractions 0…1, row-major over `grid` (row 0 first as stored), NaN where the file has no
/// concentration (fill, flagged, outside the valid range).
public struct ConcentrationMap: Sendable {
    /// Which layout the file was read as.
    public enum Format: String, Sendable, Equatable {
        /// OSI SAF (`ice_conc` in %, `status_flag`, `xc`/`yc` km): OSI-401/OSI-450 and SeaIceKit's own PM product.
        case osisaf
        /// NSIDC Climate Data Record G02202 (`cdr_seaice_conc`, fraction, flags 251–255).
        case nsidcCDR
        /// NSIDC-0051 netCDF (`F17_ICECON`-style `Fnn_ICECON`, fraction, flags 251–255).
        case nsidc0051
        /// Any other CF variable with `standard_name sea_ice_area_fraction` (e.g. nansat's arctic.nc).
        case cf
    }

    /// The grid.
    public var grid: MapGrid
    /// Concentration, fraction 0…1, NaN = none.
    public var concentration: [Float]
    /// Per-cell flags where the file has them (OSI SAF `status_flag`; NSIDC: the raw flag code 251…255
    /// where the cell holds one, 0 elsewhere), nil otherwise.
    public var flags: [UInt8]?
    /// Flag meanings by value, from the file's `flag_values`/`flag_meanings` (NSIDC's documented codes
    /// 251 pole hole, 252 unused, 253 coast, 254 land, 255 missing when the file does not say).
    public var flagMeanings: [UInt8: String]
    /// The variable read.
    public var variable: String
    /// The layout.
    public var format: Format
    /// The map's time, when the file's `time` decodes.
    public var time: Date?
    /// The file.
    public var url: URL

    /// Number of cells with a concentration.
    public var validCount: Int { concentration.lazy.filter { !$0.isNaN }.count }
}
