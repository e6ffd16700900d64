import SeaIceInference
import SeaIceTensor

/// The three task losses and their weighted sum, as scalar tensors (the total carries the graph).
public struct LossTerms {
    /// Weighted sum.
    public var total: Tensor
    /// SIC loss (masked MSE in class-index units², or cross-entropy).
    public var sic: Tensor
    /// SOD cross-entropy.
    public var sod: Tensor
    /// FLOE cross-entropy.
    public var floe: Tensor
}

/// MMSeaIce's loss (../shared/specs/mmseaice.md): w_SIC·MSE(SIC, masked: Σ m(ŷ − y)² / Σ m, label 255
/// excluded) + w_SOD·CE(SOD, ignore 255) + w_FLOE·CE(FLOE, ignore 255); with the classification head
/// SIC uses cross-entropy too (the paper's Model 8).
public struct MultiTaskLoss {
    /// Task weights.
    public let weights: LossWeights
    /// How the SIC output is read.
    public let sicHead: SICHeadKind

    /// A loss with `weights` for a network with `sicHead`.
    public init(weights: LossWeights, sicHead: SICHeadKind) {
        self.weights = weights
        self.sicHead = sicHead
    }

    /// The loss of `outputs` against `labels`, uint8 `[N, 3, H, W]` (SIC, SOD, FLOE; 255 = masked).
    public func callAsFunction(_ outputs: TaskOutputs, labels: Tensor) throws -> LossTerms {
        let sicTarget = try labels.select(dim: 1, index: 0)
        let sic: Tensor
        switch sicHead {
        case .regression:
            sic = try Losses.maskedMSE(outputs.sic.to(.float32).squeeze(1), target: sicTarget.to(.float32), ignoreValue: 255)
        case .classification:
            sic = try Self.crossEntropy(outputs.sic, sicTarget)
        }
        let sod = try Self.crossEntropy(outputs.sod, labels.select(dim: 1, index: 1))
        let floe = try Self.crossEntropy(outputs.floe, labels.select(dim: 1, index: 2))
        let total = try sic * Float(weights.sic) + sod * Float(weights.sod) + floe * Float(weights.floe)
        return LossTerms(total: total, sic: sic, sod: sod, floe: floe)
    }

    /// Cross-entropy averaged over the non-masked pixels: Σ CE / max(count, 1), which equals
    /// `F.cross_entropy(ignore_index=255)` whenever a pixel is valid and is 0 (not NaN) when none is.
    static func crossEntropy(_ logits: Tensor, _ target: Tensor) throws -> Tensor {
        let sum = try Losses.crossEntropy(logits.to(.float32), target: target.to(.int64), ignoreIndex: 255, reduction: .sum)
        let count = try target.ne(255).to(.float32).sum().clamp(min: 1)
        return try sum / count
    }
}
