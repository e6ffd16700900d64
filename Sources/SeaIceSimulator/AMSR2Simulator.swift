import SeaIceCore

/// AMSR2 brightness temperatures on the 2 km grid from real signatures mixed by concentration.
///
/// TB(ch) = C_FY·TB_FY(ch) + C_MY·TB_MY(ch) + C_W·TB_W(ch) + C_L·TB_L(ch) per cell, with the
/// first-year, multi-year and open-water vectors of real RRDP points (`MicrowaveSignatures`)
/// and land as a grey body (emissivity 0.90 H / 0.95 V at the skin temperature); then each
/// channel is smoothed to its footprint (Gaussian, FWHM = footprint) and radiometer noise
/// (NEΔT ≈ 0.5 K) is added. This is the linear mixing model behind NASA Team and Bristol.
public enum AMSR2Simulator {
    /// Surface fractions of each 2 km cell (row-major, sums to 1 per cell).
    public struct CellFractions: Sendable {
        /// First-year (and younger) ice, multi-year (old) ice, open water and land fractions.
        public var firstYear: [Double], multiYear: [Double], water: [Double], land: [Double]

        /// Total sea-ice concentration of each cell, 0…1 of the sea area (NaN for all-land cells).
        public var iceConcentration: [Double] {
            (0..<water.count).map { k in
                let sea = 1 - land[k]
                return sea > 1e-9 ? (firstYear[k] + multiYear[k]) / sea : .nan
            }
        }
    }

    /// Per-channel fields (channel-major: [channel][cell]), K.
    public static func simulate(grid: CoarseGrid, fractions f: CellFractions, skinTemperature skt: [Double],
                                firstYear: MicrowavePoint, multiYear: MicrowavePoint, water: MicrowavePoint,
                                noiseK: Double = 0.5, generator g: inout SeededGenerator) -> [[Double]] {
        var out: [[Double]] = []
        for ch in AMSR2Channel.allCases {
            let emissivity = ch.rawValue % 2 == 0 ? 0.90 : 0.95
            var field = [Double](repeating: 0, count: grid.lines * grid.samples)
            for k in field.indices {
                field[k] = f.firstYear[k] * firstYear.tb[ch.rawValue] + f.multiYear[k] * multiYear.tb[ch.rawValue]
                    + f.water[k] * water.tb[ch.rawValue] + f.land[k] * emissivity * skt[k]
            }
            let (across, along) = ch.footprintKm
            let fwhmToSigma = 1 / 2.354_820
            field = grid.gaussian(field, sigmaLineKm: along * fwhmToSigma, sigmaSampleKm: across * fwhmToSigma)
            for k in field.indices { field[k] += noiseK * g.nextGaussian() }
            out.append(field)
        }
        return out
    }
}
