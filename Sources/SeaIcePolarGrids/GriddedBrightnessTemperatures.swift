import Foundation
import SeaIceAuxiliary

/// One day of brightness temperatures on an NSIDC polar-stereographic grid (what an NSIDC-0802-style
/// daily gridded file holds, or what gridding a day of swaths gives).
///
/// Values: per channel `grid.count` floats in K, row-major over the grid (row 0 north), NaN = no data.
public struct GriddedBrightnessTemperatures: Sendable {
    /// The grid.
    public var grid: PolarStereographicGrid
    /// The day (00:00 UTC).
    public var day: Date
    /// Brightness temperatures by channel, K.
    public var channels: [AMSR2Reader.Channel: [Float]]
    /// Whether the values come from simulated data.
    public var simulated: Bool
    /// Where the values come from (file names, sensor), for the product's `source`.
    public var source: String

    /// A day of gridded brightness temperatures; every channel must have `grid.count` values.
    public init(grid: PolarStereographicGrid, day: Date, channels: [AMSR2Reader.Channel: [Float]],
                simulated: Bool, source: String) {
        for (c, v) in channels {
            precondition(v.count == grid.count, "\(c.name): \(v.count) values for grid \(grid.width) × \(grid.height)")
        }
        self.grid = grid
        self.day = day
        self.channels = channels
        self.simulated = simulated
        self.source = source
    }
}

extension AMSR2Reader.Channel {
    /// The variable name of NSIDC-0802-style gridded files: `TB_` + the whole GHz as two digits +
    /// polarisation: TB_06H (6.9 GHz), TB_07H (7.3), TB_10H (10.7), TB_18H (18.7), TB_23H (23.8),
    /// TB_36H (36.5), TB_89H (89.0).
    public var gridVariableName: String {
        let whole = Int(Double(frequency) ?? 0)
        return "TB_" + (whole < 10 ? "0\(whole)" : "\(whole)") + polarisation.uppercased()
    }
}
