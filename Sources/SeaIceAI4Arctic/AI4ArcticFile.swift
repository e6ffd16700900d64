import Foundation
import SeaIceCore
import SeaIceNetCDF

/// One open AI4Arctic scene file (raw or ready-to-train), checked against `AI4ArcticSchema` on open.
///
/// Reads go through `SeaIceNetCDF` window by window, so a 256 × 256 patch never loads a
/// 10 000 × 10 000 array. Arrays are row-major (`sar_lines` slowest). Every error names the
/// file, the variable and what was expected.
public final class AI4ArcticFile: @unchecked Sendable {
    /// The file's location.
    public let url: URL
    /// Raw or ready-to-train (detected from the dimensions).
    public let version: AI4ArcticVersion
    /// The full, 2 km and tie-point grids.
    public let geometry: AI4ArcticGeometry
    /// Every variable of the file (schema variables and any others), in file order.
    public let variableNames: [String]
    /// The underlying netCDF file.
    public let netCDF: NetCDFFile
    /// Groups of inputs the file declares absent (`amsr2_available = "no"`, `era5_available = "no"`,
    /// as written by `seaice preprocess` without AMSR2/ERA5 inputs); their variables are then not required.
    public let absentInputs: Set<AI4ArcticAuxiliaryInput>

    /// The path used in error messages.
    public var path: String { url.path }

    /// The most lines or samples a scene may declare (`DeclaredSize.maximumSceneSide`).
    public static let maximumSide = DeclaredSize.maximumSceneSide

    /// Refuses declared grids larger than `maximumSide`, or whose one float32 variable would take more than a
    /// quarter of the machine's memory, before anything of that size is allocated (`DeclaredSize`).
    /// - Throws: `SeaIceError.invalidInput` naming `file`, the dimensions and the declared sizes.
    public static func checkSize(_ geometry: AI4ArcticGeometry, file: String,
                                 memoryBytes: UInt64 = ProcessInfo.processInfo.physicalMemory) throws {
        try DeclaredSize.checkGrid(lines: geometry.lines, samples: geometry.samples, file: file,
                                   item: "dimensions `sar_lines` × `sar_samples`", memoryBytes: memoryBytes)
    }

    /// Opens `url` and checks every schema variable present (type, dimensions) and every required one.
    /// - Parameter version: the expected version; nil detects it (raw files have `sar_grid_points`).
    public static func open(_ url: URL, expecting version: AI4ArcticVersion? = nil) throws -> AI4ArcticFile {

        let nc = try NetCDFFile.open(url)
        let dims = nc.dimensions
        let detected: AI4ArcticVersion
        if dims[AI4ArcticSchema.Dimension.sarGridPoints] != nil {
            detected = .raw
        } else if dims[AI4ArcticSchema.Dimension.lineGrid2DPoints] != nil || nc.hasVariable(AI4ArcticSchema.Name.sic) {
            detected = .readyToTrain
        } else {
            throw SeaIceError.invalidInput(file: url.path, item: "dimensions",
                expected: "an AI4Arctic scene: dimension `sar_grid_points` (raw) or `sar_line_2dgrid_points` (ready-to-train)")
        }
        if let version, version != detected {
            throw SeaIceError.invalidInput(file: url.path, item: "dimensions",
                                           expected: "an AI4Arctic \(version.rawValue) file, found a \(detected.rawValue) file")
        }
        return try AI4ArcticFile(url: url, netCDF: nc, version: detected)
    }

