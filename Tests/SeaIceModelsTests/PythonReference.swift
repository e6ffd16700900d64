import Foundation
import SeaIceNN
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Runs `scripts/python python/<script> …` (the project's PyTorch) and fails the test on a non-zero exit.
enum PythonReference {
    static func run(_ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        try PythonTorch.skipUnlessAvailable()
        let (status, text) = try ChildProcess.run(
            TestPaths.repository.appendingPathComponent("scripts/python"),
            [TestPaths.repository.appendingPathComponent("python/\(script)").path] + arguments)
        if status != 0 {
            XCTFail("python/\(script) exited with \(status):\n\(text)", file: file, line: line)
            throw CocoaError(.executableLoad)
        }
    }

    /// Saves `net`'s weights and `x` in `dir`, runs `script forward --config C --weights W --input X --output Y`
    /// (the interchange scripts' common command) and returns Y.
    static func forward(_ script: String, config: URL, net: Module, input x: Tensor, in dir: URL,
                        file: StaticString = #filePath, line: UInt = #line) throws -> SafeTensorsFile {
        let weights = dir.appendingPathComponent("w.safetensors"), input = dir.appendingPathComponent("x.safetensors")
        let output = dir.appendingPathComponent("y.safetensors")
        try net.saveWeights(to: weights)
        try SafeTensorsWriter.write([SafeTensorsRecord(name: "x", tensor: x)], to: input)
        try run(script, ["forward", "--config", config.path, "--weights", weights.path, "--input", input.path,
                         "--output", output.path], file: file, line: line)
        return try SafeTensorsFile(contentsOf: output)
    }

    /// Runs `script export --config C --seed S --size H W …` in `dir`: the PyTorch weights, its input `x` and outputs.
    static func export(_ script: String, config: URL, seed: Int, size: (Int, Int), in dir: URL,
                       file: StaticString = #filePath, line: UInt = #line) throws -> (weights: URL, input: Tensor, output: SafeTensorsFile) {
        let weights = dir.appendingPathComponent("w.safetensors"), input = dir.appendingPathComponent("x.safetensors")
        let output = dir.appendingPathComponent("y.safetensors")
        try run(script, ["export", "--config", config.path, "--seed", "\(seed)", "--size", "\(size.0)", "\(size.1)",
                         "--weights", weights.path, "--input", input.path, "--output", output.path], file: file, line: line)
        return (weights, try SafeTensorsFile(contentsOf: input).tensor("x"), try SafeTensorsFile(contentsOf: output))
    }
}
