import Foundation
import SeaIceAuxiliary
import SeaIcePassiveMicrowave

/// What an algorithm says about one cell.
public struct PMRetrieval: Sendable, Equatable {
    /// What happened.
    public enum Status: Sendable, Equatable {
        /// A concentration was retrieved.
        case nominal
        /// A weather filter set the concentration to 0 (open water under weather).
        case weatherFiltered
        /// The algorithm could not retrieve (degenerate tie points, non-finite intermediate values).
        case failed
    }
    /// Total ice concentration, fraction 0…1 (NaN when `status` is `.failed`).
    public var concentration: Double
    /// One standard uncertainty of `concentration`, fraction; NaN when the algorithm gives none.
    public var uncertainty: Double
    /// What happened.
    public var status: Status

    /// A retrieval.
    public init(concentration: Double, uncertainty: Double, status: Status) {
        self.concentration = concentration
        self.uncertainty = uncertainty
        self.status = status
    }
}

/// The seam between the daily product and a concentration algorithm: per-cell brightness temperatures
/// (K, keyed by channel; only `requiredChannels` are passed, all finite and inside 50…350 K) → concentration,
/// uncertainty and status. Any algorithm (NASA Team here; ASI, hybrids, weather-filtered variants in
/// SeaIcePassiveMicrowave) plugs in by conforming, or through `ClosureConcentrationAlgorithm`.
public protocol ConcentrationAlgorithm: Sendable {
    /// Short name written to the product (`algorithm` global, `source`), e.g. "NASA Team".
    var name: String { get }
    /// The channels `retrieve` reads; a day without one of them is refused, listing them.
    var requiredChannels: [AMSR2Reader.Channel] { get }
    /// Where the algorithm, its tie points and its uncertainty come from (product `references`/`comment`).
    var documentation: String { get }
    /// The retrieval for one cell.
    func retrieve(_ tb: [AMSR2Reader.Channel: Double]) -> PMRetrieval
}

/// Any algorithm given as a closure.
public struct ClosureConcentrationAlgorithm: ConcentrationAlgorithm {
    public let name: String
    public let requiredChannels: [AMSR2Reader.Channel]
    public let documentation: String
    let body: @Sendable ([AMSR2Reader.Channel: Double]) -> PMRetrieval

    /// An algorithm named `name` reading `requiredChannels` through `retrieve`.
    public init(name: String, requiredChannels: [AMSR2Reader.Channel], documentation: String,
                retrieve: @escaping @Sendable ([AMSR2Reader.Channel: Double]) -> PMRetrieval) {
        self.name = name
        self.requiredChannels = requiredChannels
        self.documentation = documentation
        body = retrieve
    }

    public func retrieve(_ tb: [AMSR2Reader.Channel: Double]) -> PMRetrieval { body(tb) }
}

extension AMSR2Reader.Channel {
    /// The channel at `frequency` GHz (as JAXA writes it, "18.7") and `polarisation` ("H"/"V").
    public static func amsr2(_ frequency: String, _ polarisation: String) -> AMSR2Reader.Channel {
        guard let c = AMSR2Reader.channels.first(where: { $0.frequency == frequency && $0.polarisation == polarisation }) else {
            preconditionFailure("no AMSR2 channel \(frequency) GHz \(polarisation)")
        }
        return c
    }
}

/// NASA Team (SeaIcePassiveMicrowave's `NASATeam`, no weather filter) behind the seam.
///
/// Uncertainty: radiometric noise only, the AMSR2 NEΔT (`noise`, default 0.7 K for 18.7 and 36.5 GHz, JAXA's
/// AMSR2 instrument specification) propagated through the NT equations by central differences
/// (σ_C² = Σᵢ (∂C/∂TBᵢ · NEΔTᵢ)², on the unclamped total); tie-point spread and smearing are not included:
/// the uncertainty-aware algorithms of SeaIcePassiveMicrowave replace this through the same seam.
public struct NASATeamAlgorithm: ConcentrationAlgorithm {
    /// The NT retrieval and its tie points.
    public var nasaTeam: NASATeam
    /// NEΔT of each channel, K.
    public var noise: Double

    /// NT with `tiePoints` (default AMSR2 NH, NSIDC-0802) and NEΔT `noise` K.
    public init(tiePoints: NASATeamTiePoints = .amsr2NorthernHemisphere, noise: Double = 0.7) {
        nasaTeam = NASATeam(tiePoints: tiePoints)
        self.noise = noise
    }

    public var name: String { "NASA Team" }
    public var requiredChannels: [AMSR2Reader.Channel] { [.amsr2("18.7", "H"), .amsr2("18.7", "V"), .amsr2("36.5", "V")] }
    public var documentation: String {
        "NASA Team (Cavalieri, Gloersen and Campbell 1984, JGR 89(D4)) with the NSIDC-0802 AMSR2 Northern-Hemisphere "
            + "tie points, no weather filter; total_standard_uncertainty: NEΔT \(noise) K per channel propagated by "
            + "central differences (radiometric part only, tie-point spread not included)"
    }

    public func retrieve(_ tb: [AMSR2Reader.Channel: Double]) -> PMRetrieval {
        let c = requiredChannels.map { tb[$0] ?? .nan }
        func total(_ t: [Double]) -> Double? {
            nasaTeam.concentrations(NASATeamChannels(h19: t[0], v19: t[1], v37: t[2])).map { $0.firstYear + $0.multiYear }
        }
        guard let raw = total(c), raw.isFinite else { return PMRetrieval(concentration: .nan, uncertainty: .nan, status: .failed) }
        var variance = 0.0
        let h = 0.5
        for i in 0..<3 {
            var up = c, down = c
            up[i] += h
            down[i] -= h
            guard let a = total(up), let b = total(down) else { continue }
            let derivative = (a - b) / (2 * h)
            variance += derivative * derivative * noise * noise
        }
        return PMRetrieval(concentration: min(max(raw, 0), 1), uncertainty: variance.squareRoot(), status: .nominal)
    }
}
