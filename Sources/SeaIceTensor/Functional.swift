import CTorchBridge
import SeaIceCore

/// Neural-network functions, as `torch.nn.functional` (namespace; every function is static).
///
/// Images are NCHW: batch, channels, rows (H), columns (W). Inputs stored channels-last keep that
/// memory format through convolutions, normalisation, activations and pooling. Formulas and
/// defaults are PyTorch's (`torch.nn.functional`, 2.x documentation).
public enum Functional {
    /// 2-D convolution. `x` [N, Cin, H, W], `weight` [Cout, Cin/groups, kH, kW], `bias` [Cout] →
    /// [N, Cout, ⌊(H + 2·pad − dil·(kH−1) − 1)/stride⌋ + 1, …].
    public static func conv2d(
        _ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Size2 = 1, padding: Size2 = 0,
        dilation: Size2 = 1, groups: Int = 1
    ) throws -> Tensor {
        let (s, p, d) = (stride.array, padding.array, dilation.array)
        return try Tensor.make("conv2d of \(x.shape) with weight \(weight.shape)", [x, weight, bias]) {
            sik_conv2d(x.handle, weight.handle, optionalHandle(bias), s, p, d, Int64(groups), $0)
        }
    }

    /// Inference-only fused `relu(conv2d(x))` (same arguments and layouts as `conv2d`).
    ///
    /// On CPU float32 without autograd this is one oneDNN convolution with a ReLU post-op
    /// (`mkldnn::_convolution_pointwise`, the kernel torch.compile emits on CPU), saving a pass
    /// over the output; elsewhere it is `conv2d` followed by ReLU. Results equal the unfused pair.
    public static func conv2dReLU(
        _ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Size2 = 1, padding: Size2 = 0,
        dilation: Size2 = 1, groups: Int = 1
    ) throws -> Tensor {
        let (s, p, d) = (stride.array, padding.array, dilation.array)
        return try Tensor.make("conv2d+relu of \(x.shape) with weight \(weight.shape)", [x, weight, bias]) {
            sik_conv2d_relu(x.handle, weight.handle, optionalHandle(bias), s, p, d, Int64(groups), $0, nil)
        }
    }

    /// 2-D transposed convolution. `x` [N, Cin, H, W], `weight` [Cin, Cout/groups, kH, kW] →
    /// [N, Cout, (H−1)·stride − 2·pad + dil·(kH−1) + outputPadding + 1, …].
    public static func convTranspose2d(
        _ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Size2 = 1, padding: Size2 = 0,
        outputPadding: Size2 = 0, dilation: Size2 = 1, groups: Int = 1
    ) throws -> Tensor {
        let (s, p, o, d) = (stride.array, padding.array, outputPadding.array, dilation.array)
        return try Tensor.make("conv_transpose2d of \(x.shape) with weight \(weight.shape)", [x, weight, bias]) {
            sik_conv_transpose2d(x.handle, weight.handle, optionalHandle(bias), s, p, o, d, Int64(groups), $0)
        }
    }

    /// Batch normalisation over N and the spatial dimensions of `x` [N, C, …]:
    /// y = (x − μ) / √(σ² + eps) · weight + bias. Training uses batch statistics and updates the
    /// running stats in place: r ← (1 − momentum)·r + momentum·stat (unbiased variance);
    /// evaluation uses the running stats.
    public static func batchNorm(
        _ x: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil, bias: Tensor? = nil,
        training: Bool, momentum: Float = 0.1, eps: Float = 1e-5
    ) throws -> Tensor {
        try Tensor.make("batch_norm of \(x.shape)", [x, runningMean, runningVar, weight, bias]) {
            sik_batch_norm(x.handle, optionalHandle(runningMean), optionalHandle(runningVar), optionalHandle(weight),
                           optionalHandle(bias), training ? 1 : 0, Double(momentum), Double(eps), $0)
        }
    }

    /// Layer normalisation over the trailing `normalizedShape` dimensions.
    public static func layerNorm(
        _ x: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil, eps: Float = 1e-5
    ) throws -> Tensor {
        try withInt64s(normalizedShape) { d, n in
            try Tensor.make("layer_norm of \(x.shape) over \(normalizedShape)", [x, weight, bias]) {
                sik_layer_norm(x.handle, d, n, optionalHandle(weight), optionalHandle(bias), Double(eps), $0)
            }
        }
    }

    /// Group normalisation of `x` [N, C, …] with C divisible by `groups`.
    public static func groupNorm(
        _ x: Tensor, groups: Int, weight: Tensor? = nil, bias: Tensor? = nil, eps: Float = 1e-5
    ) throws -> Tensor {
        try Tensor.make("group_norm of \(x.shape) in \(groups) groups", [x, weight, bias]) {
            sik_group_norm(x.handle, Int64(groups), optionalHandle(weight), optionalHandle(bias), Double(eps), $0)
        }
    }

