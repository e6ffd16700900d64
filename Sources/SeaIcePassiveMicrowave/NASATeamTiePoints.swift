/// The three AMSR2 brightness temperatures NASA Team uses, in K: 18.7 GHz horizontal and vertical
/// ("19H", "19V") and 36.5 GHz vertical ("37V").
public struct NASATeamChannels: Sendable, Equatable, Codable {
    /// 18.7 GHz, horizontal polarisation, K.
    public var h19: Double
    /// 18.7 GHz, vertical polarisation, K.
    public var v19: Double
    /// 36.5 GHz, vertical polarisation, K.
    public var v37: Double

    /// Brightness temperatures in K.
    public init(h19: Double, v19: Double, v37: Double) {
        self.h19 = h19
        self.v19 = v19
        self.v37 = v37
    }

    /// Polarisation ratio PR(19) = (19V − 19H) / (19V + 19H) (Cavalieri et al. 1984).
    public var polarisationRatio: Double { (v19 - h19) / (v19 + h19) }

    /// Spectral gradient ratio GR(37V/19V) = (37V − 19V) / (37V + 19V) (Cavalieri et al. 1984).
    public var gradientRatio: Double { (v37 - v19) / (v37 + v19) }
}

/// NASA Team tie points: the brightness temperatures (K) of pure open water, first-year ice and
/// multi-year ice in the three channels.
public struct NASATeamTiePoints: Sendable, Equatable, Codable {
    /// Open water (OW), K.
    public var openWater: NASATeamChannels
    /// First-year ice (FY), K.
    public var firstYear: NASATeamChannels
    /// Multi-year ice (MY), K.
    public var multiYear: NASATeamChannels

    /// Tie points for open water, first-year and multi-year ice, K.
    public init(openWater: NASATeamChannels, firstYear: NASATeamChannels, multiYear: NASATeamChannels) {
        self.openWater = openWater
        self.firstYear = firstYear
        self.multiYear = multiYear
    }

    /// AMSR2 Northern-Hemisphere tie points of NSIDC-0802 (the project's default): 19H OW 120.50, FY 235.50,
    /// MY 200.70; 19V 185.90, 250.90, 222.20; 37V 210.50, 241.30, 188.60 K, as `../shared/specs/concentration-fusion.md`
    /// lists them. Checked against their published source, NSIDC's open implementation that produces NSIDC-0803
    /// (the AMSR2 concentration made from the NSIDC-0802 gridded brightness temperatures): `pm_icecon`,
    /// `pm_icecon/nt/tiepoints.py`, set `"nsidc0802"` ("params derived from NSIDC0802 and used in NSIDC0803",
    /// returned for `satellite="am2"`; github.com/nsidc/pm_icecon, commits 4e1c20e and 1d7e288, 2025-08-28): equal
    /// to every digit. They are fixed, year-round tie points for NSIDC's daily 25 km gridded brightness
    /// temperatures; on the single-footprint, year-round RRDP points they read −8 % at SIC = 1 (BENCHMARKS.md).
        public static let amsr2NorthernHemisphere = NASATeamTiePoints(
        openWater: NASATeamChannels(h19: 120.50, v19: 185.90, v37: 210.50),
        firstYear: NASATeamChannels(h19: 235.50, v19: 250.90, v37: 241.30),
        multiYear: NASATeamChannels(h19: 200.70, v19: 222.20, v37: 188.60))

    /// NSIDC's earlier AMSR2 Northern-Hemisphere tie points, for the AMSR-E/AMSR2 Unified L1R brightness
    /// temperatures (AU_SI25): 19H OW 109.60, FY 234.73, MY 196.75; 19V 190.55, 253.07, 225.80; 37V 211.20,
    /// 244.16, 193.78 K. Source: `pm_icecon`, `pm_icecon/nt/tiepoints.py`, set `"amsru_a2"` ("Derived 8/18/2022 by
    /// lin reg of F17-0001 with AMSRU": the F17 tie points mapped through a per-channel linear regression of
    /// AMSR2 on F17 gridded brightness temperatures of 2021; returned for `satellite="u2"`).
    public static let amsr2UnifiedNorthernHemisphere = NASATeamTiePoints(
        openWater: NASATeamChannels(h19: 109.60, v19: 190.55, v37: 211.20),
        firstYear: NASATeamChannels(h19: 234.73, v19: 253.07, v37: 244.16),
        multiYear: NASATeamChannels(h19: 196.75, v19: 225.80, v37: 193.78))
}

extension NASATeamTiePoints {
    /// Tie points from real points (the CCI/OSI SAF practice of tie points fitted to the data, here the RRDP
    /// training half): open water = the mean 19H/19V/37V of the SIC = 0 points; first-year and multi-year = the
    /// means of the SIC = 1 points with GR(37V/19V) at or above and below its median (first-year ice has the
    /// flatter spectrum, multi-year ice the colder 37V). Points with a brightness temperature outside 50…350 K
    /// are left out. Means are summed in the order given.
    public static func fitted(water: [RRDPPoint], ice: [RRDPPoint]) -> NASATeamTiePoints {
        func valid(_ p: RRDPPoint) -> Bool {
            [p[.h18_7], p[.v18_7], p[.v36_5]].allSatisfy(BrightnessTemperatureRange.contains)
        }
        func mean(_ points: [RRDPPoint]) -> NASATeamChannels {
            let n = Double(max(points.count, 1))
            return NASATeamChannels(h19: points.reduce(0) { $0 + $1[.h18_7] } / n,
                                    v19: points.reduce(0) { $0 + $1[.v18_7] } / n,
                                    v37: points.reduce(0) { $0 + $1[.v36_5] } / n)
        }
        let w = water.filter(valid), i = ice.filter(valid)
        func gr(_ p: RRDPPoint) -> Double { gradientRatio(p[.v36_5], p[.v18_7]) }
        let sorted = i.map(gr).sorted()
        let median = sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return NASATeamTiePoints(openWater: mean(w), firstYear: mean(i.filter { gr($0) >= median }),
                                 multiYear: mean(i.filter { gr($0) < median }))
    }
}
