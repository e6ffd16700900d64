import CTorchBridge
import SeaIceCore

/// Seeded random creation.
///
/// Each call draws one 64-bit seed from the injected `SeededGenerator` and samples with a private
/// libtorch CPU generator seeded with it (then moves the result to `device`), so the values depend
/// only on the generator's state: the same seed gives the same tensor on every device, and
/// libtorch's global generator is never used.
extension Tensor {
    static func random(
        _ kind: Int, _ name: String, _ shape: [Int], _ a: Double, _ b: Double, dtype: DType, device: Device,
        generator: inout SeededGenerator
    ) throws -> Tensor {
        let seed = generator.next()
        let (type, index) = try device.checkedCodes()
        return try withInt64s(shape) { dims, n in
            try make("\(name) \(shape)", []) { sik_tensor_random(Int32(kind), dims, n, a, b, dtype.rawValue, seed, type, index, $0) }
        }
    }

    /// Uniform samples in [0, 1).
    public static func rand(
        _ shape: [Int], dtype: DType = .float32, device: Device = .cpu, generator: inout SeededGenerator
    ) throws -> Tensor {
        try random(SIK_RANDOM_UNIFORM, "rand", shape, 0, 1, dtype: dtype, device: device, generator: &generator)
    }

    /// Uniform samples in [low, high).
    public static func uniform(
        _ shape: [Int], low: Float, high: Float, dtype: DType = .float32, device: Device = .cpu,
        generator: inout SeededGenerator
    ) throws -> Tensor {
        try random(SIK_RANDOM_UNIFORM, "uniform", shape, Double(low), Double(high), dtype: dtype, device: device, generator: &generator)
    }

    /// Normal samples with the given mean and standard deviation (default: standard normal).
    public static func randn(
        _ shape: [Int], mean: Float = 0, std: Float = 1, dtype: DType = .float32, device: Device = .cpu,
        generator: inout SeededGenerator
    ) throws -> Tensor {
        try random(SIK_RANDOM_NORMAL, "randn", shape, Double(mean), Double(std), dtype: dtype, device: device, generator: &generator)
    }

    /// Integers uniform in [low, high) (int64 by default).
    public static func randint(
        low: Int, high: Int, _ shape: [Int], dtype: DType = .int64, device: Device = .cpu,
        generator: inout SeededGenerator
    ) throws -> Tensor {
        try random(SIK_RANDOM_RANDINT, "randint", shape, Double(low), Double(high), dtype: dtype, device: device, generator: &generator)
    }

    /// Bernoulli samples: 1 with probability `p`, else 0.
    public static func bernoulli(
        _ shape: [Int], p: Float, dtype: DType = .float32, device: Device = .cpu, generator: inout SeededGenerator
    ) throws -> Tensor {
        try random(SIK_RANDOM_BERNOULLI, "bernoulli", shape, Double(p), 0, dtype: dtype, device: device, generator: &generator)
    }
}
