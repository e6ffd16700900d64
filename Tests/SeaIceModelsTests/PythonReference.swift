import Foundation
import SeaIceTestSupport
import XCTest

/// Runs `scripts/python python/<script> …` (the project's PyTorch) and fails the test on a non-zero exit.
enum PythonReference {
    static func run(_ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        try PythonTorch.skipUnlessAvailable()
        let process = Process()
        process.executableURL = TestPaths.repository.appendingPathComponent("scripts/python")
        process.arguments = [TestPaths.repository.appendingPathComponent("python/\(script)").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let text = String(decoding: output, as: UTF8.self)
            XCTFail("python/\(script) exited with \(process.terminationStatus):\n\(text)", file: file, line: line)
            throw CocoaError(.executableLoad)
        }
    }
}
