import Foundation
import SeaIceCore

/// The three-channel 0–255 input of the sea-ice-cover U-Nets (Wang & Li 2021, seed 002, §3.3;
/// `../shared/specs/seaice-cover.md`), from calibrated, noise-removed σ⁰ (linear units):
///
/// - **R**: σ⁰_HV, linear, stretched 0–255 between the `hvTail` and `1 − hvTail` quantiles of the scene's
///   valid pixels (2 % in the paper, 5 % where unmasked land corrupts the stretch);
/// - **G**: the polarisation *difference*, clipped to `differenceDB` ([−2, 3.5] dB) then stretched 0–255;
/// - **B**: the polarisation *ratio* HH/HV in dB, 10·log10(σ⁰_HH/σ⁰_HV), clipped to `ratioDB` ([2, 7] dB)
///   then stretched 0–255.
///
/// **The difference in dB.** The paper converts "HH − HV" "into decibel units" and clips it to [−2, 3.5] dB.
/// The dB values of HH and HV subtracted would be the ratio again, and 10·log10(σ⁰_HH − σ⁰_HV) of calibrated σ⁰
/// lies near −15…−25 dB, far outside the thresholds, which the paper says hold about 95 % of the values. This
/// implementation takes the difference relative to HV, 10·log10((σ⁰_HH − σ⁰_HV)/σ⁰_HV) = 10·log10(ratio − 1):
/// unit-free (independent of calibration scaling), and its [−2, 3.5] dB window corresponds to ratios of
/// 2.1–5.1 dB, inside the ratio channel's [2, 7] dB, as the paper's two windows suggest. Where HH ≤ HV the
/// difference is below any threshold and clips to 0. The thresholds are configurable.
///
/// Pixels where either polarisation is not finite or not positive are invalid: (0, 0, 0), and `valid` false.
public struct CoverComposite: Sendable, Equatable {
    /// Channel values, pixel-interleaved R, G, B (row-major, `count` × 3).
    public var rgb: [UInt8]
    /// Whether each pixel had finite, positive HH and HV.
    public var valid: [Bool]
    /// σ⁰_HV (linear) mapped to 0 and 255 by the stretch of this scene.
    public var hvLow: Double, hvHigh: Double

    /// A composite from its parts (`CoverCompositeConfiguration.composite` makes them from σ⁰).
    public init(rgb: [UInt8], valid: [Bool], hvLow: Double, hvHigh: Double) {
        self.rgb = rgb; self.valid = valid; self.hvLow = hvLow; self.hvHigh = hvHigh
    }
}

/// Thresholds of `CoverComposite` (JSON keys as the property names).
public struct CoverCompositeConfiguration: Codable, Sendable, Equatable {
    /// Share of the valid HV values discarded at each end before the linear stretch (0 ≤ tail < 0.5).
    public var hvTail = 0.02
    /// Window of the polarisation difference, dB.
    public var differenceDB: [Double] = [-2, 3.5]
    /// Window of the polarisation ratio HH/HV, dB.
    public var ratioDB: [Double] = [2, 7]

    /// The paper's thresholds.
    public init() {}

    /// - Throws: `SeaIceError.configuration` naming the key when a tail or a window is out of range.
    public func validate() throws {
        guard hvTail >= 0, hvTail < 0.5 else {
            throw SeaIceError.configuration("hvTail must be in [0, 0.5), got \(hvTail)")
        }
        for (key, w) in [("differenceDB", differenceDB), ("ratioDB", ratioDB)] {
            guard w.count == 2, w[0].isFinite, w[1].isFinite, w[0] < w[1] else {
                throw SeaIceError.configuration("\(key) must be [low, high] dB with low < high, got \(w)")
            }
        }
    }

    /// The composite of `hh` and `hv` (σ⁰, linear, same length, row-major).
    /// - Throws: `SeaIceError.configuration` for invalid thresholds, `SeaIceError.invalidInput` when the
    ///   lengths differ.
    public func composite(hh: [Float], hv: [Float]) throws -> CoverComposite {
        try validate()
        guard hh.count == hv.count else {
            throw SeaIceError.invalidInput(file: "composite input", item: "HH and HV lengths",
                                           expected: "equal, found \(hh.count) and \(hv.count)")
        }
        let valid = zip(hh, hv).map { $0.isFinite && $1.isFinite && $0 > 0 && $1 > 0 }
        let sortedHV = zip(hv, valid).compactMap { $1 ? Double($0) : nil }.sorted()
        var low = 0.0, high = 1.0
        if let first = sortedHV.first {
            let n = sortedHV.count
            low = sortedHV[min(n - 1, Int((hvTail * Double(n)).rounded(.down)))]
            high = sortedHV[max(0, min(n - 1, Int(((1 - hvTail) * Double(n)).rounded(.up)) - 1))]
            if high <= low { low = first; high = sortedHV[n - 1] }
        }
        func stretch(_ v: Double, _ a: Double, _ b: Double) -> UInt8 {
            guard b > a else { return 0 }
            return UInt8((min(max((v - a) / (b - a), 0), 1) * 255).rounded())
        }
        var rgb = [UInt8](repeating: 0, count: hh.count * 3)
        for k in hh.indices where valid[k] {
            let h = Double(hh[k]), v = Double(hv[k])
            let ratio = h / v
            let difference = ratio > 1 ? 10 * log10(ratio - 1) : -Double.infinity
            rgb[3 * k] = stretch(v, low, high)
            rgb[3 * k + 1] = stretch(difference, differenceDB[0], differenceDB[1])
            rgb[3 * k + 2] = stretch(10 * log10(ratio), ratioDB[0], ratioDB[1])
        }
        return CoverComposite(rgb: rgb, valid: valid, hvLow: low, hvHigh: high)
    }
}
