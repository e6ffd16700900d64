import Foundation
import XCTest

/// Whether the project's Python (`scripts/python`) can `import torch`.
///
/// With `SEAICE_TORCH_SOURCE=pypi-minimal` setup installs PyPI's CUDA torch with only the two
/// runtime wheels libtorch_cpu.so needs: SeaIceKit works, but Python's `import torch` fails
/// (no cuDNN). Tests that run PyTorch at test time skip then, saying why.
public enum PythonTorch {
    /// nil when `import torch` works, else the reason it does not.
    public static let unavailableReason: String? = {
        let process = Process()
        process.executableURL = TestPaths.repository.appendingPathComponent("scripts/python")
        process.arguments = ["-c", "import torch"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return "cannot run scripts/python: \(error)" }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        let last = String(decoding: output, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        return "Python cannot import torch in this setup (\(last)); with SEAICE_TORCH_SOURCE=pypi-minimal that is expected"
    }()

    /// Skips the calling test when Python's torch is unavailable.
    public static func skipUnlessAvailable() throws {
        if let reason = unavailableReason { throw XCTSkip(reason) }
    }
}
