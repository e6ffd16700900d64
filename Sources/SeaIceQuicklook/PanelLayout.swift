import SeaIceClasses

/// One picture in a quick-look: an image with a title, an optional north arrow and a legend under it.
public struct Panel: Sendable {
    /// A legend: class swatches (flat or grouped), or a grey bar from `low` to `high` with a unit.
    public enum Legend: Sendable {
        /// Colour swatches with labels, one a line.
        case classes([(RGB, String)])
        /// Swatches grouped as the chart convention groups them (one line per group: the group's
        /// name, then its swatches with short labels), e.g. the WMO total-concentration groups.
        case groups([(name: String, items: [(RGB, String)])])
        /// A grey ramp labelled at both ends.
        case grayBar(low: Float, high: Float, unit: String)
        /// No legend.
        case none
    }

    /// Title above the image (drawn as given: `_cis` stays `_cis`).
    public var title: String
    /// The image, drawn in its own (product) geometry: never flipped to put north up.
    public var image: RGBImage
    /// The legend below it.
    public var legend: Legend
    /// Where north points in the image, radians clockwise from "up" (`NorthArrow.direction`);
    /// nil draws no arrow.
    public var north: Double?

    /// A panel.
    public init(title: String, image: RGBImage, legend: Legend, north: Double? = nil) {
        self.title = title; self.image = image; self.legend = legend; self.north = north
    }

    /// A panel of a class map with the table's colours and legend: the grouped legend of
    /// `LegendGroups.groups(for:)` when the chart convention groups the classes (every class shown),
    /// else the classes present; codes outside the table as the table's fill entry.
    public init(classes: [UInt8], width: Int, height: Int, table: ClassTable, north: Double? = nil) {
        let present = Set(classes)
        let fill = present.contains(where: { table.entry($0) == nil }) ? [(table.fillColor, table.fillLegend)] : []
        let legend: Legend
        if let groups = LegendGroups.groups(for: table) {
            legend = .groups(groups + (fill.isEmpty ? [] : [(name: table.fillLegend, items: [(table.fillColor, "")])]))
        } else {
            legend = .classes(table.entries.filter { present.contains($0.code) }.map { ($0.color, $0.legend) } + fill)
        }
        self.init(title: table.variable, image: table.render(classes, width: width, height: height), legend: legend,
                  north: north)
    }

    /// A panel of a float raster under a grey stretch.
    public init(
        title: String, values: [Float], width: Int, height: Int, stretch: GrayStretch, unit: String,
        north: Double? = nil
    ) {
        self.init(title: title, image: stretch.render(values, width: width, height: height),
                  legend: .grayBar(low: stretch.low, high: stretch.high, unit: unit), north: north)
    }
}

/// Lays panels side by side on a white canvas (cairo + pango, `Canvas`) with titles, legends and
/// caption lines; text in DejaVu Sans at `TextStyle` sizes.
public enum PanelLayout {
    /// Margin around and between panels, pixels.
    public static let margin = 12
    /// Height of the title row above each image, pixels.
    public static let titleHeight = 24
    /// Top edge of every panel's image.
    public static var imageTop: Int { margin + titleHeight }
    /// Legend and caption line height, pixels.
    public static let lineHeight = 18
    /// Side of a legend swatch, pixels.
    public static let swatch = 13
    /// The caption colour (the first caption line of a simulated product says so in it).
    public static let captionColor = RGB(170, 0, 0)

    /// A rectangle in picture pixels.
    public struct Box: Sendable, Equatable {
        /// Top-left corner and size.
        public var x: Int, y: Int, width: Int, height: Int

