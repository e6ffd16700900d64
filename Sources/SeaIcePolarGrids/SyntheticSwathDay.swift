import Foundation
import SeaIceAuxiliary

/// A synthetic day of AMSR2-like swath geolocations for benchmarks and tests (SIMULATED, not real orbits).
///
/// Geometry: a circular sun-synchronous orbit (inclination 98.2°, 14.57 orbits a day, as GCOM-W), the day cut
/// into half-orbit granules (ascending, descending, …; a real day is ~29), each `scans` scans along 180° of
/// orbit (2000 ≈ AMSR2's 1.5 s scans, ~10 km apart) × `samplesPerScan` points across a 1450 km swath
/// (243: the low-frequency channels; 486: 89 GHz), with the Earth turning underneath. The scan is drawn as a
/// straight line across track (AMSR2's conical arc is ignored). Values: `field(latitude, longitude)`.
public struct SyntheticSwathDay: Sendable {
    /// Number of half-orbit granules.
    public var granules: Int
    /// Scans per granule.
    public var scans: Int
    /// Samples per scan.
    public var samplesPerScan: Int

    /// A day of `granules` × `scans` × `samplesPerScan` samples (a full AMSR2 day: 29 × 2000 × 243).
    public init(granules: Int = 29, scans: Int = 2000, samplesPerScan: Int = 243) {
        precondition(granules > 0 && scans > 1 && samplesPerScan > 1, "\(granules) × \(scans) × \(samplesPerScan)")
        self.granules = granules
        self.scans = scans
        self.samplesPerScan = samplesPerScan
    }

    /// Number of samples.
    public var count: Int { granules * scans * samplesPerScan }

    /// Latitudes and longitudes (degrees), granule-major, then scan, then sample across the swath.
    public func geolocation() -> (latitude: [Double], longitude: [Double]) {
        let inclination = 98.2 * Double.pi / 180, period = 86_400 / 14.57, earthRate = 2 * Double.pi / 86_400
        let halfWidth = 725.0 / 6371.0
        var lat = [Double](repeating: 0, count: count), lon = lat
        var k = 0
        for g in 0..<granules {
            let orbit = Double(g / 2)
            let node = 0.0  // the orbit plane stays fixed (sun-synchronous over a day); the Earth turns under it
            let n = SIMD3(cos(node), sin(node), 0.0)
            let m = SIMD3(-cos(inclination) * sin(node), cos(inclination) * cos(node), sin(inclination))
            let h = SIMD3(n.y * m.z - n.z * m.y, n.z * m.x - n.x * m.z, n.x * m.y - n.y * m.x)
            let u0 = g % 2 == 0 ? -Double.pi / 2 : Double.pi / 2
            for s in 0..<scans {
                let u = u0 + Double.pi * Double(s) / Double(scans)
                let t = (orbit + (u + Double.pi / 2) / (2 * Double.pi)) * period
                let p = cos(u) * n + sin(u) * m
                for j in 0..<samplesPerScan {
                    let a = -halfWidth + 2 * halfWidth * Double(j) / Double(samplesPerScan - 1)
                    let q = cos(a) * p + sin(a) * h
                    lat[k] = asin(max(-1, min(1, q.z))) * 180 / .pi
                    var l = (atan2(q.y, q.x) - earthRate * t) * 180 / .pi
                    l = (l + 540).truncatingRemainder(dividingBy: 360) - 180
                    lon[k] = l
                    k += 1
                }
            }
        }
        return (lat, lon)
    }

    /// A smooth brightness-temperature-like field, K (150…250): what the benchmark grids.
    public static func field(latitude: Double, longitude: Double) -> Double {
        200 + 30 * sin(3 * longitude * .pi / 180) * cos(latitude * .pi / 60) + 20 * cos(latitude * .pi / 9)
    }

    /// The day as one `AMSR2Swath` per granule with `channels` all holding `field` (the 89A geolocation
    /// doubled so that the low-frequency channels sit at every second point).
    public func swaths(channels: [AMSR2Reader.Channel]) -> [AMSR2Swath] {
        let (lat, lon) = geolocation()
        let per = scans * samplesPerScan
        return (0..<granules).map { g in
            let la = Array(lat[(g * per)..<((g + 1) * per)]), lo = Array(lon[(g * per)..<((g + 1) * per)])
            let values = zip(la, lo).map { Self.field(latitude: $0, longitude: $1) }
            var la2: [Double] = [], lo2: [Double] = []
            la2.reserveCapacity(2 * per)
            lo2.reserveCapacity(2 * per)
            for i in 0..<per { la2 += [la[i], la[i]]; lo2 += [lo[i], lo[i]] }
            let geo = AMSR2Geolocation(scans: scans, width: 2 * samplesPerScan, latitude: la2, longitude: lo2)
            let samples = AMSR2Swath.Samples(step: 2, values: values, dataset: "synthetic")
            return AMSR2Swath(url: URL(fileURLWithPath: "SIMULATED_granule_\(g).nc"), geolocation: geo,
                              channels: Dictionary(uniqueKeysWithValues: channels.map { ($0, samples) }))
        }
    }
}
