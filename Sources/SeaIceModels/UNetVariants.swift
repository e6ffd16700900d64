import SeaIceNN
import SeaIceTensor

/// Decoder layout of the multi-task U-Net (seed 001, the paper's Models 1 and 9).
public enum DecoderLayout: String, Codable, Sendable, CaseIterable {
    /// One decoder whose last features feed all three heads (the AutoICE submission, Model 1).
    case shared
    /// One decoder per task over the shared encoder (Model 9: improved FLOE).
    case separate
}

/// How a network's SIC output is read (../shared/specs/mmseaice.md, "Network" and "Training").
public enum SICHeadKind: String, Codable, Sendable, CaseIterable {
    /// Per-pixel linear layer filters[0] → 1: regression on the class index 0–10 (tenths), trained
    /// with masked MSE. The winning choice (MSE beat cross-entropy by 5.0 SIC points).
    case regression
    /// 1 × 1 convolution to class logits (11 classes + the reference's mask class), trained with
    /// cross-entropy (the paper's Model 8).
    case classification
}

/// The three per-pixel outputs of a multi-task network, all with logical NCHW shape (memory may be
/// channels-last), float.
public struct TaskOutputs {
    /// SIC: regression `[N, 1, H, W]` in class-index units (tenths, 0–10, not clamped), or logits `[N, K, H, W]`.
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
/// Implemented by `UNet` (all variants of `UNetConfiguration`) and by tiny test networks; training,
/// validation and prediction only see this protocol (prediction runs a `UNet` through `UNetInference`).
public protocol MultiTaskNetwork: Module {
    /// How the SIC output is read.
    var sicHead: SICHeadKind { get }
    /// The three outputs for NCHW `x`.
    func outputs(_ x: Tensor) throws -> TaskOutputs
}
