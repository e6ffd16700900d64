import Foundation
import SeaIceCore
import SeaIceNetCDF

/// Writes a simulated `SimulatedAMSR2Swath` as a netCDF-4 file with the dataset names of a JAXA AMSR2 L1R granule
/// (SIMULATED DATA), readable by `SeaIceAuxiliary.AMSR2Reader`.
///
/// Datasets: `Brightness Temperature (res06,6.9GHz,H)` … per written resolution (scan, 243) and the native
/// 89 GHz `Brightness Temperature (original,89GHz-A,H/V)` (scan, 486), uint16 with `SCALE FACTOR` 0.01 (K),
/// 65535 = missing; `Latitude/Longitude of Observation Point for 89A` (scan, 486) float32 degrees;
/// `Scan Time` (scan) float64 seconds since 1993-01-01 (JAXA's TAI93 epoch, leap seconds ignored). Truth
/// layers `truth_sea_ice_concentration` and `truth_land_fraction` (scan, 243) at the 6.9 GHz footprint are
/// named so no one takes them for observations; global attributes mark the file as simulated.
/// The file name follows JAXA's pattern with a SIM tag: `GW1AM2_YYYYMMDDhhmm_NNNA_L1SGRTBR_SIM.nc`.
public enum AMSR2SwathFile {
    /// JAXA's scan-time epoch (1993-01-01T00:00:00Z).
    static let epoch1993 = Date(timeIntervalSince1970: 725_846_400)
    /// SCALE FACTOR of the TB datasets, K per count.
    public static let scaleFactor: Float = 0.01

    /// The file name of `swath`.
    public static func fileName(_ swath: SimulatedAMSR2Swath) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMddHHmm"
        let orbit = String(format: "%03d", ((swath.node % 1000) + 1000) % 1000)
        return
            "GW1AM2_\(f.string(from: swath.scanTimes.first ?? AMSR2Orbit.node(swath.node)))_\(orbit)\(swath.pass.rawValue)_L1SGRTBR_SIM.nc"
    }

    /// Writes `swath` into `folder` (temporary name, then rename); returns the file's URL.
    @discardableResult
    public static func write(_ swath: SimulatedAMSR2Swath, seed: UInt64, to folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(fileName(swath))
        try AtomicOutput.write(to: url) { tmp in try write(swath, seed: seed, file: tmp) }
        return url
    }

    /// Counts of `values` in K (NaN → 65535).
    static func counts(_ values: [Double]) -> [UInt16] {
        values.map { $0.isFinite ? UInt16(max(0, min(65533, ($0 / Double(scaleFactor)).rounded()))) : 65535 }
    }

    static func write(_ swath: SimulatedAMSR2Swath, seed: UInt64, file: URL) throws {
        let nc = try NetCDFFile.create(file)
        do {
            try nc.defineDimension("scan", length: swath.scans)
            try nc.defineDimension("low", length: 243)
            try nc.defineDimension("high", length: 486)
            var datasets: [(name: String, dims: [String], values: [Double])] = []
            for r in L1RResolution.allCases {
                guard let channels = swath.resampled[r] else { continue }
                for c in r.channels { datasets.append((r.datasetName(c), ["scan", "low"], channels[c.rawValue]!)) }
            }
            for c in [AMSR2Channel.h89_0, .v89_0] {
                datasets.append(
                    (
                        "Brightness Temperature (original,89GHz-A,\(c == .h89_0 ? "H" : "V"))", ["scan", "high"],
                        swath.native[c.rawValue]
                    ))
            }
            for d in datasets {
                try nc.defineVariable(d.name, type: .ushort, dimensions: d.dims, compression: 1)
                try nc.setAttributes(
                    [
                        ("SCALE FACTOR", .floats([scaleFactor])), ("UNIT", .text("K")),
                        ("long_name", .text("SIMULATED brightness temperature")),
                    ], variable: d.name)
            }
            for name in ["Latitude of Observation Point for 89A", "Longitude of Observation Point for 89A"] {
                try nc.defineVariable(name, type: .float, dimensions: ["scan", "high"], compression: 1)
                try nc.setAttribute("UNIT", .text("deg"), variable: name)
            }
            try nc.defineVariable("Scan Time", type: .double, dimensions: ["scan"])
            try nc.setAttribute(
                "UNIT", .text("sec (seconds since 1993-01-01 00:00:00 UTC, leap seconds ignored)"),
                variable: "Scan Time")
            for (name, long) in [
                (
                    "truth_sea_ice_concentration",
                    "SIMULATION TRUTH (not an observation): sea-ice concentration of the sea at the 6.9 GHz footprint"
                ),
                (
                    "truth_land_fraction",
                    "SIMULATION TRUTH (not an observation): land fraction of the 6.9 GHz footprint"
                ),
            ] {
                try nc.defineVariable(name, type: .float, dimensions: ["scan", "low"], compression: 1, fillValue: -999)
                try nc.setAttributes([("long_name", .text(long)), ("units", .text("1"))], variable: name)
            }
            try nc.setAttributes(globals(swath, seed: seed))
            try nc.endDefinitions()
            for d in datasets { try nc.write(counts(d.values), variable: d.name) }
            try nc.write(swath.latitude.map(Float.init), variable: "Latitude of Observation Point for 89A")
            try nc.write(swath.longitude.map(Float.init), variable: "Longitude of Observation Point for 89A")
            try nc.write(swath.scanTimes.map { $0.timeIntervalSince(epoch1993) }, variable: "Scan Time")
            try nc.write(
                swath.truthConcentration.map { $0.isFinite ? Float($0) : -999 }, variable: "truth_sea_ice_concentration"
            )
            try nc.write(swath.truthLand.map(Float.init), variable: "truth_land_fraction")
            try nc.close()
        } catch {
            try? nc.close()
            throw error
        }
    }

    static func globals(_ swath: SimulatedAMSR2Swath, seed: UInt64) -> [(String, NetCDFAttribute)] {
        [
            ("title", .text("SIMULATED AMSR2 L1R-like swath (SeaIceKit passive-microwave simulator). NOT REAL DATA.")),
            (SimulationMarkers.name, .text(SimulationMarkers.text(true))),
            (
                "source",
                .text(
                    "SeaIceKit \(SeaIceKitVersion.current) AMSR2 simulator (specs/simulator.md): emission model fitted on the real ESA CCI RRDP points"
                )
            ),
            ("simulator_seed", .text(String(seed))),
            ("OrbitDirection", .text(swath.pass == .ascending ? "Ascending" : "Descending")),
            ("simulator_ascending_node", .ints([Int32(truncatingIfNeeded: swath.node)])),
            ("PlatformShortName", .text("GCOM-W1 (simulated)")), ("SensorShortName", .text("AMSR2 (simulated)")),
        ]
    }
}
