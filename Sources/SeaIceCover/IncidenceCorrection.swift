import Foundation
import SeaIceCore

/// The HH incidence-angle correction of the sea-ice-cover preprocessing (Wang & Li 2021, §3.2;
/// `../shared/specs/seaice-cover.md`): an ordinary least-squares line of HH (dB) against the incidence angle
/// (degrees), fitted per scene over its valid sea pixels, removed relative to a reference angle:
/// HH′ = HH − slope·(θ − θ_ref). The slope over sea ice and water in EW scenes is about −0.2…−0.3 dB/° (Mäkynen &
/// Karvonen 2017); the paper regresses on the elevation angle, which differs from the incidence angle by the
/// Earth's curvature only (monotonic across the swath, same line shape), so the incidence angle is used.
public struct IncidenceCorrection: Codable, Sendable, Equatable {
    /// dB per degree.
    public var slope: Double
    /// HH (dB) of the fitted line at 0°.
    public var intercept: Double
    /// The reference angle the corrected HH is brought to, degrees.
    public var referenceDegrees: Double
    /// Pixels the line was fitted on, and its coefficient of determination.
    public var count: Int, rSquared: Double

    /// Fits HH (dB) against θ (degrees) over pixels where both are finite and `use` (if given) is true;
    /// `referenceDegrees` nil takes the mean angle of those pixels (the scene's mean level is kept).
    /// - Throws: `SeaIceError.invalidInput` naming `source` when the lengths differ or fewer than 2 distinct
    ///   angles are usable.
    public static func fit(hhDB: [Float], incidence: [Float], use: [Bool]? = nil, referenceDegrees: Double? = nil,
                           source: String = "incidence correction") throws -> IncidenceCorrection
    {
        guard hhDB.count == incidence.count, use.map({ $0.count == hhDB.count }) ?? true else {
            throw SeaIceError.invalidInput(file: source, item: "HH, incidence and mask lengths",
                                           expected: "equal, found \(hhDB.count), \(incidence.count), \(use?.count ?? hhDB.count)")
        }
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0, syy = 0.0
        for k in hhDB.indices where hhDB[k].isFinite && incidence[k].isFinite && (use?[k] ?? true) {
            let x = Double(incidence[k]), y = Double(hhDB[k])
            n += 1; sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y
        }
        let vx = sxx - sx * sx / max(n, 1), vy = syy - sy * sy / max(n, 1), cxy = sxy - sx * sy / max(n, 1)
        guard n >= 2, vx > 1e-9 * max(1, sxx) else {
            throw SeaIceError.invalidInput(file: source, item: "sea pixels with finite HH for the HH incidence regression",
                                           expected: "at least 2 with different incidence angles, found \(Int(n))")
        }
        let slope = cxy / vx
        return IncidenceCorrection(slope: slope, intercept: (sy - slope * sx) / n, referenceDegrees: referenceDegrees ?? sx / n,
                                   count: Int(n), rSquared: vy > 0 ? cxy * cxy / (vx * vy) : 1)
    }

    /// HH (dB) brought to the reference angle; non-finite values stay as they are.
    public func apply(hhDB: [Float], incidence: [Float]) -> [Float] {
        zip(hhDB, incidence).map { h, t in h.isFinite && t.isFinite ? h - Float(slope * (Double(t) - referenceDegrees)) : h }
    }
}
