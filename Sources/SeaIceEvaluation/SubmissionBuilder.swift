import Foundation
import SeaIceProducts

/// The AutoICE submission file for a set of predicted scenes (../shared/specs/ai4arctic.md,
/// "Scoring"): per scene `<scene>_SIC` (class 0–10), `<scene>_SOD`, `<scene>_FLOE` at 80 m,
/// written by `SubmissionWriter` (netCDF-4, zlib 1, atomically). It lives beside the writer, above
/// `SeaIceProducts`, so that inference never imports evaluation; `seaice predict --submission` calls it.
public enum SubmissionBuilder {
    /// The submission scene name: the first 19 characters of the ready-to-train name (`20180124T194759_dmi`).
    public static func sceneName(_ sceneID: String) -> String { String(sceneID.prefix(19)) }

    /// Writes `products` into the submission file `url`.
    public static func write(_ products: [IceProduct], to url: URL) throws {
        let simulated = products.contains { $0.provenance.simulated }
        try SubmissionWriter.write(to: url, simulated: simulated) { writer in
            for p in products {
                let sic = p.sicPercent.map { $0 == 255 ? 255 : UInt8((Int($0) + 5) / 10) }
                try writer.add(scene: sceneName(p.sceneID), lines: p.height, samples: p.width,
                               sic: sic, sod: p.sod, floe: p.floe)
            }
        }
    }
}

extension IceProduct {
    /// The product without probabilities, uncertainty and geolocation (what a submission needs).
    public var classMapsOnly: IceProduct {
        var p = self
        p.sodProbabilities = nil
        p.floeProbabilities = nil
        p.sicUncertainty = nil
        p.latitude = nil
        p.longitude = nil
        return p
    }
}
