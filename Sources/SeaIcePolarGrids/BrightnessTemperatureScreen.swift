import Foundation
import SeaIceAuxiliary

/// Masks brightness temperatures outside the physical range and counts what it masked, per channel:
/// values below 50 K or above 350 K (no natural surface is outside; these are decoding errors, sun glint
/// spikes or fill codes not declared as such) and fills (NaN, non-finite) become NaN and are never turned
/// into concentration.
public struct BrightnessTemperatureScreen: Sendable, Equatable {
    /// The physical range, K.
    public static let physicalRange: ClosedRange<Float> = 50...350

    /// What one channel lost.
    public struct Counts: Sendable, Equatable, Codable {
        /// Values screened.
        public var total = 0
        /// Fill values and non-finite values.
        public var fill = 0
        /// Values below 50 K.
        public var belowRange = 0
        /// Values above 350 K.
        public var aboveRange = 0
        /// Values masked (fill + below + above).
        public var masked: Int { fill + belowRange + aboveRange }
    }

    /// Counts by channel.
    public private(set) var counts: [AMSR2Reader.Channel: Counts] = [:]

    /// An empty screen.
    public init() {}

    /// Masks `values` of `channel` in place and adds to its counts.
    public mutating func screen(_ values: inout [Float], channel: AMSR2Reader.Channel) {
        var c = counts[channel] ?? Counts()
        c.total += values.count
        for i in values.indices {
            let v = values[i]
            if !v.isFinite { c.fill += 1; values[i] = .nan } else if v < Self.physicalRange.lowerBound {
                c.belowRange += 1; values[i] = .nan
            } else if v > Self.physicalRange.upperBound { c.aboveRange += 1; values[i] = .nan }
        }
        counts[channel] = c
    }

    /// One line per channel with masked values, e.g. "18.7 GHz H: 12 of 4860 masked (3 fill, 9 < 50 K, 0 > 350 K)".
    public var summary: [String] {
        AMSR2Reader.channels.compactMap { ch in
            guard let c = counts[ch], c.masked > 0 else { return nil }
            return "\(ch.frequency) GHz \(ch.polarisation): \(c.masked) of \(c.total) masked "
                + "(\(c.fill) fill, \(c.belowRange) < 50 K, \(c.aboveRange) > 350 K)"
        }
    }
}
