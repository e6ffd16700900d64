import SeaIceNN
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

extension LossTerms {
    /// SIC loss (masked MSE in class-index units², or cross-entropy) of a multi-task loss.
    public var sic: Tensor { self[MultiTaskName.sic]! }
    /// SOD cross-entropy of a multi-task loss.
    public var sod: Tensor { self[MultiTaskName.sod]! }
    /// FLOE cross-entropy of a multi-task loss.
    public var floe: Tensor { self[MultiTaskName.floe]! }
}

/// MMSeaIce's loss (../shared/specs/mmseaice.md "Training"): w_SIC·MSE(SIC, masked: Σ m(ŷ − y)² / Σ m,
/// label 255 excluded) + w_SOD·CE(SOD, ignore 255) + w_FLOE·CE(FLOE, ignore 255), weights 1, 3, 3;
/// with the classification head SIC uses cross-entropy too (the paper's Model 8). One instance of
/// the engine's `CompositeLoss`.
public struct MultiTaskLoss: Sendable {
    /// Label value of unlabelled pixels.
    public static let ignoreIndex = 255
    /// Task weights.
    public let weights: LossWeights
    /// How the SIC output is read.
    public let sicHead: SICHeadKind
    /// The (task, loss, weight) list.
    public let composite: CompositeLoss

    /// A loss with `weights` for a network with `sicHead`; defaults are MMSeaIce's.
    public init(weights: LossWeights = .init(), sicHead: SICHeadKind = .regression) {
        self.weights = weights
        self.sicHead = sicHead
        let ce = MaskedCrossEntropyLoss(ignoreIndex: Self.ignoreIndex)
        let sic: any TaskLossFunction = sicHead == .regression ? MaskedMSELoss(ignoreValue: Float(Self.ignoreIndex)) : ce
        composite = CompositeLoss([
            .init(task: MultiTaskName.sic, function: sic, weight: weights.sic),
            .init(task: MultiTaskName.sod, function: ce, weight: weights.sod),
            .init(task: MultiTaskName.floe, function: ce, weight: weights.floe),
        ])
    }

    /// The loss terms for `outputs` and labels [N, H, W] `sic`, `sod`, `floe` (class indices of any
    /// numeric dtype, 255 = unlabelled).
    public func terms(_ outputs: TaskOutputs, sic: Tensor, sod: Tensor, floe: Tensor) throws -> LossTerms {
        try composite(outputs, targets: [MultiTaskName.sic: sic, MultiTaskName.sod: sod, MultiTaskName.floe: floe])
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
}
