import SeaIceCore
import SeaIceNetCDF

/// A polar-stereographic map grid written the way OSI SAF sea-ice products are (OSI-401/OSI-450
/// `ice_conc_nh_polstere-*` files): dimensions `time` (1), `yc`, `xc`; 1-D `xc`/`yc` cell centres in km
/// (`standard_name` projection_x/y_coordinate); 2-D `lat(yc, xc)`/`lon(yc, xc)` (float, degrees); a scalar
/// grid-mapping variable `Polar_Stereographic_Grid` with the CF parameters, `proj4_string`, `crs_wkt`,
/// `epsg_code` and, for GDAL, `spatial_ref` and `GeoTransform` (metres). Raster variables lie over
/// (time, yc, xc) and name `grid_mapping` and `coordinates = "lat lon"`.
public struct OSISAFGrid: Sendable, Equatable {
    /// Name of the grid-mapping variable.
    public static let mappingVariable = "Polar_Stereographic_Grid"
    /// Raster dimensions, slowest first.
    public static let dimensions = ["time", "yc", "xc"]

    /// Number of rows.
    public var height: Int
    /// Number of columns.
    public var width: Int
    /// GDAL geotransform (x0, dx, 0, y0, 0, dy) in metres; dy < 0.
    public var geoTransform: [Double]
    /// CF grid-mapping attributes (`grid_mapping_name` polar_stereographic and its parameters).
    public var mapping: [CFAttribute]
    /// The coordinate system as WKT.
    public var crsWKT: String
    /// The PROJ string.
    public var proj4: String
    /// The EPSG code.
    public var epsg: Int?
    /// Latitude of each cell centre, degrees north, row-major.
    public var latitude: [Float]
    /// Longitude of each cell centre, degrees east, row-major.
    public var longitude: [Float]

    /// A grid; latitude and longitude have `height × width` values.
    public init(height: Int, width: Int, geoTransform: [Double], mapping: [CFAttribute], crsWKT: String,
                proj4: String, epsg: Int?, latitude: [Float], longitude: [Float]) {
        precondition(height > 0 && width > 0 && latitude.count == height * width && longitude.count == height * width,
                     "an OSI SAF grid of \(height) × \(width) with \(latitude.count) latitudes, \(longitude.count) longitudes")
        precondition(geoTransform.count == 6 && geoTransform[2] == 0 && geoTransform[4] == 0, "north-up geotransform, got \(geoTransform)")
        self.height = height
        self.width = width
        self.geoTransform = geoTransform
        self.mapping = mapping
        self.crsWKT = crsWKT
        self.proj4 = proj4
        self.epsg = epsg
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Cell-centre x, km.
    public var xc: [Double] { (0..<width).map { (geoTransform[0] + (Double($0) + 0.5) * geoTransform[1]) / 1000 } }
    /// Cell-centre y, km (decreasing).
    public var yc: [Double] { (0..<height).map { (geoTransform[3] + (Double($0) + 0.5) * geoTransform[5]) / 1000 } }

    /// `xc`, `yc`, `lat`, `lon` and the grid mapping.
    var coordinateVariables: [CFVariable] {
        let axes = [("xc", "projection_x_coordinate", "X", "x coordinate of projection (eastings)", xc),
                    ("yc", "projection_y_coordinate", "Y", "y coordinate of projection (northings)", yc)]
        var variables = axes.map { name, standardName, axis, longName, values in
            CFVariable(name, dimensions: [name], values: .double(values), attributes: [
                CFAttribute("standard_name", .text(standardName)), CFAttribute("long_name", .text(longName)),
                CFAttribute("units", .text("km")), CFAttribute("axis", .text(axis)),
            ])
        }
        for (name, standardName, units, values) in [("lat", "latitude", "degrees_north", latitude),
                                                    ("lon", "longitude", "degrees_east", longitude)] {
            variables.append(CFVariable(name, dimensions: ["yc", "xc"], values: .float(values), attributes: [
                CFAttribute("standard_name", .text(standardName)), CFAttribute("long_name", .text(standardName)),
                CFAttribute("units", .text(units)),
            ]))
        }
        let attributes = mapping + [CFAttribute("proj4_string", .text(proj4))]
            + ProjectedGrid.georeference(wkt: crsWKT, geoTransform: geoTransform, epsg: epsg)
        variables.append(CFVariable(container: Self.mappingVariable, attributes: attributes))
        return variables
    }

    /// The grid of an OSI SAF-layout dataset.
    init(decoding dataset: CFDataset, height: Int, width: Int) throws {
        let (numbers, wkt, epsg, mapping) = try ProjectedGrid.decodeGeoreference(
            dataset, variable: Self.mappingVariable, also: ["proj4_string"])
        let proj4 = try dataset.variable(Self.mappingVariable).attribute("proj4_string")?.text ?? ""
        var planes: [[Float]] = []
        for name in ["lat", "lon"] {
            planes.append(try dataset.variable(name, dimensions: ["yc", "xc"], type: .float).values?.floats ?? [])
        }
        self.init(height: height, width: width, geoTransform: numbers, mapping: mapping, crsWKT: wkt,
                  proj4: proj4, epsg: epsg, latitude: planes[0], longitude: planes[1])
    }
}
