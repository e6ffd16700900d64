/// One ground control point of a raster in SAR geometry: image position → ground position.
///
/// `pixel`/`line` are measured from the top-left image edge (the centre of pixel (0, 0) is at
/// 0.5, 0.5); `x`, `y`, `z` are in the GCP coordinate system (EPSG:4326 in GIS axis order:
/// x = longitude, y = latitude, degrees; z in metres).
public struct GroundControlPoint: Sendable, Equatable {
    /// Position in the image, pixels from the left and top edges.
    public var pixel: Double, line: Double
    /// Position on the ground.
    public var x: Double, y: Double, z: Double

    /// A GCP.
    public init(pixel: Double, line: Double, x: Double, y: Double, z: Double = 0) {
        self.pixel = pixel
        self.line = line
        self.x = x
        self.y = y
        self.z = z
    }
}

/// One colour of a raster colour table: red, green, blue, alpha (0…255; alpha 255 = opaque).
public struct PaletteColor: Sendable, Equatable, Hashable {
    /// Components.
    public var r: UInt8, g: UInt8, b: UInt8, alpha: UInt8

    /// A colour, opaque unless `alpha` says otherwise.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8, alpha: UInt8 = 255) {
        self.r = r
        self.g = g
        self.b = b
        self.alpha = alpha
    }
}

/// How a GeoTIFF is placed on the Earth.
public enum GeoTIFFGeoreference: Sendable, Equatable {
    /// No georeference.
    case none
    /// Ground control points in `crs` ("EPSG:4326", WKT or any `OSRSetFromUserInput` text): SAR geometry.
    case gcps([GroundControlPoint], crs: String)
    /// A north-up (or rotated) grid: GDAL geotransform (x0, dx, rx, y0, ry, dy; x0, y0 = top-left
    /// corner) in the units of `crs` (metres for projected systems such as "EPSG:3413").
    case transform([Double], crs: String)
}

/// One band of a GeoTIFF to write.
public struct GeoTIFFBand: Sendable {
    /// The pixel values, row-major `height × width`.
    public enum Values: Sendable {
        /// Unsigned bytes (class maps, percent, scaled values).
        case uint8([UInt8])
        /// 32-bit floats (physical values, probabilities, uncertainty).
        case float32([Float])

        /// Number of values.
        public var count: Int {
            switch self {
            case .uint8(let v): return v.count
            case .float32(let v): return v.count
            }
        }

        /// The values as bytes ([] unless uint8).
        public var bytes: [UInt8] { if case .uint8(let v) = self { return v } else { return [] } }
        /// The values as floats ([] unless float32).
        public var floats: [Float] { if case .float32(let v) = self { return v } else { return [] } }
    }

    /// The values.
    public var values: Values
    /// Band description (the band name QGIS shows), e.g. "SIC (%)".
    public var description: String
    /// No-data value (255 for class maps, NaN for floats), nil for none.
    public var noData: Double?
    /// Unit, e.g. "%" or "1"; nil for none.
    public var unit: String?
    /// Colour table (entry k colours value k); only for uint8 bands of single-band files.
    public var palette: [PaletteColor]?
    /// Band metadata items (default domain), kept inside the TIFF, e.g. `CLASS_3 = thin first-year ice`.
    public var metadata: [String: String]

    /// A band.
    public init(
        _ values: Values, description: String, noData: Double? = nil, unit: String? = nil,
        palette: [PaletteColor]? = nil, metadata: [String: String] = [:]
    ) {
        self.values = values
        self.description = description
        self.noData = noData
        self.unit = unit
        self.palette = palette
        self.metadata = metadata
    }
}
