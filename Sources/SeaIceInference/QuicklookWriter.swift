import Foundation
import SeaIceClasses
import SeaIceCore
import SeaIceProducts
import SeaIceQuicklook

/// PNG quick-look of a product: SIC, SOD and FLOE side by side in WMO colours with legends,
/// reduced (majority per block) to at most `maxSide` pixels, captioned with the scene, the model
/// and — for simulated inputs — "SIMULATED DATA".
public enum QuicklookWriter {
    /// Writes the quick-look of `product` to `url` (PNG, atomically).
    public static func write(_ product: IceProduct, to url: URL, maxSide: Int = 400) throws {
        let f = Downsample.factor(width: product.width, height: product.height, maxSide: maxSide)
        let sicTenths = product.sicPercent.map { $0 == 255 ? 255 : UInt8((Int($0) + 5) / 10) }
        func reduce(_ v: [UInt8]) -> (values: [UInt8], width: Int, height: Int) {
            Downsample.mode(v, width: product.width, height: product.height, factor: f)
        }
        let panels = [(sicTenths, ClassTable.sic), (product.sod, ClassTable.sod), (product.floe, ClassTable.floe)]
            .map { values, table -> Panel in
                let r = reduce(values)
                return Panel(classes: r.values, width: r.width, height: r.height, table: table)
            }
        var caption = ["scene \(product.sceneID), \(product.width) x \(product.height) px at \(Int(product.pixelSpacing)) m",
                       "model: \(product.provenance.model)"]
        if product.provenance.simulated { caption.insert("SIMULATED DATA - not a real ice chart", at: 0) }
        let picture = PanelLayout.compose(panels, caption: caption)
        try AtomicOutput.write(to: url) { tmp in try PNGWriter.write(picture, to: tmp) }
    }
}
