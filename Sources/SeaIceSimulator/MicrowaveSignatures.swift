import Foundation
import SeaIceCore
import SeaIcePassiveMicrowave

/// The 14 AMSR2 channels of the AI4Arctic files, in file order of the RRDP (6.9H … 89.0V).
public enum AMSR2Channel: Int, CaseIterable, Sendable {
    case h6_9, v6_9, h7_3, v7_3, h10_7, v10_7, h18_7, v18_7, h23_8, v23_8, h36_5, v36_5, h89_0, v89_0

    /// The AI4Arctic variable name, e.g. `btemp_18_7v`.
    public var variableName: String {
        ["btemp_6_9h", "btemp_6_9v", "btemp_7_3h", "btemp_7_3v", "btemp_10_7h", "btemp_10_7v", "btemp_18_7h",
         "btemp_18_7v", "btemp_23_8h", "btemp_23_8v", "btemp_36_5h", "btemp_36_5v", "btemp_89_0h", "btemp_89_0v"][rawValue]
    }

    /// AMSR2 footprint (3 dB, km) across × along scan: 35 × 62 km at 6.9 GHz down to 3 × 5 km at 89 GHz (JAXA).
    public var footprintKm: (Double, Double) {
        [(35, 62), (35, 62), (35, 62), (35, 62), (24, 42), (24, 42), (14, 22), (14, 22),
         (15, 26), (15, 26), (7, 12), (7, 12), (3, 5), (3, 5)][rawValue]
    }
}

/// One real co-located point of the ESA CCI round-robin data package: 14 AMSR2 brightness
/// temperatures (K) and the ERA5 (or ERA-Interim) weather at the same place and time.
public struct MicrowavePoint: Sendable, Equatable {
    /// Brightness temperatures in `AMSR2Channel` order, K.
    public var tb: [Double]
    /// Latitude (°N), month (1–12).
    public var latitude: Double, month: Int
    /// 10 m wind components (m/s), 2 m air and skin temperature (K), total column water vapour and cloud liquid water (kg/m²).
    public var u10: Double, v10: Double, t2m: Double, skt: Double, tcwv: Double, tclw: Double

    /// Gradient ratio GR(36.5V, 18.7V): negative and large for multi-year ice.
    public var gr3719: Double { (tb[11] - tb[7]) / (tb[11] + tb[7]) }
}

/// The real microwave signatures of sea ice (SIC = 1, Arctic 2017) and open water (SIC = 0,
/// 2012) read from the RRDP text files in `../shared/data/cimr-rrdp/`.
public struct MicrowaveSignatures: Sendable {
    /// Points over 100 % ice.
    public let ice: [MicrowavePoint]
    /// Points over open water north of 60° N.
    public let water: [MicrowavePoint]

    /// Reads both RRDP files from `folder` (normally `../shared/data/cimr-rrdp`).
    public init(folder: URL) throws {
        ice = try Self.read(folder.appendingPathComponent("ASCAT-vs-AMSR2-vs-ERA5-vs-DTUSIC1-2017-N.text"), minimumLatitude: 0)
        water = try Self.read(folder.appendingPathComponent("QSCAT-vs-SMAP-vs-SMOS-vs-ASCAT-vs-AMSR2-vs-ERA-vs-DMISIC0-2012-N.text"), minimumLatitude: 60)
        guard !ice.isEmpty, !water.isEmpty else {
            throw SeaIceError.invalidInput(file: folder.path, item: "RRDP points", expected: "valid ice and open-water points")
        }
    }

    /// The points of one RRDP file (`SeaIcePassiveMicrowave.RRDPFile`, which reads and checks it) north of
    /// `minimumLatitude` whose 14 brightness temperatures all lie in 50…320 K, in file order.
    static func read(_ url: URL, minimumLatitude: Double) throws -> [MicrowavePoint] {
        try RRDPFile.read(url).compactMap { p in
            guard p.latitude >= minimumLatitude, p.tb.allSatisfy({ $0 > 50 && $0 < 320 }) else { return nil }
            return MicrowavePoint(tb: p.tb, latitude: p.latitude, month: p.month, u10: p.u10, v10: p.v10, t2m: p.t2m,
                                  skt: p.skt, tcwv: p.tcwv, tclw: p.tclw)
        }
    }

    /// Points of `month` (±1 month when fewer than 20), or all of them.
    static func seasonal(_ points: [MicrowavePoint], month: Int) -> [MicrowavePoint] {
        let exact = points.filter { $0.month == month }
        if exact.count >= 20 { return exact }
        let near = points.filter { abs($0.month - month) <= 1 || abs($0.month - month) == 11 }
        return near.count >= 20 ? near : points
    }

    /// Draws the signatures of one scene: a first-year-like and a multi-year-like ice point of
    /// the season (by GR(36.5V, 18.7V)) and an open-water point with wind near `windSpeed`.
    public func draw(month: Int, windSpeed: Double, generator g: inout SeededGenerator) -> (firstYear: MicrowavePoint, multiYear: MicrowavePoint, water: MicrowavePoint) {
        let season = Self.seasonal(ice, month: month)
        let fy = season.filter { $0.gr3719 > -0.02 }, my = season.filter { $0.gr3719 < -0.06 }
        func any(_ xs: [MicrowavePoint], _ fallback: [MicrowavePoint]) -> MicrowavePoint {
            let src = xs.isEmpty ? fallback : xs
            return src[Int(g.next() % UInt64(src.count))]
        }
        let f = any(fy, season), m = any(my, season)
        let byWind = water.sorted {
            abs(($0.u10 * $0.u10 + $0.v10 * $0.v10).squareRoot() - windSpeed) < abs(($1.u10 * $1.u10 + $1.v10 * $1.v10).squareRoot() - windSpeed)
        }
        let w = any(Array(byWind.prefix(25)), water)
        return (f, m, w)
    }
}
