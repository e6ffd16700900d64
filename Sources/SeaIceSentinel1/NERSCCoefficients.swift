import Foundation
import Logging
import SeaIceCore

/// NERSC thermal-noise coefficients per sub-swath: noise scaling (NS) and power balancing (PB).
///
/// From NERSC's sentinel1denoised `denoising_parameters.json` (Park et al. 2018, IEEE TGRS 56(3);
/// Korosov et al. 2022): keys `<S1A|S1B>_<EW_GRDM|IW_GRDH>_<HV|VH>_<NS|PB>_<IPF with one decimal>`,
/// each a map sub-swath → coefficient. NESZ' = NESZ · NS[swath] + PB[swath] (σ⁰ units).
public struct NERSCCoefficients: Sendable, Equatable {
    /// Noise scaling per sub-swath ("EW1" … "EW5", "IW1" … "IW3"), dimensionless.
    public var noiseScaling: [String: Double]
    /// Power balancing per sub-swath, linear σ⁰ units (added to the scaled NESZ).
    public var powerBalancing: [String: Double]
    /// The IPF version whose coefficients were used (may differ from the product's: nearest available).
    public var ipfUsed: Double
    /// The product's IPF version (rounded to one decimal as the reference's keys are).
    public var ipfRequested: Double

    /// The coefficient table of a parameters file: every key parsed once.
    public struct Table: Sendable {
        /// key prefix ("S1A_EW_GRDM_HV") → IPF → (NS, PB).
        var entries: [String: [Double: (ns: [String: Double], pb: [String: Double])]] = [:]
        /// The file it came from.
        public let file: String

        /// Loads `denoising_parameters.json` (or any file of that layout).
        /// - Throws: `SeaIceError.invalidInput` naming the file when it is not a JSON object of that layout.
        public init(url: URL) throws {
            file = url.path
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw SeaIceError.io(file: url.path, message: "cannot read: \(error.localizedDescription)") }
            guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw SeaIceError.invalidInput(file: url.path, item: "document", expected: "a JSON object of coefficient sets")
            }
            var ns: [String: [Double: [String: Double]]] = [:], pb: [String: [Double: [String: Double]]] = [:]
            for (key, value) in obj {
                let parts = key.split(separator: "_")
                guard parts.count == 6, let ipf = Double(parts[5]), parts[4] == "NS" || parts[4] == "PB" else { continue }
                guard let map = value as? [String: Any] else { continue }
                var swaths: [String: Double] = [:]
                for (s, v) in map { if let d = (v as? NSNumber)?.doubleValue { swaths[s] = d } }
                let prefix = parts[0...3].joined(separator: "_")
                if parts[4] == "NS" { ns[prefix, default: [:]][ipf] = swaths } else { pb[prefix, default: [:]][ipf] = swaths }
            }
            for (prefix, byIPF) in ns {
                for (ipf, n) in byIPF {
                    guard let p = pb[prefix]?[ipf] else { continue }
                    entries[prefix, default: [:]][ipf] = (n, p)
                }
            }
            if entries.isEmpty {
                throw SeaIceError.invalidInput(file: url.path, item: "keys", expected: "<mission>_<mode>_<pol>_{NS,PB}_<ipf> coefficient sets")
            }
        }

        /// The IPF versions that have both NS and PB for `mission`/`mode`/`pol`, ascending.
        public func versions(mission: String, mode: AcquisitionMode, polarisation: Polarisation) -> [Double] {
            (entries[Self.prefix(mission, mode, polarisation)] ?? [:]).keys.sorted()
        }

        static func prefix(_ mission: String, _ mode: AcquisitionMode, _ pol: Polarisation) -> String {
            "\(mission)_\(mode == .ew ? "EW_GRDM" : "IW_GRDH")_\(pol.rawValue)"
        }

        /// The coefficients for a product; when its IPF version (one decimal) has none, those of the nearest
        /// version (the newer on a tie), with ONE warning through `logger`. Nil when the channel has no coefficients
        /// at all (co-polarised channels: NERSC fitted cross-polarised noise only).
        public func coefficients(mission: String, mode: AcquisitionMode, polarisation: Polarisation, ipf: Double,
                                 logger: Logger) -> NERSCCoefficients? {
            guard let byIPF = entries[Self.prefix(mission, mode, polarisation)], !byIPF.isEmpty else { return nil }
            let wanted = (ipf * 10).rounded() / 10
            let best = byIPF.keys.min { a, b in
                let da = abs(a - wanted), db = abs(b - wanted)
                return da != db ? da < db : a > b
            }!
            if abs(best - wanted) > 1e-9 {
                logger.warning("no NERSC noise coefficients for IPF \(String(format: "%.1f", wanted)) in \(file); using the nearest version, \(String(format: "%.1f", best))",
                               metadata: ["mission": "\(mission)", "mode": "\(mode.rawValue)", "polarisation": "\(polarisation.rawValue)"])
            }
            let e = byIPF[best]!
            return NERSCCoefficients(noiseScaling: e.ns, powerBalancing: e.pb, ipfUsed: best, ipfRequested: wanted)
        }
    }
}
