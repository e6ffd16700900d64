import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// Two (3×3 conv without bias → BatchNorm → ReLU), as MMSeaIce's `DoubleConv`; child
/// `double_conv` is a Sequential so names are `double_conv.{0,1,3,4}.*` as in the reference.
public final class DoubleConv: Module, UnaryLayer {
    /// conv, BN, ReLU, conv, BN, ReLU.
    public let doubleConv: Sequential

    /// Creates the block mapping `input` to `output` channels (NCHW, same H × W).
    public init(_ input: Int, _ output: Int, generator: inout SeededGenerator) throws {
        doubleConv = Sequential([
            try Conv2d(input, output, kernelSize: 3, padding: 1, bias: false, generator: &generator),
            try BatchNorm2d(output), ReLU(),
            try Conv2d(output, output, kernelSize: 3, padding: 1, bias: false, generator: &generator),
            try BatchNorm2d(output), ReLU(),
        ])
        super.init()
        register(doubleConv, as: "double_conv")
    }

    /// [N, input, H, W] → [N, output, H, W].
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try doubleConv(x) }
}

/// 2×2 max-pool then `DoubleConv` (MMSeaIce's `ContractingBlock`): [N, Cin, H, W] → [N, Cout, ⌊H/2⌋, ⌊W/2⌋].
public final class ContractingBlock: Module, UnaryLayer {
    /// The convolutions after pooling.
    public let doubleConv: DoubleConv

    /// Creates the block.
    public init(_ input: Int, _ output: Int, generator: inout SeededGenerator) throws {
        doubleConv = try DoubleConv(input, output, generator: &generator)
        super.init()
        register(doubleConv, as: "double_conv")
    }

    /// Pools and convolves.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try doubleConv(Functional.maxPool2d(x, kernelSize: 2))
    }
}

/// Bilinear ×2 upsampling (align_corners = true), zero padding to the skip's size (extra row or
/// column at the bottom/right), concatenation [up, skip] along channels, `DoubleConv`
/// (MMSeaIce's `ExpandingBlock` with `expand_padding`).
public final class ExpandingBlock: Module {
    /// The convolutions after concatenation (input + output channels → output).
    public let doubleConv: DoubleConv

    /// Creates the block: `input` channels from below, `output` channels in the skip and the result.
    public init(_ input: Int, _ output: Int, generator: inout SeededGenerator) throws {
        doubleConv = try DoubleConv(input + output, output, generator: &generator)
        super.init()
        register(doubleConv, as: "double_conv")
    }

    /// Upsamples `x` [N, input, h, w] and merges it with `skip` [N, output, H, W] → [N, output, H, W].
    public func callAsFunction(_ x: Tensor, skip: Tensor) throws -> Tensor {
        let s = x.shape, target = skip.shape
        var up = try Functional.interpolate(x, size: Size2(2 * s[2], 2 * s[3]), mode: .bilinear, alignCorners: true)
        let dh = target[2] - 2 * s[2], dw = target[3] - 2 * s[3]
        if dh != 0 || dw != 0 {
            up = try up.pad([dw / 2, dw - dw / 2, dh / 2, dh - dh / 2])
        }
        return try doubleConv(Tensor.cat([up, skip], dim: 1))
    }
}

/// A 1×1 convolution producing class logits (MMSeaIce's `FeatureMap`, child `feature_out`).
public final class FeatureMap: Module, UnaryLayer {
    /// The 1×1 convolution with bias.
    public let featureOut: Conv2d

    /// Creates the head.
    public init(_ input: Int, _ output: Int, generator: inout SeededGenerator) throws {
        featureOut = try Conv2d(input, output, kernelSize: 1, generator: &generator)
        super.init()
        register(featureOut, as: "feature_out")
    }

    /// [N, input, H, W] → [N, output, H, W] logits.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try featureOut(x) }
}

/// U-Net decoders and input checks shared by `UNet` and `UNetInference`.
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

    /// Checks that `x` is NCHW with the configured channels and runs `body`; inputs smaller than
    /// 2^levels (one max-pool per level) are zero-padded at the bottom/right and the outputs cropped back.
    static func padded(_ x: Tensor, configuration: UNetConfiguration, _ body: (Tensor) throws -> TaskOutputs) throws -> TaskOutputs {
        guard x.rank == 4, x.shape[1] == configuration.inputChannels else {
            throw SeaIceError.invalidInput(file: "UNet", item: "input",
                                           expected: "NCHW with \(configuration.inputChannels) channels, found shape \(x.shape)")
        }
        let minimum = 1 << configuration.filters.count
        let (h, w) = (x.shape[2], x.shape[3])
        guard h < minimum || w < minimum else { return try body(x) }
        let out = try body(try x.pad([0, max(minimum - w, 0), 0, max(minimum - h, 0)]))
        func crop(_ t: Tensor) throws -> Tensor { try t.narrow(dim: 2, start: 0, length: h).narrow(dim: 3, start: 0, length: w) }
        return TaskOutputs(sic: try crop(out.sic), sod: try crop(out.sod), floe: try crop(out.floe))
    }
}
