/// The on-disk layout of the AI4Arctic Sea Ice Challenge (AutoICE) netCDF files, both versions.
///
/// Source: `specs/ai4arctic.md` and the xarray reprs printed from real files
/// (`data/ai4arctic-starterpack/notebook-metadata-extracts/MMSeaIce_notebook_outputs.txt`).
/// Readers check files against these declarations; the simulator writes files from them.
public enum AI4ArcticSchema {
    /// Dimension names.
    public enum Dimension {
        /// Rows of the full SAR grid (40 m raw, 80 m ready-to-train).
        public static let sarLines = "sar_lines"
        /// Columns of the full SAR grid.
        public static let sarSamples = "sar_samples"
        /// Raw only: the 441 = 21 × 21 geolocation tie points, line-major.
        public static let sarGridPoints = "sar_grid_points"
        /// Raw only: rows of the `polygon_codes` table (header row + one per polygon).
        public static let polygonCodes = "polygon_codes"
        /// Rows of the 2 km AMSR2/ERA5 grid.
        public static let twoKmLines = "2km_grid_lines"
        /// Columns of the 2 km AMSR2/ERA5 grid.
        public static let twoKmSamples = "2km_grid_samples"
        /// Ready-to-train only: first dimension of the 21 × 21 geolocation grid (name as in the released files).
        public static let sampleGrid2DPoints = "sar_sample_2dgrid_points"
        /// Ready-to-train only: second dimension of the 21 × 21 geolocation grid (name as in the released files).
        public static let lineGrid2DPoints = "sar_line_2dgrid_points"
    }

    /// Variable names.
    public enum Name {
        /// HH backscatter, dB, NERSC thermal-noise corrected (float32, full grid).
        public static let sarPrimary = "nersc_sar_primary"
        /// HV backscatter, dB, NERSC thermal-noise corrected (float32, full grid).
        public static let sarSecondary = "nersc_sar_secondary"
        /// Incidence angle, degrees (float32, full grid).
        public static let incidenceAngle = "sar_incidenceangle"
        /// Distance to land, km bins (float32, full grid).
        public static let distanceMap = "distance_map"
        /// Raw only: ice-chart polygon id per pixel (float32, NaN where no polygon).
        public static let polygonIcechart = "polygon_icechart"
        /// Raw only: SIGRID-3 code table, strings `poly_id;CT;CA;…;POLY_TYPE`; first row is the header.
        public static let polygonCodes = "polygon_codes"
        /// Raw tie points: SAR line (row at 40 m) of each point (float64, 441).
        public static let gridLine = "sar_grid_line"
        /// Raw tie points: SAR sample (column at 40 m) of each point (float64, 441).
        public static let gridSample = "sar_grid_sample"
        /// Raw tie points: geodetic latitude, degrees north (float64, 441).
        public static let gridLatitude = "sar_grid_latitude"
        /// Raw tie points: longitude, degrees east (float64, 441).
        public static let gridLongitude = "sar_grid_longitude"
        /// Raw tie points: incidence angle, degrees (float64, 441).
        public static let gridIncidenceAngle = "sar_grid_incidenceangle"
        /// Raw tie points: height above the ellipsoid, m (float64, 441).
        public static let gridHeight = "sar_grid_height"
        /// Ready-to-train: latitude on the 21 × 21 grid, degrees north (float64).
        ///
        /// Stored with dimensions named (`sar_sample_2dgrid_points`, `sar_line_2dgrid_points`) as in the
        /// released files, but the values are laid out rows = SAR lines, columns = SAR samples (the raw
        /// 441 line-major tie points reshaped to 21 × 21), which is how the reference code reads them.
        public static let grid2DLatitude = "sar_grid2d_latitude"
        /// Ready-to-train: longitude on the 21 × 21 grid, degrees east (float64).
        public static let grid2DLongitude = "sar_grid2d_longitude"
        /// Ready-to-train label: sea-ice concentration class 0…10 (uint8, 255 = masked).
        public static let sic = "SIC"
        /// Ready-to-train label: stage-of-development class 0…5 (uint8, 255 = masked).
        public static let sod = "SOD"
        /// Ready-to-train label: floe-size class 0…6 (uint8, 255 = masked).
        public static let floe = "FLOE"
    }

