import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// The sea-ice-cover base U-Net's configuration (Wang & Li 2021, seed 002; `../shared/specs/seaice-cover.md`).
public struct CoverUNetConfiguration: Codable, Equatable, Sendable {
    /// Input planes (the RGB composite: 3).
    public var inputChannels = 3
    /// Channels per level, full resolution first; `filters.count − 1` poolings.
    public var filters: [Int]

    /// A configuration; default the paper's (the original U-Net widths 64 … 1024, four poolings).
    public init(inputChannels: Int = 3, filters: [Int] = [64, 128, 256, 512, 1024]) {
        self.inputChannels = inputChannels; self.filters = filters
    }

    /// The paper-faithful network.
    public static let paper = CoverUNetConfiguration()
    /// A small network for the demo and tests (three levels, 8 … 32 channels).
    public static let demo = CoverUNetConfiguration(filters: [8, 16, 32])

    /// - Throws: `SeaIceError.configuration` naming the key for fewer than 2 levels or non-positive widths.
    public func validate() throws {
        guard inputChannels > 0 else { throw SeaIceError.configuration("inputChannels must be positive, got \(inputChannels)") }
        guard filters.count >= 2, filters.allSatisfy({ $0 > 0 }) else {
            throw SeaIceError.configuration("filters must list at least 2 positive widths, got \(filters)")
        }
    }
}

/// 2 × 2 stride-2 transposed convolution (`up`), zero padding to the skip's size (extra row or column at the
/// bottom/right), concatenation [up, skip], `DoubleConv` (`conv`): [N, input, h, w] + skip [N, output, H, W]
/// → [N, output, H, W].
public final class TransposedExpandingBlock: Module {
    /// The learned upsampling, input → output channels.
    public let up: ConvTranspose2d
    /// The convolutions after concatenation (2·output → output).
    public let conv: DoubleConv

    /// Creates the block.
    public init(_ input: Int, _ output: Int, generator: inout SeededGenerator) throws {
        up = try ConvTranspose2d(input, output, kernelSize: 2, stride: 2, generator: &generator)
        conv = try DoubleConv(2 * output, output, generator: &generator)
        super.init()
        register(up, as: "up")
        register(conv, as: "conv")
    }

    /// Upsamples `x` and merges it with `skip`.
    public func callAsFunction(_ x: Tensor, skip: Tensor) throws -> Tensor {
        var u = try up(x)
        let s = u.shape, target = skip.shape
        let dh = target[2] - s[2], dw = target[3] - s[3]
        if dh != 0 || dw != 0 { u = try u.pad([dw / 2, dw - dw / 2, dh / 2, dh - dh / 2]) }
        return try conv(Tensor.cat([u, skip], dim: 1))
    }
}

/// The seed-002 base U-Net: encoder blocks of (conv → BatchNorm → ReLU) × 2 with 2 × 2 max-pooling
/// (`DoubleConv`, `ContractingBlock`, shared with the multi-task U-Net), a transposed-convolution decoder
/// with skip concatenation, and a 1 × 1 convolution giving one ice logit per pixel (sigmoid → ice
/// probability; trained with BCE + Dice).
///
/// Input NCHW [N, C, H, W], any H, W ≥ 2^(levels − 1); output task `ice` [N, 1, H, W] (logits). State-dict
/// names, as python/cover_unet.py: `inc.double_conv.*`, `down.i.double_conv.double_conv.*`,
/// `up.i.up.{weight,bias}`, `up.i.conv.double_conv.*` (deepest first), `outc.feature_out.{weight,bias}`.
public final class CoverUNet: Module, TaskNetwork {
    /// The task name of the output.
    public static let task = "ice"
    /// The configuration the network was built from.
    public let configuration: CoverUNetConfiguration
    /// Full-resolution block.
    public let inc: DoubleConv
    /// Encoder levels 1 … L−1.
    public let down: ModuleList<ContractingBlock>
    /// Decoder levels, deepest first.
    public let up: ModuleList<TransposedExpandingBlock>
    /// The 1 × 1 head.
    public let outc: FeatureMap

    /// Builds the network with PyTorch's default initialisation drawn from `generator`.
    public init(_ configuration: CoverUNetConfiguration = .paper, generator g: inout SeededGenerator) throws {
        try configuration.validate()
        let f = configuration.filters
        self.configuration = configuration
        inc = try DoubleConv(configuration.inputChannels, f[0], generator: &g)
        down = ModuleList(try (1..<f.count).map { try ContractingBlock(f[$0 - 1], f[$0], generator: &g) })
        up = ModuleList(try (1..<f.count).reversed().map { try TransposedExpandingBlock(f[$0], f[$0 - 1], generator: &g) })
        outc = try FeatureMap(f[0], 1, generator: &g)
        super.init()
        register(inc, as: "inc")
        register(down, as: "down")
        register(up, as: "up")
        register(outc, as: "outc")
    }

    /// Ice logits [N, 1, H, W] of `x`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        var skips = [try inc(x)]
        for block in down.items { skips.append(try block(skips[skips.count - 1])) }
        var y = skips.removeLast()
        for block in up.items { y = try block(y, skip: skips.removeLast()) }
        return try outc(y)
    }

    /// `TaskNetwork`: the one output `ice`.
    public func outputs(_ x: Tensor) throws -> TaskOutputs { TaskOutputs([(Self.task, try self(x))]) }
}
