import Foundation
import SeaIceAuxiliary
import SeaIceCore
import SeaIcePassiveMicrowave

/// What the daily product runs in every observed ocean cell: one of SeaIcePassiveMicrowave's
/// `ConcentrationAlgorithm`s (NASA Team, ASI, the CCI hybrids), optionally behind a `WeatherFilter`,
/// with the text the product's `source`/`comment` carries.
///
/// Uncertainty is the algorithm's `TiePointSpread` propagated to the retrieved concentration,
/// σ(C) = √((1 − C)²σ_ow² + C²σ_ice²) (the CCI approach; σ_ow/σ_ice measured on the real RRDP
/// training half for NASA Team and ASI, from the tie-point files for CCI). Radiometric noise and
/// footprint smearing are not included.
public struct PMRetrievalMethod: Sendable {
    /// The concentration algorithm.
    public var algorithm: any ConcentrationAlgorithm
    /// The weather filter, or nil for none.
    public var filter: WeatherFilter?

    /// `algorithm` behind `filter`.
    public init(algorithm: any ConcentrationAlgorithm, filter: WeatherFilter? = nil) {
        self.algorithm = algorithm
        self.filter = filter
    }

    /// The channels the algorithm and the filter read, without repeats, algorithm first.
    public var requiredChannels: [AMSR2Reader.Channel] {
        var seen = Set<AMSR2Reader.Channel>()
        return (algorithm.requiredChannels + (filter?.requiredChannels ?? [])).filter { seen.insert($0).inserted }
    }

    /// Short name for logs and the product's `algorithm` attribute, e.g. "nasa-team + nt-filter".
    public var name: String { algorithm.name + (filter.map { " + \($0.name)" } ?? "") }

    /// Where the algorithm, filter and uncertainty come from (product `source`).
    public var documentation: String {
        let algorithmText: String
        switch algorithm {
        case let nt as NASATeam:
            algorithmText = "NASA Team (Cavalieri, Gloersen and Campbell 1984, JGR 89(D4)); tie points "
                + (nt.name == "nasa-team" ? "NSIDC-0802 AMSR2 Northern Hemisphere" : "\(nt.name)")
        case is ASI:
            algorithmText = "ASI 89 GHz polarisation difference (Spreen, Kaleschke and Heygster 2008, JGR 113), P0 47 K, P1 11.7 K"
        default:
            algorithmText = algorithm.name
        }
        let filterText = filter.map { f in
            "weather filter \(f.name): \(f.description) → 0 %"
        } ?? "no weather filter"
        return "\(algorithmText); \(filterText); total_standard_uncertainty: tie-point spread propagated, "
            + "sqrt((1-C)^2 sd_ow^2 + C^2 sd_ice^2) (sd_ow \(pct(algorithm.spread.openWater)), sd_ice \(pct(algorithm.spread.ice)))"
    }

    private func pct(_ v: Double) -> String { String(format: "%.2f %%", v * 100) }

    /// The named choices of `seaice pm concentration --algorithm`.
    public enum Algorithm: String, Sendable, CaseIterable, Codable {
        case nasaTeam = "nasa-team", asi
    }

    /// The named choices of `--filter`.
    public enum Filter: String, Sendable, CaseIterable, Codable {
        case none, nasaTeam = "nasa-team", asi, gr8919

        /// The filter, nil for `.none`.
        public var weatherFilter: WeatherFilter? {
            switch self {
            case .none: nil
            case .nasaTeam: .nasaTeam
            case .asi: .asi
            case .gr8919: .gr8919()
            }
        }
    }

    /// A method from the named choices (algorithms with their default tie points and RRDP spreads).
    public static func named(_ algorithm: Algorithm, filter: Filter) -> PMRetrievalMethod {
        let a: any ConcentrationAlgorithm = switch algorithm {
        case .nasaTeam: NASATeam()
        case .asi: ASI()
        }
        return PMRetrievalMethod(algorithm: a, filter: filter.weatherFilter)
    }
}
