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

    /// AMSR2 Northern-Hemisphere tie points of NSIDC-0802 (NSIDC, "AMSR2 Sea Ice Concentration CDR" user
    /// guide, NASA Team tie-point table; the project's default), as `../shared/specs/concentration-fusion.md` lists
    /// them: 19H OW 120.50, FY 235.50, MY 200.70; 19V 185.90, 250.90, 222.20; 37V 210.50, 241.30, 188.60 K.
    public static let amsr2NorthernHemisphere = NASATeamTiePoints(
        openWater: NASATeamChannels(h19: 120.50, v19: 185.90, v37: 210.50),
        firstYear: NASATeamChannels(h19: 235.50, v19: 250.90, v37: 241.30),
        multiYear: NASATeamChannels(h19: 200.70, v19: 222.20, v37: 188.60))
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
