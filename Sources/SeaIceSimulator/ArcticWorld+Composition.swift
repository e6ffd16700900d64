import Foundation

/// The smooth state of one place: area fractions by `WorldSurfaceClass` (11 values summing to 1) and
/// the drifted coordinates (km) the fine features of the day are drawn at.
public struct WorldComposition: Sendable, Equatable {
    /// Fractions indexed by `WorldSurfaceClass.rawValue`.
    public var fractions: [Double]
    /// Drifted position, km (fine features move with the ice).
    public var driftedX: Double, driftedY: Double

    /// Sea-ice concentration of the ocean part (0…1; 0 where all land).
    public var concentration: Double {
        let ocean = 1 - fractions[10]
        return ocean > 1e-9 ? (ocean - fractions[0]) / ocean : 0
    }

    /// Weighted mix of compositions (weights sum to 1).
    static func mix(_ parts: [(WorldComposition, Double)]) -> WorldComposition {
        var f = [Double](repeating: 0, count: 11), x = 0.0, y = 0.0
        for (c, w) in parts {
            for k in 0..<11 { f[k] += w * c.fractions[k] }
            x += w * c.driftedX; y += w * c.driftedY
        }
        return WorldComposition(fractions: f, driftedX: x, driftedY: y)
    }
}

extension ArcticWorld {
    /// Seasonal shift of the concentration against 1 November (the real map's date): +0.8·(cos… − cos…),
    /// largest in mid-March, most negative in mid-September.
    var seasonalAnomaly: Double {
        func c(_ doy: Double) -> Double { cos(2 * Double.pi * (doy - 70) / 365) }
        return 0.8 * (c(Double(date.dayOfYear)) - c(305))
    }

    /// The composition at EPSG:3413 (x, y) metres.
    public func composition(x: Double, y: Double) -> WorldComposition {
        let xk = x / 1000, yk = y / 1000
        let land = min(max(ArcticBaseMap.sample(base.land, x: x, y: y), 0), 1)
        let c0 = ArcticBaseMap.sample(base.concentration, x: x, y: y)
        let s = ArcticBaseMap.sample(pack, x: x, y: y)
        let t = driftDays, v = drift(xk, yk)
        let qx = xk - v.0 * t, qy = yk - v.1 * t
        let day = Double(date.daysSince2000)
        // Concentration: real map + seasonal edge shift + drifting anomalies.
        let a = seasonalAnomaly
        var conc = 0.0
        if !(c0 < 0.02 && s < 0.05) {
            conc = c0 + a * (a > 0 ? min(1, 2.5 * s) : 1 - 0.5 * s)
            conc += 0.12 * min(1, 4 * s * (1.05 - s)) * Self.timeNoise(anomaly, qx, qy, scale: 120, day: day, period: 6)
            conc = min(max(conc, 0), 1)
        }
        let ocean = 1 - land, ice = ocean * conc
        var f = [Double](repeating: 0, count: 11)
        f[0] = ocean * (1 - conc)
        f[10] = land
        // No ice (open ocean beyond the edge, or all land): the stage shares below would all be zero.
        guard ice > 0 else { return WorldComposition(fractions: f, driftedX: qx, driftedY: qy) }
        // Multi-year share of the ice.
        let dx = x - myiCentre.x, dy = y - myiCentre.y
        let d = (dx * dx + dy * dy).squareRoot() / 1000
        let interior = min(max((s - 0.5) / 0.3, 0), 1)
        let myi = min(max(0.95 * exp(-(d / 1000) * (d / 1000)) + 0.12 * myiNoise.fbm(qx, qy, scale: 300, octaves: 3), 0), 0.97)
            * interior
        let f97 = myi * min(max(1.3 - d / 800, 0), 1), rest = myi - f97
        // First-year thickness from the local freeze-up (Lebedev 1938: h = 1.33·FDD^0.58 cm), younger in the marginal zone.
        let doy = Double(date.dayOfYear)
        let freeze = 258 + 45 * (1 - s) + 8 * freezeNoise.fbm(xk, yk, scale: 400, octaves: 2)
        let meltStart = 140.0
        var tau = (doy - freeze + 365).truncatingRemainder(dividingBy: 365)
        let growthDays = meltStart + 365 - freeze
        var h: Double
        if tau <= growthDays {
            // Young ice of the advancing marginal zone: the thinner, the lower the concentration.
            h = 1.33 * pow(22 * max(tau, 0.5), 0.58) * (0.12 + 0.88 * conc * conc)
        } else {
            tau = growthDays
            h = max(40, 1.33 * pow(22 * tau, 0.58) - 1.2 * (doy - meltStart))
        }
        let sigma = 0.5 + 0.1 * freezeNoise.value(xk + 900, yk, scale: 200)
        func cdf(_ cm: Double) -> Double { 0.5 * (1 + erf((log(cm) - log(h)) / (sigma * 2.0.squareRoot()))) }
        var fy = [Double](repeating: 0, count: 6)
        var previous = 0.0
        for (i, stage) in WorldSurfaceClass.stages.prefix(6).enumerated() {
            let upper = i == 5 ? 1.0 : cdf(stage.thicknessCm!.upperBound)
            fy[i] = upper - previous
            previous = upper
        }
        for i in 0..<6 { f[1 + i] = ice * (1 - myi) * fy[i] }
        f[7] = ice * 0.35 * rest; f[8] = ice * 0.65 * rest; f[9] = ice * f97
        return WorldComposition(fractions: f, driftedX: qx, driftedY: qy)
    }

