import Foundation
import SeaIceCore
import SeaIceData
import SeaIceNN
import SeaIceTensor
import SeaIceTraining

/// A toy two-task segmenter (1 × 1 convolutions): `water` (one BCE logit map) and `thickness` (one
/// regression map), the shapes the ice/water and concentration systems use.
final class ToySegmenter: Module, TaskNetwork {
    let water: Conv2d, thickness: Conv2d

    init(channels: Int, generator g: inout SeededGenerator) throws {
        water = try Conv2d(channels, 1, kernelSize: 1, generator: &g)
        thickness = try Conv2d(channels, 1, kernelSize: 1, generator: &g)
        super.init()
        register(water, as: "water_head")
        register(thickness, as: "thickness_head")
    }

    func outputs(_ x: Tensor) throws -> TaskOutputs {
        TaskOutputs([("water", try water(x)), ("thickness", try thickness(x))])
    }
}

/// A toy patch classifier: global mean of each channel → linear → `classes` logits `[N, K]`, plus
/// the metadata vector appended to the features (as the Dynamic MLP of the ten-type system does).
final class ToyClassifier: Module, TaskNetwork {
    let head: Linear
    var metadata: Tensor?

    init(channels: Int, metadata: Int, classes: Int, generator g: inout SeededGenerator) throws {
        head = try Linear(channels + metadata, classes, generator: &g)
        super.init()
        register(head, as: "head")
    }

    func outputs(_ x: Tensor) throws -> TaskOutputs {
        var features = try x.mean(dims: [2, 3])
        if let m = metadata { features = try Tensor.cat([features, m], dim: 1) }
        return TaskOutputs([("type", try head(features))])
    }
}

/// Samples whose labels are functions of the inputs: water = [x₀ > 0] (255 on the first row),
/// thickness = 2·x₁, type = (x̄₀ > 0.3 ? 2 : x̄₀ < −0.3 ? 0 : 1); metadata `latitude`.
struct ToyDataset: SampleDataset {
    var count = 16, channels = 2, size = 4

    func sample(at index: Int) throws -> DataSample {
        var g = SeededGenerator(seed: UInt64(index) &+ 1000)
        let plane = size * size
        let inputs = (0..<(channels * plane)).map { _ in Float(g.nextGaussian()) }
        let water = (0..<plane).map { p -> UInt8 in p < size ? 255 : (inputs[p] > 0 ? 1 : 0) }
        let thickness = (0..<plane).map { 2 * inputs[plane + $0] }
        let mean0 = inputs[0..<plane].reduce(0, +) / Float(plane)
        let type = mean0 > 0.3 ? 2.0 : (mean0 < -0.3 ? 0.0 : 1.0)
        return DataSample(channels: channels, size: size, inputs: inputs,
                          planes: ["water": .classes(water), "thickness": .values(thickness)],
                          scalars: ["type": type], metadata: ["latitude": 70 + Double(index % 5)])
    }
}

/// The segmenter's task: BCE for `water` (255 ignored), masked MSE for `thickness`.
struct SegmenterTask: TrainingTask {
    struct Specification: Codable, Equatable, Sendable { var channels: Int }
    let specification = Specification(channels: 2)
    let loss = CompositeLoss([
        .init(task: "water", function: MaskedBinaryCrossEntropyLoss(ignoreValue: 255), weight: 1),
        .init(task: "thickness", function: MaskedMSELoss(ignoreValue: .nan), weight: 0.5),
    ])
    var lossNames: [String] { loss.names }

    func losses(_ network: ToySegmenter, batch: DataBatch, device: Device) throws -> LossTerms {
        try loss(network.outputs(batch.inputTensor(device: device)),
                 targets: ["water": batch.planeTensor("water", device: device),
                           "thickness": batch.planeTensor("thickness", device: device)])
    }
}

/// The classifier's task: cross-entropy on the per-sample `type`, latitude as metadata.
struct ClassifierTask: TrainingTask {
    struct Specification: Codable, Equatable, Sendable { var classes: Int }
    let specification = Specification(classes: 3)
    let loss = CompositeLoss([.init(task: "type", function: MaskedCrossEntropyLoss(ignoreIndex: -100), weight: 1)])
    var lossNames: [String] { loss.names }

    func losses(_ network: ToyClassifier, batch: DataBatch, device: Device) throws -> LossTerms {
        network.metadata = try (batch.metadataTensor(["latitude"], device: device) - 72) / 2
        return try loss(network.outputs(batch.inputTensor(device: device)),
                        targets: ["type": batch.scalarTensor("type", asClasses: true, device: device)])
    }
}

/// Accuracy over the whole toy dataset (selects the best checkpoint) and a score that is never
/// defined (`rareF1`: the toy data have no rare class), to show how undefined scores are logged.
final class ClassifierValidator: TaskValidator {
    let dataset = ToyDataset()
    var selection: ScoreSelection { ScoreSelection(score: "accuracy") }
    var simulated: Bool { true }

    func score(_ network: ToyClassifier) throws -> ValidationResult {
        let batch = try DataBatch(samples: (0..<dataset.count).map { try dataset.sample(at: $0) },
                                  indices: Array(0..<dataset.count))
        network.eval()
        network.metadata = try (batch.metadataTensor(["latitude"]) - 72) / 2
        let predicted = try Tensor.withNoGrad { try network.outputs(batch.inputTensor()).tensor("type").argmax(dim: 1).int64s() }
        let correct = zip(predicted, batch.scalars["type"]!).filter { Double($0) == $1 }.count
        var result = ValidationResult()
        result.record("accuracy", Double(correct) / Double(batch.count), reason: "no sample")
        result.record("rareF1", nil, reason: "class `rare` has no validation sample")
        return result
    }
}

/// A validator whose selection score is never defined (no labelled validation pixel).
final class UnlabelledValidator: TaskValidator {
    var selection: ScoreSelection { ScoreSelection(score: "accuracy") }
    var simulated: Bool { false }

    func score(_ network: ToyClassifier) throws -> ValidationResult {
        var result = ValidationResult()
        result.record("accuracy", .nan, reason: "no labelled validation sample")
        return result
    }
}
