import SeaIceNN
import SeaIceTensor

/// How a network's SIC output is read (../shared/specs/mmseaice.md, "Network" and "Training").
public enum SICHeadKind: String, Codable, Sendable, CaseIterable {
    /// Per-pixel linear layer 32 → 1: regression on the class index 0–10 (tenths), trained with
    /// masked MSE. The winning choice (MSE beat cross-entropy by 5.0 SIC points).
    case regression
    /// 1 × 1 convolution to class logits (11 classes + the reference's mask class), trained with
    /// cross-entropy (the paper's Model 8).
    case classification
}

/// The three per-pixel outputs of a multi-task network, all NCHW float.
public struct TaskOutputs {
    /// SIC: regression `[N, 1, H, W]` in class-index units (tenths, 0–10), or logits `[N, K, H, W]`.
    public var sic: Tensor
    /// SOD logits `[N, K_SOD, H, W]` (6 classes + the reference's mask class).
    public var sod: Tensor
    /// FLOE logits `[N, K_FLOE, H, W]` (7 classes + the reference's mask class).
    public var floe: Tensor

    /// Bundles the three outputs.
    public init(sic: Tensor, sod: Tensor, floe: Tensor) {
        self.sic = sic
        self.sod = sod
        self.floe = floe
    }
}

/// A network mapping NCHW inputs `[N, C, H, W]` to SIC, SOD and FLOE maps of the same H × W.
///
/// Implemented by `MultiTaskUNet` (all architectures of `ModelConfiguration`) and by the tiny
/// test networks; training, validation and prediction only see this protocol.
public protocol MultiTaskNetwork: Module {
    /// How the SIC output is read.
    var sicHead: SICHeadKind { get }
    /// The three outputs for NCHW `x`.
    func outputs(_ x: Tensor) throws -> TaskOutputs
}
