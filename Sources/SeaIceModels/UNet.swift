import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// The seed-001 (MMSeaIce, AutoICE winner) multi-task U-Net and its variants; see `UNetConfiguration`.
///
/// Input NCHW [N, C, H, W] (any H, W); outputs NCHW of the same H × W (`TaskOutputs`). State-dict
/// names of the default layout (shared decoder, SIC regression) match python/unet.py (a direct
/// PyTorch transcription of the reference): `input_block.double_conv.*`,
/// `contract_blocks.i.double_conv.double_conv.*`, `bridge.*`, `expand_blocks.i.*`,
/// `regression_layer.{weight,bias}` (per-pixel linear filters[0] → 1), `sod_feature_map.feature_out.*`,
/// `floe_feature_map.feature_out.*`, so weights move both ways. Variant names: separate decoders add
/// `sod_expand_blocks.i.*` and `floe_expand_blocks.i.*` (`expand_blocks` is then the SIC decoder); the
/// classification SIC head is `sic_feature_map.feature_out.*` (1 × 1 conv to `sicClasses` logits) in
/// place of `regression_layer`.
public final class UNet: Module, MultiTaskNetwork {
    /// The configuration the network was built from.
    public let configuration: UNetConfiguration
    /// Full-resolution DoubleConv.
    public let inputBlock: DoubleConv
    /// Encoder levels 1 … L−1.
    public let contractBlocks: ModuleList<ContractingBlock>
    /// The deepest level (pool + DoubleConv, filters.last channels).
    public let bridge: ContractingBlock
    /// Decoder levels, deepest first: the shared decoder, or the SIC decoder with separate decoders.
    public let expandBlocks: ModuleList<ExpandingBlock>
    /// The SOD decoder (separate layout only).
    public let sodExpandBlocks: ModuleList<ExpandingBlock>?
    /// The FLOE decoder (separate layout only).
    public let floeExpandBlocks: ModuleList<ExpandingBlock>?
    /// SIC regression, applied per pixel on NHWC features (regression head only).
    public let regressionLayer: Linear?
    /// SIC logits head (classification head only).
    public let sicFeatureMap: FeatureMap?
    /// SOD logits head.
    public let sodFeatureMap: FeatureMap
    /// FLOE logits head.
    public let floeFeatureMap: FeatureMap

    /// Builds the network with PyTorch's default initialisation drawn from `generator`.
    public init(_ configuration: UNetConfiguration = .mmseaice, generator g: inout SeededGenerator) throws {
        try configuration.validate()
        let f = configuration.filters, separate = configuration.decoder == .separate
        self.configuration = configuration
        inputBlock = try DoubleConv(configuration.inputChannels, f[0], generator: &g)
        contractBlocks = ModuleList(try (1..<max(f.count, 1)).map { try ContractingBlock(f[$0 - 1], f[$0], generator: &g) })
        bridge = try ContractingBlock(f[f.count - 1], f[f.count - 1], generator: &g)
        expandBlocks = try UNetDecoder.make(filters: f, generator: &g)
        sodExpandBlocks = separate ? try UNetDecoder.make(filters: f, generator: &g) : nil
        floeExpandBlocks = separate ? try UNetDecoder.make(filters: f, generator: &g) : nil
        regressionLayer = configuration.sicHead == .regression ? try Linear(f[0], 1, generator: &g) : nil
        sicFeatureMap = configuration.sicHead == .classification
            ? try FeatureMap(f[0], configuration.sicClasses, generator: &g) : nil
        sodFeatureMap = try FeatureMap(f[0], configuration.sodClasses, generator: &g)
        floeFeatureMap = try FeatureMap(f[0], configuration.floeClasses, generator: &g)
        super.init()
        register(inputBlock, as: "input_block")
        register(contractBlocks, as: "contract_blocks")
        register(bridge, as: "bridge")
        register(expandBlocks, as: "expand_blocks")
        if let d = sodExpandBlocks { register(d, as: "sod_expand_blocks") }
        if let d = floeExpandBlocks { register(d, as: "floe_expand_blocks") }
        if let r = regressionLayer { register(r, as: "regression_layer") }
        if let s = sicFeatureMap { register(s, as: "sic_feature_map") }
        register(sodFeatureMap, as: "sod_feature_map")
        register(floeFeatureMap, as: "floe_feature_map")
    }

    /// How the SIC output is read.
    public var sicHead: SICHeadKind { configuration.sicHead }

    /// The last decoder features [N, filters[0], H, W] for SIC, SOD and FLOE (the same tensor
    /// three times with the shared decoder) for input `x` [N, C, H, W] with H, W ≥ 2^levels.
    public func features(_ x: Tensor) throws -> (sic: Tensor, sod: Tensor, floe: Tensor) {
        let input = configuration.channelsLast ? try x.contiguous(.channelsLast) : x
        var skips = [try inputBlock(input)]
        for block in contractBlocks.items { skips.append(try block(skips[skips.count - 1])) }
        let bottom = try bridge(skips[skips.count - 1])
        let sic = try UNetDecoder.decode(expandBlocks, bridge: bottom, skips: skips)
        let sod = try sodExpandBlocks.map { try UNetDecoder.decode($0, bridge: bottom, skips: skips) } ?? sic
        let floe = try floeExpandBlocks.map { try UNetDecoder.decode($0, bridge: bottom, skips: skips) } ?? sic
        return (sic, sod, floe)
    }

    /// SIC, SOD and FLOE outputs for NCHW input `x` [N, inputChannels, H, W].
    public func callAsFunction(_ x: Tensor) throws -> TaskOutputs {
        try UNetDecoder.padded(x, configuration: configuration) { x in
            let y = try features(x)
            let sic: Tensor
            if let r = regressionLayer {
                // Per-pixel linear on NHWC features, as the reference (`regression_layer(x.permute(0, 2, 3, 1))`).
                sic = try r(y.sic.permute([0, 2, 3, 1])).permute([0, 3, 1, 2])
            } else {
                sic = try sicFeatureMap!(y.sic)
            }
            return TaskOutputs(sic: sic, sod: try sodFeatureMap(y.sod), floe: try floeFeatureMap(y.floe))
        }
    }

    /// The same as `callAsFunction` (the `MultiTaskNetwork` entry point).
    public func outputs(_ x: Tensor) throws -> TaskOutputs { try self(x) }
}
