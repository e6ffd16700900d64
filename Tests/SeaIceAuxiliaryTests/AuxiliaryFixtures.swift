import Foundation
import SeaIceAuxiliary
import SeaIceNetCDF

/// Tiny ERA5 (CDS-like) and AMSR2 (JAXA-like) files written by the tests themselves.
enum AuxiliaryFixtures {
    /// Packing of the ERA5 fixture: value = raw · scale + offset, raw −32767 = fill.
    static let scale = 0.5, offset = 200.0, fill: Int16 = -32767

    /// Writes a CDS-like ERA5 single-levels file: `valid_time` (seconds since 1970-01-01, int64) or `time`
    /// (hours since 1900-01-01, int32), `latitude` as given (descending for CDS), `longitude`; the six variables
    /// packed as int16 with `scale`/`offset`. `value(variable, timeIndex, latIndex, lonIndex)` is the unpacked
    /// value (a multiple of `scale`; NaN → `_FillValue`). `skip` leaves variables out.
    static func writeERA5(_ url: URL, times: [Date], latitudes: [Double], longitudes: [Double], newCDS: Bool = true,
                          skip: Set<String> = [], value: (String, Int, Int, Int) -> Double) throws {
        let nc = try NetCDFFile.create(url)
        let timeName = newCDS ? "valid_time" : "time"
        try nc.defineDimension(timeName, length: times.count)
        try nc.defineDimension("latitude", length: latitudes.count)
        try nc.defineDimension("longitude", length: longitudes.count)
        try nc.defineVariable(timeName, type: newCDS ? .int64 : .int, dimensions: [timeName])
        try nc.setAttribute("units", .text(newCDS ? "seconds since 1970-01-01" : "hours since 1900-01-01 00:00:00.0"), variable: timeName)
        try nc.defineVariable("latitude", type: .double, dimensions: ["latitude"])
        try nc.defineVariable("longitude", type: .double, dimensions: ["longitude"])
        let names = ERA5Reader.variables.map(\.source).filter { !skip.contains($0) }
        for name in names {
            try nc.defineVariable(name, type: .short, dimensions: [timeName, "latitude", "longitude"])
            try nc.setAttributes([("scale_factor", .doubles([scale])), ("add_offset", .doubles([offset])),
                                  ("_FillValue", .shorts([fill])), ("missing_value", .shorts([fill]))], variable: name)
        }
        try nc.endDefinitions()
        if newCDS {
            try nc.write(times.map { Int64($0.timeIntervalSince1970) }, variable: timeName)
        } else {
            let ref = CFTime.parseDate("1900-01-01")!
            try nc.write(times.map { Int32($0.timeIntervalSince(ref) / 3600) }, variable: timeName)
        }
        try nc.write(latitudes, variable: "latitude")
        try nc.write(longitudes, variable: "longitude")
        for name in names {
            var raw: [Int16] = []
            for t in times.indices {
                for i in latitudes.indices {
                    for j in longitudes.indices {
                        let v = value(name, t, i, j)
                        raw.append(v.isNaN ? fill : Int16(((v - offset) / scale).rounded()))
                    }
                }
            }
            try nc.write(raw, variable: name)
        }
        try nc.close()
    }

    /// Writes an AMSR2 L1R-like swath as netCDF-4 with the JAXA dataset names (netCDF-C reads the JAXA HDF5
    /// files the same way, with `phony_dim_*` axes): 89A geolocation (scans × width89), low-frequency channels
    /// at `width89 / 2` pixels, 89 GHz at `width89`; uint16 with `SCALE FACTOR` 0.01. `tb(channel, scan, pixel)` in K.
    static func writeAMSR2(_ url: URL, latitude: [Float], longitude: [Float], scans: Int, width89: Int, l1b: Bool = false,
                           scaleAttribute: Bool = true, skip: Set<String> = [], tb: (AMSR2Reader.Channel, Int, Int) -> Double) throws {
        let nc = try NetCDFFile.create(url)
        try nc.defineDimension("phony_dim_0", length: scans)
        try nc.defineDimension("phony_dim_1", length: width89 / 2)
        try nc.defineDimension("phony_dim_2", length: width89)
        try nc.defineVariable(AMSR2Reader.latitudeName, type: .float, dimensions: ["phony_dim_0", "phony_dim_2"])
        try nc.defineVariable(AMSR2Reader.longitudeName, type: .float, dimensions: ["phony_dim_0", "phony_dim_2"])
        var written: [(AMSR2Reader.Channel, String, Int)] = []
        for c in AMSR2Reader.channels where !skip.contains(c.name) {
            let is89 = c.frequency == "89.0"
            let name = l1b ? "Brightness Temperature (\(is89 ? "89.0GHz-A" : c.frequency + "GHz"),\(c.polarisation))"
                : "Brightness Temperature (res06,\(c.frequency)GHz,\(c.polarisation))"
            let width = is89 && l1b ? width89 : width89 / 2
            try nc.defineVariable(name, type: .ushort, dimensions: ["phony_dim_0", width == width89 ? "phony_dim_2" : "phony_dim_1"])
            if scaleAttribute { try nc.setAttribute("SCALE FACTOR", .floats([0.01]), variable: name) }
            written.append((c, name, width))
        }
        try nc.endDefinitions()
        try nc.write(latitude, variable: AMSR2Reader.latitudeName)
        try nc.write(longitude, variable: AMSR2Reader.longitudeName)
        for (c, name, width) in written {
            var raw: [UInt16] = []
            for s in 0..<scans {
                for p in 0..<width {
                    let v = tb(c, s, p)
                    raw.append(v.isNaN ? 65535 : UInt16((v * 100).rounded()))
                }
            }
            try nc.write(raw, variable: name)
        }
        try nc.close()
    }

    /// A 1 × 1 grid whose cell centre is (`latitude`, `longitude`); samples point west, lines south.
    static func point(_ latitude: Double, _ longitude: Double) -> AuxiliaryGrid {
        AuxiliaryGrid(lines: 1, samples: 1) { y, x in (latitude - 0.01 * y, longitude - 0.01 * x) }
    }
}
