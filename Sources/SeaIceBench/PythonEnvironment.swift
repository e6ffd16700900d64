import Foundation

/// The environment of the Python reference processes.
enum PythonEnvironment {
    /// glibc tunables that make glibc keep freed memory (no `mmap` for large blocks, no heap trimming): the closest equivalent of SeaIceKit's `HostMemory` cache.
    static let retainFreedMemoryTunables = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4611686018427387904"

    /// This process's environment, plus the allocator tunables when `retainFreedMemory`
    /// (default: PyTorch as its users run it, glibc's defaults).
    static func make(retainFreedMemory: Bool) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        if retainFreedMemory {
            env["GLIBC_TUNABLES"] = [env["GLIBC_TUNABLES"], retainFreedMemoryTunables].compactMap { $0 }.joined(separator: ":")
        }
        return env
    }
}
