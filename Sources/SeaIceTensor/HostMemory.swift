import CTorchBridge
import Foundation
import Synchronization

/// The caching allocator for CPU tensors (`sik_host_cache_*` in the bridge).
///
/// Why: a training step allocates and frees the same large activation tensors every iteration
/// (about 3 GB for the MMSeaIce batch of 16 × 256²). Through glibc every block over 32 MiB is a
/// fresh `mmap`, so each step page-faults and zero-fills all of it again: on the 2-core CI machine
/// the kernel's page-fault work was ≈ 9 % of the training step's CPU time, and the stalls cost
/// more (BENCHMARKS.md). With the cache, freed blocks of ≥ 1 MiB are kept by exact size and the
/// next step reuses resident pages — PyTorch's CUDA caching allocator, for host memory.
public enum HostMemory {
    /// Installs the cache (once per process; a later call only changes the limit). Tensors
    /// allocated before keep their own deleters.
    /// - Parameter limitBytes: most bytes kept in free blocks (default: half the physical memory).
    public static func enableCache(limitBytes: Int = Int(ProcessInfo.processInfo.physicalMemory / 2)) throws {
        try TorchRuntime.check(sik_host_cache_enable(Int64(limitBytes)), "host_cache_enable")
        enabled.withLock { $0 = true }
    }

    /// Whether `enableCache` has run in this process.
    public static var cacheEnabled: Bool { enabled.withLock { $0 } }

    /// Frees every cached (unused) block, e.g. after validation, whose tensor sizes differ from training's.
    public static func releaseCache() { sik_host_cache_release() }

    /// Bytes held in free cached blocks.
    public static var cachedBytes: Int { Int(sik_host_cache_bytes()) }

    private static let enabled = Mutex(false)
}
