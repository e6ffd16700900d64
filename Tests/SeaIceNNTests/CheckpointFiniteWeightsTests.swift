import Foundation
import SeaIceCore
import SeaIceNN
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// A small network: a linear layer and a batch norm (parameters and buffers).
private final class Net: Module {
    let head: Linear
    let bn: BatchNorm2d

    init(generator: inout SeededGenerator) throws {
        head = try Linear(4, 2, generator: &generator)
        bn = try BatchNorm2d(3)
        super.init()
        register(head, as: "head")
        register(bn, as: "bn")
    }
}

/// Checkpoints whose weights hold NaN or ±∞ (a diverged run, a damaged file) are refused at load, naming the
/// weights file and the tensor (issue 18 item 2), instead of mapping every pixel alike.
final class CheckpointFiniteWeightsTests: XCTestCase {
    fileprivate func save(_ net: Net, poisoning name: String?, value: Float) throws -> URL {
        if let name {
            var state = Dictionary(uniqueKeysWithValues: try net.stateDict().map { ($0.name, $0.tensor) })
            var values = try XCTUnwrap(state[name]).floats()
            values[values.count / 2] = value
            state[name] = try Tensor(values, shape: try XCTUnwrap(state[name]).shape)
            try net.loadStateDict(state)
        }
        let dir = try TestPaths.temporaryDirectory("finite-weights")
        try Checkpoint.save(
            to: dir, model: net, manifest: CheckpointManifest(model: ["kind": "test"], training: EmptyTrainingState()))
        return dir
    }

    func testNonFiniteParametersAndBuffersAreRefusedNamingTheFileAndTensor() throws {
        var g = SeededGenerator(seed: 1)
        for (name, value) in [("head.weight", Float.nan), ("head.bias", .infinity), ("bn.running_var", -.infinity)] {
            let dir = try save(try Net(generator: &g), poisoning: name, value: value)
            XCTAssertThrowsError(try Checkpoint.loadWeights(into: try Net(generator: &g), from: dir), name) { e in
                let message = "\(e)"
                XCTAssertTrue(message.hasPrefix(dir.appendingPathComponent(Checkpoint.weightsName).path), message)
                XCTAssertTrue(message.contains("tensor `\(name)`"), message)
                let expected = value.isNaN ? "1 NaN and 0 ±∞" : "0 NaN and 1 ±∞"
                XCTAssertTrue(message.contains(expected), message)
            }
        }
        let fine = try save(try Net(generator: &g), poisoning: nil, value: 0)
        XCTAssertNoThrow(try Checkpoint.loadWeights(into: try Net(generator: &g), from: fine))
    }
}
