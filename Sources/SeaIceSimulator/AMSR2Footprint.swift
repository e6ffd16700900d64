import Foundation

/// The footprint sizes of AMSR2's channels and the JAXA L1R resolutions (TBs of several channels resampled
/// to one footprint). Footprints are 3 dB ellipses (`AMSR2Channel.footprintKm`); the truth is averaged over a
/// square of the same area, side √(π/4·a·b).
public enum AMSR2Footprint: Int, Sendable, CaseIterable {
    case f6, f10, f18, f23, f36, f89

    /// The footprint of a channel's own observation.
    public static func native(_ channel: AMSR2Channel) -> AMSR2Footprint {
        [.f6, .f6, .f6, .f6, .f10, .f10, .f18, .f18, .f23, .f23, .f36, .f36, .f89, .f89][channel.rawValue]
    }

    /// The channel whose footprint this is.
    var channel: AMSR2Channel { [.h6_9, .h10_7, .h18_7, .h23_8, .h36_5, .h89_0][rawValue] }

    /// Side of the equal-area square, m.
    public var squareSide: Double {
        let (a, b) = channel.footprintKm
        return (Double.pi / 4 * a * b).squareRoot() * 1000
    }
}

/// A JAXA L1R resolution: every channel at or above a frequency resampled to that frequency's footprint;
/// datasets `Brightness Temperature (res06,6.9GHz,H)` and so on.
public enum L1RResolution: String, Sendable, CaseIterable, Codable {
    case res06, res10, res23, res36

    /// The footprint of this resolution.
    public var footprint: AMSR2Footprint { [.f6, .f10, .f23, .f36][index] }
    var index: Int { L1RResolution.allCases.firstIndex(of: self)! }

    /// The channels JAXA provides at this resolution (6.9 GHz and up for res06, 10.7 for res10, 18.7 for res23,
    /// 36.5 for res36).
    public var channels: [AMSR2Channel] {
        let first = [0, 4, 6, 10][index]
        return AMSR2Channel.allCases.filter { $0.rawValue >= first }
    }

    /// JAXA's frequency text of a channel, e.g. "6.9", "89.0".
    static func frequency(_ c: AMSR2Channel) -> String {
        ["6.9", "7.3", "10.7", "18.7", "23.8", "36.5", "89.0"][c.rawValue / 2]
    }

    /// The L1R dataset name of `channel` at this resolution.
    public func datasetName(_ channel: AMSR2Channel) -> String {
        "Brightness Temperature (\(rawValue),\(Self.frequency(channel))GHz,\(channel.rawValue % 2 == 0 ? "H" : "V"))"
    }
}

/// AMSR2 radiometric sensitivity NEΔT per channel (K; JAXA GCOM-W1 handbook, 2013).
public let amsr2NoiseK: [Double] = [0.34, 0.34, 0.43, 0.43, 0.70, 0.70, 0.70, 0.70, 0.60, 0.60, 0.70, 0.70, 1.20, 1.20]
