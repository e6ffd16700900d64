import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// An inference-only snapshot of a `UNet` (any variant: shared or separate decoders, SIC regression
/// or classification) with every BatchNorm folded into the convolution before it, run without
/// autograd, each conv → BN → ReLU as one fused convolution.
///
/// Folding (eval-mode BatchNorm is affine): with s = γ / √(running_var + eps),
/// W' = W · s (per output channel) and b' = β − running_mean · s, so
/// BN(conv(x, W)) = conv(x, W', b') exactly up to rounding. The snapshot copies the weights:
/// later training or loading does not change it (make a new one). Activations run channels-last
/// when the configuration says so; outputs have logical NCHW shape like `UNet`'s.
public final class UNetInference {
    /// A convolution with its folded bias.
    struct Folded {
        let weight: Tensor
        let bias: Tensor?
        let padding: Size2
    }

    /// The configuration of the source network.
    public let configuration: UNetConfiguration
    private let input: [Folded]
    private let contracts: [[Folded]]
    private let bridge: [Folded]
    /// Decoders (deepest block first): one, or SIC, SOD, FLOE with separate decoders.
    private let decoders: [[[Folded]]]
    /// Regression head (weight [1, filters[0]], bias [1]), or nil with the classification head.
    private let regression: (weight: Tensor, bias: Tensor)?
    private let sic: Folded?, sod: Folded, floe: Folded

    /// Folds `net`'s current weights and running statistics.
    public init(_ net: UNet) throws {
        configuration = net.configuration
        // Always channels-last (whatever the training layout): oneDNN's fused convolution + ReLU is
        // fastest so; weights are stored in that format, so no convolution re-lays them out per call.
        let format: MemoryFormat = .channelsLast
        (input, contracts, bridge, decoders, regression, sic, sod, floe) = try Tensor.withNoGrad {
            let decoders = [net.expandBlocks] + [net.sodExpandBlocks, net.floeExpandBlocks].compactMap { $0 }
            return (try Self.fold(net.inputBlock, format), try net.contractBlocks.items.map { try Self.fold($0.doubleConv, format) },
                    try Self.fold(net.bridge.doubleConv, format),
                    try decoders.map { try $0.items.map { try Self.fold($0.doubleConv, format) } },
                    try net.regressionLayer.map { (try $0.weight.value.clone(), try $0.bias!.value.clone()) },
                    try net.sicFeatureMap.map { try Self.plain($0.featureOut, format) },
                    try Self.plain(net.sodFeatureMap.featureOut, format), try Self.plain(net.floeFeatureMap.featureOut, format))
        }
    }

    /// How the SIC output is read.
    public var sicHead: SICHeadKind { configuration.sicHead }

    /// SIC, SOD and FLOE outputs for NCHW input `x` [N, inputChannels, H, W]; equal to the source
    /// network's eval-mode outputs up to float rounding.
    public func callAsFunction(_ x: Tensor) throws -> TaskOutputs {
        try Tensor.withNoGrad {
            try UNetDecoder.padded(x, configuration: configuration) { x in
                let start = try x.contiguous(.channelsLast)
                var skips = [try Self.double(start, input)]
                for block in contracts { skips.append(try Self.double(Functional.maxPool2d(skips[skips.count - 1], kernelSize: 2), block)) }
                let bottom = try Self.double(Functional.maxPool2d(skips[skips.count - 1], kernelSize: 2), bridge)
                let features = try decoders.map { try Self.decode($0, bottom: bottom, skips: skips) }
                let sicOut: Tensor
                if let r = regression {
                    sicOut = try Functional.linear(features[0].permute([0, 2, 3, 1]), weight: r.weight, bias: r.bias).permute([0, 3, 1, 2])
                } else {
                    sicOut = try Self.apply(features[0], sic!)
                }
                return TaskOutputs(sic: sicOut, sod: try Self.apply(features[min(1, features.count - 1)], sod),
                                   floe: try Self.apply(features[min(2, features.count - 1)], floe))
            }
        }
    }

    /// The same as `callAsFunction`.
    public func outputs(_ x: Tensor) throws -> TaskOutputs { try self(x) }

    /// Upsample (bilinear ×2, align corners), pad to the skip, concatenate, fused DoubleConv, per level.
    private static func decode(_ blocks: [[Folded]], bottom: Tensor, skips: [Tensor]) throws -> Tensor {
        var y = bottom
        for (block, skip) in zip(blocks, skips.reversed()) {
            let s = y.shape, target = skip.shape
            var up = try Functional.interpolate(y, size: Size2(2 * s[2], 2 * s[3]), mode: .bilinear, alignCorners: true)
            let dh = target[2] - 2 * s[2], dw = target[3] - 2 * s[3]
            if dh != 0 || dw != 0 { up = try up.pad([dw / 2, dw - dw / 2, dh / 2, dh - dh / 2]) }
            y = try Self.double(Tensor.cat([up, skip], dim: 1), block)
        }
        return y
    }

    private static func apply(_ x: Tensor, _ c: Folded) throws -> Tensor {
        try Functional.conv2d(x, weight: c.weight, bias: c.bias, padding: c.padding)
    }

    /// conv → (folded BN) → ReLU, twice, each as one fused oneDNN convolution with a ReLU post-op.
    private static func double(_ x: Tensor, _ convs: [Folded]) throws -> Tensor {
        var y = x
        for c in convs {
            y = try Functional.conv2dReLU(y, weight: c.weight, bias: c.bias, padding: c.padding)
        }
        return y
    }

    private static func plain(_ conv: Conv2d, _ format: MemoryFormat) throws -> Folded {
        Folded(weight: try conv.weight.value.clone().contiguous(format), bias: try conv.bias?.value.clone(), padding: conv.padding)
    }

    /// The two (conv, BN) pairs of a DoubleConv (Sequential layers 0, 1 and 3, 4) folded.
    private static func fold(_ block: DoubleConv, _ format: MemoryFormat) throws -> [Folded] {
        let layers = block.doubleConv.layers
        return try [(0, 1), (3, 4)].map { ci, bi in
            let conv = layers[ci] as! Conv2d, bn = layers[bi] as! BatchNorm2d
            let scale = try bn.weight.value / (bn.runningVar.value + bn.eps).sqrt()
            let c = conv.weight.value.shape[0]
            let weight = try conv.weight.value * scale.reshape([c, 1, 1, 1])
            var bias = try bn.bias.value - bn.runningMean.value * scale
            if let b = conv.bias { bias = try bias + b.value * scale }
            return Folded(weight: try weight.contiguous(format), bias: bias, padding: conv.padding)
        }
    }
}
