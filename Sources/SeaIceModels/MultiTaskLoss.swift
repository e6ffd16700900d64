import SeaIceTensor

/// Weights of the three task losses (../shared/specs/mmseaice.md, "Training": 1·MSE + 3·CE + 3·CE).
public struct LossWeights: Codable, Sendable, Equatable {
    /// Weight of the SIC loss (masked MSE, or cross-entropy for the classification head).
    public var sic: Double
    /// Weight of the SOD cross-entropy.
    public var sod: Double
    /// Weight of the FLOE cross-entropy.
    public var floe: Double

    /// The MMSeaIce weights by default.
    public init(sic: Double = 1, sod: Double = 3, floe: Double = 3) {
        self.sic = sic
        self.sod = sod
        self.floe = floe
    }
}

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

/// MMSeaIce's loss (../shared/specs/mmseaice.md "Training"): w_SIC·MSE(SIC, masked: Σ m(ŷ − y)² / Σ m,
/// label 255 excluded) + w_SOD·CE(SOD, ignore 255) + w_FLOE·CE(FLOE, ignore 255), weights 1, 3, 3;
/// with the classification head SIC uses cross-entropy too (the paper's Model 8).
public struct MultiTaskLoss: Sendable {
    /// Label value of unlabelled pixels.
    public static let ignoreIndex = 255
    /// Task weights.
    public let weights: LossWeights
    /// How the SIC output is read.
    public let sicHead: SICHeadKind

    /// A loss with `weights` for a network with `sicHead`; defaults are MMSeaIce's.
    public init(weights: LossWeights = .init(), sicHead: SICHeadKind = .regression) {
        self.weights = weights
        self.sicHead = sicHead
    }

    /// The loss terms for `outputs` and labels [N, H, W] `sic`, `sod`, `floe` (class indices of any
    /// numeric dtype, 255 = unlabelled).
    public func terms(_ outputs: TaskOutputs, sic: Tensor, sod: Tensor, floe: Tensor) throws -> LossTerms {
        let sicLoss: Tensor
        switch sicHead {
        case .regression:
            sicLoss = try Losses.maskedMSE(outputs.sic.to(.float32).squeeze(1), target: sic.to(.float32),
                                           ignoreValue: Float(Self.ignoreIndex))
        case .classification:
            sicLoss = try Self.crossEntropy(outputs.sic, sic)
        }
        let sodLoss = try Self.crossEntropy(outputs.sod, sod)
        let floeLoss = try Self.crossEntropy(outputs.floe, floe)
        let total = try sicLoss * Float(weights.sic) + sodLoss * Float(weights.sod) + floeLoss * Float(weights.floe)
        return LossTerms(total: total, sic: sicLoss, sod: sodLoss, floe: floeLoss)
    }

    /// The loss terms for `outputs` against `labels`, `[N, 3, H, W]` (SIC, SOD, FLOE; 255 = masked).
    public func callAsFunction(_ outputs: TaskOutputs, labels: Tensor) throws -> LossTerms {
        try terms(outputs, sic: labels.select(dim: 1, index: 0), sod: labels.select(dim: 1, index: 1),
                  floe: labels.select(dim: 1, index: 2))
    }

    /// The scalar total loss for `outputs` and labels [N, H, W] (see `terms`).
    public func callAsFunction(_ outputs: TaskOutputs, sic: Tensor, sod: Tensor, floe: Tensor) throws -> Tensor {
        try terms(outputs, sic: sic, sod: sod, floe: floe).total
    }

    /// Cross-entropy averaged over the non-masked pixels: Σ CE / max(count, 1), which equals
    /// `F.cross_entropy(ignore_index=255)` whenever a pixel is valid and is 0 (not NaN) when none is.
    static func crossEntropy(_ logits: Tensor, _ target: Tensor) throws -> Tensor {
        let sum = try Losses.crossEntropy(logits.to(.float32), target: target.to(.int64), ignoreIndex: ignoreIndex, reduction: .sum)
        let count = try target.ne(Float(ignoreIndex)).to(.float32).sum().clamp(min: 1)
        return try sum / count
    }
}
