import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// Hyper-parameters of dynamic loss scaling (PyTorch's `torch.amp.GradScaler` arguments and defaults).
public struct GradientScalerConfiguration: Codable, Equatable, Sendable {
    /// Scale of the first step (2¹⁶).
    public var initialScale: Double
    /// Factor applied after `growthInterval` consecutive steps with finite gradients (2).
    public var growthFactor: Double
    /// Factor applied when a step's gradients hold an inf or NaN (0.5).
    public var backoffFactor: Double
    /// Consecutive finite steps before the scale grows (2000).
    public var growthInterval: Int

    /// Creates a configuration; the defaults are GradScaler's.
    public init(initialScale: Double = 65536, growthFactor: Double = 2, backoffFactor: Double = 0.5, growthInterval: Int = 2000) {
        precondition(initialScale > 0 && growthFactor > 1 && backoffFactor > 0 && backoffFactor < 1 && growthInterval > 0,
                     "GradientScaler needs scale > 0, growth > 1, 0 < backoff < 1, interval > 0; got \(initialScale), \(growthFactor), \(backoffFactor), \(growthInterval)")
        self.initialScale = initialScale
        self.growthFactor = growthFactor
        self.backoffFactor = backoffFactor
        self.growthInterval = growthInterval
    }
}

/// What a checkpoint keeps of a `GradientScaler` so that a resumed run scales exactly as an
/// uninterrupted one (GradScaler's `state_dict`: scale and growth tracker, plus a skip counter).
public struct GradientScalerState: Codable, Equatable, Sendable {
    /// The current loss scale (a float32 value, as GradScaler keeps it).
    public var scale: Float
    /// Consecutive steps with finite gradients since the scale last changed (GradScaler's `_growth_tracker`).
    public var goodSteps: Int
    /// Steps skipped for non-finite gradients over the whole run.
    public var skippedSteps: Int

    /// Creates a state.
    public init(scale: Float, goodSteps: Int = 0, skippedSteps: Int = 0) {
        self.scale = scale
        self.goodSteps = goodSteps
        self.skippedSteps = skippedSteps
    }
}

/// Dynamic loss scaling for float16 mixed-precision training, following `torch.amp.GradScaler`
/// (`_unscale_grads_`, `step`, and the `_amp_update_scale_` kernel):
///
/// ```
/// let terms = try Autocast.run(device: .cuda(0), dtype: .float16) { try loss(model(x), y) }
/// try scaler.scale(terms.total).backward()   // gradients of loss × S
/// try scaler.step(optimizer)                  // unscales (× 1/S); skips the step on inf/NaN
/// scaler.update()                             // S × backoff after a skip, × growth after N good steps
/// ```
///
/// Call `unscale(_:)` yourself before `step` to clip or inspect the true gradients. The scale lives
/// on the host; each unscale reads one flag from the device (one synchronisation per step).
public final class GradientScaler {
    /// The hyper-parameters.
    public let configuration: GradientScalerConfiguration
    /// Scale, good-step count and skip count (save it in checkpoints, give it back to `restore`).
    public private(set) var state: GradientScalerState
    /// nil until this step's gradients are unscaled, then whether they held an inf or NaN.
    private var foundNonFinite: Bool?

    /// A scaler at `configuration.initialScale`.
    public init(configuration: GradientScalerConfiguration = .init()) {
        self.configuration = configuration
        state = GradientScalerState(scale: Float(configuration.initialScale))
    }

    /// The current loss scale S.
    public var scale: Float { state.scale }

    /// `loss × S`, for `backward()`.
    public func scale(_ loss: Tensor) throws -> Tensor {
        try loss * state.scale
    }

    /// Divides the gradients of `optimizer`'s parameters by S in place (× float32(1/S), as GradScaler)
    /// and records whether any was not finite. At most once per step (a second call is a programming error).
    /// - Returns: true when some gradient held an inf or NaN (the coming `step` will be skipped).
    @discardableResult
    public func unscale(_ optimizer: any Optimizer) throws -> Bool {
        precondition(foundNonFinite == nil, "GradientScaler.unscale called twice before update()")
        let grads = optimizer.parameters.compactMap { $0.parameter.value.grad }
        let inverse = Double(Float(1 / Double(state.scale)))
        let found = try Tensor.multiplyInPlaceFindingNonFinite(grads, by: inverse)
        foundNonFinite = found
        return found
    }

    /// Unscales the gradients (unless `unscale` already did this step), then applies
    /// `optimizer.step()` only when they are all finite.
    /// - Returns: whether the optimizer stepped.
    @discardableResult
    public func step(_ optimizer: any Optimizer) throws -> Bool {
        if foundNonFinite == nil { try unscale(optimizer) }
        if foundNonFinite == true { return false }
        try optimizer.step()
        return true
    }

    /// Adjusts S after the step: × `backoffFactor` and the good-step count reset when the step was
    /// skipped; otherwise the count grows and, on reaching `growthInterval`, S × `growthFactor`
    /// (kept only when finite in float32) and the count resets. Must follow `unscale` or `step`.
    public func update() {
        guard let found = foundNonFinite else {
            preconditionFailure("GradientScaler.update() without unscale() or step() since the last update")
        }
        foundNonFinite = nil
        let c = configuration
        if found {
            state.scale = Float(Double(state.scale) * c.backoffFactor)
            state.goodSteps = 0
            state.skippedSteps += 1
        } else if state.goodSteps + 1 == c.growthInterval {
            let grown = Float(Double(state.scale) * c.growthFactor)
            if grown.isFinite { state.scale = grown }
            state.goodSteps = 0
        } else {
            state.goodSteps += 1
        }
    }

    /// Continues from a saved `state` (between steps: after `update`).
    /// - Throws: `SeaIceError.invalidInput` naming `source` (the file it came from) when the state is
    ///   impossible for this configuration (scale not finite and positive, counts out of range).
    public func restore(_ saved: GradientScalerState, source: String = "gradient scaler state") throws {
        guard saved.scale.isFinite, saved.scale > 0, saved.goodSteps >= 0, saved.goodSteps < configuration.growthInterval,
              saved.skippedSteps >= 0 else {
            throw SeaIceError.invalidInput(
                file: source, item: "scaler state (scale \(saved.scale), goodSteps \(saved.goodSteps), skippedSteps \(saved.skippedSteps))",
                expected: "a finite positive scale, 0 ≤ goodSteps < \(configuration.growthInterval), skippedSteps ≥ 0")
        }
        precondition(foundNonFinite == nil, "GradientScaler.restore between unscale() and update()")
        state = saved
    }
}
