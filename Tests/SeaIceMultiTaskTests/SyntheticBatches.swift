import SeaIceCore
import SeaIceData
import SeaIceSampling
import SeaIceMultiTask
import SeaIceTraining

/// Plain synthetic batches whose labels are simple functions of the inputs, so a network can learn
/// them: SIC = clamp(round(5 + 3·x₀), 0, 10), SOD = 1 + 2·[x₁ > 0], FLOE = [x₀ > 0]; a band of rows
/// masked (255). Drawn entirely from the given generator.
struct SyntheticBatches: BatchSource {
    var channels = 4, size = 8, batchSize = 4

    final class Stream: BatchStream {
        let source: SyntheticBatches
        var generator: SeededGenerator
        var left: Int
        init(_ source: SyntheticBatches, _ generator: SeededGenerator, _ count: Int) {
            self.source = source
            self.generator = generator
            left = count
        }
        func next() throws -> TrainingBatch? {
            guard left > 0 else { return nil }
            left -= 1
            let s = source.size, plane = s * s
            var samples: [Sample] = []
            for _ in 0..<source.batchSize {
                let inputs = (0..<(source.channels * plane)).map { _ in Float(generator.nextGaussian()) }
                var labels = [UInt8](repeating: 255, count: 3 * plane)
                let maskedRow = Int(generator.next() % UInt64(s))
                for p in 0..<plane where p / s != maskedRow {
                    let x0 = inputs[p], x1 = inputs[plane + p]
                    labels[p] = UInt8(min(max((5 + 3 * x0).rounded(), 0), 10))
                    labels[plane + p] = x1 > 0 ? 3 : 1
                    labels[2 * plane + p] = x0 > 0 ? 1 : 0
                }
                samples.append(Sample(channels: source.channels, size: s, inputs: inputs, labels: labels))
            }
            return TrainingBatch(samples: samples)
        }
    }

    func stream(count: Int, generator: SeededGenerator) -> any BatchStream<TrainingBatch> { Stream(self, generator, count) }
}
