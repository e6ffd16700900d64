import Foundation
import SeaIceCore
import SeaIceGDAL

/// The simulated Arctic of one day: the sea-ice state everywhere, from which every simulated sensor,
/// chart and truth layer is sampled (`../shared/specs/simulator.md`, issue 10). SIMULATED, never observed.
///
/// Two levels. The **composition** — area fractions of open water, the nine WMO stages and land — is a
/// smooth function of the EPSG:3413 position (metres): the real November concentration of
/// `ArcticBaseMap` moved by a seasonal edge shift (growth to March, melt to September, anchored so that
/// 1 November reproduces the real map), mesoscale anomalies that drift, multi-year ice around a centre
/// north of Ellesmere Island and Greenland, first-year ice whose thickness grows from the local freeze-up
/// (Lebedev's law h = 1.33·FDD^0.58 cm, about 22 freezing degree-days a day; thinner where the concentration
/// is low, the young ice of the advancing marginal zone) and melts from June,
/// spread lognormally over the six first-year-and-younger stages, so new and grey ice appear at the edge
/// during freeze-up. The **surface class** of a point refines the composition with procedural floes (one
/// cellular field per stage, sized by the stage's floe diameter, smaller in the marginal ice zone), leads
/// in close pack (open, or refrozen to new ice in the freezing season) and a fractal coastline on the NSIDC
/// land mask. Every field is lattice/hash noise of the position (`LatticeNoise`) keyed by the seed, so any
/// window at any resolution is evaluated on demand, two overlapping windows agree pixel for pixel, and the
/// pan-Arctic fine grid is never materialised. Consecutive days are consistent: features move with a drift
/// field (transpolar drift, Beaufort gyre, ≈ 3–6 km/day) from an epoch reset each 1 September, and the
/// anomalies change smoothly over about six days.
public struct ArcticWorld: SurfaceTruth {
    /// The 10 m wind of the world: (u eastward, v northward) m/s at (latitude °N, longitude °E).
    public typealias WindField = @Sendable (_ latitude: Double, _ longitude: Double) -> (u: Double, v: Double)

    /// The real base map.
    public let base: ArcticBaseMap
    /// The day.
    public let date: WorldDate
    /// The seed (the same seed and date give the same world).
    public let seed: UInt64
    /// The 10 m wind that open-water backscatter follows (default `ArcticWorld.defaultWind`; plug the
    /// simulated ERA5 field in here so that SAR and ERA5 agree).
    public var wind: WindField

    let pack: [Float]
    let projection: LockedTransform
    let stageFloes: [LatticeNoise]
    let leads: LatticeNoise, leadWidth: LatticeNoise, warp: LatticeNoise, coast: LatticeNoise
    let anomaly: LatticeNoise, myiNoise: LatticeNoise, freezeNoise: LatticeNoise, driftNoise: LatticeNoise
    let myiCentre: (x: Double, y: Double), fram: (x: Double, y: Double), laptev: (x: Double, y: Double)
    let gyre: (x: Double, y: Double)
    /// The composition on a 5 km lattice, filled as the coarse sensors ask (shared by copies of the world).
    let lattice = CompositionLattice()

    /// The world of `date` for `seed` over `base`; `wind` nil takes `defaultWind(seed:date:)`.
    /// - Throws: `SeaIceError.native` when PROJ cannot build the EPSG:4326 ↔ EPSG:3413 transformation.
    public init(base: ArcticBaseMap, date: WorldDate, seed: UInt64, wind: WindField? = nil) throws {
        self.base = base; self.date = date; self.seed = seed
        projection = try LockedTransform()
        var g = SeededGenerator(seed: seed ^ 0x5EA1_CE00_0000_0010)
        stageFloes = (0..<9).map { _ in LatticeNoise(&g) }
        leads = LatticeNoise(&g); leadWidth = LatticeNoise(&g); warp = LatticeNoise(&g); coast = LatticeNoise(&g)
        anomaly = LatticeNoise(&g); myiNoise = LatticeNoise(&g); freezeNoise = LatticeNoise(&g); driftNoise = LatticeNoise(&g)
        pack = ArcticBaseMap.smooth(base.concentration, radius: 3)
        let points = try projection.toPolar(longitude: [-75, 0, 125, -150], latitude: [85, 80, 78, 77])
        myiCentre = points[0]; fram = points[1]; laptev = points[2]; gyre = points[3]
        self.wind = wind ?? Self.defaultWind(seed: seed, date: date, projection: projection)
    }

