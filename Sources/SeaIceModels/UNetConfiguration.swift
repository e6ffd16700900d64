import SeaIceCore

/// Typed configuration of the seed-001 (MMSeaIce) multi-task U-Net.
///
/// Source: ../shared/specs/mmseaice.md "Network" (configs/_base_/base.py of echonax07/MMSeaIce):
/// 18 input channels, filters [32, 32, 64, 64], SIC regression head (1 value), SOD 7 logits,
/// FLOE 8 logits. `filters.count` is the number of levels; the network pools
/// `filters.count` times (three contracting blocks plus the bridge for four filters), so inputs
/// of any size work (decoder features are zero-padded to the skip's size).
public struct UNetConfiguration: Codable, Equatable, Sendable {
    /// Input channels (C of the NCHW input).
    public var inputChannels: Int
    /// Output channels of each encoder level, shallowest first.
    public var filters: [Int]
    /// Stage-of-development logits (6 classes + the reference's mask class).
    public var sodClasses: Int
    /// Floe-size logits (7 classes + the reference's mask class).
    public var floeClasses: Int
    /// Run convolutional activations in channels-last (NHWC) memory; the API stays NCHW.
    public var channelsLast: Bool

    /// Creates a configuration; defaults are MMSeaIce's.
    public init(inputChannels: Int = 18, filters: [Int] = [32, 32, 64, 64], sodClasses: Int = 7, floeClasses: Int = 8, channelsLast: Bool = true) {
        self.inputChannels = inputChannels
        self.filters = filters
        self.sodClasses = sodClasses
        self.floeClasses = floeClasses
        self.channelsLast = channelsLast
    }

    /// The network of the AutoICE-winning MMSeaIce configuration.
    public static let mmseaice = UNetConfiguration()

    /// Throws `SeaIceError.configuration` when a value is out of range.
    public func validate() throws {
        guard inputChannels > 0 else { throw SeaIceError.configuration("U-Net inputChannels must be positive, got \(inputChannels)") }
        guard filters.count >= 1, filters.allSatisfy({ $0 > 0 }) else {
            throw SeaIceError.configuration("U-Net filters must be a non-empty list of positive counts, got \(filters)")
        }
        guard sodClasses > 0, floeClasses > 0 else {
            throw SeaIceError.configuration("U-Net head sizes must be positive, got SOD \(sodClasses), FLOE \(floeClasses)")
        }
    }

    /// Multiply–accumulate count of the convolutions and heads for one H × W image (analytic):
    /// Σ over 3×3 convs of Cin·Cout·9·h·w at their resolution, plus the 1×1 heads. FLOPs = 2 × MACs.
    public func multiplyAccumulates(height: Int, width: Int) -> Double {
        func block(_ cin: Int, _ cout: Int, _ h: Int, _ w: Int) -> Double {
            Double(cin * cout + cout * cout) * 9 * Double(h * w)
        }
        var sizes = [(height, width)]
        for _ in 0..<filters.count { let (h, w) = sizes.last!; sizes.append((h / 2, w / 2)) }
        var macs = block(inputChannels, filters[0], height, width)
        for i in 1..<filters.count { macs += block(filters[i - 1], filters[i], sizes[i].0, sizes[i].1) }
        macs += block(filters.last!, filters.last!, sizes[filters.count].0, sizes[filters.count].1)
        var channels = filters.last!
        for level in stride(from: filters.count - 1, through: 0, by: -1) {
            let out = filters[level]
            macs += block(channels + out, out, sizes[level].0, sizes[level].1)
            channels = out
        }
        macs += Double(filters[0] * (1 + sodClasses + floeClasses) * height * width)
        return macs
    }
}
