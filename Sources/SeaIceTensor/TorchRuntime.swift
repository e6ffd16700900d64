import CTorchBridge
import SeaIceCore

/// Facts about the libtorch runtime SeaIceKit is linked against.
public enum TorchRuntime {
    /// libtorch's version string, e.g. "2.13.0".
    public static var version: String { String(cString: sik_torch_version()) }

    /// Whether a CUDA device can be used (loads libtorch_cuda.so when the wheel has it).
    public static var cudaAvailable: Bool { sik_cuda_available() != 0 }

    /// Number of CUDA devices visible to libtorch.
    public static var cudaDeviceCount: Int { Int(sik_cuda_device_count()) }

    /// libtorch's intra-op thread count.
    public static var threads: Int {
        get { Int(sik_get_num_threads()) }
    }

    /// Sets libtorch's intra-op thread count (must be positive).
    public static func setThreads(_ n: Int) throws {
        try check(sik_set_num_threads(Int32(n)), "set_num_threads")
    }

    /// Turns a bridge status into a Swift error carrying libtorch's message.
    @inline(__always)
    static func check(_ status: sik_status, _ operation: @autoclosure () -> String) throws {
        if status != 0 {
            throw SeaIceError.native(library: "libtorch", operation: operation(), message: String(cString: sik_last_error()))
        }
    }
}
