import SeaIceNetCDF

extension PolarStereographicGrid {
    /// The ellipsoid of the projection: semi-major axis and semi-minor axis, metres (EPSG:3411: Hughes 1980,
    /// 6 378 273 / 6 356 889.449; EPSG:3413: WGS 84, 6 378 137 / 6 356 752.314).
    public var ellipsoid: (semiMajor: Double, semiMinor: Double) {
        switch projection {
        case .epsg3411: return (6_378_273, 6_356_889.449)
        case .epsg3413: return (6_378_137, 6_356_752.314245)
        }
    }

    /// CF grid-mapping attributes (CF Appendix F, polar_stereographic): central meridian 45° W, true scale
    /// at 70° N, no false easting/northing, and the ellipsoid (WGS 84 by `inverse_flattening`).
    public var cfMapping: [(name: String, value: NetCDFAttribute)] {
        var a: [(name: String, value: NetCDFAttribute)] = [
            ("grid_mapping_name", .text("polar_stereographic")),
            ("straight_vertical_longitude_from_pole", .doubles([-45])),
            ("latitude_of_projection_origin", .doubles([90])),
            ("standard_parallel", .doubles([70])),
            ("false_easting", .doubles([0])), ("false_northing", .doubles([0])),
            ("semi_major_axis", .doubles([ellipsoid.semiMajor])),
        ]
        switch projection {
        case .epsg3411: a.append(("semi_minor_axis", .doubles([ellipsoid.semiMinor])))
        case .epsg3413: a.append(("inverse_flattening", .doubles([298.257223563])))
        }
        return a
    }

    /// The PROJ string of the projection (what OSI SAF writes as `proj4_string`).
    public var proj4: String {
        switch projection {
        case .epsg3411: return "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +k=1 +x_0=0 +y_0=0 +a=6378273 +b=6356889.449 +units=m +no_defs"
        case .epsg3413: return "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
        }
    }
}
