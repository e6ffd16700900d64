import SeaIceCore
import SeaIceTensor

/// Accumulates tile outputs `[n, K, h, w]` into whole-image float arrays `[K, H, W]` (row-major),
/// by copying kept regions (crop) or adding weighted tiles (blend, weights summing to 1 per pixel).
struct TileStitcher {
    let plan: TilePlan
    let border: TileBorder
    let rowWeights: [[Float]], colWeights: [[Float]]
    /// Channels K of each output seen so far.
    private(set) var channels: [String: Int] = [:]
    private var images: [String: [Float]] = [:]

    init(plan: TilePlan, border: TileBorder, window: BlendWindow) {
        self.plan = plan
        self.border = border
        (rowWeights, colWeights) = plan.axisWeights(border: border, window: window)
    }

    /// Adds the outputs of the batch of tiles `tiles` (indices into `plan.windows`).
    mutating func add(_ outputs: [String: Tensor], tiles: Range<Int>) throws {
        if !channels.isEmpty, Set(outputs.keys) != Set(channels.keys) {
            throw SeaIceError.configuration("network outputs \(outputs.keys.sorted()) differ between batches; "
                                            + "expected \(channels.keys.sorted())")
        }
        let hh = plan.height, ww = plan.width, h = plan.tileRows, w = plan.tileCols
        for (name, tensor) in outputs {
            let k = tensor.shape[1]
            channels[name] = k
            let values = try tensor.floats()
            var image = images[name] ?? [Float](repeating: 0, count: k * hh * ww)
            for (b, tile) in tiles.enumerated() {
                let (ri, ci) = plan.axisIndices(of: tile)
                let rt = plan.rowTiles[ri], ct = plan.colTiles[ci]
                let rw = rowWeights[ri], cw = colWeights[ci]
                for c in 0..<k {
                    let src = (b * k + c) * h * w, dst = c * hh * ww
                    switch border {
                    case .crop:
                        for y in rt.keep {
                            let s = src + (y - rt.start) * w - ct.start, d = dst + y * ww
                            for x in ct.keep { image[d + x] = values[s + x] }
                        }
                    case .blend:
                        for j in 0..<h {
                            let s = src + j * w, d = dst + (rt.start + j) * ww + ct.start
                            for i in 0..<w { image[d + i] += rw[j] * cw[i] * values[s + i] }
                        }
                    }
                }
            }
            images[name] = image
        }
    }

    /// The stitched outputs as float32 CPU tensors `[1, K, H, W]`.
    func tensors() throws -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for (name, image) in images {
            out[name] = try Tensor(image, shape: [1, channels[name]!, plan.height, plan.width])
        }
        return out
    }
}
