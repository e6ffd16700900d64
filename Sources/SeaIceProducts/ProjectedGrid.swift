import SeaIceCore
import SeaIceNetCDF

/// A north-up map grid in a projected coordinate system (metres), e.g. EPSG:3413 at 6.25 km.
///
/// Written as 1-D coordinates `x(x)` and `y(y)` (double, metres, pixel centres) and a scalar `crs`
/// grid-mapping variable carrying the CF grid-mapping parameters, `crs_wkt` (CF 1.7+), GDAL's
/// `spatial_ref` and `GeoTransform` (so GDAL and QGIS place the grid without guessing) and, when
/// known, `epsg_code`.
public struct ProjectedGrid: Sendable, Equatable {
    /// Name of the grid-mapping variable.
    public static let mappingVariable = "crs"

    /// Number of lines.
    public var height: Int
    /// Number of samples per line.
    public var width: Int
    /// GDAL geotransform (x0, dx, 0, y0, 0, dy): top-left corner and pixel size in metres (dy < 0 north-up).
    public var geoTransform: [Double]
    /// The coordinate system as WKT (e.g. SeaIceGDAL's `SpatialReference(epsg: 3413).wkt`).
    public var crsWKT: String
    /// The EPSG code, when the system has one.
    public var epsg: Int?
    /// CF grid-mapping attributes: `grid_mapping_name` and its parameters (CF Appendix F), sorted by name.
    public var mapping: [CFAttribute]

    /// A grid; rotation terms of the geotransform must be 0.
    public init(
        height: Int, width: Int, geoTransform: [Double], crsWKT: String, epsg: Int? = nil, mapping: [CFAttribute]
    ) {
        precondition(height > 0 && width > 0, "a projected grid of \(height) × \(width)")
        precondition(
            geoTransform.count == 6 && geoTransform[2] == 0 && geoTransform[4] == 0,
            "a north-up geotransform (x0, dx, 0, y0, 0, dy), got \(geoTransform)")
        self.height = height
        self.width = width
        self.geoTransform = geoTransform
        self.crsWKT = crsWKT
        self.epsg = epsg
        self.mapping = mapping.sorted { $0.name < $1.name }
    }

    /// CF parameters of EPSG:3413, NSIDC Sea Ice Polar Stereographic North (WGS 84, true scale at 70° N,
    /// central meridian 45° W).
    public static let epsg3413Mapping: [CFAttribute] = [
        CFAttribute("grid_mapping_name", .text("polar_stereographic")),
        CFAttribute("straight_vertical_longitude_from_pole", .doubles([-45])),
        CFAttribute("latitude_of_projection_origin", .doubles([90])),
        CFAttribute("standard_parallel", .doubles([70])),
    ] + wgs84Origin

    /// No false easting/northing on the WGS 84 ellipsoid: the shared part of the mappings here.
    static let wgs84Origin: [CFAttribute] = [
        CFAttribute("false_easting", .doubles([0])), CFAttribute("false_northing", .doubles([0])),
        CFAttribute("semi_major_axis", .doubles([6_378_137])),
        CFAttribute("inverse_flattening", .doubles([298.257223563])),
    ]

    /// CF parameters of EPSG:6931, EASE-Grid 2.0 North (Lambert azimuthal equal area on WGS 84, centred on
    /// the North Pole).
    public static let epsg6931Mapping: [CFAttribute] = [
        CFAttribute("grid_mapping_name", .text("lambert_azimuthal_equal_area")),
        CFAttribute("longitude_of_projection_origin", .doubles([0])),
        CFAttribute("latitude_of_projection_origin", .doubles([90])),
    ] + wgs84Origin

    /// The CF grid-mapping parameters of the EPSG systems products are written on (3413, 6931), nil for others.
    public static func mapping(epsg: Int) -> [CFAttribute]? {
        switch epsg {
        case 3413: return epsg3413Mapping
        case 6931: return epsg6931Mapping
        default: return nil
        }
    }

