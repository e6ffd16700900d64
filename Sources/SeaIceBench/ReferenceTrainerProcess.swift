import Foundation
import SeaIceCore

/// Runs `python/train_reference.py` (through `scripts/python`) to completion and decodes its
/// JSON lines: one per epoch, then `{"done": true, "hwm_kb": …}`.
struct ReferenceTrainerProcess {
    /// The repository holding the script.
    let repository: URL
    /// Whether the child's glibc keeps freed memory (`PythonScript.retainFreedMemoryTunables`; default: glibc's defaults).
    var retainFreedMemory = false

    private struct Line: Decodable {
        var epoch: Int?
        var seconds: Double?
        var train_seconds: Double?
        var validation_seconds: Double?
        var loss: Double?
        var sic: Double?, sod: Double?, floe: Double?, combined: Double?
        var done: Bool?
        var hwm_kb: Int?
    }

    /// Trains one seed; throws when the script is missing, fails, or prints something unexpected.
    func run(manifest: URL, configuration: URL, seed: UInt64, threads: Int, out: URL) throws -> TrainingParityRun {
        let python = try PythonScript("train_reference.py", repository: repository)
        let script = python.url
        let process = python.process(arguments: ["--manifest", manifest.path, "--config", configuration.path, "--seed", "\(seed)",
                                                 "--threads", "\(threads)", "--out", out.path],
                                     retainFreedMemory: retainFreedMemory)
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            throw SeaIceError.io(file: script.path, message: "cannot start the PyTorch reference: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SeaIceError.io(file: script.path, message: "the PyTorch reference failed with status \(process.terminationStatus) (its messages are above)")
        }
        var epochs: [TrainingParityRun.Epoch] = [], peak: Int?
        for raw in data.split(separator: 0x0A) where !raw.isEmpty {
            let line: Line
            do { line = try JSONDecoder().decode(Line.self, from: Data(raw)) } catch {
                throw SeaIceError.invalidInput(file: script.path, item: "output line", expected: "JSON, got \(String(decoding: raw, as: UTF8.self))")
            }
            if line.done == true { peak = line.hwm_kb }
            if let e = line.epoch, let s = line.seconds, let t = line.train_seconds, let v = line.validation_seconds, let l = line.loss {
                epochs.append(.init(epoch: e, seconds: s, trainSeconds: t, validationSeconds: v, loss: l,
                                    sic: line.sic, sod: line.sod, floe: line.floe, combined: line.combined))
            }
        }
        guard let peak, !epochs.isEmpty else {
            throw SeaIceError.invalidInput(file: script.path, item: "output", expected: "epoch lines and a final {\"done\": true} line")
        }
        return TrainingParityRun(side: .python, seed: seed, epochs: epochs, peakKiB: peak)
    }
}
