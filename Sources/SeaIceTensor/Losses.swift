import CTorchBridge
import SeaIceCore

/// How a loss combines its per-element values (PyTorch's `reduction`).
public enum Reduction: String, Codable, Sendable {
    /// Per-element losses, same shape as the target.
    case none
    /// Mean over the counted elements (for cross-entropy: weighted by class weight, ignored pixels excluded).
    case mean
    /// Sum over the elements.
    case sum

    var code: Int32 {
        switch self {
        case .none: return Int32(SIK_REDUCTION_NONE)
        case .mean: return Int32(SIK_REDUCTION_MEAN)
        case .sum: return Int32(SIK_REDUCTION_SUM)
        }
    }
}

/// Loss functions (namespace). Logits are NCHW (or NC for per-sample classifiers); class targets
/// are int64 [N, H, W] (or [N]) with `ignoreIndex` marking unlabelled pixels (255 in AI4Arctic charts).
public enum Losses {
    /// Softmax cross-entropy, `F.cross_entropy`: −w[y]·log softmax(x)[y], averaged over non-ignored
    /// targets weighted by `weight[y]` for `.mean`. `labelSmoothing` ε mixes ε/C of every class into the target.
    public static func crossEntropy(
        _ logits: Tensor, target: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100, labelSmoothing: Float = 0,
        reduction: Reduction = .mean
    ) throws -> Tensor {
        try Tensor.make("cross_entropy of logits \(logits.shape) and target \(target.shape)", [logits, target, weight]) {
            sik_cross_entropy(logits.handle, target.handle, optionalHandle(weight), reduction.code, Int64(ignoreIndex),
                              Double(labelSmoothing), $0)
        }
    }

    /// Cross-entropy with one weight per sample (Dynamic Curriculum Learning, spec ice-types.md):
    /// loss = Σₙ wₙ·CEₙ / N, where CEₙ is sample n's cross-entropy averaged over its non-ignored pixels
    /// (0 when it has none). `sampleWeights` is [N]; `classWeight` (optional) multiplies each pixel's loss.
    public static func crossEntropy(
        _ logits: Tensor, target: Tensor, sampleWeights: Tensor, classWeight: Tensor? = nil, ignoreIndex: Int = -100
    ) throws -> Tensor {
        let n = target.shape.first ?? 0
        guard sampleWeights.shape == [n] else {
            throw SeaIceError.invalidInput(
                file: "Losses", item: "crossEntropy sampleWeights",
                expected: "shape [\(n)] (one weight per sample of target \(target.shape)), got \(sampleWeights.shape)")
        }
        let perElement = try crossEntropy(logits, target: target, weight: classWeight, ignoreIndex: ignoreIndex, reduction: .none)
        var perSample = perElement
        if target.rank > 1 {
            let spatial = Array(1..<target.rank)
            let valid = try target.ne(Float(ignoreIndex)).to(perElement.dtype).sum(dims: spatial)
            perSample = try perElement.sum(dims: spatial) / valid.clamp(min: 1)
        }
        return try (perSample * sampleWeights).sum() / Float(Swift.max(n, 1))
    }

    /// Mean squared error over the pixels where `target != ignoreValue`: Σ m·(ŷ − y)² / Σ m (0 when none is valid).
    public static func maskedMSE(_ prediction: Tensor, target: Tensor, ignoreValue: Float) throws -> Tensor {
        try maskedMSE(prediction, target: target, mask: target.ne(ignoreValue))
    }

    /// Mean squared error over the pixels where the bool `mask` is true: Σ m·(ŷ − y)² / Σ m.
    public static func maskedMSE(_ prediction: Tensor, target: Tensor, mask: Tensor) throws -> Tensor {
        let squared = try (prediction - target).square()
        let kept = try Tensor.where(mask, squared, 0)
        let count = try mask.to(squared.dtype).sum()
        return try kept.sum() / count.clamp(min: 1)
    }

    /// Weighted L1, Σ w·|ŷ − y| / Σ w: the geographically weighted L1 of spec concentration-fusion.md,
    /// where `weights` (≥ 0, broadcast to the prediction) come from the ice-chart regions.
    public static func weightedL1(_ prediction: Tensor, target: Tensor, weights: Tensor) throws -> Tensor {
        let weighted = try weights * (prediction - target).abs()
        let total = try weighted.sum()
        let norm = try (weights * Tensor.ones(like: prediction)).sum()
        return try total / norm.clamp(min: Float.leastNormalMagnitude)
    }

    /// Binary cross-entropy on logits, `F.binary_cross_entropy_with_logits`:
    /// −w·[p·y·log σ(x) + (1 − y)·log(1 − σ(x))] with `posWeight` p (default 1) per class.
    public static func bceWithLogits(
        _ logits: Tensor, target: Tensor, weight: Tensor? = nil, posWeight: Tensor? = nil, reduction: Reduction = .mean
    ) throws -> Tensor {
        try Tensor.make("binary_cross_entropy_with_logits of \(logits.shape) and \(target.shape)", [logits, target, weight, posWeight]) {
            sik_bce_with_logits(logits.handle, target.handle, optionalHandle(weight), optionalHandle(posWeight), reduction.code, $0)
        }
    }

    /// Soft multi-class Dice loss over NCHW `logits` and int64 [N, H, W] `target`:
    /// p = softmax(logits), t = one-hot(target); per class c, over non-ignored pixels,
    /// Dice_c = (2·Σ p·t + smooth) / (Σ (p + t) + smooth); loss = 1 − mean_c Dice_c.
    public static func dice(_ logits: Tensor, target: Tensor, ignoreIndex: Int = -100, smooth: Float = 1) throws -> Tensor {
        let shape = logits.shape
        guard shape.count == 4, target.shape == [shape[0], shape[2], shape[3]] else {
            throw SeaIceError.invalidInput(
                file: "Losses", item: "dice",
                expected: "NCHW logits and an [N, H, W] target, got \(shape) and \(target.shape)")
        }
        let probabilities = try Functional.softmax(logits, dim: 1)
        let valid = try target.ne(Float(ignoreIndex))
        let safeTarget = try Tensor.where(valid, target, 0).to(.int64)
        let oneHot = try safeTarget.oneHot(numClasses: shape[1]).permute([0, 3, 1, 2]).to(probabilities.dtype)
        let validMask = try valid.unsqueeze(1).to(probabilities.dtype)
        let intersection = try (probabilities * oneHot * validMask).sum(dims: [0, 2, 3])
        let cardinality = try ((probabilities + oneHot) * validMask).sum(dims: [0, 2, 3])
        let perClass = try (2 * intersection + smooth) / (cardinality + smooth)
        return try 1 - perClass.mean()
    }

    /// Soft binary Dice loss on logits: p = σ(logits); loss = 1 − (2·Σ m·p·y + smooth) / (Σ m·(p + y) + smooth),
    /// with the bool `mask` m (all pixels when nil). Used with BCE by the ice/water U-Nets (spec seaice-cover.md).
    public static func binaryDice(_ logits: Tensor, target: Tensor, mask: Tensor? = nil, smooth: Float = 1) throws -> Tensor {
        let p = try Functional.sigmoid(logits)
        var products = try p * target
        var sums = try p + target
        if let mask {
            products = try Tensor.where(mask, products, 0)
            sums = try Tensor.where(mask, sums, 0)
        }
        return try 1 - (2 * products.sum() + smooth) / (sums.sum() + smooth)
    }
}
