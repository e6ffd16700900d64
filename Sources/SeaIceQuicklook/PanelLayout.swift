import SeaIceClasses

/// One picture in a quick-look: an image with a title and a legend under it.
public struct Panel: Sendable {
    /// A legend: class swatches, or a grey bar from `low` to `high` with a unit.
    public enum Legend: Sendable {
        /// Colour swatches with labels.
        case classes([(RGB, String)])
        /// A grey ramp labelled at both ends.
        case grayBar(low: Float, high: Float, unit: String)
        /// No legend.
        case none
    }

    /// Title above the image.
    public var title: String
    /// The image.
    public var image: RGBImage
    /// The legend below it.
    public var legend: Legend

    /// A panel.
    public init(title: String, image: RGBImage, legend: Legend) {
        self.title = title; self.image = image; self.legend = legend
    }

    /// A panel of a class map with the table's colours and legend (mask included).
    public init(classes: [UInt8], width: Int, height: Int, table: ClassTable) {
        let present = Set(classes)
        var items = table.entries.filter { present.contains($0.code) }.map { ($0.color, $0.legend) }
        if present.contains(where: { table.entry($0) == nil }) { items.append((table.fillColor, table.fillLegend)) }
        self.init(title: table.variable, image: table.render(classes, width: width, height: height), legend: .classes(items))
    }

    /// A panel of a float raster under a grey stretch.
    public init(title: String, values: [Float], width: Int, height: Int, stretch: GrayStretch, unit: String) {
        self.init(title: title, image: stretch.render(values, width: width, height: height),
                  legend: .grayBar(low: stretch.low, high: stretch.high, unit: unit))
    }
}

/// Lays panels side by side on a white canvas with titles, legends and an optional caption.
public enum PanelLayout {
    /// Margin around and between panels, pixels.
    public static let margin = 12
    static let lineHeight = 12

    /// The composed picture: panels left to right, each with its title above and legend below,
    /// and `caption` lines under everything (e.g. "SIMULATED DATA").
    public static func compose(_ panels: [Panel], caption: [String] = []) -> RGBImage {
        let legendHeight = panels.map { legendLines($0.legend) * lineHeight }.max() ?? 0
        let imageHeight = panels.map(\.image.height).max() ?? 0
        let widths = panels.map { max($0.image.width, BitmapFont.width(of: $0.title, scale: 2), legendWidth($0.legend)) }
        let captionWidth = caption.map { BitmapFont.width(of: $0) }.max() ?? 0
        let width = max(widths.reduce(margin) { $0 + $1 + margin }, captionWidth + 2 * margin)
        let height = margin + 20 + imageHeight + 8 + legendHeight + caption.count * lineHeight + 2 * margin
        var canvas = RGBImage(width: width, height: height)
        var x = margin
        for (panel, w) in zip(panels, widths) {
            BitmapFont.draw(panel.title, into: &canvas, x: x, y: margin, scale: 2)
            let top = margin + 20
            canvas.draw(panel.image, x: x, y: top)
            canvas.strokeRect(x: x - 1, y: top - 1, width: panel.image.width + 2, height: panel.image.height + 2, RGB(gray: 120))
            drawLegend(panel.legend, into: &canvas, x: x, y: top + imageHeight + 8, width: w)
            x += w + margin
        }
        var y = margin + 20 + imageHeight + 8 + legendHeight + margin
        for line in caption {
            BitmapFont.draw(line, into: &canvas, x: margin, y: y, color: RGB(170, 0, 0))
            y += lineHeight
        }
        return canvas
    }

    static func legendLines(_ legend: Panel.Legend) -> Int {
        switch legend {
        case let .classes(items): return items.count
        case .grayBar: return 2
        case .none: return 0
        }
    }

    static func legendWidth(_ legend: Panel.Legend) -> Int {
        switch legend {
        case let .classes(items): return 14 + (items.map { BitmapFont.width(of: $0.1) }.max() ?? 0)
        case .grayBar: return 120
        case .none: return 0
        }
    }

    static func drawLegend(_ legend: Panel.Legend, into canvas: inout RGBImage, x: Int, y: Int, width: Int) {
        switch legend {
        case let .classes(items):
            for (k, item) in items.enumerated() {
                let yy = y + k * lineHeight
                canvas.fillRect(x: x, y: yy, width: 9, height: 9, item.0)
                canvas.strokeRect(x: x, y: yy, width: 9, height: 9, RGB(gray: 90))
                BitmapFont.draw(item.1, into: &canvas, x: x + 14, y: yy + 1)
            }
        case let .grayBar(low, high, unit):
            let w = min(width, 120)
            for i in 0..<w { canvas.fillRect(x: x + i, y: y, width: 1, height: 9, RGB(gray: UInt8(255 * i / max(w - 1, 1)))) }
            canvas.strokeRect(x: x, y: y, width: w, height: 9, RGB(gray: 90))
            let lo = "\(Int(low.rounded()))", hi = "\(Int(high.rounded())) \(unit)"
            BitmapFont.draw(lo, into: &canvas, x: x, y: y + lineHeight)
            BitmapFont.draw(hi, into: &canvas, x: x + w - BitmapFont.width(of: hi), y: y + lineHeight)
        case .none:
            break
        }
    }
}