    /// The 14 AMSR2 brightness temperatures on the 2 km grid, K (float64 raw, float32 ready-to-train).
    public static let amsr2Variables: [String] = [
        "btemp_6_9h", "btemp_6_9v", "btemp_7_3h", "btemp_7_3v", "btemp_10_7h", "btemp_10_7v",
        "btemp_18_7h", "btemp_18_7v", "btemp_23_8h", "btemp_23_8v", "btemp_36_5h", "btemp_36_5v",
        "btemp_89_0h", "btemp_89_0v",
    ]

    /// The 6 ERA5 fields on the 2 km grid (winds rotated to the SAR geometry).
    public static let era5Variables: [String] = [
        "u10m_rotated", "v10m_rotated", "t2m", "skt", "tcwv", "tclw",
    ]

    /// All 20 variables of the 2 km grid: AMSR2 then ERA5.
    public static let twoKmVariables: [String] = amsr2Variables + era5Variables

    /// The four full-grid float32 inputs present in both versions.
    public static let fullGridInputs: [String] = [
        Name.sarPrimary, Name.sarSecondary, Name.incidenceAngle, Name.distanceMap,
    ]

    /// The three label variables of the ready-to-train version (uint8, fill 255).
    public static let labelVariables: [String] = [Name.sic, Name.sod, Name.floe]

    /// The label value meaning "masked / no data" (ready-to-train SIC, SOD, FLOE).
    public static let labelFill: UInt8 = 255

    /// Physical unit of a variable (CF `units` string), as documented in `specs/ai4arctic.md`.
    public static func units(of name: String) -> String {
        switch name {
        case Name.sarPrimary, Name.sarSecondary: return "dB"
        case Name.incidenceAngle, Name.gridIncidenceAngle: return "degree"
        case Name.distanceMap: return "km"
        case Name.gridLatitude, Name.grid2DLatitude: return "degrees_north"
        case Name.gridLongitude, Name.grid2DLongitude: return "degrees_east"
        case Name.gridHeight: return "m"
        case Name.gridLine, Name.gridSample, Name.polygonIcechart: return "1"
        case Name.sic, Name.sod, Name.floe: return "1"
        case "u10m_rotated", "v10m_rotated": return "m s-1"
        case "t2m", "skt": return "K"
        case "tcwv", "tclw": return "kg m-2"
        default: return name.hasPrefix("btemp_") ? "K" : "1"
        }
    }

    /// The variables of a file version, in the order the simulator writes them.
    public static func variables(_ version: AI4ArcticVersion) -> [AI4ArcticVariableSpec] {
        switch version {
        case .raw: return rawVariables
        case .readyToTrain: return readyVariables
        }
    }

    /// Raw version: every variable with its type and dimensions.
    public static let rawVariables: [AI4ArcticVariableSpec] = {
        let full = [Dimension.sarLines, Dimension.sarSamples]
        let ties = [Dimension.sarGridPoints]
        let km = [Dimension.twoKmLines, Dimension.twoKmSamples]
        var list: [AI4ArcticVariableSpec] = [
            .init(Name.sarPrimary, .float32, full, .full),
            .init(Name.sarSecondary, .float32, full, .full),
            .init(Name.polygonIcechart, .float32, full, .full, required: false),
            .init(Name.distanceMap, .float32, full, .full),
            // Not required: without it the converter interpolates `sar_grid_incidenceangle` per pixel.
            .init(Name.incidenceAngle, .float32, full, .full, required: false),
            .init(Name.polygonCodes, .string, [Dimension.polygonCodes], .table, required: false),
        ]
        for name in [Name.gridLine, Name.gridSample, Name.gridLatitude, Name.gridLongitude,
                     Name.gridIncidenceAngle, Name.gridHeight] {
            list.append(.init(name, .float64, ties, .tiePoints, required: name != Name.gridHeight))
        }
        list += twoKmVariables.map { .init($0, .float64, km, .twoKm) }
        return list
    }()

