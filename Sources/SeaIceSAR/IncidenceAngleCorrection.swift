/// Incidence-angle normalisation of backscatter in dB: dB' = dB − s·(θ − θ_ref).
///
/// Fixed slopes are NERSC's (−0.2 dB/° HH/VV, −0.025 dB/° HV/VH, θ_ref = 34.5°); a per-scene
/// slope is the least-squares fit of dB against an angle over valid sea pixels (seed 002 fits HH
/// against the elevation angle). The same formula serves either angle.
public enum IncidenceAngleCorrection {
    /// NERSC's fixed slope for `pol`, dB per degree.
    public static func nerscSlope(_ pol: Polarisation) -> Double { pol.isCrossPolarised ? -0.025 : -0.2 }

    /// The least-squares slope of `db` against the angle `incidence` (degrees; incidence or elevation) over pixels where `include` is true and both are finite;
    /// nil when fewer than 100 pixels or no spread of angles.
    public static func fitSlope(db: [Float], incidence: [Float], include: (Int) -> Bool) -> Double? {
        precondition(db.count == incidence.count, "\(db.count) dB values for \(incidence.count) angles")
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
        for i in db.indices where include(i) && db[i].isFinite && incidence[i].isFinite {
            let x = Double(incidence[i]), y = Double(db[i])
            n += 1; sx += x; sy += y; sxx += x * x; sxy += x * y
        }
        let den = n * sxx - sx * sx
        guard n >= 100, den > 1e-9 * n * n else { return nil }
        return (n * sxy - sx * sy) / den
    }

    /// Applies dB' = dB − slope·(θ − reference) in place.
    public static func apply(db: inout [Float], incidence: [Float], slope: Double, reference: Double) {
        precondition(db.count == incidence.count, "\(db.count) dB values for \(incidence.count) angles")
        let s = Float(slope), r = Float(reference)
        for i in db.indices { db[i] -= s * (incidence[i] - r) }
    }
}
