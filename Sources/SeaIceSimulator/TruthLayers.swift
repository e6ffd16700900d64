import SeaIceNetCDF

/// The truth layers every world-simulated netCDF file carries beside its simulated observations:
/// `truth_surface_class` (`WorldSurfaceClass`, 0 water … 9 multi-year ice, 10 land) and
/// `truth_sea_ice_concentration` (0…1, NaN on land) at the file's resolution. Their names, long names
/// and `source = "simulation truth"` say they are the simulator's answer key, not observations.
public enum TruthLayers {
    /// Variable names.
    public static let classVariable = "truth_surface_class", concentrationVariable = "truth_sea_ice_concentration"
    /// The `source` attribute of truth variables.
    public static let source = "simulation truth"
    /// CF flag meanings of `truth_surface_class`, in value order.
    public static let flagMeanings = "open_water new_ice grey_ice grey_white_ice thin_first_year_ice medium_first_year_ice "
        + "thick_first_year_ice old_ice second_year_ice multi_year_ice land"

    /// Defines both variables over `dimensions` (row-major) when `present`; compression 1, `chunks` when given.
    public static func define(in nc: NetCDFFile, dimensions: [String], chunks: [Int]?, present: Bool = true) throws {
        guard present else { return }
        try nc.defineVariable(classVariable, type: .ubyte, dimensions: dimensions, compression: 1, chunks: chunks)
        try nc.setAttributes([
            ("long_name", .text("SIMULATION TRUTH (not an observation): surface class of the simulated world")),
            ("source", .text(source)),
            ("flag_values", .ubytes(Array(0...10))),
            ("flag_meanings", .text(flagMeanings)),
            ("comment", .text("WMO stages of development of ../shared/specs/ice-types.md (values 0-9 = the ten classes), 10 = land")),
        ], variable: classVariable)
        try nc.defineVariable(concentrationVariable, type: .float, dimensions: dimensions, compression: 1, chunks: chunks)
        try nc.setAttributes([
            ("long_name", .text("SIMULATION TRUTH (not an observation): sea ice area fraction of the simulated world")),
            ("units", .text("1")),
            ("source", .text(source)),
            ("comment", .text("ice share of the non-land area of each pixel; NaN on land")),
        ], variable: concentrationVariable)
    }

    /// Writes both variables (after `define`, in data mode).
    public static func write(classes: [UInt8], concentration: [Float], to nc: NetCDFFile) throws {
        try nc.write(classes, variable: classVariable)
        try nc.write(concentration, variable: concentrationVariable)
    }
}
