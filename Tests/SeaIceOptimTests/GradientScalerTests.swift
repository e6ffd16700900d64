import Foundation
import SeaIceCore
import SeaIceNN
import SeaIceOptim
import SeaIceTensor
import XCTest

/// Dynamic loss scaling against `torch.amp.GradScaler` (Fixtures/grad_scaler_reference.py).
final class GradientScalerTests: XCTestCase {
    /// p = [1, 1, 1] under SGD lr 0.1, and one scaled backward of loss = Σ 2p (gradient 2 per element).
    private func setup(scaler: GradientScaler) throws -> (Parameter, SGD) {
        let p = try Parameter(Tensor([1, 1, 1] as [Float], shape: [3]))
        return (p, SGD(parameters: [("p", p)], configuration: SGDConfiguration(learningRate: 0.1)))
    }

    private func backward(_ p: Parameter, _ scaler: GradientScaler, injectInf: Bool = false) throws {
        p.value.zeroGrad()
        try scaler.scale((p.value * 2).sum()).backward()
        if injectInf { try XCTUnwrap(p.grad).mulInPlace(Tensor([1, .infinity, 1], shape: [3])) }
    }

    func testDefaultsAreGradScalers() {
        let c = GradientScalerConfiguration()
        XCTAssertEqual([c.initialScale, c.growthFactor, c.backoffFactor], [65536, 2, 0.5])
        XCTAssertEqual(c.growthInterval, 2000)
        XCTAssertEqual(GradientScaler().scale, 65536)
    }

    func testScaledGradientsAreUnscaledBeforeTheStep() throws {
        let scaler = GradientScaler()
        let (p, sgd) = try setup(scaler: scaler)
        try backward(p, scaler)
        XCTAssertEqual(try XCTUnwrap(p.grad).floats(), [131072, 131072, 131072], "gradient of loss × 2¹⁶")
        XCTAssertFalse(try scaler.unscale(sgd))
        XCTAssertEqual(try XCTUnwrap(p.grad).floats(), [2, 2, 2])
        XCTAssertTrue(try scaler.step(sgd), "step after an explicit unscale does not unscale again")
        scaler.update()
        XCTAssertEqual(try p.value.floats(), [0.8, 0.8, 0.8])
    }

    func testStepWithAnInfiniteGradientIsSkippedAndTheScaleHalves() throws {
        let scaler = GradientScaler()
        let (p, sgd) = try setup(scaler: scaler)
        try backward(p, scaler, injectInf: true)
        XCTAssertFalse(try scaler.step(sgd))
        scaler.update()
        XCTAssertEqual(try p.value.floats(), [1, 1, 1], "parameters untouched")
        XCTAssertEqual(sgd.record.steps, [:], "the optimizer did not count a step")
        XCTAssertEqual(scaler.state, GradientScalerState(scale: 32768, goodSteps: 0, skippedSteps: 1))
    }

    func testScaleDoublesAfterGrowthIntervalGoodSteps() throws {
        let scaler = GradientScaler(configuration: GradientScalerConfiguration(growthInterval: 4))
        let (p, sgd) = try setup(scaler: scaler)
        for k in 1...4 {
            XCTAssertEqual(scaler.scale, 65536, "before good step \(k)")
            try backward(p, scaler)
            XCTAssertTrue(try scaler.step(sgd))
            scaler.update()
        }
        XCTAssertEqual(scaler.state, GradientScalerState(scale: 131072, goodSteps: 0, skippedSteps: 0))
    }

    /// The scale, growth tracker and parameters of GradScaler, step by step (growth interval 3,
    /// inf injected at steps 1 and 5).
    func testMatchesTorchGradScaler() throws {
        let scaler = GradientScaler(configuration: GradientScalerConfiguration(growthInterval: 3))
        let (p, sgd) = try setup(scaler: scaler)
        let injected = [false, true, false, false, false, true, false]
        let scales: [Float] = [65536, 32768, 32768, 32768, 65536, 32768, 32768]
        let trackers = [1, 0, 1, 2, 0, 0, 1]
        let values: [Float] = [0.800000011920929, 0.800000011920929, 0.6000000238418579, 0.40000003576278687,
                               0.20000003278255463, 0.20000003278255463, 2.9802322387695312e-08]
        for k in injected.indices {
            try backward(p, scaler, injectInf: injected[k])
            try scaler.step(sgd)
            scaler.update()
            XCTAssertEqual(scaler.scale, scales[k], "step \(k)")
            XCTAssertEqual(scaler.state.goodSteps, trackers[k], "step \(k)")
            XCTAssertEqual(try p.value.floats(), [Float](repeating: values[k], count: 3), "step \(k)")
        }
        XCTAssertEqual(scaler.state.skippedSteps, 2)
    }

    func testStateRoundTripsThroughJSONAndRestore() throws {
        let scaler = GradientScaler(configuration: GradientScalerConfiguration(growthInterval: 5))
        let (p, sgd) = try setup(scaler: scaler)
        for inject in [true, false, false] {
            try backward(p, scaler, injectInf: inject)
            try scaler.step(sgd)
            scaler.update()
        }
        let data = try JSONEncoder().encode(scaler.state)
        let decoded = try JSONDecoder().decode(GradientScalerState.self, from: data)
        XCTAssertEqual(decoded, GradientScalerState(scale: 32768, goodSteps: 2, skippedSteps: 1))

        let resumed = GradientScaler(configuration: GradientScalerConfiguration(growthInterval: 5))
        try resumed.restore(decoded)
        XCTAssertEqual(resumed.state, scaler.state)
        // Both continue identically: two more good steps reach the growth interval.
        for s in [scaler, resumed] {
            let (q, o) = try setup(scaler: s)
            for _ in 0..<3 {
                try backward(q, s)
                try s.step(o)
                s.update()
            }
        }
        XCTAssertEqual(resumed.state, scaler.state)
        XCTAssertEqual(resumed.state, GradientScalerState(scale: 65536, goodSteps: 0, skippedSteps: 1))
    }

    func testImpossibleSavedStateIsRejectedNamingItsSource() {
        let scaler = GradientScaler(configuration: GradientScalerConfiguration(growthInterval: 5))
        for bad in [GradientScalerState(scale: .infinity), GradientScalerState(scale: 0), GradientScalerState(scale: 1, goodSteps: 5)] {
            XCTAssertThrowsError(try scaler.restore(bad, source: "run/last/manifest.json")) { error in
                XCTAssertTrue("\(error)".contains("run/last/manifest.json"), "\(error)")
            }
        }
        XCTAssertEqual(scaler.scale, 65536)
    }
}
