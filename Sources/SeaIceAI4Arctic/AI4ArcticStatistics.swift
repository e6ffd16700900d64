import Foundation
import SeaIceCore

/// Mean and standard deviation of one input variable (in its physical unit).
public struct MeanStd: Sendable, Hashable, Codable {
    /// Mean μ.
    public let mean: Double
    /// Standard deviation σ (> 0).
    public let std: Double

    /// A mean/std pair.
    public init(mean: Double, std: Double) {
        self.mean = mean
        self.std = std
    }

    /// Standard scaling z = (x − μ) / σ.
    @inlinable public func scale(_ x: Double) -> Double { (x - mean) / std }
}

/// Per-variable standard-scaling statistics: z = (x − μ) / σ.
///
/// `official` holds the challenge's global statistics (astokholm/AI4ArcticSeaIceChallenge
/// `misc/global_meanstd.npy` @ 4d5e3bc, converted to `data/ai4arctic-starterpack/misc/global_meanstd.json`),
/// which the organisers used to scale the ready-to-train inputs. The JSON layout
/// (`{"name": {"mean": μ, "std": σ}, …}`) is also this type's `Codable` form.
public struct AI4ArcticStatistics: Sendable, Hashable, Codable {
    /// Statistics by variable name.
    public let byVariable: [String: MeanStd]

    /// Statistics from an explicit table.
    public init(_ byVariable: [String: MeanStd]) {
        self.byVariable = byVariable
    }

    /// Decodes the `{"name": {"mean": …, "std": …}}` layout.
    public init(from decoder: Decoder) throws {
        byVariable = try decoder.singleValueContainer().decode([String: MeanStd].self)
    }

    /// Encodes the `{"name": {"mean": …, "std": …}}` layout.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(byVariable)
    }

    /// Loads and validates a statistics JSON file (σ must be finite and > 0).
    public static func load(_ url: URL) throws -> AI4ArcticStatistics {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SeaIceError.io(file: url.path, message: "cannot read statistics: \(error.localizedDescription)")
        }
        let stats: AI4ArcticStatistics
        do { stats = try JSONDecoder().decode(AI4ArcticStatistics.self, from: data) } catch {
            throw SeaIceError.invalidInput(file: url.path, item: "statistics",
                                           expected: "a JSON object {\"variable\": {\"mean\": number, \"std\": number}}")
        }
        for (name, s) in stats.byVariable where !(s.std > 0 && s.std.isFinite && s.mean.isFinite) {
            throw SeaIceError.invalidInput(file: url.path, item: name, expected: "a finite mean and std > 0, found \(s.mean), \(s.std)")
        }
        return stats
    }

    /// The statistics of `variable`; throws a configuration error naming it when absent.
    public func stats(for variable: String) throws -> MeanStd {
        guard let s = byVariable[variable] else {
            throw SeaIceError.configuration("no standard-scaling statistics for variable `\(variable)`")
        }
        return s
    }

    /// The challenge's official global statistics (24 ready-to-train inputs).
    public static let official = AI4ArcticStatistics([
        "btemp_10_7h": MeanStd(mean: 153.89169240998876, std: 60.875249835766844),
        "btemp_10_7v": MeanStd(mean: 208.90408657387925, std: 36.24495931413019),
        "btemp_18_7h": MeanStd(mean: 165.6802621430742, std: 52.617873035841676),
        "btemp_18_7v": MeanStd(mean: 218.5868342822609, std: 28.060389755926906),
        "btemp_23_8h": MeanStd(mean: 182.20893715257156, std: 42.88716195392868),
        "btemp_23_8v": MeanStd(mean: 226.39646658494573, std: 22.117582324875166),
        "btemp_36_5h": MeanStd(mean: 185.19472368457747, std: 38.6444384529263),
        "btemp_36_5v": MeanStd(mean: 228.20590185866286, std: 17.652645265307164),
        "btemp_6_9h": MeanStd(mean: 148.8469796145295, std: 61.64846862537627),
        "btemp_6_9v": MeanStd(mean: 203.51944545494723, std: 38.66643206594044),
        "btemp_7_3h": MeanStd(mean: 149.89896504342093, std: 61.67544463178433),
        "btemp_7_3v": MeanStd(mean: 204.20534015176978, std: 38.66622047733582),
        "btemp_89_0h": MeanStd(mean: 212.53745842027274, std: 22.584971395547413),
        "btemp_89_0v": MeanStd(mean: 241.25747874607808, std: 16.31096214404262),
        "distance_map": MeanStd(mean: 23.627669500714102, std: 14.99018630794473),
        "nersc_sar_primary": MeanStd(mean: -14.5082551552228, std: 5.6597459193818676),
        "nersc_sar_secondary": MeanStd(mean: -24.701205147144236, std: 4.746759305258515),
        "sar_incidenceangle": MeanStd(mean: 33.99801788456536, std: 8.322267212079046),
        "skt": MeanStd(mean: 268.91015184833424, std: 10.305256438427369),
        "t2m": MeanStd(mean: 268.6265490976146, std: 9.469170769562306),
        "tclw": MeanStd(mean: 0.041245511364735726, std: 0.07112806794202754),
        "tcwv": MeanStd(mean: 7.747741728107202, std: 5.268575011079001),
        "u10m_rotated": MeanStd(mean: 0.6747986162545088, std: 4.749646758314658),
        "v10m_rotated": MeanStd(mean: 0.6075565949388854, std: 5.196104947581429),
    ])
}
