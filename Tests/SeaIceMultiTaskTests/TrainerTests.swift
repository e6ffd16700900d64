import Foundation
import Logging
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceOptim
import SeaIceSampling
import SeaIceTensor
import SeaIceMultiTask
import SeaIceTraining
import XCTest

final class TrainerTests: XCTestCase {
    func testTinyModelLossFalls() throws {
        let dir = try temporaryDirectory()
        let t = try trainer(configuration(epochs: 1, iterations: 40), run: dir)
        var losses: [Double] = []
        var total = 0.0
        _ = try t.train { p in
            guard p.finishedEpoch == nil else { return }
            let batchLoss = p.meanLoss * Double(p.iteration) - total
            total += batchLoss
            losses.append(batchLoss)
        }
        XCTAssertEqual(losses.count, 40)
        let first = losses.prefix(5).reduce(0, +) / 5, last = losses.suffix(5).reduce(0, +) / 5
        XCTAssertLessThan(last, 0.7 * first, "loss \(first) → \(last)")
        let log = try RunDirectory(url: dir).metrics.read()
        XCTAssertEqual(log.map(\.epoch), [1])
        XCTAssertTrue(log[0].best)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("best/model.safetensors").path))
    }

    func testResumeGivesTheSameWeightsAsAnUninterruptedRun() throws {
        let c = configuration(epochs: 3, iterations: 2)
        let whole = try trainer(c, run: try temporaryDirectory())
        _ = try whole.train()

        let dir = try temporaryDirectory()
        let first = try trainer(c, run: dir)
        _ = try first.train(stopAfterEpochs: 1)  // "killed" after epoch 1
        let second = try trainer(c, run: dir)
        XCTAssertEqual(try second.resume(), 1)
        _ = try second.train()
        XCTAssertEqual(second.currentState.iteration, 6)
        XCTAssertEqual(second.currentState, whole.currentState.withElapsed(second.currentState.elapsedSeconds))
        let a = try weights(whole), b = try weights(second)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (name, values) in a { XCTAssertEqual(values, b[name]!, "tensor \(name)") }
        XCTAssertEqual(try RunDirectory(url: dir).metrics.read().map(\.epoch), [1, 2, 3])
    }

    func testSameSeedSameRunDifferentSeedDifferentRun() throws {
        let a = try trainer(configuration(epochs: 1, iterations: 3, seed: 5), run: try temporaryDirectory())
        let b = try trainer(configuration(epochs: 1, iterations: 3, seed: 5), run: try temporaryDirectory())
        let c = try trainer(configuration(epochs: 1, iterations: 3, seed: 6), run: try temporaryDirectory())
        for t in [a, b, c] { _ = try t.train() }
        XCTAssertEqual(try weights(a), try weights(b))
        XCTAssertNotEqual(try weights(a), try weights(c))
    }
}

extension RunState {
    func withElapsed(_ seconds: Double) -> RunState {
        var s = self
        s.elapsedSeconds = seconds
        return s
    }
}