    /// Whether the freezing season is on (October–May: open leads refreeze to new ice).
    var freezing: Bool { date.month >= 10 || date.month <= 5 }

    /// The surface class at EPSG:3413 (x, y) metres given the composition there, and a key (0…1) of
    /// the floe it belongs to. `minimumFloe` (m) is the smallest floe drawn (about 3 pixels).
    public func surfaceClass(x: Double, y: Double, composition c: WorldComposition, minimumFloe: Double)
        -> (WorldSurfaceClass, Double)
    {
        let f = c.fractions
        let xk = x / 1000, yk = y / 1000
        // Fractal coastline on the 25 km land fraction.
        if f[10] > 0.02 && f[10] + 0.35 * coast.fbm(xk, yk, scale: 40, octaves: 5) > 0.5 { return (.land, 0.5) }
        let ocean = max(1 - f[10], 1e-9)
        let water = min(max(f[0] / ocean, 0), 1)
        let conc = 1 - water
        // No stage reaches the 0.3 % share a floe needs (open ocean): water, without drawing anything.
        guard (1...9).contains(where: { f[$0] / ocean > 0.003 }) || water <= 0.25 else { return (.water, 0.5) }
        let qx = c.driftedX, qy = c.driftedY
        let wx = warp.fbm(qx, qy, scale: 6, octaves: 2), wy = warp.fbm(qx + 777, qy - 333, scale: 6, octaves: 2)
        // Leads in close pack.
        if water <= 0.25 {
            let w = leads.worley(qx + 2 * wx, qy + 2 * wy, scale: 25)
            let width = 0.1 + 0.4 * (0.5 + 0.5 * leadWidth.value(qx, qy, scale: 15))
            if w.f2 - w.f1 < width * (1.2 - water * 4), (w.cell >> 20) & 3 != 0 {
                return freezing && (w.cell & 0xFF) < 160 ? (.newIce, 0.3) : (.water, 0.5)
            }
        }
        // Floes, thickest stage first, each selected with its conditional probability.
        let gap = 0.25 * water
        let miz = 0.15 + 0.85 * conc * conc
        var remaining = 1.0, thickest: WorldSurfaceClass?
        for k in stride(from: 9, through: 1, by: -1) {
            let share = f[k] / ocean
            guard share > 0.003 else { continue }
            let stage = WorldSurfaceClass(rawValue: UInt8(k))!
            if thickest == nil { thickest = stage }
            let cell = max(stage.floeDiameter * miz, minimumFloe) / 1000
            let amp = min(0.35 * cell, 2.0)
            let w = stageFloes[k - 1].worley(qx + amp * wx, qy + amp * wy, scale: cell)
            let conditional = remaining > 0 ? share / remaining : 1
            remaining -= share
            let select = Double(w.cell & 0xFFFFF) / 1_048_576.0
            let interior = (w.f2 - w.f1) / cell > gap
            if select < conditional / max(1 - gap, 0.5) && interior {
                return (stage, Double(w.cell >> 11) * (1.0 / 9_007_199_254_740_992.0))
            }
        }
        if water < 0.01, let t = thickest { return (t, 0.5) }
        return (.water, 0.5)
    }
}