    /// Ready-to-train version: every variable with its type and dimensions.
    public static let readyVariables: [AI4ArcticVariableSpec] = {
        let full = [Dimension.sarLines, Dimension.sarSamples]
        let grid2D = [Dimension.sampleGrid2DPoints, Dimension.lineGrid2DPoints]
        let km = [Dimension.twoKmLines, Dimension.twoKmSamples]
        // Labels are absent from the released test-set files, so not required.
        var list: [AI4ArcticVariableSpec] = labelVariables.map { .init($0, .uint8, full, .full, required: false) }
        list.append(.init(Name.grid2DLatitude, .float64, grid2D, .tiePoints))
        list.append(.init(Name.grid2DLongitude, .float64, grid2D, .tiePoints))
        list += fullGridInputs.map { .init($0, .float32, full, .full) }
        list += twoKmVariables.map { .init($0, .float32, km, .twoKm) }
        return list
    }()

    /// The variable declaration named `name` in `version`, if the schema has one.
    public static func spec(_ name: String, in version: AI4ArcticVersion) -> AI4ArcticVariableSpec? {
        variables(version).first { $0.name == name }
    }
}

/// The two releases of the dataset.
public enum AI4ArcticVersion: String, Codable, Sendable, CaseIterable {
    /// 40 m pixels, physical units, chart as polygon ids + SIGRID-3 code table.
    case raw
    /// 80 m pixels, standard-scaled inputs, SIC/SOD/FLOE class labels.
    case readyToTrain = "ready-to-train"

    /// Full-grid pixel spacing, m.
    public var pixelSpacing: Int { self == .raw ? 40 : 80 }
}

/// The element type of a stored variable (mapped to the netCDF external type by the readers).
public enum AI4ArcticValueType: String, Codable, Sendable {
    /// 32-bit float (netCDF `float`).
    case float32
    /// 64-bit float (netCDF `double`).
    case float64
    /// Unsigned byte (netCDF `ubyte`).
    case uint8
    /// Variable-length string (netCDF-4 `string`; a 2-D `char` array is also accepted when reading).
    case string
}

/// Which grid a variable lives on.
public enum AI4ArcticGridKind: String, Codable, Sendable {
    /// The full SAR grid (`sar_lines` × `sar_samples`).
    case full
    /// The 21 × 21 geolocation tie-point grid (441 points raw, 21 × 21 ready-to-train).
    case tiePoints
    /// The 2 km AMSR2/ERA5 grid.
    case twoKm
    /// The raw polygon code table (one string per row).
    case table
}

/// One declared variable: name, stored type, dimension names (slowest first) and grid.
public struct AI4ArcticVariableSpec: Sendable, Hashable, Codable {
    /// Variable name in the file.
    public let name: String
    /// Stored element type.
    public let type: AI4ArcticValueType
    /// Dimension names, slowest varying first.
    public let dimensions: [String]
    /// The grid the variable lives on.
    public let grid: AI4ArcticGridKind
    /// Whether a reader rejects a file without it (the raw test set has no `polygon_icechart`).
    public let required: Bool
    /// CF `units` attribute.
    public var units: String { AI4ArcticSchema.units(of: name) }

    /// Declares a variable.
    public init(_ name: String, _ type: AI4ArcticValueType, _ dimensions: [String],
                _ grid: AI4ArcticGridKind, required: Bool = true) {
        self.name = name
        self.type = type
        self.dimensions = dimensions
        self.grid = grid
        self.required = required
    }
}
