import SeaIceCore
import SeaIceTensor

/// 2-D convolution (`torch.nn.Conv2d`): `x` NCHW [N, Cin, H, W] → [N, Cout, H', W'].
///
/// State-dict entries: `weight` [Cout, Cin/groups, kH, kW], `bias` [Cout] (when `bias`).
/// Initialisation (PyTorch's default): weight kaiming-uniform with a = √5 (bound 1/√fan_in),
/// bias uniform in ±1/√fan_in with fan_in = Cin/groups · kH · kW. Channels-last inputs give
/// channels-last outputs.
public final class Conv2d: Module, UnaryLayer {
    /// Filters [Cout, Cin/groups, kH, kW].
    public let weight: Parameter
    /// Per-output-channel offsets [Cout], or nil.
    public let bias: Parameter?
    /// Step between windows (rows, columns).
    public let stride: Size2
    /// Zero padding added on each side (rows, columns).
    public let padding: Size2
    /// Spacing between kernel taps.
    public let dilation: Size2
    /// Number of channel groups.
    public let groups: Int

    /// Creates the layer with PyTorch's default initialisation drawn from `generator`.
    public init(
        _ inChannels: Int, _ outChannels: Int, kernelSize: Size2, stride: Size2 = 1, padding: Size2 = 0,
        dilation: Size2 = 1, groups: Int = 1, bias: Bool = true, generator: inout SeededGenerator
    ) throws {
        precondition(inChannels % groups == 0 && outChannels % groups == 0, "channels \(inChannels)→\(outChannels) not divisible by groups \(groups)")
        let shape = [outChannels, inChannels / groups, kernelSize.h, kernelSize.w]
        weight = try Parameter(Init.kaimingUniform(shape, generator: &generator))
        self.bias = bias ? try Parameter(Init.defaultBias(outChannels, weightShape: shape, generator: &generator)) : nil
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        super.init()
        register(weight, as: "weight")
        if let b = self.bias { register(b, as: "bias") }
    }

    /// The convolution of NCHW `x`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Functional.conv2d(x, weight: weight.value, bias: bias?.value, stride: stride, padding: padding,
                              dilation: dilation, groups: groups)
    }
}

/// 2-D transposed convolution (`torch.nn.ConvTranspose2d`): NCHW [N, Cin, H, W] →
/// [N, Cout, (H−1)·stride − 2·padding + dilation·(k−1) + outputPadding + 1, …].
///
/// State-dict entries: `weight` [Cin, Cout/groups, kH, kW], `bias` [Cout]. Initialisation as
/// PyTorch: kaiming-uniform a = √5 where fan_in is computed from dimension 1 (Cout/groups · kH · kW).
public final class ConvTranspose2d: Module, UnaryLayer {
    /// Filters [Cin, Cout/groups, kH, kW].
    public let weight: Parameter
    /// Offsets [Cout], or nil.
    public let bias: Parameter?
    /// Upsampling step.
    public let stride: Size2
    /// Implicit padding removed from each side of the output.
    public let padding: Size2
    /// Extra rows/columns added at the bottom/right of the output.
    public let outputPadding: Size2
    /// Number of channel groups.
    public let groups: Int

    /// Creates the layer with PyTorch's default initialisation drawn from `generator`.
    public init(
        _ inChannels: Int, _ outChannels: Int, kernelSize: Size2, stride: Size2 = 1, padding: Size2 = 0,
        outputPadding: Size2 = 0, groups: Int = 1, bias: Bool = true, generator: inout SeededGenerator
    ) throws {
        let shape = [inChannels, outChannels / groups, kernelSize.h, kernelSize.w]
        weight = try Parameter(Init.kaimingUniform(shape, generator: &generator))
        self.bias = bias ? try Parameter(Init.defaultBias(outChannels, weightShape: shape, generator: &generator)) : nil
        self.stride = stride
        self.padding = padding
        self.outputPadding = outputPadding
        self.groups = groups
        super.init()
        register(weight, as: "weight")
        if let b = self.bias { register(b, as: "bias") }
    }

    /// The transposed convolution of NCHW `x`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Functional.convTranspose2d(x, weight: weight.value, bias: bias?.value, stride: stride, padding: padding,
                                       outputPadding: outputPadding, groups: groups)
    }
}
