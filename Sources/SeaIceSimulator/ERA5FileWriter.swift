import Foundation
import SeaIceCore
import SeaIceNetCDF

/// The regular latitude/longitude grid and time steps of a simulated ERA5 file.
public struct ERA5FileGrid: Codable, Sendable, Equatable {
    /// Northern and southern latitudes (°N) and the spacing (degrees) of latitude and longitude.
    public var north = 90.0, south = 50.0, resolution = 0.5
    /// UTC hours of the time steps.
    public var hours = [0, 6, 12, 18]

    /// The defaults: 90–50° N every 0.5°, 6-hourly.
    public init() {}

    /// Latitudes, north to south as ERA5 stores them.
    public var latitudes: [Double] {
        let n = Int(((north - south) / resolution).rounded()) + 1
        return (0..<n).map { north - Double($0) * resolution }
    }
    /// Longitudes 0 … 360 − resolution (ERA5's order).
    public var longitudes: [Double] { (0..<Int((360 / resolution).rounded())).map { Double($0) * resolution } }
}

/// Writes simulated weather as an ERA5 single-levels netCDF-4 file in the new-CDS layout (SIMULATED DATA):
/// `valid_time` (int64 seconds since 1970-01-01), `latitude` (90 → south), `longitude` (0 … 360), float32
/// `u10`, `v10` (m s-1), `t2m`, `skt` (K), `tcwv`, `tclw` (kg m-2) shaped (valid_time, latitude, longitude),
/// the layout `SeaIceAuxiliary.ERA5Reader` reads. With a truth, the skin temperature over open water is that
/// of sea water (`WeatherSample.skinTemperature`); global attributes mark the file as simulated.
public enum ERA5FileWriter {
    /// The variables: ERA5 short name, units, long name.
    public static let variables = [
        ("u10", "m s**-1", "10 metre U wind component"), ("v10", "m s**-1", "10 metre V wind component"),
        ("t2m", "K", "2 metre temperature"), ("skt", "K", "Skin temperature"),
        ("tcwv", "kg m**-2", "Total column vertically-integrated water vapour"),
        ("tclw", "kg m**-2", "Total column cloud liquid water"),
    ]

    /// The file name for a day, e.g. `ERA5_SIM_single_levels_20201102.nc`.
    public static func fileName(date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd"
        return "ERA5_SIM_single_levels_\(f.string(from: date)).nc"
    }

    /// Writes the weather of the UTC day starting at `date` to `url` (temporary name, then rename).
    public static func write(
        _ weather: ArcticWeather, date: Date, grid: ERA5FileGrid = ERA5FileGrid(),
        truth: (any SurfaceTruth)? = nil, to url: URL
    ) throws {
        let lat = grid.latitudes
        let lon = grid.longitudes
        let times = grid.hours.map { date.addingTimeInterval(Double($0) * 3600) }
        let shared = SharedArray<Double>(repeating: 0, count: lat.count * lon.count)
        if let truth {
            DispatchQueue.concurrentPerform(iterations: lat.count) { i in
                let row = truth.fractions(latitude: [Double](repeating: lat[i], count: lon.count), longitude: lon,
                                          cellSize: grid.resolution * 111_000)
                for (j, f) in row.enumerated() { shared[i * lon.count + j] = f.water }
            }
        }
        let water = shared.array
        try AtomicOutput.write(to: url) { tmp in
            let nc = try NetCDFFile.create(tmp)
            do {
                try nc.defineDimension("valid_time", length: times.count)
                try nc.defineDimension("latitude", length: lat.count)
                try nc.defineDimension("longitude", length: lon.count)
                try nc.defineVariable("valid_time", type: .int64, dimensions: ["valid_time"])
                try nc.setAttributes(
                    [
                        ("units", .text("seconds since 1970-01-01")), ("standard_name", .text("time")),
                        ("calendar", .text("proleptic_gregorian")),
                    ], variable: "valid_time")
                for (axis, units) in [("latitude", "degrees_north"), ("longitude", "degrees_east")] {
                    try nc.defineVariable(axis, type: .double, dimensions: [axis])
                    try nc.setAttributes([("units", .text(units)), ("standard_name", .text(axis))], variable: axis)
                }
                for (name, units, long) in variables {
                    try nc.defineVariable(
                        name, type: .float, dimensions: ["valid_time", "latitude", "longitude"],
                        compression: 1, chunks: [1, lat.count, lon.count], fillValue: .nan)
                    try nc.setAttributes(
                        [("units", .text(units)), ("long_name", .text("SIMULATED " + long))], variable: name)
                }
                try nc.setAttributes([
                    (
                        "title",
                        .text("SIMULATED ERA5-like single-level fields (SeaIceKit weather simulator). NOT REAL DATA.")
                    ),
                    (SimulationMarkers.name, .text(SimulationMarkers.text(true))),
                    ("simulator_seed", .text(String(weather.seed))),
                    (
                        "source",
                        .text(
                            "SeaIceKit \(SeaIceKitVersion.current): monthly distributions of the real ERA5/ERA-Interim values of the ESA CCI RRDP points"
                        )
                    ),
                    ("Conventions", .text("CF-1.7")),
                ])
                try nc.endDefinitions()
                try nc.write(times.map { Int64($0.timeIntervalSince1970) }, variable: "valid_time")
                try nc.write(lat, variable: "latitude")
                try nc.write(lon, variable: "longitude")
                for (t, time) in times.enumerated() {
                    var fields = [[Float]](repeating: [Float](repeating: 0, count: lat.count * lon.count), count: 6)
                    for (i, la) in lat.enumerated() {
                        // One PROJ call and one calendar lookup per row, not per node.
                        let row = weather.samples(latitude: [Double](repeating: la, count: lon.count), longitude: lon, time: time)
                        for (j, s) in row.enumerated() {
                            let k = i * lon.count + j
                            let values = [
                                s.u10, s.v10, s.t2m, s.skinTemperature(waterFraction: water[k]), s.tcwv, s.tclw,
                            ]
                            for v in 0..<6 { fields[v][k] = Float(values[v]) }
                        }
                    }
                    for (v, (name, _, _)) in variables.enumerated() {
                        try nc.write(fields[v], variable: name, start: [t, 0, 0], count: [1, lat.count, lon.count])
                    }
                }
                try nc.close()
            } catch {
                try? nc.close()
                throw error
            }
        }
    }
}
