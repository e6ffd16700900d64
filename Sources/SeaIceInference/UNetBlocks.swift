import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// Two (3 × 3 conv without bias → BatchNorm → ReLU), NCHW; state dict under `double_conv.{0,1,3,4}`
/// as the AI4Arctic starter pack / MMSeaIce `unet.py`.
public final class DoubleConv: Module, UnaryLayer {
    /// The six layers.
    public let doubleConv: Sequential

    /// Creates the block `inChannels → outChannels`.
    public init(_ inChannels: Int, _ outChannels: Int, generator: inout SeededGenerator) throws {
        doubleConv = Sequential([
            try Conv2d(inChannels, outChannels, kernelSize: 3, padding: 1, bias: false, generator: &generator),
            try BatchNorm2d(outChannels), ReLU(),
            try Conv2d(outChannels, outChannels, kernelSize: 3, padding: 1, bias: false, generator: &generator),
            try BatchNorm2d(outChannels), ReLU(),
        ])
        super.init()
        register(doubleConv, as: "double_conv")
    }

    /// Applies the two convolutions.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try doubleConv(x) }
}

/// 2 × 2 max-pool, then a `DoubleConv` (`contract_blocks.i`, `bridge`).
public final class ContractingBlock: Module, UnaryLayer {
    /// The convolutions after pooling.
    public let doubleConv: DoubleConv

    /// Creates the block.
    public init(_ inChannels: Int, _ outChannels: Int, generator: inout SeededGenerator) throws {
        doubleConv = try DoubleConv(inChannels, outChannels, generator: &generator)
        super.init()
        register(doubleConv, as: "double_conv")
    }

    /// Pools by 2 (floor) and convolves.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try doubleConv(Functional.maxPool2d(x, kernelSize: 2))
    }
}

/// Bilinear × 2 (align corners), zero-pad to the skip's size, concatenate [up, skip], `DoubleConv`
/// (`expand_blocks.i`).
public final class ExpandingBlock: Module {
    /// The convolutions after concatenation.
    public let doubleConv: DoubleConv

    /// Creates the block: `inChannels` from below, `outChannels` from the skip and out.
    public init(_ inChannels: Int, _ outChannels: Int, generator: inout SeededGenerator) throws {
        doubleConv = try DoubleConv(inChannels + outChannels, outChannels, generator: &generator)
        super.init()
        register(doubleConv, as: "double_conv")
    }

    /// Upsamples `x`, pads it to `skip` (extra pixel bottom/right) and convolves the concatenation.
    public func callAsFunction(_ x: Tensor, skip: Tensor) throws -> Tensor {
        var up = try Functional.interpolate(x, scaleFactor: 2, mode: .bilinear, alignCorners: true)
        let dh = skip.shape[2] - up.shape[2], dw = skip.shape[3] - up.shape[3]
        if dh != 0 || dw != 0 { up = try up.pad([dw / 2, dw - dw / 2, dh / 2, dh - dh / 2]) }
        return try doubleConv(Tensor.cat([up, skip], dim: 1))
    }
}

/// 1 × 1 convolution producing class logits (`*_feature_map.feature_out`).
public final class FeatureMap: Module, UnaryLayer {
    /// The convolution.
    public let featureOut: Conv2d

    /// Creates the head.
    public init(_ inChannels: Int, _ classes: Int, generator: inout SeededGenerator) throws {
        featureOut = try Conv2d(inChannels, classes, kernelSize: 1, generator: &generator)
        super.init()
        register(featureOut, as: "feature_out")
    }

    /// Logits NCHW.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try featureOut(x) }
}

/// U-Net decoders: expanding blocks from the bridge back to the first level.
public enum UNetDecoder {
    /// The expanding blocks mirroring `filters` (encoder order), bridge side first.
    public static func make(filters: [Int], generator: inout SeededGenerator) throws -> ModuleList<ExpandingBlock> {
        var list = [try ExpandingBlock(filters[filters.count - 1], filters[filters.count - 1], generator: &generator)]
        for n in stride(from: filters.count, to: 1, by: -1) {
            list.append(try ExpandingBlock(filters[n - 1], filters[n - 2], generator: &generator))
        }
        return ModuleList(list)
    }

    /// Decodes `bridge` with the encoder's `skips` (first level first).
    public static func decode(_ blocks: ModuleList<ExpandingBlock>, bridge: Tensor, skips: [Tensor]) throws -> Tensor {
        var y = bridge
        for (block, skip) in zip(blocks.items, skips.reversed()) { y = try block(y, skip: skip) }
        return y
    }
}
