import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceOptim
import SeaIceTensor
import SeaIceTestSupport
import SeaIceMultiTask
import SeaIceTraining
import XCTest

/// `mixedPrecision` in configurations, its meaning per device, and tiny CPU runs with bfloat16
/// autocast and with the float16 + loss-scaling recipe that CUDA runs use.
final class MixedPrecisionTests: XCTestCase {
    func testChoiceResolvesPerDevice() {
        let expected: [MixedPrecision: (cpu: PrecisionPlan, cuda: PrecisionPlan)] = [
            .off: (.float32, .float32), .auto: (.float32, .float16), .bfloat16: (.bfloat16, .bfloat16), .float16: (.float16, .float16),
        ]
        for choice in MixedPrecision.allCases {
            XCTAssertEqual(choice.plan(for: .cpu), expected[choice]!.cpu, "\(choice) on the CPU")
            XCTAssertEqual(choice.plan(for: .cuda(0)), expected[choice]!.cuda, "\(choice) on CUDA")
        }
        XCTAssertEqual(PrecisionPlan.allCases.filter(\.scalesLoss), [.float16])
        XCTAssertEqual(PrecisionPlan.allCases.map(\.autocastType), [nil, .bfloat16, .float16])
    }

    func testConfigurationsWithoutTheKeyMeanAuto() throws {
        let demo = try TrainingConfiguration.load(TestPaths.repository.appendingPathComponent("configs/demo.json"))
        XCTAssertEqual(demo.mixedPrecision, .auto)
        var json = try JSONSerialization.jsonObject(with: demo.encoded()) as! [String: Any]
        XCTAssertEqual(json["mixedPrecision"] as? String, "auto", "written out explicitly in run folders")
        json["mixedPrecision"] = "bfloat16"
        let decoded = try JSONDecoder().decode(TrainingConfiguration.self, from: JSONSerialization.data(withJSONObject: json))
        XCTAssertEqual(decoded.mixedPrecision, .bfloat16)
        XCTAssertEqual(try JSONDecoder().decode(TrainingConfiguration.self, from: decoded.encoded()), decoded)
    }

    func testUnknownChoiceNamesFileAndKey() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("amp-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: TestPaths.repository.appendingPathComponent("configs/demo.json")))
            as! [String: Any]
        json["mixedPrecision"] = "fp8"
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        XCTAssertThrowsError(try TrainingConfiguration.load(url)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(url.lastPathComponent) && text.contains("mixedPrecision"), text)
        }
    }

    func testMetricsLinesWrittenBeforeMixedPrecisionDecodeAsFloat32() throws {
        let line = #"{"best":true,"epoch":1,"iteration":40,"learningRate":0.01,"seconds":2,"simulatedData":false,"#
            + #""trainFLOELoss":0.5,"trainLoss":3,"trainSICLoss":1,"trainSODLoss":0.5}"#
        let m = try JSONDecoder().decode(EpochMetrics.self, from: Data(line.utf8))
        XCTAssertEqual(m.precision, .float32)
        XCTAssertNil(m.lossScale)
        XCTAssertNil(m.skippedSteps)
        XCTAssertNil(m.score("combined"))
        XCTAssertEqual(m.trainLosses, ["sic": 1, "sod": 0.5, "floe": 0.5], "the old three-head keys map to named terms")
    }

    func testTinyModelLearnsUnderBFloat16Autocast() throws {
        let dir = try temporaryDirectory()
        let t = try trainer(configuration(epochs: 1, iterations: 40, mixedPrecision: .bfloat16), run: dir)
        XCTAssertEqual(t.precision, .bfloat16)
        let losses = try iterationLosses(t)
        XCTAssertEqual(losses.count, 40)
        XCTAssertTrue(losses.allSatisfy(\.isFinite), "\(losses)")
        let first = losses.prefix(5).reduce(0, +) / 5, last = losses.suffix(5).reduce(0, +) / 5
        XCTAssertLessThan(last, 0.7 * first, "loss \(first) → \(last)")
        // The same run in float32 starts from the same weights and batches: close, but not the same arithmetic.
        let reference = try iterationLosses(trainer(configuration(epochs: 1, iterations: 40, mixedPrecision: .off), run: temporaryDirectory()))
        XCTAssertNotEqual(losses[0], reference[0], "autocast was active")
        XCTAssertEqual(losses[0], reference[0], accuracy: 0.05 * reference[0])
        let log = try RunDirectory(url: dir).metrics.read()
        XCTAssertEqual(log.map(\.precision), [.bfloat16])
        XCTAssertNil(log[0].lossScale, "bfloat16 does not scale the loss")
        XCTAssertNil(log[0].skippedSteps)
        XCTAssertNil(t.currentState.scaler)
        let dtypes = Set(try t.network.stateDict().map(\.tensor.dtype))
        XCTAssertEqual(dtypes.subtracting([.int64]), [.float32], "parameters and statistics stay float32")
    }

    func testPlanRunsTheNetworkInItsType() throws {
        var g = SeededGenerator(seed: 1)
        let net = try UNet(UNetConfiguration(inputChannels: 4, filters: [4, 8]), generator: &g)
        let x = try Tensor.randn([2, 4, 8, 8], generator: &g)
        for plan in PrecisionPlan.allCases {
            let sod = try plan.run(on: .cpu) { try net.outputs(x).sod }
            XCTAssertEqual(sod.dtype, plan.autocastType ?? .float32, "\(plan)")
        }
    }

    /// The CUDA recipe (float16 autocast + dynamic loss scaling) on the CPU: it trains, records the
    /// scale, and resuming with the saved scaler state is bit-identical to the uninterrupted run.
    func testFloat16WithLossScalingResumesExactly() throws {
        let c = configuration(epochs: 3, iterations: 2, mixedPrecision: .float16)
        let wholeDir = try temporaryDirectory()
        let whole = try trainer(c, run: wholeDir)
        XCTAssertEqual(whole.precision, .float16)
        _ = try whole.train()
        let scaler = try XCTUnwrap(whole.currentState.scaler)
        XCTAssertEqual(Double(scaler.scale), 65536 * pow(0.5, Double(scaler.skippedSteps)), "halved per skip, no growth within 2000 steps")
        XCTAssertGreaterThan(scaler.skippedSteps, 0, "at 2¹⁶ the first scaled gradients overflow float16: the trainer skips and backs off")
        XCTAssertLessThan(scaler.skippedSteps, 6)
        let log = try RunDirectory(url: wholeDir).metrics.read()
        XCTAssertEqual(log.map(\.precision), [.float16, .float16, .float16])
        XCTAssertEqual(log.last?.lossScale, Double(scaler.scale))
        XCTAssertEqual(log.compactMap(\.skippedSteps).reduce(0, +), scaler.skippedSteps)
        XCTAssertTrue(log.allSatisfy { $0.trainLoss.isFinite }, "\(log.map(\.trainLoss))")

        let dir = try temporaryDirectory()
        _ = try trainer(c, run: dir).train(stopAfterEpochs: 1)  // "killed" after epoch 1
        let second = try trainer(c, run: dir)
        XCTAssertEqual(try second.resume(), 1)
        XCTAssertNotNil(second.currentState.scaler, "the checkpoint carries the scaler")
        _ = try second.train()
        XCTAssertEqual(second.currentState, whole.currentState.withElapsed(second.currentState.elapsedSeconds))
        let a = try weights(whole), b = try weights(second)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (name, values) in a { XCTAssertEqual(values, b[name]!, "tensor \(name)") }
    }
}
