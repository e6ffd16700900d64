@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Access to files through GDAL's virtual file systems (`/vsizip/`, `/vsimem/`, plain paths).
///
/// Lets readers take members out of a .zip archive without extracting it: the path
/// `/vsizip//data/product.zip/inner/file.xml` names one member.
public enum VSI {
    /// The GDAL virtual path of `member` inside the zip archive at `archive`.
    public static func zipPath(archive: URL, member: String = "") -> String {
        let base = "/vsizip/" + archive.path
        return member.isEmpty ? base : base + "/" + member
    }

    /// Every file and folder below `path` (recursive), relative to it, with "/" separators.
    /// - Throws: `SeaIceError.io` when the folder or archive cannot be listed (missing, not a zip, corrupted).
    public static func listRecursive(_ path: String) throws -> [String] {
        GDALLibrary.ensureRegistered()
        CPLErrorReset()
        guard let list = VSIReadDirRecursive(path) else {
            let msg = GDALLibrary.lastErrorMessage
            throw SeaIceError.io(file: path, message: "cannot list contents\(msg.isEmpty ? "" : ": " + msg)")
        }
        defer { CSLDestroy(list) }
        var names: [String] = []
        var i = 0
        while let entry = list[i] {
            names.append(String(cString: entry))
            i += 1
        }
        return names
    }

    /// The size in bytes of the file at `path`, or nil when it does not exist.
    public static func size(_ path: String) -> Int? {
        GDALLibrary.ensureRegistered()
        guard let fp = VSIFOpenL(path, "rb") else { return nil }
        defer { VSIFCloseL(fp) }
        guard VSIFSeekL(fp, 0, SEEK_END) == 0 else { return nil }
        return Int(VSIFTellL(fp))
    }

    /// The most bytes `readAll` reads by default (64 MiB: metadata XML, manifests; the largest real Sentinel-1
    /// annotation is a few MiB).
    public static let defaultMaximumBytes = 64 << 20

    /// The whole content of the file at `path`.
    /// - Throws: `SeaIceError.io` naming `path` when it cannot be opened or is shorter than its stated size.
    ///
    /// The size is checked before anything is read or inflated: a member of a zip declaring more than
    /// `maximumBytes` (a "zip bomb" whose XML inflates to gigabytes) is refused, and never more than the
    /// declared size is read.
    public static func readAll(_ path: String, maximumBytes: Int = defaultMaximumBytes) throws -> Data {
        GDALLibrary.ensureRegistered()
        guard let expected = size(path) else {
            throw SeaIceError.io(file: path, message: "cannot open (missing or unreadable)")
        }
        guard expected <= maximumBytes else {
            throw SeaIceError.invalidInput(
                file: path, item: "size (\(expected) bytes declared)",
                expected: "at most \(maximumBytes) bytes for this file; refusing to read or inflate it")
        }
        CPLErrorReset()
        guard let fp = VSIFOpenL(path, "rb") else {
            throw SeaIceError.io(file: path, message: "cannot open: \(GDALLibrary.lastErrorMessage)")
        }
        defer { VSIFCloseL(fp) }
        var data = Data(count: expected)
        let got = data.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress, expected > 0 else { return 0 }
            return Int(VSIFReadL(base, 1, expected, fp))
        }
        if got != expected {
            let msg = GDALLibrary.lastErrorMessage
            throw SeaIceError.io(
                file: path, message: "truncated or corrupted: read \(got) of \(expected) bytes\(msg.isEmpty ? "" : " (" + msg + ")")")
        }
        return data
    }
}
