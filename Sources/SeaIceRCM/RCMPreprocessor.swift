import Foundation
import Logging
import SeaIceCore
import SeaIceLand
import SeaIceSAR

/// Turns an RCM detected product (folder or zip) into an `AnalysisReadyScene` through the shared `SARPipeline`:
/// the same layout as a Sentinel-1 scene (HH/HV in dB, incidence angle, tie points, land mask, distance to land).
///
/// Noise: `.esa` and `.nersc` subtract the product's NESZ (`.nersc` then applies the texture-noise correction with
/// the NESZ as annotated: NERSC's per-sub-swath coefficients exist for Sentinel-1 only); `.none` keeps σ⁰ as
/// calibrated.
public struct RCMPreprocessor: Sendable {
    /// The shared pipeline and its choices.
    public var pipeline: SARPipeline

    /// A preprocessor over `pipeline`.
    public init(pipeline: SARPipeline) { self.pipeline = pipeline }

    /// Whether `url` holds an RCM product (a `metadata/product.xml` beside the `manifest.safe`).
    public static func isRCMProduct(_ url: URL) -> Bool {
        guard let a = try? ProductArchive(url: url, kind: "RCM") else { return false }
        return a.relative.contains("metadata/product.xml") && !a.relative.contains { $0.hasPrefix("annotation/") }
    }

    /// Processes the product at `url`; `progress(fraction, stage)` as `SARPipeline.run`.
    /// - Throws: `SeaIceError` naming the product file and element.
    public func run(_ url: URL, logger: Logger, progress: ((Double, String) -> Void)? = nil) throws -> AnalysisReadyScene {
        try pipeline.run(logger: logger, progress: progress) {
            let p = try RCMProduct(url: url)
            if p.metadata.noiseSubtracted {
                logger.info("the product declares its DN already noise-subtracted: NESZ not subtracted again")
            }
            return p
        }
    }
}
