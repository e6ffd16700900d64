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

/// Task names of the multi-task U-Net's outputs, targets and loss terms.
public enum MultiTaskName {
    /// Sea-ice concentration.
    public static let sic = "sic"
    /// Stage of development.
    public static let sod = "sod"
    /// Floe size.
    public static let floe = "floe"
    /// The three, in label-plane order (SIC, SOD, FLOE).
    public static let all = [sic, sod, floe]
}

/// The multi-task U-Net's three outputs (`MultiTaskName`), all logical NCHW (memory may be
/// channels-last), float: SIC regression `[N, 1, H, W]` in class-index units (tenths, 0–10, not
/// clamped) or logits `[N, K, H, W]`; SOD logits `[N, K_SOD, H, W]` (6 classes + the reference's mask
/// class); FLOE logits `[N, K_FLOE, H, W]` (7 classes + the reference's mask class).
extension TaskOutputs {
    /// Bundles the three outputs of a multi-task network.
    public init(sic: Tensor, sod: Tensor, floe: Tensor) {
        self.init([(MultiTaskName.sic, sic), (MultiTaskName.sod, sod), (MultiTaskName.floe, floe)])
    }

    /// The SIC output (a multi-task network always has one).
    public var sic: Tensor { self[MultiTaskName.sic]! }
    /// The SOD output.
    public var sod: Tensor { self[MultiTaskName.sod]! }
    /// The FLOE output.
    public var floe: Tensor { self[MultiTaskName.floe]! }
}

/// A `TaskNetwork` mapping NCHW inputs `[N, C, H, W]` to SIC, SOD and FLOE maps of the same H × W.
///
/// Implemented by `UNet` (all variants of `UNetConfiguration`) and by tiny test networks; the multi-task
/// system's validation and prediction see this protocol (prediction runs a `UNet` through `UNetInference`).
public protocol MultiTaskNetwork: TaskNetwork {
    /// How the SIC output is read.
    var sicHead: SICHeadKind { get }
}
