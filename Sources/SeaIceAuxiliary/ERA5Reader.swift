import Foundation
import Logging
import SeaIceCore
import SeaIceNetCDF

/// Reads an ERA5 single-levels netCDF file as downloaded from the Copernicus CDS and puts its fields on a
/// scene's 2 km grid.
///
/// Layout accepted: a time axis `time` (old CDS) or `valid_time` (new CDS) with CF units, `latitude` (either
/// order; ERA5 is 90 → −90), `longitude` (0..360 or −180..180); variables `u10`, `v10` (m/s), `t2m`, `skt` (K),
/// `tcwv`, `tclw` (kg m⁻²) shaped (time, latitude, longitude), optionally with extra leading axes of length 1
/// (`expver`, `number`), optionally packed as integers with `scale_factor`/`add_offset`; `_FillValue` and
/// `missing_value` (compared with the packed values) become NaN. The time step nearest to the scene time is
/// used (no time interpolation); each field is bilinearly interpolated to every cell centre, and the
/// 10 m wind is rotated into the SAR geometry (`AuxiliaryGrid.rotate`).
public struct ERA5Reader: Sendable {
    /// The variables read, in output order, with their AI4Arctic names and units.
    public static let variables: [(source: String, name: String, units: String, longName: String)] = [
        ("u10", "u10m_rotated", "m s-1", "ERA5 10 m wind along increasing sample (SAR geometry)"),
        ("v10", "v10m_rotated", "m s-1", "ERA5 10 m wind along increasing line (SAR geometry)"),
        ("t2m", "t2m", "K", "ERA5 2 m temperature"),
        ("skt", "skt", "K", "ERA5 skin temperature"),
        ("tcwv", "tcwv", "kg m-2", "ERA5 total column water vapour"),
        ("tclw", "tclw", "kg m-2", "ERA5 total column cloud liquid water"),
    ]

    /// The ERA5 file.
    public let url: URL

    /// A reader of the file at `url` (opened by `fields`).
    public init(url: URL) { self.url = url }

    /// The six ERA5 fields at the 2 km cell centres of `grid` for the scene acquired at `time`.
    /// - Throws: `SeaIceError` naming the file and variable: a variable or axis missing, `time` outside the
    ///   file's time range (by more than half a time step; 30 min for a single step), a cell outside the file's area.
    public func fields(on grid: AuxiliaryGrid, time: Date, logger: Logger) throws -> (fields: [AuxiliaryField], time: Date) {
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        let file = url.path
        guard let timeName = ["valid_time", "time"].first(where: nc.hasVariable) else {
            throw SeaIceError.missing(file: file, item: "time coordinate variable `valid_time` or `time`")
        }
        for axis in ["latitude", "longitude"] where !nc.hasVariable(axis) {
            throw SeaIceError.missing(file: file, item: "coordinate variable `\(axis)`")
        }
        guard let units = try nc.attribute("units", variable: timeName)?.text else {
            throw SeaIceError.missing(file: file, item: "`units` attribute of `\(timeName)`")
        }
        let times = try CFTime.decode(try nc.read(timeName, as: Double.self), units: units, file: file, variable: timeName)
        let t = try ERA5Reader.nearest(times, to: time, file: file, variable: timeName)
        let interpolator = try LatLonInterpolator(latitudes: try nc.read("latitude", as: Double.self),
                                                  longitudes: try nc.read("longitude", as: Double.self), file: file)
        var stencils: [LatLonInterpolator.Stencil] = []
        stencils.reserveCapacity(grid.count)
        for o in 0..<grid.count {
            guard let s = interpolator.stencil(latitude: grid.latitude[o], longitude: grid.longitude[o]) else {
                throw SeaIceError.invalidInput(
                    file: file, item: "scene cell at \(grid.latitude[o])° N, \(grid.longitude[o])° E",
                    expected: "a point inside the file's area (latitude \(interpolator.latitudes.min()!)…\(interpolator.latitudes.max()!), longitude \(interpolator.longitudes.first!)…\(interpolator.longitudes.last!))")
            }
            stencils.append(s)
        }
        var values: [String: [Double]] = [:]
        for v in ERA5Reader.variables {
            let field = try ERA5Reader.slice(nc, v.source, timeIndex: t, timeName: timeName, file: file)
            values[v.source] = stencils.map { LatLonInterpolator.apply($0, to: field) }
        }
        let wind = grid.rotate(east: values["u10"]!, north: values["v10"]!)
        values["u10"] = wind.u
        values["v10"] = wind.v
        logger.info("ERA5 \(url.lastPathComponent): time step \(times[t]) for scene time \(time)")
        let fields = ERA5Reader.variables.map { AuxiliaryField(name: $0.name, units: $0.units, longName: $0.longName, values: values[$0.source]!) }
        return (fields, times[t])
    }

    /// Index of the time nearest to `time`; throws when `time` is outside the range by more than half a step.
    static func nearest(_ times: [Date], to time: Date, file: String, variable: String) throws -> Int {
        guard let first = times.min(), let last = times.max() else {
            throw SeaIceError.invalidInput(file: file, item: "variable `\(variable)`", expected: "at least one time")
        }
        let sorted = times.sorted()
        let steps = zip(sorted.dropFirst(), sorted).map { $0.timeIntervalSince($1) }.sorted()
        let tolerance = steps.isEmpty ? 1800 : steps[steps.count / 2] / 2
        guard time.timeIntervalSince(first) >= -tolerance, time.timeIntervalSince(last) <= tolerance else {
            throw SeaIceError.invalidInput(file: file, item: "variable `\(variable)` (\(first) … \(last))",
                                           expected: "a time range containing the scene time \(time)")
        }
        return times.indices.min { abs(times[$0].timeIntervalSince(time)) < abs(times[$1].timeIntervalSince(time)) }!
    }

    /// The unpacked (latitude, longitude) field of `name` at time index `t`; fill and missing values → NaN.
    static func slice(_ nc: NetCDFFile, _ name: String, timeIndex t: Int, timeName: String, file: String) throws -> [Double] {
        guard nc.hasVariable(name) else { throw SeaIceError.missing(file: file, item: "variable `\(name)`") }
        let v = try nc.variable(name)
        let n = v.dimensions.count
        guard n >= 3, v.dimensions[n - 2] == "latitude", v.dimensions[n - 1] == "longitude",
              let ti = v.dimensions.firstIndex(of: timeName),
              v.shape.enumerated().allSatisfy({ $0.offset == ti || $0.offset >= n - 2 || $0.element == 1 }) else {
            throw SeaIceError.invalidInput(file: file, item: "variable `\(name)` dimensions \(v.dimensions) \(v.shape)",
                                           expected: "(\(timeName), latitude, longitude), other leading axes of length 1")
        }
        var start = [Int](repeating: 0, count: n), count = v.shape
        start[ti] = t; count[ti] = 1
        var raw = try nc.read(name, as: Double.self, start: start, count: count)
        let attributes = try nc.attributes(variable: name)
        let fills = ["_FillValue", "missing_value"].compactMap { attributes[$0]?.doubles }.flatMap { $0 }
        let scale = attributes["scale_factor"]?.number ?? 1, offset = attributes["add_offset"]?.number ?? 0
        for k in raw.indices {
            raw[k] = fills.contains(raw[k]) || raw[k].isNaN ? .nan : raw[k] * scale + offset
        }
        return raw
    }
}