    /// Pixel-centre x coordinates, metres.
    public var x: [Double] { (0..<width).map { geoTransform[0] + (Double($0) + 0.5) * geoTransform[1] } }
    /// Pixel-centre y coordinates, metres (decreasing for a north-up grid).
    public var y: [Double] { (0..<height).map { geoTransform[3] + (Double($0) + 0.5) * geoTransform[5] } }

    /// The GeoTransform attribute as GDAL's netCDF driver writes it: six numbers separated by spaces.
    var geoTransformText: String { geoTransform.map { "\($0)" }.joined(separator: " ") }

    /// `x`, `y` and `crs`.
    var coordinateVariables: [CFVariable] {
        let axes = [("x", "projection_x_coordinate", "X", x), ("y", "projection_y_coordinate", "Y", y)]
        var variables = axes.map { name, standardName, axis, values in
            CFVariable(
                name, dimensions: [name], values: .double(values),
                attributes: [
                    CFAttribute("standard_name", .text(standardName)),
                    CFAttribute("long_name", .text("\(name) coordinate of projection")),
                    CFAttribute("units", .text("m")), CFAttribute("axis", .text(axis)),
                ])
        }
        let attributes = mapping + Self.georeference(wkt: crsWKT, geoTransform: geoTransform, epsg: epsg)
        variables.append(CFVariable(container: Self.mappingVariable, attributes: attributes))
        return variables
    }

    /// `crs_wkt`, `spatial_ref` (GDAL), `GeoTransform` (six numbers, spaces) and, when known, `epsg_code`:
    /// the attributes every grid-mapping variable written here carries besides its CF parameters.
    static func georeference(wkt: String, geoTransform: [Double], epsg: Int?) -> [CFAttribute] {
        [CFAttribute("crs_wkt", .text(wkt)), CFAttribute("spatial_ref", .text(wkt)),
         CFAttribute("GeoTransform", .text(geoTransform.map { "\($0)" }.joined(separator: " ")))]
            + (epsg.map { [CFAttribute("epsg_code", .text("EPSG:\($0)"))] } ?? [])
    }

    /// The georeference of grid-mapping variable `name` (north-up `GeoTransform`, `crs_wkt`, optional
    /// `epsg_code`) and its other attributes (the CF parameters; `also` names more to leave out).
    static func decodeGeoreference(_ dataset: CFDataset, variable name: String, also: Set<String> = []) throws
        -> (geoTransform: [Double], wkt: String, epsg: Int?, mapping: [CFAttribute])
    {
        let crs = try dataset.variable(name)
        let numbers = crs.attribute("GeoTransform")?.text?.split(separator: " ").compactMap { Double($0) } ?? []
        guard numbers.count == 6, numbers[2] == 0, numbers[4] == 0, let wkt = crs.attribute("crs_wkt")?.text else {
            throw SeaIceError.invalidInput(
                file: dataset.source, item: "variable `\(name)`",
                expected: "attributes `GeoTransform` (6 numbers, north-up) and `crs_wkt`")
        }
        let epsg = crs.attribute("epsg_code")?.text.flatMap { Int($0.replacingOccurrences(of: "EPSG:", with: "")) }
        let known: Set<String> = ["crs_wkt", "spatial_ref", "GeoTransform", "epsg_code"]
        return (numbers, wkt, epsg, crs.attributes.filter { !known.contains($0.name) && !also.contains($0.name) })
    }

    /// The grid of `dataset`, from the `crs` variable; `x`/`y` must match its GeoTransform.
    init(decoding dataset: CFDataset, height: Int, width: Int) throws {
        let (numbers, wkt, epsg, mapping) = try Self.decodeGeoreference(dataset, variable: Self.mappingVariable)
        self.init(height: height, width: width, geoTransform: numbers, crsWKT: wkt, epsg: epsg, mapping: mapping)
        for (name, expected) in [("x", x), ("y", y)] {
            let v = try dataset.variable(name, dimensions: [name], type: .double)
            guard let values = v.values?.doubles, zip(values, expected).allSatisfy({ abs($0 - $1) < 1e-6 }),
                values.count == expected.count
            else {
                throw SeaIceError.invalidInput(
                    file: dataset.source, item: "variable `\(name)`",
                    expected: "pixel centres of GeoTransform \(geoTransformText)")
            }
        }
    }
}
