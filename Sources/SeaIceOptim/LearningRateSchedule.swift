import Foundation
import SeaIceCore

/// A learning-rate schedule as a pure function of the iteration index (0-based), so a resumed
/// run only needs the iteration count. Schedules compose: `linearWarmup` wraps any schedule.
///
/// Formulas are PyTorch's (`torch.optim.lr_scheduler`), stepped once per iteration:
/// - `cosineWarmRestarts` (CosineAnnealingWarmRestarts): with T_cur the iterations since the
///   last restart and T_i the current period (T₀·T_multⁿ),
///   lr = eta_min + (base − eta_min)·(1 + cos(π·T_cur/T_i))/2. MMSeaIce: T₀ = 20 × 500, T_mult 1, eta_min 0.
/// - `stepDecay` (StepLR): lr = base·γ^⌊t/stepSize⌋.
/// - `linearWarmup` (LinearLR with end factor 1, then `then` shifted by the warm-up length):
///   lr = base·(f₀ + (1 − f₀)·t/W) for t < W, else `then` at t − W.
public indirect enum LearningRateSchedule: Codable, Equatable, Sendable {
    /// The base rate throughout.
    case constant
    /// Cosine annealing with warm restarts every `t0`, `t0·tMult`, … iterations.
    case cosineWarmRestarts(t0: Int, tMult: Int, etaMin: Double)
    /// Multiply by `gamma` every `stepSize` iterations.
    case stepDecay(stepSize: Int, gamma: Double)
    /// Linear ramp from `startFactor`·base to base over `iterations`, then `then`.
    case linearWarmup(startFactor: Double, iterations: Int, then: LearningRateSchedule)

    /// The learning rate at `iteration` (0 = the first step) for base rate `base`.
    public func learningRate(at iteration: Int, base: Double) -> Double {
        precondition(iteration >= 0, "negative iteration \(iteration)")
        switch self {
        case .constant:
            return base
        case let .cosineWarmRestarts(t0, tMult, etaMin):
            precondition(t0 > 0 && tMult >= 1, "cosine restarts need t0 > 0 and tMult ≥ 1, got \(t0), \(tMult)")
            var period = t0
            var since = iteration
            while since >= period {
                since -= period
                period *= tMult
            }
            return etaMin + (base - etaMin) * (1 + cos(Double.pi * Double(since) / Double(period))) / 2
        case let .stepDecay(stepSize, gamma):
            precondition(stepSize > 0, "step decay needs stepSize > 0")
            return base * pow(gamma, Double(iteration / stepSize))
        case let .linearWarmup(startFactor, iterations, then):
            if iteration < iterations {
                return base * (startFactor + (1 - startFactor) * Double(iteration) / Double(iterations))
            }
            return then.learningRate(at: iteration - iterations, base: base)
        }
    }
}

/// Drives an optimizer's learning rate from a schedule, one call per iteration.
public struct LearningRateScheduler: Codable, Equatable, Sendable {
    /// The schedule.
    public var schedule: LearningRateSchedule
    /// The base (peak) learning rate.
    public var base: Double
    /// Iterations completed (the next `apply` uses this index).
    public var iteration: Int

    /// Creates a scheduler at iteration 0.
    public init(schedule: LearningRateSchedule, base: Double, iteration: Int = 0) {
        self.schedule = schedule
        self.base = base
        self.iteration = iteration
    }

    /// Sets `optimizer.learningRate` for the current iteration; returns it.
    @discardableResult
    public func apply(to optimizer: any Optimizer) -> Double {
        let lr = schedule.learningRate(at: iteration, base: base)
        optimizer.learningRate = lr
        return lr
    }

    /// Advances to the next iteration (call after `optimizer.step()`).
    public mutating func advance() { iteration += 1 }
}

extension LearningRateSchedule {
    /// Throws `SeaIceError.configuration` naming the key (`schedule.cosineWarmRestarts.t0`, …) whose value
    /// would trap or make no schedule: periods and steps must be ≥ 1, factors finite and positive.
    public func validate(path: String = "schedule") throws {
        func fail(_ key: String, _ expected: String, _ value: Any) -> SeaIceError {
            .configuration("\(path).\(key) must be \(expected), is \(value)")
        }
        switch self {
        case .constant:
            return
        case let .cosineWarmRestarts(t0, tMult, etaMin):
            guard t0 >= 1 else { throw fail("cosineWarmRestarts.t0", "≥ 1 iteration", t0) }
            guard tMult >= 1 else { throw fail("cosineWarmRestarts.tMult", "≥ 1", tMult) }
            guard etaMin.isFinite, etaMin >= 0 else { throw fail("cosineWarmRestarts.etaMin", "finite and ≥ 0", etaMin) }
        case let .stepDecay(stepSize, gamma):
            guard stepSize >= 1 else { throw fail("stepDecay.stepSize", "≥ 1 iteration", stepSize) }
            guard gamma.isFinite, gamma > 0 else { throw fail("stepDecay.gamma", "finite and > 0", gamma) }
        case let .linearWarmup(startFactor, iterations, then):
            guard startFactor.isFinite, startFactor > 0, startFactor <= 1 else {
                throw fail("linearWarmup.startFactor", "in (0, 1]", startFactor)
            }
            guard iterations >= 0 else { throw fail("linearWarmup.iterations", "≥ 0", iterations) }
            try then.validate(path: "\(path).linearWarmup.then")
        }
    }
}
