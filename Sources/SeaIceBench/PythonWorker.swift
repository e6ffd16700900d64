import Foundation
import SeaIceCore

/// A long-running `python/bench_unet.py` process driven line by line (see that script), so Swift
/// and Python repeats can alternate within one benchmark run.
final class PythonWorker {
    /// One answer: per-iteration milliseconds and the worker's peak RSS since its last reset.
    struct Answer: Decodable {
        var ms: [Double]
        var hwm_kb: Int
    }

    private let process: Process
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    private let script: URL

    /// Starts `scripts/python python/bench_unet.py arguments…` under `repository` and waits until it is ready.
    init(repository: URL, arguments: [String], retainFreedMemory: Bool = false) throws {
        let python = try PythonScript("bench_unet.py", repository: repository)
        script = python.url
        process = python.process(arguments: arguments, retainFreedMemory: retainFreedMemory)
        process.standardInput = input
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw SeaIceError.io(file: script.path, message: "cannot start the Python reference: \(error.localizedDescription)")
        }
        _ = try readLine()
    }

    /// Sends `command` and decodes the answer.
    func send(_ command: String) throws -> Answer {
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
        let line = try readLine()
        do {
            return try JSONDecoder().decode(Answer.self, from: line)
        } catch {
            throw SeaIceError.invalidInput(file: script.path, item: "answer to \"\(command)\"", expected: "JSON {ms, hwm_kb}, got \(String(decoding: line, as: UTF8.self))")
        }
    }

    /// Asks the worker to exit and waits for it.
    func stop() {
        input.fileHandleForWriting.write(Data("quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private func readLine() throws -> Data {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                throw SeaIceError.io(file: script.path, message: "the Python reference exited early (status \(process.isRunning ? "running" : String(process.terminationStatus)))")
            }
            buffer.append(chunk)
        }
    }
}
