import Foundation
import SeaIceCore

/// One simulated AMSR2 half-orbit over the Arctic (SIMULATED), in the layout of a JAXA L1R granule.
///
/// Arrays are row-major (scan, sample): 486 samples per scan for the 89A geolocation and 89 GHz, 243 for the
/// other channels (at the even 0-based 89A columns). TBs in K.
public struct SimulatedAMSR2Swath: Sendable {
    /// Ascending-node index and pass.
    public var node: Int, pass: AMSR2Orbit.Pass
    /// Time of each scan.
    public var scanTimes: [Date]
    /// 89A footprint latitudes and longitudes (degrees), scans × 486.
    public var latitude: [Double], longitude: [Double]
    /// Each channel at its own footprint ([channel][scan × samples]; 486 samples for 89 GHz, 243 otherwise).
    public var native: [[Double]]
    /// L1R resampled TBs: [resolution][channel] (scans × 243), nil for a channel the resolution lacks.
    public var resampled: [L1RResolution: [[Double]?]]
    /// True sea-ice concentration (0…1 of the sea; NaN over all-land) and land fraction at the 6.9 GHz
    /// footprint of each low-frequency sample (scans × 243).
    public var truthConcentration: [Double], truthLand: [Double]

    /// Number of scans.
    public var scans: Int { scanTimes.count }
    /// Samples of a channel's native array.
    public static func samples(_ c: AMSR2Channel) -> Int { c == .h89_0 || c == .v89_0 ? 486 : 243 }
}

/// Simulates AMSR2 swaths of a `SurfaceTruth` under `ArcticWeather` (SIMULATED DATA).
///
/// At every footprint: the truth's area fractions over the footprint (`AMSR2Footprint.squareSide`), the
/// weather at its centre and time, the emission model's mixture (`AMSR2EmissionModel.brightness`), and
/// radiometer noise (`amsr2NoiseK`). The residual spread of each surface is drawn from N(0, 1) values of
/// which the first three per surface are smooth in space (50 km, persistent over 10 days: the same ice looks
/// the same on overlapping swaths) and the rest white; radiometer noise is white per swath. Deterministic per
/// seed: every value is a function of (seed, place, time, swath, sample, channel).
public struct AMSR2SwathSimulator: Sendable {
    /// The calibrated emission model.
    public let model: AMSR2EmissionModel
    /// The weather.
    public let weather: ArcticWeather
    /// The world seen.
    public let truth: any SurfaceTruth
    /// L1R resolutions written besides the native footprints.
    public var resolutions: [L1RResolution]
    let anomalies: [SmoothGaussianField]
    let white: LatticeNoise

    /// A simulator keyed by `seed`.
    public init(
        model: AMSR2EmissionModel, weather: ArcticWeather, truth: any SurfaceTruth, seed: UInt64,
        resolutions: [L1RResolution] = [.res06]
    ) {
        self.model = model
        self.weather = weather
        self.truth = truth
        self.resolutions = resolutions
        var g = SeededGenerator(seed: seed ^ 0x414D_5352_3253_494D)  // "AMSR2SIM"
        anomalies = (0..<9).map { _ in SmoothGaussianField(seed: g.next(), scale: 50, period: 10) }
        white = LatticeNoise(seed: g.next())
    }

    /// The 3 × 14 N(0, 1) residual draws (water, first-year, multi-year) at a place.
    func residualDraws(x: Double, y: Double, day: Double, scan: Int, sample: Int) -> [[Double]] {
        (0..<3).map { s in
            (0..<14).map { c in
                c < 3
                    ? anomalies[s * 3 + c].value(x: x, y: y, day: day)
                    : SmoothGaussianField.normal(white, scan, sample, 100 + s * 16 + c)
            }
        }
    }

