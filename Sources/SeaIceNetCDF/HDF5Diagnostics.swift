#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Keeps HDF5's automatic error printing off on worker threads.
///
/// netCDF-C turns HDF5's automatic error printing off when it initialises, but with the thread-safe
/// HDF5 of Debian (`H5_HAVE_THREADSAFE`) that setting is per thread: on any other thread every
/// expected, handled lookup failure (e.g. the optional `_QuantizeBitGroom…` attributes checked on
/// each variable) prints an "HDF5-DIAG" trace to standard error. Every library call made through
/// `NetCDFFile.locked` first calls `silenceOnThisThread()`, which calls `H5Eset_auto2(H5E_DEFAULT, NULL, NULL)` found with `dlsym`
/// in the already loaded HDF5 (no header needed). Errors are still reported by netCDF-C's return codes.
public enum HDF5Diagnostics {
    private typealias SetAuto = @convention(c) (Int64, OpaquePointer?, UnsafeMutableRawPointer?) -> Int32

    private static let setAuto: SetAuto? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "H5Eset_auto2") else { return nil }
        return unsafeBitCast(symbol, to: SetAuto.self)
    }()

    /// Turns HDF5's automatic error printing off for the calling thread (no-op without HDF5).
    public static func silenceOnThisThread() {
        _ = setAuto?(0, nil, nil)  // H5E_DEFAULT = 0
    }
}
