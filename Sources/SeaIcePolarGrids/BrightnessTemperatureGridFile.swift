import Foundation
import SeaIceAuxiliary
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF

/// Reads and writes NSIDC-0802-style daily gridded brightness-temperature netCDF files.
///
/// Layout (the one SeaIceKit's simulator writes too): dimensions `time` (1), `y`, `x`; coordinate
/// variables `x`, `y` (double, metres, cell centres, `standard_name` projection_x_coordinate /
/// projection_y_coordinate; `y` decreasing, row 0 north) and `time` (double, "days since 1970-01-01");
/// a scalar grid-mapping variable `crs` (`grid_mapping_name` polar_stereographic with its CF parameters,
/// `epsg_code` "EPSG:3411" or "EPSG:3413", `crs_wkt`); float32 `TB_06H TB_06V TB_07H … TB_89V`
/// (`AMSR2Reader.Channel.gridVariableName`) over (time, y, x), K, `_FillValue` −999, `grid_mapping`
/// "crs". Only the channels present need be present. A global `simulated` attribute marks simulated data.
public enum BrightnessTemperatureGridFile {
    /// The fill value of the TB variables, K.
    public static let fillValue: Float = -999
    /// The time units.
    public static let timeUnits = "days since 1970-01-01"

    /// Writes `tb` to `url` atomically; `globals` are extra global attributes (e.g. `title`, `source`).
    public static func write(_ tb: GriddedBrightnessTemperatures, to url: URL,
                             globals: [String: NetCDFAttribute] = [:]) throws {
        let grid = tb.grid
        let wkt = try grid.spatialReference().wkt
        try AtomicOutput.write(to: url) { tmp in
            let f = try NetCDFFile.create(tmp)
            try f.defineDimension("time", length: 1)
            try f.defineDimension("y", length: grid.height)
            try f.defineDimension("x", length: grid.width)
            for (axis, standard) in [("x", "projection_x_coordinate"), ("y", "projection_y_coordinate")] {
                try f.defineVariable(axis, type: .double, dimensions: [axis])
                try f.setAttributes([("standard_name", .text(standard)), ("units", .text("m")),
                                     ("long_name", .text("\(axis) coordinate of projection")),
                                     ("axis", .text(axis.uppercased()))], variable: axis)
            }
            try f.defineVariable("time", type: .double, dimensions: ["time"])
            try f.setAttributes([("standard_name", .text("time")), ("units", .text(timeUnits)),
                                 ("calendar", .text("standard")), ("axis", .text("T"))], variable: "time")
            try f.defineVariable("crs", type: .int, dimensions: [])
            try f.setAttributes(grid.cfMapping.map { ($0.name, $0.value) }
                                + [("epsg_code", .text(grid.crs)), ("crs_wkt", .text(wkt))], variable: "crs")
            let present = AMSR2Reader.channels.filter { tb.channels[$0] != nil }
            for c in present {
                try f.defineVariable(c.gridVariableName, type: .float, dimensions: ["time", "y", "x"], compression: 4,
                                     chunks: [1, min(grid.height, 512), min(grid.width, 512)], fillValue: Double(fillValue))
                try f.setAttributes([("standard_name", .text("brightness_temperature")), ("units", .text("K")),
                                     ("long_name", .text("\(c.frequency) GHz \(c.polarisation)-pol brightness temperature")),
                                     ("grid_mapping", .text("crs"))], variable: c.gridVariableName)
            }
            var g: [String: NetCDFAttribute] = ["Conventions": .text("CF-1.10"),
                                                SimulationMarkers.name: .text(SimulationMarkers.text(tb.simulated)),
                                                "source": .text(tb.source)]
            g.merge(globals) { _, new in new }
            try f.setAttributes(g.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            try f.endDefinitions()
            try f.write(grid.x, variable: "x")
            try f.write(grid.y, variable: "y")
            try f.write([tb.day.timeIntervalSince1970 / 86_400], variable: "time")
            for c in present {
                try f.write(tb.channels[c]!.map { $0.isNaN ? fillValue : $0 }, variable: c.gridVariableName)
            }
            try f.close()
        }
    }

    /// Reads the file at `url`: its grid (identified from `x`, `y` and `crs`'s `epsg_code`), day and every
    /// TB variable present (−999, any other `_FillValue` and non-finite values → NaN).
    /// - Throws: `SeaIceError` naming the file and variable: missing dimensions or coordinates, a grid that is
    ///   not an NSIDC north grid, an EPSG code other than 3411/3413, TB variables not over (time, y, x), no TB
    ///   variable at all, bad time units.
    public static func read(_ url: URL) throws -> GriddedBrightnessTemperatures {
        let f = try NetCDFFile.open(url)
        defer { try? f.close() }
        let file = url.path
        let dims = f.dimensions
        guard let nx = dims["x"], let ny = dims["y"], dims["time"] == 1 else {
            throw SeaIceError.missing(file: file, item: "dimensions `time` (length 1), `y` and `x` (found \(dims.sorted { $0.key < $1.key }))")
        }
        guard let code = try f.attribute("epsg_code", variable: f.hasVariable("crs") ? "crs" : nil)?.text,
              let epsg = Int(code.uppercased().replacingOccurrences(of: "EPSG:", with: "")),
              let projection = PolarStereographicGrid.Projection(rawValue: epsg) else {
            throw SeaIceError.invalidInput(file: file, item: "attribute `epsg_code` of variable `crs`",
                                           expected: "\"EPSG:3411\" or \"EPSG:3413\"")
        }
        guard let grid = PolarStereographicGrid.Resolution.allCases.map({ PolarStereographicGrid(resolution: $0, projection: projection) })
            .first(where: { $0.width == nx && $0.height == ny }) else {
            throw SeaIceError.invalidInput(file: file, item: "dimensions y = \(ny), x = \(nx)",
                                           expected: "an NSIDC north grid: " + PolarStereographicGrid.Resolution.allCases
                                            .map { let g = PolarStereographicGrid(resolution: $0); return "\(g.height) × \(g.width)" }.joined(separator: ", "))
        }
        for (axis, expected) in [("x", grid.x), ("y", grid.y)] {
            _ = try f.requireVariable(axis, dimensions: [axis])
            let values = try f.read(axis, as: Double.self)
            guard values.count == expected.count, zip(values, expected).allSatisfy({ abs($0 - $1) <= 0.01 }) else {
                throw SeaIceError.invalidInput(file: file, item: "variable `\(axis)`",
                                               expected: "the cell centres of \(grid.name) in metres (first \(expected[0]))")
            }
        }
        _ = try f.requireVariable("time", dimensions: ["time"])
        let units = try f.attribute("units", variable: "time")?.text ?? ""
        guard units.hasPrefix(timeUnits), let days = try f.read("time", as: Double.self).first, days.isFinite,
              abs(days) < 1e6 else {
            throw SeaIceError.invalidInput(file: file, item: "variable `time`", expected: "one finite value in \"\(timeUnits)\", found units \"\(units)\"")
        }
        let day = Date(timeIntervalSince1970: (days.rounded(.down)) * 86_400)
        var channels: [AMSR2Reader.Channel: [Float]] = [:]
        for c in AMSR2Reader.channels where f.hasVariable(c.gridVariableName) {
            let name = c.gridVariableName
            _ = try f.requireVariable(name, dimensions: ["time", "y", "x"])
            let fill = try f.attribute("_FillValue", variable: name)?.number.map(Float.init) ?? fillValue
            channels[c] = try f.readFloats(name).map { $0 == fill || $0 == fillValue || !$0.isFinite ? .nan : $0 }
        }
        guard !channels.isEmpty else {
            throw SeaIceError.missing(file: file, item: "brightness-temperature variables (TB_06H … TB_89V)")
        }
        let simulated = try !SimulationMarkers.markers(of: f).isEmpty
        return GriddedBrightnessTemperatures(grid: grid, day: day, channels: channels, simulated: simulated,
                                             source: url.lastPathComponent)
    }
}
