import SeaIceCore

/// Draws floes of each partial ice type inside a chart polygon.
///
/// For the types A, B, C of an egg code (area fractions t₁, t₂, t₃, water t_w), each type has a
/// cellular (Worley) floe field whose cell size is its floe diameter (CIS form code). A pixel
/// belongs to a floe of type i when the cell it falls in is selected with the conditional
/// probability tᵢ / (1 − t₁ − … − tᵢ₋₁) and it is not in the gap between floes; pixels left over
/// are open water (or the thickest type when CT is 10/10). The expected area fractions equal the
/// egg code's, so a polygon labelled "thick FYI" really is a mixture, as real charts are.
/// In close and consolidated pack (CT ≥ 7/10) a network of leads (cell edges of a 25 km cellular
/// field, 0.15–0.65 km wide) cuts through the floes: refrozen (new ice) or open.
public struct FloeField: Sendable {
    let levels: [LatticeNoise]
    let leads: LatticeNoise, leadWidth: LatticeNoise, warp: LatticeNoise
    /// Smallest cell size, km (the simulator uses 3 pixels: finer floes are drawn as small patches).
    public let minimumCellKm: Double

    /// Three independent floe fields keyed from `generator`.
    public init(minimumCellKm: Double, generator g: inout SeededGenerator) {
        levels = (0..<3).map { _ in LatticeNoise(&g) }
        leads = LatticeNoise(&g); leadWidth = LatticeNoise(&g); warp = LatticeNoise(&g)
        self.minimumCellKm = minimumCellKm
    }

    /// Nominal floe diameter of a CIS form code (metres): the middle of the WMO size class.
    /// −9 (no form) → a continuous sheet for new ice and nilas, 1 km otherwise.
    public static func floeDiameter(form: Int, stage: Int) -> Double {
        switch form {
        case 0, 1: return 1
        case 2: return 10
        case 3: return 60
        case 4: return 300
        case 5: return 1200
        case 6: return 5000
        case 7: return 15000
        case 8: return 40000
        case 9, 10: return 40
        default: return stage <= 82 ? 20000 : 1000
        }
    }

    /// The surface at (x, y) km inside `polygon`, and a key (0…1) of the floe it belongs to.
    public func surface(x: Double, y: Double, polygon: SimulatedPolygon) -> (SurfaceKind, Double) {
        let w = warpOffset(x: x, y: y)
        return surface(x: x, y: y, polygon: polygon, warp: w)
    }

    /// The floe-outline warp at (x, y) km (smooth, finest scale 3 km; callers may interpolate it).
    public func warpOffset(x: Double, y: Double) -> (Double, Double) {
        (warp.fbm(x, y, scale: 6, octaves: 2), warp.fbm(x + 777, y - 333, scale: 6, octaves: 2))
    }

    /// `surface(x:y:polygon:)` with the warp already evaluated.
    public func surface(x: Double, y: Double, polygon: SimulatedPolygon, warp: (Double, Double)) -> (SurfaceKind, Double) {
        switch polygon.kind {
        case .land: return (.land, 0.5)
        case .water: return (.water, 0.5)
        case .ice: break
        }
        let parts = polygon.partials
        guard !parts.isEmpty else { return (.water, 0.5) }
        let water = max(0, 1 - parts.reduce(0) { $0 + $1.fraction })
        let gap = 0.25 * water
        // Domain warp: floe outlines and leads become irregular instead of straight Voronoi edges.
        let (wx, wy) = warp
        var remaining = 1.0
        for (i, p) in parts.enumerated() where i < levels.count {
            let cell = max(FloeField.floeDiameter(form: p.form, stage: p.stage) / 1000, minimumCellKm)
            let amp = min(0.35 * cell, 2.0)
            let w = levels[i].worley(x + amp * wx, y + amp * wy, scale: cell)
            let key = Double(w.cell >> 11) * (1.0 / 9_007_199_254_740_992.0)
            let conditional = remaining > 0 ? p.fraction / remaining : 1
            remaining -= p.fraction
            // Selection uses the low bits, the floe key the high bits of the cell hash.
            let select = Double(w.cell & 0xFFFFF) / 1_048_576.0
            let interior = (w.f2 - w.f1) / cell > gap
            if select < conditional / max(1 - gap, 0.5) && interior {
                return lead(x + 2 * wx, y + 2 * wy, water: water) ?? (SurfaceKind(stageCode: p.stage) ?? .thickFirstYear, key)
            }
        }
        if water < 0.01 {
            return lead(x + 2 * wx, y + 2 * wy, water: water) ?? (SurfaceKind(stageCode: parts[0].stage) ?? .thickFirstYear, 0.5)
        }
        return (.water, 0.5)
    }

    /// A lead at (x, y) km in close pack (water fraction ≤ 0.3), or nil.
    func lead(_ x: Double, _ y: Double, water: Double) -> (SurfaceKind, Double)? {
        guard water <= 0.3 else { return nil }
        let w = leads.worley(x, y, scale: 25)
        let width = 0.15 + 0.5 * (0.5 + 0.5 * leadWidth.value(x, y, scale: 15))
        guard w.f2 - w.f1 < width, (w.cell >> 20) & 3 != 0 else { return nil }
        return (w.cell & 0xFF) < 150 ? (.newIce, 0.3) : (.water, 0.5)
    }
}
