import Foundation

/// The orbit and conical scan of GCOM-W / AMSR2, simplified to a circular orbit over a spherical Earth.
///
/// Numbers (JAXA GCOM-W1 "SHIZUKU" data users handbook, 2013): altitude 700 km, sun-synchronous inclination
/// 98.186°, period 98.86 min (14.57 orbits a day), ascending node at 13:30 mean local time; conical scan at
/// 47.5° off nadir (55° Earth incidence), one scan every 1.5 s (40 rpm ≈ 10 km along track), 1450 km swath,
/// 486 samples per scan at 89 GHz (A horn) and 243 for the other channels (at the odd-numbered 89A samples).
/// Footprints lie on an arc ahead of the sub-satellite point at 825 km ground range (Earth-centre angle 7.42°)
/// from −61.5° to +61.5° of azimuth about the flight direction (sample 0 on the left). The ascending node's
/// longitude keeps 13:30 local time (the node precesses with the Sun); the orbit's phase is counted from an
/// ascending node at 2012-05-18 00:00 UTC (GCOM-W's launch day; arbitrary otherwise).
public struct AMSR2Orbit: Sendable {
    /// Orbital period and scan period, s.
    public static let period = 98.86 * 60, scanPeriod = 1.5
    /// Inclination, degrees.
    public static let inclination = 98.186
    /// Samples per scan at 89 GHz (A) and at the lower frequencies.
    public static let samples89 = 486, samplesLow = 243
    /// Earth-centre angle from the sub-satellite point to a footprint (degrees) and the half scan angle.
    static let footprintAngle = 7.42, halfScan = 61.5
    /// Mean local solar time of the ascending node, hours.
    static let nodeLocalTime = 13.5
    /// The reference ascending node.
    static let epoch = Date(timeIntervalSince1970: 1_337_299_200)  // 2012-05-18T00:00:00Z

    /// Time of ascending node `n` (counted from the epoch), and the first node at or after `time`.
    public static func node(_ n: Int) -> Date { epoch.addingTimeInterval(Double(n) * period) }
    /// Index of the first ascending node at or after `time`.
    public static func firstNode(after time: Date) -> Int {
        Int((time.timeIntervalSince(epoch) / period).rounded(.up))
    }

    /// Sub-satellite latitude/longitude (degrees) at `t` seconds after ascending node `n`.
    public static func subSatellite(node n: Int, seconds t: Double) -> (latitude: Double, longitude: Double) {
        let i = inclination * .pi / 180
        let u = 2 * .pi * t / period
        let lat = asin(sin(i) * sin(u)) * 180 / .pi
        let nodeTime = node(n)
        let utcHours = nodeTime.timeIntervalSince1970.truncatingRemainder(dividingBy: 86400) / 3600
        let nodeLongitude = 15 * (nodeLocalTime - utcHours)
        let lon = nodeLongitude + atan2(cos(i) * sin(u), cos(u)) * 180 / .pi - 360 * t / 86400
        return (lat, wrap(lon))
    }

    /// Longitude wrapped to [−180, 180).
    static func wrap(_ lon: Double) -> Double {
        var l = lon.truncatingRemainder(dividingBy: 360)
        if l >= 180 { l -= 360 } else if l < -180 { l += 360 }
        return l
    }

    /// The point at great-circle angle `delta` (degrees) from (lat, lon) along initial bearing `bearing` (° from north).
    static func destination(_ lat: Double, _ lon: Double, bearing: Double, delta: Double) -> (Double, Double) {
        let φ1 = lat * .pi / 180
        let λ1 = lon * .pi / 180
        let θ = bearing * .pi / 180
        let δ = delta * .pi / 180
        let φ2 = asin(sin(φ1) * cos(δ) + cos(φ1) * sin(δ) * cos(θ))
        let λ2 = λ1 + atan2(sin(θ) * sin(δ) * cos(φ1), cos(δ) - sin(φ1) * sin(φ2))
        return (φ2 * 180 / .pi, wrap(λ2 * 180 / .pi))
    }

    /// Initial bearing (° from north) from a to b.
    static func bearing(_ a: (latitude: Double, longitude: Double), _ b: (latitude: Double, longitude: Double))
        -> Double
    {
        let φ1 = a.latitude * .pi / 180
        let φ2 = b.latitude * .pi / 180
        let Δλ = (b.longitude - a.longitude) * .pi / 180
        return atan2(sin(Δλ) * cos(φ2), cos(φ1) * sin(φ2) - sin(φ1) * cos(φ2) * cos(Δλ)) * 180 / .pi
    }

    /// Latitudes and longitudes of the 486 89A footprints of the scan at `t` s after node `n`.
    public static func scan(node n: Int, seconds t: Double) -> (latitude: [Double], longitude: [Double]) {
        let here = subSatellite(node: n, seconds: t)
        let ahead = subSatellite(node: n, seconds: t + 1)
        let heading = bearing(here, ahead)
        var lat = [Double](repeating: 0, count: samples89)
        var lon = lat
        for k in 0..<samples89 {
            let azimuth = -halfScan + 2 * halfScan * Double(k) / Double(samples89 - 1)
            (lat[k], lon[k]) = destination(
                here.latitude, here.longitude, bearing: heading + azimuth, delta: footprintAngle)
        }
        return (lat, lon)
    }

    /// One half orbit's Arctic part.
    public enum Pass: String, Sendable, CaseIterable {
        /// Northbound (argument of latitude up to 90°) and southbound halves.
        case ascending = "A"
        case descending = "D"
    }

    /// Seconds after the node of the scans of `pass` whose sub-satellite point is north of `minimumLatitude`.
    public static func scanTimes(_ pass: Pass, minimumLatitude: Double = 40) -> [Double] {
        let i = inclination * .pi / 180
        let u0 = asin(min(1, sin(minimumLatitude * .pi / 180) / sin(i)))
        let (start, end) = pass == .ascending ? (u0, Double.pi / 2) : (Double.pi / 2, Double.pi - u0)
        let t0 = start / (2 * .pi) * period
        let t1 = end / (2 * .pi) * period
        let count = Int(((t1 - t0) / scanPeriod).rounded(.down))
        return (0..<count).map { t0 + Double($0) * scanPeriod }
    }
}
