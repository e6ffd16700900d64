import SeaIceModels
import SeaIceNN
import SeaIceTensor

/// Turns network outputs for one image (`TaskOutputs` with N = 1) into a `DownscaledPrediction`.
public enum OutputDecoder {
    /// SIC class of a regression value in tenths: rounded half to even (`torch.round`), clamped to [0, 10].
    @inlinable
    public static func sicClass(regression value: Float) -> UInt8 {
        guard value.isFinite else { return value > 0 ? 10 : 0 }
        return UInt8(min(max(value.rounded(.toNearestOrEven), 0), 10))
    }

    /// Softmax over the first `valid` logits of `[1, K, H, W]`, read back class-major, and the argmax.
    static func classes(_ logits: Tensor, valid: Int) throws -> (labels: [UInt8], probabilities: [Float]) {
        let p = try Functional.softmax(logits.narrow(dim: 1, start: 0, length: valid).to(.float32), dim: 1)
        let labels = try p.argmax(dim: 1).to(.uint8).uint8s()
        return (labels, try p.floats())
    }

    /// Decodes `out` (batch of one, H × W) for a network with SIC head `head`.
    public static func decode(_ out: TaskOutputs, head: SICHeadKind) throws -> DownscaledPrediction {
        let shape = out.sod.shape
        precondition(shape.count == 4 && shape[0] == 1, "decode expects a batch of one NCHW image, got \(shape)")
        var p = DownscaledPrediction(rows: shape[2], cols: shape[3], withSpread: head == .classification)
        switch head {
        case .regression:
            p.sicValue = try out.sic.to(.float32).floats()
            p.sic = p.sicValue.map(sicClass(regression:))
        case .classification:
            let k = UNetConfiguration.validSICClasses
            let (labels, probabilities) = try classes(out.sic, valid: k)
            p.sic = labels
            let n = p.rows * p.cols
            var mean = [Float](repeating: 0, count: n), spread = [Float](repeating: 0, count: n)
            for c in 0..<k { for i in 0..<n { mean[i] += Float(c) * probabilities[c * n + i] } }
            for c in 0..<k {
                for i in 0..<n { let d = Float(c) - mean[i]; spread[i] += d * d * probabilities[c * n + i] }
            }
            p.sicValue = mean
            p.sicSpread = spread.map { $0.squareRoot() }
        }
        (p.sod, p.sodProbabilities) = try classes(out.sod, valid: UNetConfiguration.validSODClasses)
        (p.floe, p.floeProbabilities) = try classes(out.floe, valid: UNetConfiguration.validFLOEClasses)
        return p
    }
}
