import Foundation
import SeaIceCore
import SeaIceGDAL

/// A SAR product folder or its `.zip`, listed in place: the member names, and the product root found by its
/// `manifest.safe` (Sentinel-1 SAFE and RCM products both carry one at their top).
///
/// Members of a zip are read through GDAL's `/vsizip/` without extracting anything; the archive is first
/// checked (complete central directory, no member escaping the product folder: `ZipArchive`).
public struct ProductArchive: Sendable {
    /// The product as given (folder or zip).
    public let source: URL
    /// The GDAL path of the product root folder (ends without "/").
    public let root: String
    /// The name of the folder holding `manifest.safe` (the zip's name for a zip holding it at its top).
    public let folderName: String
    /// Every member path, relative to the folder or zip, "/"-separated.
    public let entries: [String]
    /// The member paths below the root, relative to it.
    public let relative: Set<String>

    /// Lists the product at `url` (a folder, a folder containing the product folder, or a `.zip`); `kind` names
    /// the product in errors ("Sentinel-1 SAFE", "RCM").
    /// - Throws: `SeaIceError` naming `url` when it does not exist, is empty, is a damaged or unsafe zip, or has
    ///   no `manifest.safe`.
    public init(url: URL, kind: String) throws {
        source = url
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw SeaIceError.missing(file: url.path, item: "product (no such file or folder)")
        }
        let base: String
        var entries: [String]
        if isDir.boolValue {
            base = url.standardizedFileURL.path
            // GDAL cannot list an empty folder ("cannot list contents"): it is simply not a product.
            if (try? FileManager.default.contentsOfDirectory(atPath: base))?.isEmpty == true {
                throw SeaIceError.missing(file: url.path,
                                          item: "manifest.safe (not a \(kind) product: the folder is empty)")
            }
            entries = try VSI.listRecursive(base)
        } else {
            let names = try ZipArchive.memberNames(of: url)
            for n in names { try ZipArchive.checkContained(n, archive: url.path) }
            base = VSI.zipPath(archive: url)
            entries = names
        }
        entries = entries.map { $0.replacingOccurrences(of: "\\", with: "/") }
        guard let manifest = entries.filter({ $0 == "manifest.safe" || $0.hasSuffix("/manifest.safe") })
            .min(by: { $0.count < $1.count }) else {
            throw SeaIceError.missing(file: url.path, item: "manifest.safe (not a \(kind) product)")
        }
        let prefix = String(manifest.dropLast("manifest.safe".count))
        root = prefix.isEmpty ? base : base + "/" + String(prefix.dropLast())
        folderName = prefix.isEmpty ? url.lastPathComponent : String(prefix.dropLast().split(separator: "/").last ?? "")
        self.entries = entries
        relative = Set(entries.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
    }

    /// The GDAL path of the member `name` relative to the root.
    public func path(_ name: String) -> String { root + "/" + name }

    /// The bytes of the member `name` relative to the root.
    /// - Throws: `SeaIceError` naming the member when it cannot be read.
    public func read(_ name: String) throws -> Data { try VSI.readAll(path(name)) }
}
