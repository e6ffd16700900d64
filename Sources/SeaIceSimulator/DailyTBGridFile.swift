import Foundation
import SeaIceCore
import SeaIceNetCDF

/// Writes an NSIDC-0802-like daily gridded AMSR2 brightness-temperature file (SIMULATED DATA).
///
/// Layout: dimensions `time` (1), `y` (448), `x` (304); coordinates `x`, `y` (float64 cell centres, m,
/// `projection_x/y_coordinate`) and `time` (float64 "days since 1970-01-01"); grid mapping `crs`
/// (polar_stereographic, `epsg_code` "EPSG:3411", `crs_wkt`, CF parameters of the Hughes 1980 ellipsoid);
/// float32 `TB_06H` … `TB_89V` (K, `_FillValue` −999, (time, y, x), `grid_mapping` "crs") on the NSIDC 25 km
/// north grid; truth layers `truth_sea_ice_concentration`, `truth_multiyear_ice_fraction`,
/// `truth_land_fraction` (not observations); global `simulated = "true"` and the seed.
public enum DailyTBGridFile {
    /// The 14 variable names in `AMSR2Channel` order.
    public static let variableNames = ["06", "07", "10", "18", "23", "36", "89"].flatMap { ["TB_\($0)H", "TB_\($0)V"] }
    /// The fill value.
    public static let fillValue: Float = -999
    /// Names of the truth layers, in `AMSR2DailyGrid.truth` order.
    public static let truthNames = [
        "truth_sea_ice_concentration", "truth_multiyear_ice_fraction", "truth_land_fraction",
    ]

    /// WKT of EPSG:3411 (Hughes 1980 ellipsoid). Written out because PROJ maps the deprecated code 3411 to the
    /// WGS 84 EPSG:3413, which is not the grid NSIDC-0802's cells are on.
    public static let epsg3411WKT = """
        PROJCS["NSIDC Sea Ice Polar Stereographic North",GEOGCS["Unspecified datum based upon the Hughes 1980 \
        ellipsoid",DATUM["Not_specified_based_on_Hughes_1980_ellipsoid",SPHEROID["Hughes 1980",6378273,\
        298.279411123064,AUTHORITY["EPSG","7058"]],AUTHORITY["EPSG","6054"]],PRIMEM["Greenwich",0,\
        AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],\
        AUTHORITY["EPSG","4054"]],PROJECTION["Polar_Stereographic"],PARAMETER["latitude_of_origin",70],\
        PARAMETER["central_meridian",-45],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],\
        PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["X",EAST],AXIS["Y",NORTH],\
        AUTHORITY["EPSG","3411"]]
        """

    /// The file name for a day, e.g. `NSIDC0802_SIM_AMSR2_TB_25km_N_20201102.nc`.
    public static func fileName(day: String) -> String {
        "NSIDC0802_SIM_AMSR2_TB_25km_N_\(day.replacingOccurrences(of: "-", with: "")).nc"
    }

    /// Writes `grid` to `url` (temporary name, then rename).
    public static func write(_ grid: AMSR2DailyGrid, seed: UInt64, to url: URL) throws {
        let wkt = epsg3411WKT
        try AtomicOutput.write(to: url) { tmp in
            let nc = try NetCDFFile.create(tmp)
            do {
                try nc.defineDimension("time", length: 1)
                try nc.defineDimension("y", length: AMSR2DailyGrid.grid.height)
                try nc.defineDimension("x", length: AMSR2DailyGrid.grid.width)
                for (axis, name) in [("x", "projection_x_coordinate"), ("y", "projection_y_coordinate")] {
                    try nc.defineVariable(axis, type: .double, dimensions: [axis])
                    try nc.setAttributes(
                        [
                            ("standard_name", .text(name)), ("units", .text("m")),
                            ("long_name", .text("\(axis) coordinate of projection")),
                            ("axis", .text(axis.uppercased())),
                        ], variable: axis)
                }
                try nc.defineVariable("time", type: .double, dimensions: ["time"])
                try nc.setAttributes(
                    [
                        ("standard_name", .text("time")), ("units", .text("days since 1970-01-01")),
                        ("calendar", .text("standard")), ("axis", .text("T")),
                    ], variable: "time")
                try nc.defineVariable("crs", type: .int, dimensions: [])
                try nc.setAttributes(
                    [
                        ("grid_mapping_name", .text("polar_stereographic")), ("epsg_code", .text("EPSG:3411")),
                        ("crs_wkt", .text(wkt)),
                        ("straight_vertical_longitude_from_pole", .doubles([-45])),
                        ("latitude_of_projection_origin", .doubles([90])),
                        ("standard_parallel", .doubles([70])), ("false_easting", .doubles([0])),
                        ("false_northing", .doubles([0])),
                        ("semi_major_axis", .doubles([6_378_273])), ("semi_minor_axis", .doubles([6_356_889.449])),
                    ], variable: "crs")
                let chunks = [1, AMSR2DailyGrid.grid.height, AMSR2DailyGrid.grid.width]
                for (k, name) in variableNames.enumerated() {
                    try nc.defineVariable(
                        name, type: .float, dimensions: ["time", "y", "x"], compression: 4, chunks: chunks,
                        fillValue: Double(fillValue))
                    let c = AMSR2Channel(rawValue: k)!
                    try nc.setAttributes(
                        [
                            ("units", .text("K")), ("grid_mapping", .text("crs")),
                            (
                                "long_name",
                                .text(
                                    "SIMULATED AMSR2 \(L1RResolution.frequency(c)) GHz \(k % 2 == 0 ? "H" : "V") daily mean brightness temperature"
                                )
                            ),
                        ], variable: name)
                }
                for (k, name) in truthNames.enumerated() {
                    try nc.defineVariable(
                        name, type: .float, dimensions: ["time", "y", "x"], compression: 4, chunks: chunks,
                        fillValue: Double(fillValue))
                    try nc.setAttributes(
                        [
                            ("units", .text("1")), ("grid_mapping", .text("crs")),
                            (
                                "long_name",
                                .text(
                                    "SIMULATION TRUTH (not an observation): "
                                        + [
                                            "sea-ice concentration of the sea",
                                            "multi-year ice area fraction of the cell", "land fraction of the cell",
                                        ][k])
                            ),
                        ], variable: name)
                }
                try nc.setAttributes([
                    (
                        "title",
                        .text(
                            "SIMULATED AMSR2 daily gridded brightness temperatures in the layout of NSIDC-0802. NOT REAL DATA."
                        )
                    ),
                    (SimulationMarkers.name, .text(SimulationMarkers.text(true))),
                    ("simulator_seed", .text(String(seed))),
                    ("source", .text("SeaIceKit \(SeaIceKitVersion.current) AMSR2 simulator (specs/simulator.md)")),
                    ("Conventions", .text("CF-1.8")), ("swath_count", .ints([Int32(grid.swathCount)])),
                ])
                try nc.endDefinitions()
                try nc.write(AMSR2DailyGrid.grid.x, variable: "x")
                try nc.write(AMSR2DailyGrid.grid.y, variable: "y")
                try nc.write([grid.date.timeIntervalSince1970 / 86400], variable: "time")
                for (k, name) in variableNames.enumerated() {
                    try nc.write(grid.tb[k].map { $0.isFinite ? $0 : fillValue }, variable: name)
                }
                for (k, name) in truthNames.enumerated() {
                    try nc.write(grid.truth[k].map { $0.isFinite ? $0 : fillValue }, variable: name)
                }
                try nc.close()
            } catch {
                try? nc.close()
                throw error
            }
        }
    }
}
