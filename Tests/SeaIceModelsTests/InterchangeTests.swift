import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Weights move between SeaIceKit and PyTorch (python/unet.py via python/interchange.py) and the
/// two networks give the same outputs on the same input (eval mode, tiny U-Net, 32 × 32).
final class InterchangeTests: XCTestCase {
    private let configuration = UNetConfiguration(inputChannels: 3, filters: [4, 4, 8, 8])

    private func writeConfig(_ dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("config.json")
        try JSONEncoder().encode(configuration).write(to: url)
        return url
    }

    private func assertOutputs(_ out: TaskOutputs, match file: SafeTensorsFile, file f: StaticString = #filePath, line: UInt = #line) throws {
        assertAllClose(try out.sic.floats(), try file.tensor("sic").floats(), rtol: 1e-4, atol: 1e-4, "sic", file: f, line: line)
        assertAllClose(try out.sod.floats(), try file.tensor("sod").floats(), rtol: 1e-4, atol: 1e-4, "sod", file: f, line: line)
        assertAllClose(try out.floe.floats(), try file.tensor("floe").floats(), rtol: 1e-4, atol: 1e-4, "floe", file: f, line: line)
    }

    func testSwiftWeightsRunInPyTorch() throws {
        let dir = try TestPaths.temporaryDirectory("interchange-s2p")
        var g = SeededGenerator(seed: 21)
        let net = try UNet(configuration, generator: &g)
        let n = 2 * 3 * 32 * 32
        let x = try Tensor((0..<n).map { _ in Float(g.nextGaussian()) }, shape: [2, 3, 32, 32])
        _ = try net(x)  // one training-mode pass: non-trivial BatchNorm running statistics
        _ = try net(x * 0.5 + 0.2)
        net.eval()
        let expected = try net(x)
        try assertOutputs(expected, match: PythonReference.forward("interchange.py", config: writeConfig(dir), net: net, input: x, in: dir))
    }

    func testPyTorchWeightsRunInSwift() throws {
        let dir = try TestPaths.temporaryDirectory("interchange-p2s")
        let exported = try PythonReference.export("interchange.py", config: writeConfig(dir), seed: 5, size: (32, 32), in: dir)
        var g = SeededGenerator(seed: 0)
        let net = try UNet(configuration, generator: &g)
        try net.loadWeights(from: exported.weights)
        XCTAssertEqual(try net.bridge.doubleConv.doubleConv.layers[1] is BatchNorm2d
                       ? (net.bridge.doubleConv.doubleConv.layers[1] as! BatchNorm2d).numBatchesTracked.value.int64s() : [], [7])
        net.eval()
        try assertOutputs(try net(exported.input), match: exported.output)
    }
}
