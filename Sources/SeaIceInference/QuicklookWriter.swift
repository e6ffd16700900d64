import Foundation
import SeaIceClasses
import SeaIceCore
import SeaIceProducts
import SeaIceQuicklook

/// PNG quick-look of a product: SIC (tenths), SOD and FLOE side by side in their class tables'
/// colours with legends, reduced (majority per block) to at most `maxSide` pixels, captioned with
/// the scene, the model and — for simulated inputs — "SIMULATED DATA" (`ClassMapQuicklook`); a north
/// arrow from the product's latitudes when it has them (the picture stays in swath geometry).
public enum QuicklookWriter {
    /// Writes the quick-look of `product` to `url` (PNG, atomically).
    public static func write(_ product: IceProduct, to url: URL, maxSide: Int = 400) throws {
        let sicTenths = product.sicPercent.map { $0 == 255 ? 255 : UInt8((Int($0) + 5) / 10) }
        let layers = [
            ClassMapQuicklook.Layer(sicTenths, table: .sic), .init(product.sod, table: .sod),
            .init(product.floe, table: .floe),
        ]
        var caption = [
            "scene \(product.sceneID), \(product.width) x \(product.height) px at \(Int(product.pixelSpacing)) m",
            "model: \(product.provenance.model)",
        ]
        if product.provenance.simulated { caption.insert("SIMULATED DATA - not a real ice chart", at: 0) }
        try ClassMapQuicklook.write(
            layers, width: product.width, height: product.height, maxSide: maxSide,
            caption: caption, latitude: product.latitude, to: url)
    }
}
