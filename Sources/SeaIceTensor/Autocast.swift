import CTorchBridge
import SeaIceCore

/// Automatic mixed precision regions (PyTorch's `torch.autocast`).
///
/// Inside `Autocast.run(device:dtype:)`, operations that gain from lower precision (convolutions,
/// transposed convolutions, linear layers, matrix products, attention) cast their inputs to
/// `dtype` (`float16` or `bfloat16`) and produce that type, while precision-sensitive ones (losses
/// such as cross-entropy and MSE, `cat` of mixed types) compute in float32; element-wise operations
/// keep their input's type. Which operation does what is libtorch's per-device list (the same as
/// PyTorch's, see "Autocast Op Reference" in the `torch.amp` documentation). Parameters stay float32;
/// the lower-precision copies of weights are cached for the region and dropped when the outermost
/// region ends.
///
/// Regions are per thread and per device type (`.cuda(i)` regions apply to every CUDA device, the
/// index is ignored) and nest. Gradients are computed by `backward()` outside the region, in the
/// dtypes recorded during the forward pass. On CUDA, float16 needs dynamic loss scaling
/// (`GradientScaler` in SeaIceOptim) to keep small gradients from flushing to zero; bfloat16 has
/// float32's exponent range and does not.
public enum Autocast {
    /// Runs `body` with autocast to `dtype` enabled (or disabled, `enabled: false`, e.g. for a
    /// float32 island inside an outer region) for `device`'s type on the calling thread, then
    /// restores the previous settings — also when `body` throws — exactly as leaving a
    /// `with torch.autocast(...)` block does.
    /// - Throws: `SeaIceError.native` when `dtype` is neither `.float16` nor `.bfloat16`; whatever `body` throws.
    public static func run<T>(device: Device, dtype: DType, enabled: Bool = true, _ body: () throws -> T) throws -> T {
        var previous = sik_autocast_state()
        try TorchRuntime.check(sik_autocast_enter(device.codes.type, enabled ? 1 : 0, dtype.rawValue, &previous),
                               "autocast(\(device), \(dtype))")
        defer {
            let status = sik_autocast_exit(&previous)
            precondition(status == 0, "autocast exit (\(device), \(dtype)): \(String(cString: sik_last_error()))")
        }
        return try body()
    }

    /// Whether autocast is enabled for `device`'s type on the calling thread.
    public static func isEnabled(on device: Device) -> Bool {
        sik_autocast_enabled(device.codes.type) != 0
    }

    /// The type autocast casts to for `device`'s type on the calling thread (libtorch's defaults
    /// outside any region: bfloat16 on the CPU, float16 on CUDA).
    public static func dtype(on device: Device) -> DType {
        let code = sik_autocast_dtype(device.codes.type)
        guard let dtype = DType(rawValue: code) else {
            preconditionFailure("autocast dtype code \(code) for \(device) is outside SeaIceTensor.DType")
        }
        return dtype
    }

    /// Drops the cached lower-precision copies of weights (`torch.clear_autocast_cache()`); leaving
    /// the outermost region does this already.
    public static func clearCache() {
        sik_autocast_clear_cache()
    }
}

extension Tensor {
    /// GradScaler's unscale step: multiplies every tensor of `tensors` (gradients, any devices and
    /// floating-point dtypes) by `factor` in place, and reports whether any of them held a NaN or
    /// ±∞ before scaling. One fused libtorch kernel per device and dtype; reading the answer
    /// waits for the device. Runs without recording autograd history.
    /// - Returns: true when some element was not finite.
    public static func multiplyInPlaceFindingNonFinite(_ tensors: [Tensor], by factor: Double) throws -> Bool {
        var found: Int32 = 0
        try run("unscale \(tensors.count) tensors by \(factor)", tensors) {
            let handles: [OpaquePointer?] = tensors.map(\.handle)
            return handles.withUnsafeBufferPointer { sik_amp_unscale($0.baseAddress, Int32($0.count), factor, &found) }
        }
        return found != 0
    }
}
