import SeaIceAI4Arctic
import SeaIceCore

/// How the full-grid variables are reduced from 80 m to the training resolution.
public enum Downsampling: String, Codable, Sendable {
    /// Pixel (f·i, f·j) of each f × f block, as `torch.nn.functional.interpolate(mode='nearest')` in MMSeaIce.
    /// The downscaled pixel stands for the 80 m pixel at its block's top-left corner.
    case nearest
    /// Block mean for inputs; labels take the pixel nearest the block centre (f·i + ⌊f/2⌋).
    /// The downscaled pixel stands for the block centre.
    case blockMean = "block-mean"
}

/// Probabilities and ranges of the training augmentations (MMSeaIce, `specs/mmseaice.md`).
///
/// Each augmentation is drawn independently with its probability. Inputs are filled with 0 and
/// labels with 255 where a rotation or scaling exposes pixels outside the patch.
public struct AugmentationConfiguration: Codable, Sendable, Hashable {
    /// Probability of a left–right flip.
    public var horizontalFlip: Double = 0.5
    /// Probability of an up–down flip.
    public var verticalFlip: Double = 0.5
    /// Probability of a rotation by an angle uniform in `rotationDegrees`.
    public var rotation: Double = 0.5
    /// Rotation range, degrees, half-open [lower, upper).
    public var rotationDegrees: ClosedRange<Double> = -90...90
    /// Probability of a scaling by a factor uniform in `scaleRange` (when not drawn the scale is 1:
    /// the reference code's quirk of scaling by 1.1 anyway is not reproduced).
    public var scale: Double = 0.5
    /// Scale-factor range.
    public var scaleRange: ClosedRange<Double> = 0.9...1.1
    /// Probability of CutMix with a box of area fraction 1 − λ, λ ~ Beta(1, 1).
    public var cutMix: Double = 0.5

    /// The MMSeaIce defaults (every p = 0.5).
    public init() {}

    /// No augmentation at all (validation, tests).
    public static let none: AugmentationConfiguration = {
        var c = AugmentationConfiguration()
        c.horizontalFlip = 0; c.verticalFlip = 0; c.rotation = 0; c.scale = 0; c.cutMix = 0
        return c
    }()
}

/// Typed configuration of the training sampler (MMSeaIce defaults).
public struct SamplerConfiguration: Codable, Sendable, Hashable {
    /// Input channels, in channel order of the NCHW batch.
    public var channels: [InputChannel] = InputChannel.mmseaice
    /// Patch side in downscaled pixels.
    public var patchSize: Int = 256
    /// Downscaling factor from the 80 m ready-to-train grid (10 → 800 m).
    public var downscaleFactor: Int = 10
    /// How full-grid variables are downscaled.
    public var downsampling: Downsampling = .nearest
    /// Patches per batch.
    public var batchSize: Int = 16
    /// A patch is rejected when it has at most this many valid (≠ 255) SIC pixels (reference: 1).
    public var rejectAtOrBelowValidSIC: Int = 1
    /// Draws before giving up on finding an acceptable patch.
    public var maxAttemptsPerPatch: Int = 1000
    /// Augmentations.
    public var augmentation = AugmentationConfiguration()
    /// Downscaled scenes kept in memory (LRU); the rest are re-read from disk when drawn.
    public var cacheCapacity: Int = 32
    /// Batches prepared ahead by the background producer.
    public var prefetchDepth: Int = 2
    /// Latitude standardisation μ, σ (degrees; MMSeaIce, `specs/mmseaice.md`).
    public var latitudeStatistics = MeanStd(mean: 69.12526250065734, std: 7.03179625261593)
    /// Longitude standardisation μ, σ (degrees; MMSeaIce, `specs/mmseaice.md`).
    public var longitudeStatistics = MeanStd(mean: -56.38966259295485, std: 31.32935694114249)

    /// The MMSeaIce configuration.
    public init() {}

    /// Throws a configuration error describing the first inconsistent field.
    public func validate() throws {
        func fail(_ m: String) -> SeaIceError { .configuration("sampler: \(m)") }
        guard !channels.isEmpty else { throw fail("channels is empty") }
        guard patchSize > 0, patchSize <= 16_384 else { throw fail("patchSize must be in 1 ... 16384, is \(patchSize)") }
        guard downscaleFactor > 0 else { throw fail("downscaleFactor must be > 0, is \(downscaleFactor)") }
        guard batchSize > 0 else { throw fail("batchSize must be > 0, is \(batchSize)") }
        guard maxAttemptsPerPatch > 0 else { throw fail("maxAttemptsPerPatch must be > 0") }
        guard (0..<(patchSize * patchSize)).contains(rejectAtOrBelowValidSIC) else {
            throw fail("rejectAtOrBelowValidSIC must be in 0 ..< patchSize² = \(patchSize * patchSize) (a patch never has more "
                       + "valid pixels than that), is \(rejectAtOrBelowValidSIC)")
        }
        guard cacheCapacity > 0, prefetchDepth > 0 else { throw fail("cacheCapacity and prefetchDepth must be > 0") }
        guard latitudeStatistics.std > 0, longitudeStatistics.std > 0 else {
            throw fail("latitudeStatistics / longitudeStatistics need std > 0")
        }
        let a = augmentation
        for (name, p) in [("horizontalFlip", a.horizontalFlip), ("verticalFlip", a.verticalFlip),
                          ("rotation", a.rotation), ("scale", a.scale), ("cutMix", a.cutMix)] where !(0...1).contains(p) {
            throw fail("augmentation.\(name) must be a probability in [0, 1], is \(p)")
        }
        guard a.scaleRange.lowerBound > 0 else { throw fail("augmentation.scaleRange must be > 0") }
    }
}
