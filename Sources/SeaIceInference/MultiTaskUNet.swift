import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// The multi-task U-Net of seed 001 (MMSeaIce, ../shared/specs/mmseaice.md "Network") and its
/// variants, chosen by `ModelConfiguration`: filters [32, 32, 64, 64], shared or separate decoders,
/// SIC regression or classification head.
///
/// Input NCHW `[N, C, H, W]` (any H, W ≥ 1: the decoder pads to the skip sizes); outputs NCHW of
/// the same H × W (`TaskOutputs`). State-dict names follow the reference `unet.py`: `input_block`,
/// `contract_blocks.i`, `bridge`, `expand_blocks.i`, `regression_layer` (Linear 32 → 1 applied per
/// pixel on NHWC features), `sic_feature_map` / `sod_feature_map` / `floe_feature_map.feature_out`.
/// The separate-decoder variant names its decoders `expand_blocks` (SIC), `sod_expand_blocks`,
/// `floe_expand_blocks`.
public final class MultiTaskUNet: Module, MultiTaskNetwork {
    /// The configuration it was built from.
    public let configuration: ModelConfiguration
    private let inputBlock: DoubleConv
    private let contractBlocks: ModuleList<ContractingBlock>
    private let bridge: ContractingBlock
    private let sicDecoder: ModuleList<ExpandingBlock>
    private let sodDecoder: ModuleList<ExpandingBlock>?
    private let floeDecoder: ModuleList<ExpandingBlock>?
    private let regressionLayer: Linear?
    private let sicFeatureMap: FeatureMap?
    private let sodFeatureMap: FeatureMap
    private let floeFeatureMap: FeatureMap

    /// Builds the network with PyTorch's default initialisation drawn from `generator`.
    public init(configuration c: ModelConfiguration, generator g: inout SeededGenerator) throws {
        configuration = c
        let f = c.filters
        inputBlock = try DoubleConv(c.inputChannels, f[0], generator: &g)
        contractBlocks = ModuleList(try (1..<f.count).map { try ContractingBlock(f[$0 - 1], f[$0], generator: &g) })
        bridge = try ContractingBlock(f[f.count - 1], f[f.count - 1], generator: &g)
        sicDecoder = try UNetDecoder.make(filters: f, generator: &g)
        sodDecoder = c.decoder == .separate ? try UNetDecoder.make(filters: f, generator: &g) : nil
        floeDecoder = c.decoder == .separate ? try UNetDecoder.make(filters: f, generator: &g) : nil
        regressionLayer = c.sicHead == .regression ? try Linear(f[0], 1, generator: &g) : nil
        sicFeatureMap = c.sicHead == .classification ? try FeatureMap(f[0], c.sicClasses, generator: &g) : nil
        sodFeatureMap = try FeatureMap(f[0], c.sodClasses, generator: &g)
        floeFeatureMap = try FeatureMap(f[0], c.floeClasses, generator: &g)
        super.init()
        register(inputBlock, as: "input_block")
        register(contractBlocks, as: "contract_blocks")
        register(bridge, as: "bridge")
        register(sicDecoder, as: "expand_blocks")
        if let d = sodDecoder { register(d, as: "sod_expand_blocks") }
        if let d = floeDecoder { register(d, as: "floe_expand_blocks") }
        if let r = regressionLayer { register(r, as: "regression_layer") }
        if let s = sicFeatureMap { register(s, as: "sic_feature_map") }
        register(sodFeatureMap, as: "sod_feature_map")
        register(floeFeatureMap, as: "floe_feature_map")
    }

    /// How the SIC output is read.
    public var sicHead: SICHeadKind { configuration.sicHead }

    /// SIC, SOD and FLOE maps for NCHW `x`.
    public func outputs(_ x: Tensor) throws -> TaskOutputs {
        guard x.rank == 4, x.shape[1] == configuration.inputChannels else {
            throw SeaIceError.invalidInput(file: "MultiTaskUNet", item: "input",
                                           expected: "NCHW with \(configuration.inputChannels) channels, found shape \(x.shape)")
        }
        // The reference network needs H, W ≥ 2^levels (one max-pool per level); smaller inputs are
        // zero-padded to that size and the outputs cropped back.
        let minimum = 1 << configuration.filters.count
        let (h, w) = (x.shape[2], x.shape[3])
        if h < minimum || w < minimum {
            let padded = try x.pad([0, max(minimum - w, 0), 0, max(minimum - h, 0)])
            let out = try outputs(padded)
            func crop(_ t: Tensor) throws -> Tensor { try t.narrow(dim: 2, start: 0, length: h).narrow(dim: 3, start: 0, length: w) }
            return TaskOutputs(sic: try crop(out.sic), sod: try crop(out.sod), floe: try crop(out.floe))
        }
        // Channels-last (NHWC) memory makes libtorch's CPU convolutions faster; the logical layout stays NCHW.
        var skips = [try inputBlock(x.contiguous(.channelsLast))]
        for block in contractBlocks.items { skips.append(try block(skips[skips.count - 1])) }
        let bottom = try bridge(skips[skips.count - 1])
        let sicFeatures = try UNetDecoder.decode(sicDecoder, bridge: bottom, skips: skips)
        let sodFeatures = try sodDecoder.map { try UNetDecoder.decode($0, bridge: bottom, skips: skips) } ?? sicFeatures
        let floeFeatures = try floeDecoder.map { try UNetDecoder.decode($0, bridge: bottom, skips: skips) } ?? sicFeatures
        let sic: Tensor
        if let r = regressionLayer {
            sic = try r(sicFeatures.permute([0, 2, 3, 1])).permute([0, 3, 1, 2])
        } else {
            sic = try sicFeatureMap!(sicFeatures)
        }
        return TaskOutputs(sic: sic, sod: try sodFeatureMap(sodFeatures), floe: try floeFeatureMap(floeFeatures))
    }
}
