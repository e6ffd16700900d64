import Foundation
import SeaIceClasses
import SeaIceCore
import SeaIceNetCDF
import SeaIceProducts
import SeaIceQuicklook

/// Quick-look of a product netCDF written by `seaice predict` (`CFProductWriter`: SIC in %, SOD and FLOE
/// class codes on the `y × x` grid): the same SIC (tenths) / SOD / FLOE panels as the PNG `predict`
/// writes beside it (`QuicklookWriter`), captioned with the file, the title and, for simulated inputs,
/// "SIMULATED DATA". `seaice show` draws products with it and AI4Arctic scenes with `AI4ArcticQuicklook`.
public enum ProductQuicklook {
    /// Whether `url` is a product netCDF (a `SIC` variable on `y`/`x`, no AI4Arctic `sar_lines` dimension).
    public static func isProduct(_ url: URL) -> Bool {
        guard let nc = try? NetCDFFile.open(url) else { return false }
        defer { try? nc.close() }
        return nc.hasVariable(IceProductCoders.sic.name) && (try? nc.dimensionLength("sar_lines")) == nil
            && (try? nc.dimensionLength(ProductGrid.dimensions[0])) != nil
    }

    /// Writes the quick-look of the product `url` to `png`, the longer side of each panel at most `maxSide`.
    /// - Throws: `SeaIceError` naming the file and the variable when the product is incomplete.
    public static func write(product url: URL, to png: URL, maxSide: Int = 500) throws {
        let dataset = try CFDataset.read(url)
        let grid = try ProductGrid.decode(from: dataset)
        let sic = try IceProductCoders.sic.decode(from: dataset)
        let sod = try IceProductCoders.sod.decode(from: dataset)
        let floe = try IceProductCoders.floe.decode(from: dataset)
        for (name, count) in [("SIC", sic.count), ("SOD", sod.count), ("FLOE", floe.count)] where count != grid.count {
            throw SeaIceError.invalidInput(
                file: url.path, item: "variable \(name)",
                expected: "\(grid.height) × \(grid.width) values, found \(count)")
        }
        let sicTenths = sic.map { $0.isFinite ? UInt8(min(max(($0 / 10).rounded(), 0), 10)) : 255 }
        let layers = [
            ClassMapQuicklook.Layer(sicTenths, table: .sic), .init(sod, table: .sod), .init(floe, table: .floe),
        ]
        var caption = [url.lastPathComponent, "\(grid.width) x \(grid.height) px"]
        if let title = dataset.attribute("title")?.text { caption.insert(title, at: 1) }
        if dataset.attribute("simulated")?.text == "yes" {
            caption.insert("SIMULATED DATA - not a real ice chart", at: 0)
        }
        try ClassMapQuicklook.write(
            layers, width: grid.width, height: grid.height, maxSide: maxSide, caption: caption, to: png)
    }

    /// Writes the quick-look of any file `seaice show` accepts: a product (`write(product:)`) or an
    /// AI4Arctic raw or ready-to-train scene (`AI4ArcticQuicklook`).
    public static func writeAny(_ url: URL, to png: URL, maxSide: Int = 500) throws {
        if isProduct(url) {
            try write(product: url, to: png, maxSide: maxSide)
        } else {
            try AI4ArcticQuicklook.write(url, to: png, maxSide: maxSide)
        }
    }
}
