import Foundation
import SeaIceCore

/// The simulated weather at one place and time (ERA5 single-level variables).
public struct WeatherSample: Sendable, Equatable {
    /// 10 m wind towards east and north, m/s (ERA5 `u10`, `v10`).
    public var u10: Double, v10: Double
    /// 2 m air temperature and skin temperature over ice, K (`t2m`, `skt`; over water see `skinTemperature`).
    public var t2m: Double, skt: Double
    /// Total column water vapour and cloud liquid water, kg/m² (`tcwv`, `tclw`).
    public var tcwv: Double, tclw: Double

    /// 10 m wind speed, m/s.
    public var windSpeed: Double { hypot(u10, v10) }

    /// Skin temperature of a surface of `waterFraction` open water: the ice skin temperature over ice and
    /// at least the freezing point of sea water (271.35 K) over water, mixed by area.
    public func skinTemperature(waterFraction w: Double) -> Double { (1 - w) * skt + w * max(271.35, skt) }
}

/// ERA5-like Arctic weather for any date, place and seed: smooth random fields with the real monthly
/// distributions of `WeatherClimatology`.
///
/// Each variable is a `SmoothGaussianField` z (N(0, 1) everywhere) mapped through the month's empirical
/// quantile function, value = Q_month(Φ(z)): wind speed (600 km, 2.5-day steps, drifting 120/60 km/day),
/// 2 m and skin temperature from one field (1000 km, 5 days, 80/40 km/day), water vapour (800 km, 3 days) and
/// cloud liquid water (250 km, 1.5 days) whose field is correlated with the vapour's by the real rank correlation. Wind
/// direction is a smooth field too (θ = π·z, 900 km, 2.5 days), defined in the EPSG:3413 plane (no singularity at the
/// pole) and rotated to east/north. Fields live on EPSG:3413 km, so any window of the world agrees with any
/// other; consecutive days correlate through the time lattice and the drift.
public struct ArcticWeather: Sendable {
    /// The real monthly distributions.
    public let climatology: WeatherClimatology
    /// The seed of every field.
    public let seed: UInt64
    let speed, direction, temperature, vapour, cloud: SmoothGaussianField
    /// EPSG:4326 → EPSG:3413 by PROJ (the fields live on EPSG:3413 km).
    let projection: LockedTransform

    /// The weather of `seed`.
    /// - Throws: `SeaIceError.native` when PROJ cannot build the EPSG:4326 → EPSG:3413 transformation.
    public init(climatology: WeatherClimatology, seed: UInt64) throws {
        projection = try LockedTransform.shared()
        self.climatology = climatology
        self.seed = seed
        var g = SeededGenerator(seed: seed ^ 0x5745_4154_4845_5221)  // "WEATHER!"
        speed = SmoothGaussianField(seed: g.next(), scale: 600, period: 2.5, drift: (120, 60))
        direction = SmoothGaussianField(seed: g.next(), scale: 900, period: 2.5, drift: (120, 60))
        temperature = SmoothGaussianField(seed: g.next(), scale: 1000, period: 5, drift: (80, 40))
        vapour = SmoothGaussianField(seed: g.next(), scale: 800, period: 3, drift: (120, 60))
        cloud = SmoothGaussianField(seed: g.next(), scale: 250, period: 1.5, drift: (120, 60))
    }

    /// Central meridian of EPSG:3413, °E (its y axis points along it towards the pole).
    static let centralMeridian = -45.0

    /// Position of the year as a fractional month, 1.0 = 1 January 00 UTC, 1.5 ≈ mid-January.
    static func fractionalMonth(_ time: Date) -> Double {
        let calendar = Calendar.utc
        let c = calendar.dateComponents([.month, .day, .hour], from: time)
        let days = Double(calendar.range(of: .day, in: .month, for: time)?.count ?? 30)
        return Double(c.month ?? 1) + (Double((c.day ?? 1) - 1) + Double(c.hour ?? 0) / 24) / days
    }

    /// The weather at (`latitude` °N, `longitude` °E) at `time`.
    public func sample(latitude: Double, longitude: Double, time: Date) -> WeatherSample {
        sample(latitude: latitude, longitude: longitude, time: time, month: Self.fractionalMonth(time))
    }

    /// The weather at many points at one `time` (element k at point k): one PROJ call for all of them.
    public func samples(latitude: [Double], longitude: [Double], time: Date) -> [WeatherSample] {
        let month = Self.fractionalMonth(time)
        let p = projection.toPolarOrNaN(longitude: longitude, latitude: latitude)
        return p.indices.map { sample(x: p[$0].x, y: p[$0].y, longitude: longitude[$0], time: time, month: month) }
    }

    /// `sample(latitude:longitude:time:)` with the fractional month of `time` already worked out (the
    /// calendar arithmetic costs more than the weather; swaths and winds compute it once per scan or time).
    func sample(latitude: Double, longitude: Double, time: Date, month: Double) -> WeatherSample {
        let p = projection.toPolar(longitude: longitude, latitude: latitude)
        return sample(x: p.x, y: p.y, longitude: longitude, time: time, month: month)
    }

    /// The weather at EPSG:3413 (`px`, `py`) metres, whose longitude is `longitude` °E.
    func sample(x px: Double, y py: Double, longitude: Double, time: Date, month: Double) -> WeatherSample {
        let x = px / 1000
        let y = py / 1000
        let day = time.timeIntervalSince1970 / 86400
        let q = { (key: KeyPath<WeatherClimatology.Month, [Double]>, z: Double) in
            self.climatology.quantile(key, p: SmoothGaussianField.cumulative(z), month: month)
        }
        let zs = speed.value(x: x, y: y, day: day)
        let zt = temperature.value(x: x, y: y, day: day)
        let zw = vapour.value(x: x, y: y, day: day)
        let rho = climatology.vapourCloudCorrelation
        let zl = rho * zw + (1 - rho * rho).squareRoot() * cloud.value(x: x, y: y, day: day)
        let ws = q(\.windSpeed, zs)
        let theta = .pi * direction.value(x: x, y: y, day: day)
        // Grid-frame direction → east/north (EPSG:3413 x axis points east at longitude λ₀ + 90°).
        let gamma = (longitude - Self.centralMeridian) * .pi / 180
        let gx = ws * cos(theta)
        let gy = ws * sin(theta)
        return WeatherSample(
            u10: gx * cos(gamma) + gy * sin(gamma), v10: -gx * sin(gamma) + gy * cos(gamma),
            t2m: q(\.t2m, zt), skt: q(\.skt, zt), tcwv: q(\.tcwv, zw), tclw: max(0, q(\.tclw, zl)))
    }

    /// The 10 m wind (east, north; m/s) at `time` as a closure of (latitude °N, longitude °E), the form the
    /// SAR simulator's wind injection takes.
    public func wind(at time: Date) -> @Sendable (Double, Double) -> (u: Double, v: Double) {
        let weather = self, month = Self.fractionalMonth(time)
        return { latitude, longitude in
            let s = weather.sample(latitude: latitude, longitude: longitude, time: time, month: month)
            return (s.u10, s.v10)
        }
    }
}
