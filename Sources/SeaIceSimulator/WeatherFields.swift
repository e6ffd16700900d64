import SeaIceCore

/// ERA5-like weather on the 2 km grid: smooth random fields around a real RRDP/ERA5 point of
/// the scene's season.
///
/// Winds are rotated to the SAR geometry (u along samples, v along lines), as AI4Arctic's
/// `u10m_rotated` / `v10m_rotated`. Skin temperature is that of the real ice point over ice and
/// the freezing point of sea water (271.35 K) over open water; 2 m air temperature warms over
/// water by half the difference. Water vapour and cloud liquid water vary by ±25 % / ±50 %.
public struct WeatherFields: Sendable {
    /// 10 m wind along samples and along lines, m/s (row-major cells).
    public var u10: [Double], v10: [Double]
    /// 2 m air temperature and skin temperature, K.
    public var t2m: [Double], skt: [Double]
    /// Total column water vapour and cloud liquid water, kg/m².
    public var tcwv: [Double], tclw: [Double]

    /// Wind speed of each cell, m/s.
    public var windSpeed: [Double] { zip(u10, v10).map { ($0 * $0 + $1 * $1).squareRoot() } }

    /// Winds only (the surface is not known yet): mean vector of `base` plus a 150 km-scale
    /// perturbation of `windVariability` m/s.
    public init(grid: CoarseGrid, base: MicrowavePoint, windVariability: Double = 2.5, generator g: inout SeededGenerator) {
        let nu = LatticeNoise(&g), nv = LatticeNoise(&g)
        var u = [Double](repeating: 0, count: grid.lines * grid.samples), v = u
        for y in 0..<grid.lines {
            for x in 0..<grid.samples {
                let xk = Double(x) * grid.cellKm, yk = Double(y) * grid.cellKm
                u[y * grid.samples + x] = base.u10 + windVariability * nu.fbm(xk, yk, scale: 150, octaves: 3)
                v[y * grid.samples + x] = base.v10 + windVariability * nv.fbm(xk, yk, scale: 150, octaves: 3)
            }
        }
        u10 = u; v10 = v
        t2m = []; skt = []; tcwv = []; tclw = []
    }

    /// Fills temperatures and moisture once the open-water fraction of every cell is known.
    public mutating func completeThermodynamics(grid: CoarseGrid, base: MicrowavePoint, waterFraction: [Double], generator g: inout SeededGenerator) {
        let nt = LatticeNoise(&g), nw = LatticeNoise(&g), nl = LatticeNoise(&g)
        let n = grid.lines * grid.samples
        t2m = [Double](repeating: 0, count: n); skt = t2m; tcwv = t2m; tclw = t2m
        let freezing = 271.35
        for y in 0..<grid.lines {
            for x in 0..<grid.samples {
                let k = y * grid.samples + x
                let xk = Double(x) * grid.cellKm, yk = Double(y) * grid.cellKm
                let w = waterFraction[k]
                let iceSkin = base.skt + 1.5 * nt.fbm(xk, yk, scale: 200, octaves: 3)
                skt[k] = (1 - w) * iceSkin + w * max(freezing, iceSkin)
                t2m[k] = base.t2m + 1.5 * nt.fbm(xk + 500, yk, scale: 200, octaves: 3) + 0.5 * w * max(0, freezing - base.t2m)
                tcwv[k] = max(0.1, base.tcwv * (1 + 0.25 * nw.fbm(xk, yk, scale: 250, octaves: 3)))
                tclw[k] = max(0, base.tclw + max(base.tclw, 0.02) * 0.5 * nl.fbm(xk, yk, scale: 100, octaves: 3))
            }
        }
    }
}
