import SeaIceCore
import SeaIceNN

/// Decoder layout of the multi-task U-Net (seed 001, the paper's Models 1 and 9).
public enum DecoderLayout: String, Codable, Sendable, CaseIterable {
    /// One decoder whose last features feed all three heads (the AutoICE submission, Model 1).
    case shared
    /// One decoder per task over the shared encoder (Model 9: improved FLOE).
    case separate
}

/// Typed configuration of a multi-task U-Net; every default is the winning configuration of
/// ../shared/specs/mmseaice.md (MMSeaIce `configs/sic_mse/sic_mse.py`).
public struct ModelConfiguration: Codable, Sendable, Equatable {
    /// Number of input channels C (NCHW); 16 for `InputChannel.mmseaice`.
    public var inputChannels: Int
    /// Filters per level, encoder order: [32, 32, 64, 64].
    public var filters: [Int]
    /// Shared or separate decoders.
    public var decoder: DecoderLayout
    /// Regression (MSE) or classification (cross-entropy) SIC head.
    public var sicHead: SICHeadKind
    /// SIC logits of the classification head: 11 classes + the reference's mask class = 12.
    public var sicClasses: Int
    /// SOD logits: 6 classes + the reference's mask class = 7.
    public var sodClasses: Int
    /// FLOE logits: 7 classes + the reference's mask class = 8.
    public var floeClasses: Int

    /// The winning configuration for `inputChannels` inputs.
    public init(inputChannels: Int, filters: [Int] = [32, 32, 64, 64], decoder: DecoderLayout = .shared,
                sicHead: SICHeadKind = .regression, sicClasses: Int = 12, sodClasses: Int = 7, floeClasses: Int = 8) {
        self.inputChannels = inputChannels
        self.filters = filters
        self.decoder = decoder
        self.sicHead = sicHead
        self.sicClasses = sicClasses
        self.sodClasses = sodClasses
        self.floeClasses = floeClasses
    }

    /// Number of valid SIC classes (0–10 tenths).
    public static let validSICClasses = 11
    /// Number of valid SOD classes.
    public static let validSODClasses = 6
    /// Number of valid FLOE classes.
    public static let validFLOEClasses = 7

    /// Throws a configuration error naming the first inconsistent field.
    public func validate() throws {
        guard inputChannels > 0 else { throw SeaIceError.configuration("model: inputChannels must be > 0, is \(inputChannels)") }
        guard filters.count >= 2, filters.allSatisfy({ $0 > 0 }) else {
            throw SeaIceError.configuration("model: filters must hold at least 2 positive counts, is \(filters)")
        }
        guard sicClasses >= Self.validSICClasses, sodClasses >= Self.validSODClasses, floeClasses >= Self.validFLOEClasses else {
            throw SeaIceError.configuration(
                "model: sicClasses ≥ 11, sodClasses ≥ 6, floeClasses ≥ 7 expected, found \(sicClasses), \(sodClasses), \(floeClasses)")
        }
    }

    /// A freshly initialised network (PyTorch default initialisation drawn from `generator`).
    public func makeNetwork(generator: inout SeededGenerator) throws -> MultiTaskUNet {
        try validate()
        return try MultiTaskUNet(configuration: self, generator: &generator)
    }
}