    /// The default 10 m wind: a synoptic mean of (4, 2) m/s plus the 150 km-scale perturbation of
    /// `WeatherFields` (2.5 m/s fBm, three octaves), changing smoothly from day to day.
    public static func defaultWind(seed: UInt64, date: WorldDate) throws -> WindField {
        defaultWind(seed: seed, date: date, projection: try LockedTransform())
    }

    static func defaultWind(seed: UInt64, date: WorldDate, projection: LockedTransform) -> WindField {
        var g = SeededGenerator(seed: seed ^ 0x5EA1_CE00_0000_0AAA)
        let nu = LatticeNoise(&g), nv = LatticeNoise(&g)
        let day = Double(date.daysSince2000)
        return { lat, lon in
            let p = projection.toPolar(longitude: lon, latitude: lat)
            let xk = p.x / 1000, yk = p.y / 1000
            return (4 + 2.5 * timeNoise(nu, xk, yk, scale: 150, day: day, period: 2),
                    2 + 2.5 * timeNoise(nv, xk, yk, scale: 150, day: day, period: 2))
        }
    }

    /// fBm noise of `field` at (x, y) km that changes smoothly over `period` days.
    static func timeNoise(_ field: LatticeNoise, _ x: Double, _ y: Double, scale: Double, day: Double, period: Double) -> Double {
        let t = day / period, k = t.rounded(.down), f = t - k
        let s = f * f * (3 - 2 * f)
        let a = LatticeNoise(seed: field.seed &+ UInt64(bitPattern: Int64(k)) &* 0x9E37_79B9_7F4A_7C15)
        let b = LatticeNoise(seed: field.seed &+ UInt64(bitPattern: Int64(k + 1)) &* 0x9E37_79B9_7F4A_7C15)
        return (1 - s) * a.fbm(x, y, scale: scale, octaves: 3) + s * b.fbm(x, y, scale: scale, octaves: 3)
    }

    /// Days of drift since the last 1 September (the epoch the drifting features restart from).
    var driftDays: Double {
        let doy = Double(date.dayOfYear)
        return (doy - 244 + 365).truncatingRemainder(dividingBy: 365)
    }

    /// Ice drift at EPSG:3413 (x, y) metres, km/day eastward along x and northward along y (see `drift`).
    public func driftVelocity(x: Double, y: Double) -> (u: Double, v: Double) {
        let d = drift(x / 1000, y / 1000)
        return (d.0, d.1)
    }

    /// Ice drift at (x, y) km, km/day: transpolar drift from the Laptev Sea to Fram Strait (4 km/day),
    /// the anticyclonic Beaufort gyre (up to 3 km/day at 600 km from its centre) and 1.5 km/day of noise.
    func drift(_ x: Double, _ y: Double) -> (Double, Double) {
        let dx = fram.x / 1000 - laptev.x / 1000, dy = fram.y / 1000 - laptev.y / 1000
        let len = (dx * dx + dy * dy).squareRoot()
        var u = 4 * dx / len, v = 4 * dy / len
        let gx = x - gyre.x / 1000, gy = y - gyre.y / 1000
        let r = (gx * gx + gy * gy).squareRoot()
        if r > 1 {
            let speed = 3 * (r / 600) * exp(1 - r / 600)
            u += speed * gy / r; v -= speed * gx / r  // clockwise seen from above the pole
        }
        u += 1.5 * driftNoise.fbm(x, y, scale: 800, octaves: 2)
        v += 1.5 * driftNoise.fbm(x + 5000, y, scale: 800, octaves: 2)
        return (u, v)
    }
}