        /// A box.
        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x; self.y = y; self.width = width; self.height = height
        }
    }

    /// A composed picture and where its parts landed (for tests and callers that annotate it).
    public struct Composition {
        /// The picture.
        public var image: RGBImage
        /// Each panel's title row.
        public var titleBoxes: [Box]
        /// Each panel's image.
        public var imageBoxes: [Box]
        /// Every legend swatch with the colour it was filled with.
        public var swatches: [(color: RGB, box: Box)]
    }

    /// The composed picture: panels left to right, each with its title above and legend below,
    /// and `caption` lines under everything (the first in `captionColor` when it says "simulated").
    public static func compose(_ panels: [Panel], caption: [String] = []) -> RGBImage {
        layout(panels, caption: caption).image
    }

    /// `compose` with the positions of titles, images and swatches.
    public static func layout(_ panels: [Panel], caption: [String] = []) -> Composition {
        let probe = Canvas(width: 1, height: 1)
        let legendHeight = panels.map { legendLines($0.legend) * lineHeight }.max() ?? 0
        let imageHeight = panels.map(\.image.height).max() ?? 0
        let widths = panels.map {
            max($0.image.width, Int(probe.measure($0.title, size: TextStyle.title, bold: true).width),
                legendWidth($0.legend, probe))
        }
        let captionWidth = caption.map { Int(probe.measure($0).width) }.max() ?? 0
        let width = max(widths.reduce(margin) { $0 + $1 + margin }, captionWidth + 2 * margin)
        let height = imageTop + imageHeight + 8 + legendHeight + caption.count * lineHeight + 2 * margin
        let canvas = Canvas(width: width, height: height)
        var composition = Composition(
            image: RGBImage(width: 0, height: 0), titleBoxes: [], imageBoxes: [], swatches: [])
        var x = margin
        for (panel, w) in zip(panels, widths) {
            canvas.text(panel.title, x: Double(x), y: Double(margin), size: TextStyle.title, bold: true)
            composition.titleBoxes.append(Box(x: x, y: margin, width: w, height: titleHeight - 2))
            let frame = RGB(gray: 120)
            let (iw, ih) = (panel.image.width, panel.image.height)
            canvas.fillRect(
                x: Double(x - 1), y: Double(imageTop - 1), width: Double(iw + 2), height: Double(ih + 2), frame)
            canvas.draw(panel.image, x: Double(x), y: Double(imageTop))
            composition.imageBoxes.append(Box(x: x, y: imageTop, width: iw, height: ih))
            if let north = panel.north, iw >= 24, ih >= 24 {
                NorthArrow.draw(
                    on: canvas, direction: north, centerX: Double(x + iw) - 18, centerY: Double(imageTop) + 18)
            }
            let legendTop = imageTop + imageHeight + 8
            composition.swatches += drawLegend(panel.legend, on: canvas, x: x, y: legendTop, width: w)
            x += w + margin
        }
        var y = imageTop + imageHeight + 8 + legendHeight + margin
        for (k, line) in caption.enumerated() {
            let warning = k == 0 && line.lowercased().contains("simulated")
            canvas.text(line, x: Double(margin), y: Double(y), color: warning ? captionColor : RGB(gray: 40))
            y += lineHeight
        }
        composition.image = canvas.image()
        return composition
    }

    static func legendLines(_ legend: Panel.Legend) -> Int {
        switch legend {
        case let .classes(items): return items.count
        case let .groups(groups): return groups.count
        case .grayBar: return 2
        case .none: return 0
        }
    }

    static let groupLabelWidth = 64

    static func legendWidth(_ legend: Panel.Legend, _ probe: Canvas) -> Int {
        switch legend {
        case let .classes(items):
            return swatch + 6 + (items.map { Int(probe.measure($0.1).width) }.max() ?? 0)
        case let .groups(groups):
            return groups.map { g in
                groupLabelWidth + g.items.map { swatch + 4 + Int(probe.measure($0.1, size: TextStyle.small).width) + 8 }
                    .reduce(0, +)
            }.max() ?? 0
        case .grayBar: return 140
        case .none: return 0
        }
    }

    static func drawSwatch(_ c: RGB, on canvas: Canvas, x: Int, y: Int) -> (color: RGB, box: Box) {
        canvas.fillRect(x: Double(x), y: Double(y), width: Double(swatch), height: Double(swatch), RGB(gray: 90))
        canvas.fillRect(x: Double(x + 1), y: Double(y + 1), width: Double(swatch - 2), height: Double(swatch - 2), c)
        return (c, Box(x: x + 1, y: y + 1, width: swatch - 2, height: swatch - 2))
    }

    static func drawLegend(
        _ legend: Panel.Legend, on canvas: Canvas, x: Int, y: Int, width: Int
    ) -> [(color: RGB, box: Box)] {
        var swatches: [(color: RGB, box: Box)] = []
        switch legend {
        case let .classes(items):
            for (k, item) in items.enumerated() {
                let yy = y + k * lineHeight
                swatches.append(drawSwatch(item.0, on: canvas, x: x, y: yy + 2))
                canvas.text(item.1, x: Double(x + swatch + 6), y: Double(yy))
            }
        case let .groups(groups):
            for (k, group) in groups.enumerated() {
                let yy = y + k * lineHeight
                canvas.text(group.name, x: Double(x), y: Double(yy), bold: true)
                var xx = x + groupLabelWidth
                for item in group.items {
                    swatches.append(drawSwatch(item.0, on: canvas, x: xx, y: yy + 2))
                    xx += swatch + 4
                    xx += Int(canvas.text(item.1, x: Double(xx), y: Double(yy + 1), size: TextStyle.small).width) + 8
                }
            }
        case let .grayBar(low, high, unit):
            let w = min(width, 140)
            for i in 0..<w {
                let level = RGB(gray: UInt8(255 * i / max(w - 1, 1)))
                canvas.fillRect(x: Double(x + i), y: Double(y), width: 1, height: 10, level)
            }
            canvas.strokeRect(x: Double(x) + 0.5, y: Double(y) + 0.5, width: Double(w - 1), height: 9, RGB(gray: 90))
            let lo = String(format: "%.3g", low), hi = String(format: "%.3g", high) + " \(unit)"
            canvas.text(lo, x: Double(x), y: Double(y + 12), size: TextStyle.small)
            canvas.text(hi, x: Double(x + w), y: Double(y + 12), size: TextStyle.small, align: .right)
        case .none:
            break
        }
        return swatches
    }
}
