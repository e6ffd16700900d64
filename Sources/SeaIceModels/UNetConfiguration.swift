import SeaIceCore

/// Typed configuration of the seed-001 (MMSeaIce) multi-task U-Net and its variants.
///
/// Source: ../shared/specs/mmseaice.md "Network" (configs/_base_/base.py of echonax07/MMSeaIce):
/// filters [32, 32, 64, 64], one shared decoder, SIC regression head (1 value), SOD 7 logits,
/// FLOE 8 logits; the variants are separate decoders per task (Model 9) and SIC as 12-logit
/// classification (Model 8). `filters.count` is the number of levels; the network pools
/// `filters.count` times (three contracting blocks plus the bridge for four filters), so inputs of
/// any size work (decoder features are zero-padded to the skip's size; inputs smaller than
/// 2^levels are zero-padded and the outputs cropped). Missing JSON keys take the defaults.
public struct UNetConfiguration: Codable, Equatable, Sendable {
    /// Input channels (C of the NCHW input); 18 in the reference, 16 for `InputChannel.mmseaice`.
    public var inputChannels: Int
    /// Output channels of each encoder level, shallowest first.
    public var filters: [Int]
    /// Shared or separate decoders.
    public var decoder: DecoderLayout
    /// Regression (MSE) or classification (cross-entropy) SIC head.
    public var sicHead: SICHeadKind
    /// SIC logits of the classification head: 11 classes + the reference's mask class = 12.
    public var sicClasses: Int
    /// Stage-of-development logits (6 classes + the reference's mask class).
    public var sodClasses: Int
    /// Floe-size logits (7 classes + the reference's mask class).
    public var floeClasses: Int
    /// Run the training network's convolutional activations in channels-last (NHWC) memory; the API
    /// stays NCHW. Default false: with the host-memory cache (`HostMemory`) an fp32 training step of
    /// the MMSeaIce network is ≈ 13 % faster NCHW than NHWC on the CI machine (BENCHMARKS.md).
    /// `UNetInference` always runs channels-last (its fused convolutions are faster so).
    public var channelsLast: Bool

    /// Creates a configuration; defaults are MMSeaIce's.
    public init(inputChannels: Int = 18, filters: [Int] = [32, 32, 64, 64], decoder: DecoderLayout = .shared,
                sicHead: SICHeadKind = .regression, sicClasses: Int = 12, sodClasses: Int = 7, floeClasses: Int = 8,
                channelsLast: Bool = false) {
        self.inputChannels = inputChannels
        self.filters = filters
        self.decoder = decoder
        self.sicHead = sicHead
        self.sicClasses = sicClasses
        self.sodClasses = sodClasses
        self.floeClasses = floeClasses
        self.channelsLast = channelsLast
    }

    /// The network of the AutoICE-winning MMSeaIce configuration.
    public static let mmseaice = UNetConfiguration()

    /// Number of valid SIC classes of the AutoICE labels (0–10 tenths).
    public static let validSICClasses = 11
    /// Number of valid SOD classes of the AutoICE labels.
    public static let validSODClasses = 6
    /// Number of valid FLOE classes of the AutoICE labels.
    public static let validFLOEClasses = 7

    private enum CodingKeys: String, CodingKey {
        case inputChannels, filters, decoder, sicHead, sicClasses, sodClasses, floeClasses, channelsLast
    }

