import Foundation
import SeaIceClasses

/// A quick-look of any product's class maps: one panel per layer in its class table's colours with
/// a legend, each reduced by block majority to at most `maxSide` pixels, and caption lines below
/// (simulated products put "SIMULATED DATA" first). With per-pixel latitudes each panel gets a north
/// arrow; panels stay in product geometry (a descending pass is not mirrored). Every system's PNG
/// quick-look is one call.
public enum ClassMapQuicklook {
    /// One class map: row-major codes over the product grid (255 = no data) and its table.
    public struct Layer: Sendable {
        /// The codes, `height × width`.
        public var codes: [UInt8]
        /// The classes, colours and legend.
        public var table: ClassTable

        /// A layer.
        public init(_ codes: [UInt8], table: ClassTable) {
            self.codes = codes
            self.table = table
        }
    }

    /// The picture of `layers`, all on one `width × height` grid.
    public static func render(
        _ layers: [Layer], width: Int, height: Int, maxSide: Int = 400,
        caption: [String] = [], latitude: [Float]? = nil
    ) -> RGBImage {
        let f = Downsample.factor(width: width, height: height, maxSide: maxSide)
        // One factor for both axes, so north points the same way in the reduced picture.
        let north = latitude.flatMap { NorthArrow.direction(latitude: $0, width: width, height: height) }
        let panels = layers.map { layer -> Panel in
            precondition(
                layer.codes.count == width * height,
                "\(layer.table.variable) has \(layer.codes.count) values, grid \(height) × \(width)")
            let r = Downsample.mode(layer.codes, width: width, height: height, factor: f)
            return Panel(classes: r.values, width: r.width, height: r.height, table: layer.table, north: north)
        }
        return PanelLayout.compose(panels, caption: caption)
    }

    /// Renders `layers` and writes the PNG to `url` atomically.
    public static func write(
        _ layers: [Layer], width: Int, height: Int, maxSide: Int = 400, caption: [String] = [],
        latitude: [Float]? = nil, to url: URL
    ) throws {
        let picture = render(
            layers, width: width, height: height, maxSide: maxSide, caption: caption, latitude: latitude)
        try PNGWriter.write(picture, to: url)
    }
}