    /// The swath of half-orbit `pass` after ascending node `node`, scans north of `minimumLatitude` only.
    public func simulate(node: Int, pass: AMSR2Orbit.Pass, minimumLatitude: Double = 40) -> SimulatedAMSR2Swath {
        let offsets = AMSR2Orbit.scanTimes(pass, minimumLatitude: minimumLatitude)
        let start = AMSR2Orbit.node(node)
        let n = offsets.count
        let lat = SharedArray<Double>(repeating: 0, count: n * 486)
        let lon = SharedArray<Double>(repeating: 0, count: n * 486)
        let native = AMSR2Channel.allCases.map { SharedArray<Double>(repeating: 0, count: n * SimulatedAMSR2Swath.samples($0)) }
        let resampled = resolutions.map { r in
            AMSR2Channel.allCases.map {
                r.channels.contains($0) ? SharedArray<Double>(repeating: 0, count: n * 243) : nil
            }
        }
        let truthC = SharedArray<Double>(repeating: 0, count: n * 243)
        let truthL = SharedArray<Double>(repeating: 0, count: n * 243)
        let swathKey = UInt64(bitPattern: Int64(node)) &* 2 &+ (pass == .ascending ? 0 : 1)
        let noise = LatticeNoise(seed: white.seed ^ (swathKey &* 0xD6E8_FEB8_6659_FD93))
        let resolutions = self.resolutions
        DispatchQueue.concurrentPerform(iterations: n) { s in
            let time = start.addingTimeInterval(offsets[s])
            let month = Calendar.utc.component(.month, from: time)
            let fractionalMonth = ArcticWeather.fractionalMonth(time)
            let day = time.timeIntervalSince1970 / 86400
            let geo = AMSR2Orbit.scan(node: node, seconds: offsets[s])
            let polar = weather.projection.toPolarOrNaN(longitude: geo.longitude, latitude: geo.latitude)
            var draws: [[Double]] = []
            // The truth under every footprint of the scan (89 GHz at all 486 samples, the others at the 243 even ones).
            let evenLatitude = stride(from: 0, to: 486, by: 2).map { geo.latitude[$0] }
            let evenLongitude = stride(from: 0, to: 486, by: 2).map { geo.longitude[$0] }
            let scanFractions = AMSR2Footprint.allCases.map { f in
                f == .f89 ? truth.fractions(latitude: geo.latitude, longitude: geo.longitude, cellSize: f.squareSide)
                    : truth.fractions(latitude: evenLatitude, longitude: evenLongitude, cellSize: f.squareSide)
            }
            var fractions = [SurfaceFractions](
                repeating: SurfaceFractions(water: 1, firstYear: 0, multiYear: 0, land: 0), count: AMSR2Footprint.allCases.count)
            for k in 0..<486 {
                lat[s * 486 + k] = geo.latitude[k]
                lon[s * 486 + k] = geo.longitude[k]
                let p = polar[k]
                if k % 2 == 0 { draws = residualDraws(x: p.x / 1000, y: p.y / 1000, day: day, scan: s, sample: k / 2) }
                let w = weather.sample(x: p.x, y: p.y, longitude: geo.longitude[k], time: time, month: fractionalMonth)
                let tb = model.surfaces(
                    weather: w, month: month, zWater: draws[0], zFirstYear: draws[1], zMultiYear: draws[2])
                for f in AMSR2Footprint.allCases where k % 2 == 0 || f == .f89 {
                    fractions[f.rawValue] = scanFractions[f.rawValue][f == .f89 ? k : k / 2]
                }
                func radiometer(_ c: AMSR2Channel, _ column: Int) -> Double {
                    amsr2NoiseK[c.rawValue] * SmoothGaussianField.normal(noise, s, column, c.rawValue)
                }
                for c in AMSR2Channel.allCases {
                    let columns = SimulatedAMSR2Swath.samples(c)
                    guard columns == 486 || k % 2 == 0 else { continue }
                    let value = tb.mix(fractions[AMSR2Footprint.native(c).rawValue], channel: c.rawValue)
                    native[c.rawValue][s * columns + (columns == 486 ? k : k / 2)] = value + radiometer(c, k)
                }
                guard k % 2 == 0 else { continue }
                for (ri, r) in resolutions.enumerated() {
                    let f = fractions[r.footprint.rawValue]
                    for c in r.channels {
                        resampled[ri][c.rawValue]![s * 243 + k / 2] = tb.mix(f, channel: c.rawValue) + radiometer(c, k)
                    }
                }
                let f6 = fractions[AMSR2Footprint.f6.rawValue]
                let sea = 1 - f6.land
                truthC[s * 243 + k / 2] = sea > 1e-9 ? (f6.firstYear + f6.multiYear) / sea : .nan
                truthL[s * 243 + k / 2] = f6.land
            }
        }
        var byResolution: [L1RResolution: [[Double]?]] = [:]
        for (ri, r) in resolutions.enumerated() { byResolution[r] = resampled[ri].map { $0?.array } }
        return SimulatedAMSR2Swath(
            node: node, pass: pass, scanTimes: offsets.map { start.addingTimeInterval($0) },
            latitude: lat.array, longitude: lon.array, native: native.map(\.array),
            resampled: byResolution, truthConcentration: truthC.array, truthLand: truthL.array)
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC.
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
}