    /// Decodes a configuration; absent keys take the MMSeaIce defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = UNetConfiguration()
        inputChannels = try c.decodeIfPresent(Int.self, forKey: .inputChannels) ?? d.inputChannels
        filters = try c.decodeIfPresent([Int].self, forKey: .filters) ?? d.filters
        self.decoder = try c.decodeIfPresent(DecoderLayout.self, forKey: .decoder) ?? d.decoder
        sicHead = try c.decodeIfPresent(SICHeadKind.self, forKey: .sicHead) ?? d.sicHead
        sicClasses = try c.decodeIfPresent(Int.self, forKey: .sicClasses) ?? d.sicClasses
        sodClasses = try c.decodeIfPresent(Int.self, forKey: .sodClasses) ?? d.sodClasses
        floeClasses = try c.decodeIfPresent(Int.self, forKey: .floeClasses) ?? d.floeClasses
        channelsLast = try c.decodeIfPresent(Bool.self, forKey: .channelsLast) ?? d.channelsLast
    }

    /// Throws `SeaIceError.configuration` when a value is out of range.
    public func validate() throws {
        guard inputChannels > 0 else { throw SeaIceError.configuration("U-Net inputChannels must be positive, got \(inputChannels)") }
        guard filters.count >= 1, filters.allSatisfy({ $0 > 0 }) else {
            throw SeaIceError.configuration("U-Net filters must be a non-empty list of positive counts, got \(filters)")
        }
        guard sicClasses > 0, sodClasses > 0, floeClasses > 0 else {
            throw SeaIceError.configuration(
                "U-Net head sizes must be positive, got SIC \(sicClasses), SOD \(sodClasses), FLOE \(floeClasses)")
        }
    }

    /// Throws `SeaIceError.configuration` unless the heads hold at least the AutoICE label classes
    /// (SIC ≥ 11, SOD ≥ 6, FLOE ≥ 7), as training on and predicting AutoICE labels needs.
    public func validateForAutoICE() throws {
        try validate()
        guard sicClasses >= Self.validSICClasses, sodClasses >= Self.validSODClasses, floeClasses >= Self.validFLOEClasses else {
            throw SeaIceError.configuration(
                "model: sicClasses ≥ 11, sodClasses ≥ 6, floeClasses ≥ 7 expected, found \(sicClasses), \(sodClasses), \(floeClasses)")
        }
    }

    /// Multiply–accumulate count of the convolutions and heads for one H × W image (analytic):
    /// Σ over 3×3 convs of Cin·Cout·9·h·w at their resolution (decoders counted once per decoder),
    /// plus the per-pixel heads. FLOPs = 2 × MACs.
    public func multiplyAccumulates(height: Int, width: Int) -> Double {
        func block(_ cin: Int, _ cout: Int, _ h: Int, _ w: Int) -> Double {
            Double(cin * cout + cout * cout) * 9 * Double(h * w)
        }
        var sizes = [(height, width)]
        for _ in 0..<filters.count { let (h, w) = sizes.last!; sizes.append((h / 2, w / 2)) }
        var macs = block(inputChannels, filters[0], height, width)
        for i in 1..<filters.count { macs += block(filters[i - 1], filters[i], sizes[i].0, sizes[i].1) }
        macs += block(filters.last!, filters.last!, sizes[filters.count].0, sizes[filters.count].1)
        var decoderMACs = 0.0, channels = filters.last!
        for level in stride(from: filters.count - 1, through: 0, by: -1) {
            let out = filters[level]
            decoderMACs += block(channels + out, out, sizes[level].0, sizes[level].1)
            channels = out
        }
        macs += decoderMACs * (decoder == .separate ? 3 : 1)
        let sicOutputs = sicHead == .regression ? 1 : sicClasses
        macs += Double(filters[0] * (sicOutputs + sodClasses + floeClasses) * height * width)
        return macs
    }

    /// A lower estimate of the bytes one training step holds (float32): parameters × 4 copies (weights,
    /// gradients, two optimizer buffers) plus the activations autograd keeps — per double convolution
    /// six maps (two convolutions, two batch norms, two ReLUs) of its output channels at its resolution,
    /// for the encoder, the bridge and each decoder — for `batch` patches of `patch` × `patch` pixels.
    /// Used to refuse configurations that cannot fit before anything is allocated.
    public func trainingBytesEstimate(batch: Int, patch: Int) -> Double {
        var sizes = [Double(patch) * Double(patch)]
        for _ in 0..<filters.count { sizes.append(sizes.last! / 4) }
        var parameters = Double(inputChannels * filters[0] + filters[0] * filters[0]) * 9
        var activations = 6 * Double(filters[0]) * sizes[0]
        for i in 1..<filters.count {
            parameters += Double(filters[i - 1] * filters[i] + filters[i] * filters[i]) * 9
            activations += 6 * Double(filters[i]) * sizes[i]
        }
        activations += 6 * Double(filters.last!) * sizes[filters.count]
        var decoder = 0.0
        for level in 0..<filters.count {
            decoder += 6 * Double(filters[level]) * sizes[level]
            parameters += Double(2 * filters[level] * filters[level]) * 9 * (self.decoder == .separate ? 3 : 1)
        }
        activations += decoder * (self.decoder == .separate ? 3 : 1)
        return 4 * (4 * parameters + Double(batch) * activations)
    }
}
