import SeaIceCore
import SeaIceTensor

/// The MMSeaIce training loss: `sicWeight`·masked MSE(SIC) + `sodWeight`·CE(SOD) + `floeWeight`·CE(FLOE).
///
/// Source: ../shared/specs/mmseaice.md "Training" (weights 1, 3, 3; label 255 excluded from all
/// three; MSE = Σ mask·(ŷ − y)² / Σ mask).
public struct MultiTaskLoss: Codable, Equatable, Sendable {
    /// Weight of the SIC regression term.
    public var sicWeight: Float
    /// Weight of the SOD cross-entropy.
    public var sodWeight: Float
    /// Weight of the FLOE cross-entropy.
    public var floeWeight: Float
    /// Label value of unlabelled pixels.
    public var ignoreIndex: Int

    /// Creates the loss; defaults are MMSeaIce's.
    public init(sicWeight: Float = 1, sodWeight: Float = 3, floeWeight: Float = 3, ignoreIndex: Int = 255) {
        self.sicWeight = sicWeight
        self.sodWeight = sodWeight
        self.floeWeight = floeWeight
        self.ignoreIndex = ignoreIndex
    }

    /// The scalar loss for `output` and labels [N, H, W]: `sic` float (class index, 255 = ignore),
    /// `sod` and `floe` int64 (255 = ignore).
    public func callAsFunction(_ output: UNetOutput, sic: Tensor, sod: Tensor, floe: Tensor) throws -> Tensor {
        let mse = try Losses.maskedMSE(output.sic.squeeze(1), target: sic, ignoreValue: Float(ignoreIndex))
        let ceSOD = try Losses.crossEntropy(output.sod, target: sod, ignoreIndex: ignoreIndex)
        let ceFLOE = try Losses.crossEntropy(output.floe, target: floe, ignoreIndex: ignoreIndex)
        return try mse * sicWeight + ceSOD * sodWeight + ceFLOE * floeWeight
    }
}
