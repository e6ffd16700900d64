import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceTensor
import SeaIceTiling
import SeaIceTraining

/// Ice probability of a whole scene from one cover U-Net (seed 002, issue 13 item 6): the composite cut into
/// tiles by the shared engine (`TiledInference`; default 256-pixel tiles overlapping by the paper's 12 pixels,
/// cropped at mid-overlap), σ(logit) per pixel, row-major `lines × samples`. Land and invalid pixels are NaN.
public struct CoverPredictor {
    /// The network, in eval mode.
    public let network: CoverUNet
    /// Patch-and-stitch settings.
    public var tiling: TilingConfiguration
    /// Where tensors live.
    public let device: Device

    /// A predictor over `network`.
    public init(network: CoverUNet, tiling: TilingConfiguration = TilingConfiguration(tileSize: 256, overlap: 12),
                device: Device = .cpu) throws {
        self.network = network; self.tiling = tiling; self.device = device
        try network.to(device)
        network.eval()
    }

    /// The network of the checkpoint folder `checkpoint` (`best/` or `last/` of a `seaice cover train` run).
    /// - Throws: `SeaIceError` naming the file when the manifest or the weights cannot be read or do not match.
    public init(checkpoint: URL, tiling: TilingConfiguration = TilingConfiguration(tileSize: 256, overlap: 12),
                device: Device = .cpu) throws {
        let manifest = try Checkpoint.manifest(CheckpointManifest<CoverUNetConfiguration, RunState>.self, in: checkpoint)
        var g = SeededGenerator(seed: 0)
        let network = try CoverUNet(manifest.model, generator: &g)
        try Checkpoint.loadWeights(into: network, from: checkpoint)
        try self.init(network: network, tiling: tiling, device: device)
    }

    /// The ice probability (0…1) of `composite` over a `lines × samples` grid.
    public func probability(_ composite: CoverComposite, lines: Int, samples: Int) throws -> [Float] {
        let planes = try CoverTiles.planes(composite, lines: lines, samples: samples)
        return try CoverTiles.probability(network, planes: planes, channels: 3, lines: lines, samples: samples,
                                          valid: composite.valid, tiling: tiling, device: device)
    }
}

/// Tiled inference of any cover network over CHW feature planes (the engine's `TiledInference`).
public enum CoverTiles {
    /// The composite's channels / 255 as CHW planes.
    /// - Throws: `SeaIceError.invalidInput` when the composite is not `lines × samples × 3` values.
    public static func planes(_ composite: CoverComposite, lines: Int, samples: Int) throws -> [Float] {
        let n = lines * samples
        guard composite.rgb.count == 3 * n, composite.valid.count == n else {
            throw SeaIceError.invalidInput(file: "composite", item: "size", expected: "\(lines) × \(samples) × 3 values, found \(composite.rgb.count)")
        }
        var planes = [Float](repeating: 0, count: 3 * n)
        for k in 0..<n { for b in 0..<3 { planes[b * n + k] = Float(composite.rgb[3 * k + b]) / 255 } }
        return planes
    }

    /// σ(logit) of `network` at every pixel of `planes` (`channels × lines × samples`), NaN where not `valid`.
    public static func probability<N: CoverNetwork>(_ network: N, planes: [Float], channels: Int, lines: Int, samples: Int,
                                                    valid: [Bool], tiling: TilingConfiguration, device: Device) throws -> [Float] {
        let n = lines * samples
        precondition(planes.count == channels * n && valid.count == n, "feature planes of the wrong size")
        let engine = try TiledInference(tiling)
        let maps = try Tensor.withNoGrad {
            try engine.run(height: lines, width: samples, input: { windows in
                var values: [Float] = []
                values.reserveCapacity(windows.count * channels * windows[0].rows * windows[0].cols)
                for w in windows {
                    for b in 0..<channels {
                        for r in w.row..<w.row + w.rows {
                            let base = b * n + r * samples
                            values.append(contentsOf: planes[base + w.col..<base + w.col + w.cols])
                        }
                    }
                }
                return try Tensor(values, shape: [windows.count, channels, windows[0].rows, windows[0].cols]).to(device)
            }, network: { x in [CoverUNet.task: try network.outputs(x).tensor(CoverUNet.task)] })
        }
        let logits = try maps[CoverUNet.task]!.to(Device.cpu).floats()
        return (0..<n).map { valid[$0] ? 1 / (1 + exp(-logits[$0])) : .nan }
    }
}
