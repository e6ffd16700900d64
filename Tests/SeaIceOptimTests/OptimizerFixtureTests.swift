import Foundation
import SeaIceCore
import SeaIceNN
import SeaIceOptim
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Optimizer steps, clipping and schedules against PyTorch's numbers
/// (python/nn_fixtures.py → Fixtures/optim.json, Fixtures/schedules.json).
final class OptimizerFixtureTests: XCTestCase {
    private func load(_ name: String) throws -> [String: Any] {
        let url = TestPaths.repository.appendingPathComponent("Tests/SeaIceOptimTests/Fixtures/\(name).json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    private func tensor(_ any: Any?) throws -> Tensor {
        let e = any as! [String: Any]
        return try Tensor((e["values"] as! [NSNumber]).map(\.floatValue), shape: (e["shape"] as! [NSNumber]).map(\.intValue))
    }

    private func values(_ any: Any?) -> [Float] { ((any as! [String: Any])["values"] as! [NSNumber]).map(\.floatValue) }

    private func configuration(_ key: String, _ o: [String: Any]) -> OptimizerConfiguration {
        func d(_ k: String, _ fallback: Double) -> Double { (o[k] as? NSNumber)?.doubleValue ?? fallback }
        let betas = (o["betas"] as? [NSNumber])?.map(\.doubleValue) ?? [0.9, 0.999]
        let adam = AdamConfiguration(learningRate: d("lr", 0), beta1: betas[0], beta2: betas[1], eps: d("eps", 1e-8), weightDecay: d("weight_decay", 0))
        if key.hasPrefix("sgd") {
            return .sgd(SGDConfiguration(learningRate: d("lr", 0), momentum: d("momentum", 0), dampening: d("dampening", 0),
                                         weightDecay: d("weight_decay", 0), nesterov: (o["nesterov"] as? Bool) ?? false))
        }
        return key.hasPrefix("adamw") ? .adamW(adam) : .adam(adam)
    }

    func testOptimizerStepsMatchPyTorch() throws {
        let fixtures = try load("optim")
        for key in ["sgd_plain", "sgd_momentum_wd", "sgd_dampening", "sgd_nesterov", "adam", "adam_wd", "adamw"] {
            let f = fixtures[key] as! [String: Any]
            let p = try Parameter(tensor(f["initial"]))
            let optimizer = configuration(key, f["options"] as! [String: Any]).make(parameters: [("w", p)])
            let grads = f["grads"] as! [Any], after = f["after_steps"] as! [Any]
            for k in 0..<grads.count {
                optimizer.zeroGrad()
                // Sets the gradient exactly: loss = Σ θ·g has ∂/∂θ = g.
                try (p.value * tensor(grads[k])).sum().backward()
                try optimizer.step()
                assertAllClose(try p.value.floats(), values(after[k]), rtol: 1e-5, atol: 1e-6, "\(key) step \(k + 1)")
            }
        }
    }

    func testStateRoundTripResumesExactly() throws {
        for config: OptimizerConfiguration in [
            .sgd(SGDConfiguration(learningRate: 0.05, momentum: 0.9, weightDecay: 0.01, nesterov: true)),
            .adamW(AdamConfiguration(learningRate: 0.01, weightDecay: 0.01)),
        ] {
            let start = try Tensor([0.5, -1, 2, 0.25], shape: [2, 2])
            let g = try Tensor([0.3, 0.1, -0.2, 0.7], shape: [2, 2])
            func stepWith(_ o: any Optimizer, _ p: Parameter, _ k: Int) throws {
                o.zeroGrad()
                try (p.value * (g * Float(k + 1))).sum().backward()
                try o.step()
            }
            let straight = try Parameter(start.clone())  // Parameter shares storage, as nn.Parameter
            let a = config.make(parameters: [("w", straight)])
            for k in 0..<4 { try stepWith(a, straight, k) }

            let first = try Parameter(start.clone())
            let b = config.make(parameters: [("w", first)])
            for k in 0..<2 { try stepWith(b, first, k) }
            let record = try JSONDecoder().decode(OptimizerRecord.self, from: JSONEncoder().encode(b.record))
            var tensors: [String: Tensor] = [:]
            for (n, t) in b.stateTensors() { tensors[n] = try t.clone() }
            let resumed = try Parameter(first.value.clone())
            let c = config.make(parameters: [("w", resumed)])
            try c.load(record: record, tensors: tensors)
            for k in 2..<4 { try stepWith(c, resumed, k) }
            XCTAssertEqual(try resumed.value.floats(), try straight.value.floats(), "\(config)")
        }
    }

    func testLoadRejectsOtherKindAndShape() throws {
        let p = try Parameter(Tensor.zeros([3]))
        let sgd = SGD(parameters: [("w", p)], configuration: SGDConfiguration(learningRate: 0.1, momentum: 0.9))
        let adam = Adam(parameters: [("w", p)], configuration: AdamConfiguration(), decoupled: false)
        XCTAssertThrowsError(try sgd.load(record: adam.record, tensors: [:]))
        XCTAssertThrowsError(try sgd.load(record: sgd.record, tensors: ["w.momentum_buffer": try Tensor.zeros([4])])) { error in
            XCTAssertTrue("\(error)".contains("w.momentum_buffer"), "\(error)")
        }
    }

    func testClipGradNormMatchesPyTorch() throws {
        let f = try load("optim")["clip_grad_norm"] as! [String: Any]
        let a = try Parameter(Tensor.zeros([3, 4])), b = try Parameter(Tensor.zeros([5]))
        let grads = f["grads"] as! [Any]
        try ((a.value * tensor(grads[0])).sum() + (b.value * tensor(grads[1])).sum()).backward()
        let total = try GradientClipping.clipNorm([a, b], maxNorm: (f["max_norm"] as! NSNumber).doubleValue)
        XCTAssertEqual(total, (f["total_norm"] as! NSNumber).doubleValue, accuracy: 1e-5)
        let clipped = f["clipped"] as! [Any]
        assertAllClose(try a.grad!.floats(), values(clipped[0]), rtol: 1e-5, atol: 1e-6)
        assertAllClose(try b.grad!.floats(), values(clipped[1]), rtol: 1e-5, atol: 1e-6)
    }

    func testSchedulesMatchPyTorch() throws {
        let f = try load("schedules")
        func lrs(_ key: String) -> [Double] { ((f[key] as! [String: Any])["lrs"] as! [NSNumber]).map(\.doubleValue) }
        func check(_ schedule: LearningRateSchedule, _ key: String) {
            for (t, expected) in lrs(key).enumerated() {
                XCTAssertEqual(schedule.learningRate(at: t, base: 0.1), expected, accuracy: 1e-12, "\(key) iteration \(t)")
            }
        }
        check(.cosineWarmRestarts(t0: 5, tMult: 2, etaMin: 0.001), "cosine_warm_restarts")
        check(.cosineWarmRestarts(t0: 7, tMult: 1, etaMin: 0), "cosine_warm_restarts_tmult1")
        check(.stepDecay(stepSize: 4, gamma: 0.5), "step_decay")
        check(.linearWarmup(startFactor: 0.1, iterations: 5, then: .constant), "linear_warmup")
    }

    func testComposedScheduleAndSchedulerCodable() throws {
        let s = LearningRateSchedule.linearWarmup(startFactor: 0, iterations: 2, then: .cosineWarmRestarts(t0: 4, tMult: 1, etaMin: 0))
        XCTAssertEqual(s.learningRate(at: 0, base: 1), 0)
        XCTAssertEqual(s.learningRate(at: 1, base: 1), 0.5)
        XCTAssertEqual(s.learningRate(at: 2, base: 1), 1)
        XCTAssertEqual(s.learningRate(at: 4, base: 1), 0.5, accuracy: 1e-12)
        XCTAssertEqual(s.learningRate(at: 5, base: 1), (1 + cos(3 * Double.pi / 4)) / 2, accuracy: 1e-12)
        XCTAssertEqual(s.learningRate(at: 6, base: 1), 1, "restart")
        var scheduler = LearningRateScheduler(schedule: s, base: 1)
        scheduler.advance()
        let decoded = try JSONDecoder().decode(LearningRateScheduler.self, from: JSONEncoder().encode(scheduler))
        XCTAssertEqual(decoded, scheduler)
        let p = try Parameter(Tensor.zeros([1]))
        let o = SGD(parameters: [("w", p)], configuration: SGDConfiguration(learningRate: 1))
        XCTAssertEqual(decoded.apply(to: o), 0.5)
        XCTAssertEqual(o.learningRate, 0.5)
    }
}
