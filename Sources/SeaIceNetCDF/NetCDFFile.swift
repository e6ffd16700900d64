@preconcurrency import CNetCDF
import Foundation
import SeaIceCore

/// One open netCDF file (classic or netCDF-4/HDF5), read or written through netCDF-C.
///
/// netCDF-C and serial HDF5 are not thread-safe, so every call into the library takes one
/// process-wide lock: several threads may each use their own `NetCDFFile`, but library calls
/// run one at a time. Errors name the file and the variable concerned.
///
/// Arrays are flat, C order (last dimension fastest), e.g. a `(sar_lines, sar_samples)`
/// variable read with `start: [r, c], count: [h, w]` returns `h × w` values row by row.
public final class NetCDFFile: @unchecked Sendable {
    /// The path the file was opened or created at.
    public let path: String
    let ncid: Int32
    private var isOpen = true
    private var inDefineMode: Bool

    /// The process-wide lock around netCDF-C calls.
    static let lock = NSRecursiveLock()

    private init(path: String, ncid: Int32, defining: Bool) {
        self.path = path
        self.ncid = ncid
        self.inDefineMode = defining
    }

    deinit {
        if isOpen { _ = NetCDFFile.locked { nc_close(ncid) } }
    }

    /// Runs `body` holding the library lock.
    @inline(__always)
    static func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        HDF5Diagnostics.silenceOnThisThread()
        return try body()
    }

    /// Opens an existing file for reading (or updating when `writable`).
    public static func open(_ url: URL, writable: Bool = false) throws -> NetCDFFile {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw SeaIceError.missing(file: path, item: "file")
        }
        var id: Int32 = 0
        let status = locked { nc_open(path, writable ? NC_WRITE : NC_NOWRITE, &id) }
        guard status == NC_NOERR else {
            throw SeaIceError.invalidInput(file: path, item: "file", expected: "a readable netCDF file (\(message(status)))")
        }
        return NetCDFFile(path: path, ncid: id, defining: false)
    }

    /// Creates (or overwrites) a netCDF-4/HDF5 file and leaves it in define mode.
    /// Write products through `AtomicOutput` so a failure leaves nothing under the final name.
    public static func create(_ url: URL) throws -> NetCDFFile {
        let path = url.path
        var id: Int32 = 0
        let status = locked { nc_create(path, NC_NETCDF4 | NC_CLOBBER, &id) }
        guard status == NC_NOERR else {
            throw SeaIceError.io(file: path, message: "cannot create netCDF file: \(message(status))")
        }
        return NetCDFFile(path: path, ncid: id, defining: true)
    }

    /// Flushes and closes the file; further use throws. Closing twice is harmless.
    public func close() throws {
        guard isOpen else { return }
        isOpen = false
        try check(NetCDFFile.locked { nc_close(ncid) }, item: "file", action: "close")
    }

    /// Leaves define mode (needed before writing data into a newly defined file).
    public func endDefinitions() throws {
        guard inDefineMode else { return }
        try check(NetCDFFile.locked { nc_enddef(ncid) }, item: "file", action: "end definitions")
        inDefineMode = false
    }

    /// Enters define mode again (to add variables or attributes to an open file).
    public func redefine() throws {
        guard !inDefineMode else { return }
        try check(NetCDFFile.locked { nc_redef(ncid) }, item: "file", action: "re-enter define mode")
        inDefineMode = true
    }

    /// The text of a netCDF-C status code.
    static func message(_ status: Int32) -> String { String(cString: nc_strerror(status)) }

    /// Throws a `SeaIceError` naming this file and `item` when `status` is not `NC_NOERR`.
    func check(_ status: Int32, item: String, action: String) throws {
        guard status == NC_NOERR else {
            throw SeaIceError.native(library: "netCDF", operation: "\(action) \(item) in \(path)", message: NetCDFFile.message(status))
        }
    }

    func ensureOpen() throws {
        guard isOpen else { throw SeaIceError.io(file: path, message: "netCDF file is already closed") }
    }

    /// Makes sure the file is in data mode before a read or write.
    func ensureDataMode() throws {
        try ensureOpen()
        if inDefineMode { try endDefinitions() }
    }

    /// Makes sure the file is in define mode before defining something.
    func ensureDefineMode() throws {
        try ensureOpen()
        if !inDefineMode { try redefine() }
    }
}

extension NetCDFFile {
    /// A Swift string from a NUL-terminated C character buffer.
    static func string(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
