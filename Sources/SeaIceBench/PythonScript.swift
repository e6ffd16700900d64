import Foundation
import SeaIceCore

/// A script under the repository's `python/` folder, run through `scripts/python` (the project's
/// torch on the path) as a child process.
struct PythonScript {
    /// glibc tunables that make glibc keep freed memory (no `mmap` for large blocks, no heap
    /// trimming): the closest equivalent of SeaIceKit's `HostMemory` cache that a PyTorch user can
    /// switch on without code.
    static let retainFreedMemoryTunables = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4611686018427387904"

    /// The script file.
    let url: URL
    private let python: URL

    /// `repository/python/<name>`; throws naming the repository when the script is not there.
    init(_ name: String, repository: URL) throws {
        url = repository.appendingPathComponent("python/\(name)")
        python = repository.appendingPathComponent("scripts/python")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SeaIceError.missing(file: repository.path, item: "python/\(name) (run from the repository or pass --repository)")
        }
    }

    /// A process running the script with `arguments` (not started; standard error goes to ours).
    /// With `retainFreedMemory` the child's glibc keeps freed memory (`retainFreedMemoryTunables`);
    /// otherwise it runs with glibc's defaults, as PyTorch's users run it.
    func process(arguments: [String], retainFreedMemory: Bool) -> Process {
        let process = Process()
        process.executableURL = python
        process.arguments = [url.path] + arguments
        var env = ProcessInfo.processInfo.environment
        if retainFreedMemory {
            env["GLIBC_TUNABLES"] = [env["GLIBC_TUNABLES"], Self.retainFreedMemoryTunables].compactMap { $0 }.joined(separator: ":")
        }
        process.environment = env
        process.standardError = FileHandle.standardError
        return process
    }
}
