import Foundation
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
}