    private init(url: URL, netCDF nc: NetCDFFile, version: AI4ArcticVersion) throws {
        self.url = url
        self.netCDF = nc
        self.version = version
        self.variableNames = nc.variableNames
        let path = url.path
        let present = Set(variableNames)
        let absent = try AI4ArcticAuxiliaryInput.declaredAbsent(in: nc)
        self.absentInputs = absent
        let optional = Set(absent.flatMap(\.variables))
        for spec in AI4ArcticSchema.variables(version) {
            guard present.contains(spec.name) else {
                if spec.required && !optional.contains(spec.name) {
                    throw SeaIceError.missing(file: path, item: "variable `\(spec.name)`")
                }
                continue
            }
            if spec.type == .string {  // netCDF-4 strings, or rows of a char array (polygon_codes, strlen)
                let v = try nc.variable(spec.name)
                guard (v.type == .string && v.dimensions == spec.dimensions)
                        || (v.type == .char && v.dimensions.count == 2 && v.dimensions[0] == spec.dimensions[0]) else {
                    throw SeaIceError.invalidInput(file: path, item: "variable `\(spec.name)`",
                        expected: "strings over (\(spec.dimensions[0])), found \(v.type.name) over (\(v.dimensions.joined(separator: ", ")))")
                }
            } else {
                try nc.requireVariable(spec.name, dimensions: spec.dimensions, type: Self.netCDFType(spec.type))
            }
        }
        let D = AI4ArcticSchema.Dimension.self
        let geometry = AI4ArcticGeometry(
            lines: try nc.dimensionLength(D.sarLines), samples: try nc.dimensionLength(D.sarSamples),
            pixelSpacing: try Self.pixelSpacing(of: nc, version: version),
            twoKmLines: try nc.dimensionLength(D.twoKmLines), twoKmSamples: try nc.dimensionLength(D.twoKmSamples))
        guard geometry.lines > 0, geometry.samples > 0, geometry.twoKmLines > 0, geometry.twoKmSamples > 0 else {
            throw SeaIceError.invalidInput(file: path, item: "dimensions `sar_lines`, `sar_samples`, `2km_grid_*`",
                                           expected: "non-empty grids, found \(geometry.lines) × \(geometry.samples) and \(geometry.twoKmLines) × \(geometry.twoKmSamples)")
        }
        try Self.checkSize(geometry, file: path)
        guard geometry.twoKmGridIsConsistent else {
            let c = geometry.pixelsPerCell
            throw SeaIceError.invalidInput(file: path, item: "dimensions `2km_grid_lines` × `2km_grid_samples`",
                expected: "one cell per \(c) × \(c) pixels of the \(geometry.lines) × \(geometry.samples) grid (⌊n/\(c)⌋ or ⌈n/\(c)⌉), found \(geometry.twoKmLines) × \(geometry.twoKmSamples)")
        }
        let side = AI4ArcticGeometry.tiePointsPerSide
        if version == .raw {
            let n = try nc.dimensionLength(D.sarGridPoints)
            guard n == side * side else {
                throw SeaIceError.invalidInput(file: path, item: "dimension `sar_grid_points`", expected: "\(side * side), found \(n)")
            }
        } else {
            for d in [D.sampleGrid2DPoints, D.lineGrid2DPoints] where try nc.dimensionLength(d) != side {
                throw SeaIceError.invalidInput(file: path, item: "dimension `\(d)`", expected: "\(side), found \(try nc.dimensionLength(d))")
            }
        }
        self.geometry = geometry
    }

    /// The netCDF type a schema element type is stored as.
    public static func netCDFType(_ t: AI4ArcticValueType) -> NetCDFType {
        switch t {
        case .float32: return .float
        case .float64: return .double
        case .uint8: return .ubyte
        case .string: return .string
        }
    }

    /// Whether the file has variable `name`.
    public func has(_ name: String) -> Bool { variableNames.contains(name) }

    /// Throws one error listing every variable of `names` the file lacks (and why, when the file
    /// declares AMSR2 or ERA5 absent) — what a model needing those channels reports.
    public func requireVariables(_ names: [String]) throws {
        let missing = names.filter { !has($0) }
        guard !missing.isEmpty else { return }
        var why = ""
        let declared = absentInputs.filter { input in missing.contains { input.variables.contains($0) } }
        if !declared.isEmpty {
            why = " (the file says " + declared.map { "\($0.attribute) = no" }.sorted().joined(separator: ", ") + ")"
        }
        throw SeaIceError.invalidInput(file: path, item: "variables \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                                       expected: "present: the model needs them\(why)")
    }

    /// Full-grid pixel spacing in m: the `pixel_spacing` global attribute when present (scenes made by
    /// `seaice preprocess` at any spacing), else the version's (40 m raw, 80 m ready-to-train).
    static func pixelSpacing(of nc: NetCDFFile, version: AI4ArcticVersion) throws -> Int {
        guard let value = try nc.attribute(AI4ArcticNaming.ReadyAttribute.pixelSpacing)?.number else { return version.pixelSpacing }
        let spacing = Int(value.rounded())
        guard spacing > 0, Double(spacing) == value, AI4ArcticGeometry.twoKmCellSize % spacing == 0 else {
            throw SeaIceError.invalidInput(file: nc.path, item: "global attribute `pixel_spacing`",
                                           expected: "a whole number of metres dividing 2000 (40, 80, 100, 200, 400…), found \(value)")
        }
        return spacing
    }

    /// Closes the file (also done on deinit).
    public func close() throws { try netCDF.close() }
}
