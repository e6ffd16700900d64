import Foundation
import SeaIceAI4Arctic
import SeaIceModels
import SeaIceProducts

/// What goes into a product besides the three class maps.
public struct ProductOptions: Codable, Sendable, Equatable {
    /// Write SOD and FLOE class probabilities (6 + 7 float layers at 80 m: ≈ 52 B per pixel).
    public var probabilities: Bool
    /// Write per-pixel latitude/longitude interpolated from the 21 × 21 tie points.
    public var geolocation: Bool

    /// Defaults: probabilities and geolocation on.
    public init(probabilities: Bool = true, geolocation: Bool = true) {
        self.probabilities = probabilities
        self.geolocation = geolocation
    }
}

/// Builds the 80 m `IceProduct` of a scene from its downscaled prediction: nearest upsampling
/// (MMSeaIce), SIC class × 10 → percent, 255 where the SAR is invalid (outside the swath).
public enum ProductAssembler {
    /// The product of `scene` from `prediction` (on `scene`'s downscaled grid).
    public static func assemble(_ prediction: DownscaledPrediction, scene: InferenceScene, options: ProductOptions,
                                provenance: ProductProvenance) -> IceProduct {
        let s = scene.scene, g = s.geometry, f = s.factor
        precondition(prediction.rows == s.rows && prediction.cols == s.cols, "prediction and scene grids differ")
        func up<T>(_ v: [T]) -> [T] {
            NearestUpsampling.upsample(v, rows: s.rows, cols: s.cols, factor: f, lines: g.lines, samples: g.samples)
        }
        func masked(_ v: [UInt8]) -> [UInt8] {
            up(zip(v, scene.valid).map { $1 ? $0 : 255 })
        }
        let sic = masked(prediction.sic.map { $0 * 10 })
        var uncertainty: [Float]?
        if let spread = prediction.sicSpread {
            uncertainty = up(zip(spread, scene.valid).map { $1 ? $0 * 10 : .nan })
        }
        var sodP: [Float]?, floeP: [Float]?
        if options.probabilities {
            sodP = NearestUpsampling.upsamplePlanes(prediction.sodProbabilities, planes: UNetConfiguration.validSODClasses,
                                                    rows: s.rows, cols: s.cols, factor: f, lines: g.lines, samples: g.samples)
            floeP = NearestUpsampling.upsamplePlanes(prediction.floeProbabilities, planes: UNetConfiguration.validFLOEClasses,
                                                     rows: s.rows, cols: s.cols, factor: f, lines: g.lines, samples: g.samples)
        }
        var lat: [Float]?, lon: [Float]?
        if options.geolocation {
            (lat, lon) = geolocation(s.tiePoints, lines: g.lines, samples: g.samples)
        }
        let sceneID = String(scene.sceneID.replacingOccurrences(of: AI4ArcticNaming.readySuffix, with: ""))
        return IceProduct(sceneID: sceneID, height: g.lines, width: g.samples, pixelSpacing: Double(g.pixelSpacing),
                          sicPercent: sic, sod: masked(prediction.sod), floe: masked(prediction.floe),
                          sodProbabilities: sodP, floeProbabilities: floeP, sicUncertainty: uncertainty,
                          latitude: lat, longitude: lon, provenance: provenance, acquisition: scene.acquisition)
    }

    /// Latitude and longitude (degrees) of every pixel centre, interpolated from the tie points.
    public static func geolocation(_ grid: AI4ArcticTiePointGrid, lines: Int,
                                   samples: Int) -> (lat: [Float], lon: [Float]) {
        var lat = [Float](repeating: 0, count: lines * samples), lon = lat
        for i in 0..<lines {
            for j in 0..<samples {
                lat[i * samples + j] = Float(grid.latitude(line: Double(i), sample: Double(j)))
                lon[i * samples + j] = Float(grid.longitude(line: Double(i), sample: Double(j)))
            }
        }
        return (lat, lon)
    }
}