    /// y = x·Wᵀ + b; `x` [..., in], `weight` [out, in], `bias` [out].
    public static func linear(_ x: Tensor, weight: Tensor, bias: Tensor? = nil) throws -> Tensor {
        try Tensor.make("linear of \(x.shape) with weight \(weight.shape)", [x, weight, bias]) {
            sik_linear(x.handle, weight.handle, optionalHandle(bias), $0)
        }
    }

    static func activation(_ op: Int, _ name: String, _ x: Tensor, _ param: Double = 0) throws -> Tensor {
        try Tensor.make("\(name) of \(x.shape)", [x]) { sik_activation(Int32(op), x.handle, param, $0) }
    }

    /// max(x, 0).
    public static func relu(_ x: Tensor) throws -> Tensor { try activation(SIK_ACT_RELU, "relu", x) }
    /// x for x ≥ 0, negativeSlope·x otherwise.
    public static func leakyRelu(_ x: Tensor, negativeSlope: Float = 0.01) throws -> Tensor {
        try activation(SIK_ACT_LEAKY_RELU, "leaky_relu", x, Double(negativeSlope))
    }
    /// x·Φ(x) (exact erf form, or the tanh approximation).
    public static func gelu(_ x: Tensor, approximateTanh: Bool = false) throws -> Tensor {
        try activation(SIK_ACT_GELU, "gelu", x, approximateTanh ? 1 : 0)
    }
    /// 1 / (1 + e⁻ˣ).
    public static func sigmoid(_ x: Tensor) throws -> Tensor { try activation(SIK_ACT_SIGMOID, "sigmoid", x) }
    /// tanh x.
    public static func tanh(_ x: Tensor) throws -> Tensor { try activation(SIK_ACT_TANH, "tanh", x) }
    /// x·sigmoid(x).
    public static func silu(_ x: Tensor) throws -> Tensor { try activation(SIK_ACT_SILU, "silu", x) }
    /// x for x > 0, alpha·(eˣ − 1) otherwise.
    public static func elu(_ x: Tensor, alpha: Float = 1) throws -> Tensor { try activation(SIK_ACT_ELU, "elu", x, Double(alpha)) }
    /// ln(1 + e^(beta·x)) / beta (linear above beta·x > 20).
    public static func softplus(_ x: Tensor, beta: Float = 1) throws -> Tensor { try activation(SIK_ACT_SOFTPLUS, "softplus", x, Double(beta)) }

    /// exp(x) / Σ exp(x) along `dim`.
    public static func softmax(_ x: Tensor, dim: Int) throws -> Tensor {
        try Tensor.make("softmax(dim \(dim)) of \(x.shape)", [x]) { sik_softmax(x.handle, Int64(dim), 0, $0) }
    }

    /// log softmax along `dim` (numerically stable).
    public static func logSoftmax(_ x: Tensor, dim: Int) throws -> Tensor {
        try Tensor.make("log_softmax(dim \(dim)) of \(x.shape)", [x]) { sik_softmax(x.handle, Int64(dim), 1, $0) }
    }

    /// Zeroes each element with probability `p` and scales the rest by 1/(1 − p) when `training`
    /// (identity otherwise). The mask is a Bernoulli(1 − p) draw seeded from `generator`, never
    /// from libtorch's global generator.
    public static func dropout(_ x: Tensor, p: Float, training: Bool, generator: inout SeededGenerator) throws -> Tensor {
        guard p >= 0, p <= 1 else {
            throw SeaIceError.invalidInput(file: "Functional", item: "dropout p", expected: "a probability in [0, 1], got \(p)")
        }
        if !training || p == 0 { return x }
        if p == 1 { return try x * 0 }
        let keep = try Tensor.bernoulli(x.shape, p: 1 - p, dtype: x.dtype, device: x.device, generator: &generator)
        return try x * keep / (1 - p)
    }

    /// Scaled dot-product attention softmax(Q·Kᵀ/√d + mask)·V; `q` [..., L, d], `k` [..., S, d],
    /// `v` [..., S, dv]. `mask` is bool (true = attend) or additive float, broadcast to [..., L, S].
    public static func scaledDotProductAttention(
        query q: Tensor, key k: Tensor, value v: Tensor, mask: Tensor? = nil, isCausal: Bool = false
    ) throws -> Tensor {
        try Tensor.make("scaled_dot_product_attention of \(q.shape), \(k.shape), \(v.shape)", [q, k, v, mask]) {
            sik_sdpa(q.handle, k.handle, v.handle, optionalHandle(mask), isCausal ? 1 : 0, $0)
        }
    }
}
