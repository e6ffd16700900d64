import SeaIceAI4Arctic
import SeaIceCore

/// Cuts one `P × P` patch at downscaled position (row, col) out of a `DownscaledScene`.
///
/// Full-grid inputs and labels are copied; 2 km variables are interpolated with `TwoKmSampling`;
/// the MMSeaIce encodings (`specs/mmseaice.md`) are computed: time 2·m/11 − 1 with m = month − 1,
/// latitude and longitude interpolated from the tie-point grid at each pixel's 80 m position and
/// standardised (x − μ)/σ. Pixels beyond the scene edge keep the fill values (0 / 255).
public struct PatchExtractor: Sendable {
    /// The sampler configuration (channels, patch size, standardisation).
    public let configuration: SamplerConfiguration

    /// An extractor for `configuration`.
    public init(configuration: SamplerConfiguration) {
        self.configuration = configuration
    }

    /// The patch whose top-left downscaled pixel is (row, col); throws if a channel is missing from the scene.
    public func extract(from scene: DownscaledScene, row r0: Int, col c0: Int) throws -> Sample {
        let p = configuration.patchSize
        let channels = configuration.channels
        var sample = Sample(channels: channels.count, size: p)
        let rowsIn = max(0, min(r0 + p, scene.rows) - r0), colsIn = max(0, min(c0 + p, scene.cols) - c0)
        let plane = p * p
        func copyPlane<T>(_ src: [T], into dst: inout [T], offset: Int) {
            src.withUnsafeBufferPointer { s in
                dst.withUnsafeMutableBufferPointer { d in
                    for a in 0..<rowsIn {
                        let from = (r0 + a) * scene.cols + c0, to = offset + a * p
                        for b in 0..<colsIn { d[to + b] = s[from + b] }
                    }
                }
            }
        }
        /// Writes a `rowsIn × colsIn` block into plane `k`.
        func writeBlock(_ block: [Float], plane k: Int) {
            block.withUnsafeBufferPointer { s in
                sample.inputs.withUnsafeMutableBufferPointer { d in
                    for a in 0..<rowsIn {
                        let from = a * colsIn, to = k * plane + a * p
                        for b in 0..<colsIn { d[to + b] = s[from + b] }
                    }
                }
            }
        }
        let f = scene.factor, mode = scene.downsampling
        for (k, channel) in channels.enumerated() {
            switch channel {
            case let .fullGrid(name):
                guard let src = scene.fullGrid[name] else { throw missing(scene, name) }
                copyPlane(src, into: &sample.inputs, offset: k * plane)
            case let .twoKm(name):
                guard let field = scene.twoKm[name] else { throw missing(scene, name) }
                let g = scene.geometry
                let rw = TwoKmSampling.weights(start: r0, count: rowsIn, factor: f, downsampling: mode,
                                               pixelsPerCell: g.pixelsPerCell, cells: g.twoKmLines)
                let cw = TwoKmSampling.weights(start: c0, count: colsIn, factor: f, downsampling: mode,
                                               pixelsPerCell: g.pixelsPerCell, cells: g.twoKmSamples)
                var block = ArraySlice([Float](repeating: 0, count: rowsIn * colsIn))
                TwoKmSampling.sample(field, samples: g.twoKmSamples, rows: rw, cols: cw, into: &block)
                writeBlock(Array(block), plane: k)
            case .time:
                writeBlock([Float](repeating: Float(2 * Double(scene.month - 1) / 11 - 1), count: rowsIn * colsIn), plane: k)
            case .latitude, .longitude:
                let isLat = channel == .latitude
                let ms = isLat ? configuration.latitudeStatistics : configuration.longitudeStatistics
                let lines = (0..<rowsIn).map { TwoKmSampling.position(ofDownscaled: r0 + $0, factor: f, downsampling: mode) - 0.5 }
                let samples = (0..<colsIn).map { TwoKmSampling.position(ofDownscaled: c0 + $0, factor: f, downsampling: mode) - 0.5 }
                let degrees = scene.tiePoints.evaluate(isLat ? .latitude : .longitude, lines: lines, samples: samples)
                writeBlock(degrees.map { Float(ms.scale($0)) }, plane: k)
            }
        }
        for k in 0..<3 { copyPlane(scene.labels[k], into: &sample.labels, offset: k * plane) }
        return sample
    }

    private func missing(_ scene: DownscaledScene, _ name: String) -> SeaIceError {
        .missing(file: scene.sceneID, item: "variable `\(name)` (sampler channel)")
    }
}
