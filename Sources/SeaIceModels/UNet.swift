import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// The three outputs of the multi-task U-Net, all with logical NCHW shape (memory may be channels-last).
public struct UNetOutput {
    /// Sea-ice concentration regression [N, 1, H, W] (class index 0–10 scale, not clamped).
    public var sic: Tensor
    /// Stage-of-development logits [N, sodClasses, H, W].
    public var sod: Tensor
    /// Floe-size logits [N, floeClasses, H, W].
    public var floe: Tensor
}

/// The seed-001 (MMSeaIce, AutoICE winner) multi-task U-Net; see `UNetConfiguration`.
///
/// Input NCHW [N, C, H, W] (any H, W). State-dict names match python/unet.py (a direct PyTorch
/// transcription of the reference): `input_block.double_conv.*`, `contract_blocks.i.double_conv.double_conv.*`,
/// `bridge.*`, `expand_blocks.i.*`, `regression_layer.{weight,bias}` (per-pixel linear 32 → 1),
/// `sod_feature_map.feature_out.*`, `floe_feature_map.feature_out.*`, so weights move both ways.
public final class UNet: Module {
    /// The configuration the network was built from.
    public let configuration: UNetConfiguration
    /// Full-resolution DoubleConv.
    public let inputBlock: DoubleConv
    /// Encoder levels 1 … L−1.
    public let contractBlocks: ModuleList<ContractingBlock>
    /// The deepest level (pool + DoubleConv, filters.last channels).
    public let bridge: ContractingBlock
    /// Decoder levels, deepest first.
    public let expandBlocks: ModuleList<ExpandingBlock>
    /// SIC regression, applied per pixel on NHWC features.
    public let regressionLayer: Linear
    /// SOD logits head.
    public let sodFeatureMap: FeatureMap
    /// FLOE logits head.
    public let floeFeatureMap: FeatureMap

    /// Builds the network with PyTorch's default initialisation drawn from `generator`.
    public init(_ configuration: UNetConfiguration = .mmseaice, generator: inout SeededGenerator) throws {
        try configuration.validate()
        let f = configuration.filters
        self.configuration = configuration
        inputBlock = try DoubleConv(configuration.inputChannels, f[0], generator: &generator)
        var contracts: [ContractingBlock] = []
        for i in 1..<f.count { contracts.append(try ContractingBlock(f[i - 1], f[i], generator: &generator)) }
        contractBlocks = ModuleList(contracts)
        bridge = try ContractingBlock(f[f.count - 1], f[f.count - 1], generator: &generator)
        var expands = [try ExpandingBlock(f[f.count - 1], f[f.count - 1], generator: &generator)]
        for n in stride(from: f.count, to: 1, by: -1) {
            expands.append(try ExpandingBlock(f[n - 1], f[n - 2], generator: &generator))
        }
        expandBlocks = ModuleList(expands)
        regressionLayer = try Linear(f[0], 1, generator: &generator)
        sodFeatureMap = try FeatureMap(f[0], configuration.sodClasses, generator: &generator)
        floeFeatureMap = try FeatureMap(f[0], configuration.floeClasses, generator: &generator)
        super.init()
        register(inputBlock, as: "input_block")
        register(contractBlocks, as: "contract_blocks")
        register(bridge, as: "bridge")
        register(expandBlocks, as: "expand_blocks")
        register(regressionLayer, as: "regression_layer")
        register(sodFeatureMap, as: "sod_feature_map")
        register(floeFeatureMap, as: "floe_feature_map")
    }

    /// The decoder's last feature map [N, filters[0], H, W] for input `x` [N, C, H, W].
    public func features(_ x: Tensor) throws -> Tensor {
        let input = configuration.channelsLast ? try x.contiguous(.channelsLast) : x
        var skips = [try inputBlock(input)]
        for block in contractBlocks.items { skips.append(try block(skips[skips.count - 1])) }
        var y = try bridge(skips[skips.count - 1])
        for (block, skip) in zip(expandBlocks.items, skips.reversed()) {
            y = try block(y, skip: skip)
        }
        return y
    }

    /// SIC, SOD and FLOE outputs for NCHW input `x` [N, inputChannels, H, W].
    public func callAsFunction(_ x: Tensor) throws -> UNetOutput {
        let y = try features(x)
        // Per-pixel linear on NHWC features, as the reference (`regression_layer(x.permute(0, 2, 3, 1))`).
        let sic = try regressionLayer(y.permute([0, 2, 3, 1])).permute([0, 3, 1, 2])
        return UNetOutput(sic: sic, sod: try sodFeatureMap(y), floe: try floeFeatureMap(y))
    }
}
