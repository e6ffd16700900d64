/// Colours and legend labels of a class map (SIC, SOD, FLOE), with a colour for masked pixels.
///
/// SIC uses the WMO total-concentration colour code (ice-free blue, < 1/10 … 10/10 red,
/// JCOMM/WMO "Ice chart colour code standard", WMO/TD-No. 1215); SOD the WMO stage-of-development
/// colours for the six AI4Arctic classes; FLOE a sequential palette (the WMO has no floe colour code).
public struct ClassColorTable: Sendable, Equatable {
    /// One class: its value in the map, colour and legend label.
    public struct Entry: Sendable, Equatable {
        /// Class value.
        public var value: UInt8
        /// Colour.
        public var color: RGB
        /// Legend text.
        public var label: String

        /// An entry.
        public init(_ value: UInt8, _ color: RGB, _ label: String) {
            self.value = value; self.color = color; self.label = label
        }
    }

    /// Title shown above the panel.
    public var title: String
    /// The classes, in legend order.
    public var entries: [Entry]
    /// Colour of masked (255) and unknown values.
    public var maskColor: RGB
    /// Legend label of the mask.
    public var maskLabel: String

    /// A table.
    public init(title: String, entries: [Entry], maskColor: RGB = RGB(60, 60, 60), maskLabel: String = "MASKED") {
        self.title = title; self.entries = entries; self.maskColor = maskColor; self.maskLabel = maskLabel
    }

    /// The colour of class `value` (the mask colour for values not in the table).
    public func color(_ value: UInt8) -> RGB {
        entries.first { $0.value == value }?.color ?? maskColor
    }

    /// Renders a row-major class map of `width × height`.
    public func render(_ classes: [UInt8], width: Int, height: Int) -> RGBImage {
        precondition(classes.count == width * height, "class map has \(classes.count) values, expected \(width) × \(height)")
        var lut = [RGB](repeating: maskColor, count: 256)
        for e in entries { lut[Int(e.value)] = e.color }
        var image = RGBImage(width: width, height: height)
        for k in classes.indices {
            let c = lut[Int(classes[k])]
            image.pixels[3 * k] = c.r; image.pixels[3 * k + 1] = c.g; image.pixels[3 * k + 2] = c.b
        }
        return image
    }

    /// AI4Arctic SIC classes 0…10 (tenths) in WMO concentration colours.
    public static let sic = ClassColorTable(title: "SIC", entries: [
        Entry(0, RGB(150, 200, 255), "0 ICE FREE"),
        Entry(1, RGB(140, 255, 160), "1/10"), Entry(2, RGB(140, 255, 160), "2/10"), Entry(3, RGB(140, 255, 160), "3/10"),
        Entry(4, RGB(255, 255, 0), "4/10"), Entry(5, RGB(255, 255, 0), "5/10"), Entry(6, RGB(255, 255, 0), "6/10"),
        Entry(7, RGB(255, 125, 7), "7/10"), Entry(8, RGB(255, 125, 7), "8/10"),
        Entry(9, RGB(255, 0, 0), "9/10"), Entry(10, RGB(200, 0, 0), "10/10"),
    ])

    /// AI4Arctic SOD classes 0…5 in WMO stage-of-development colours.
    public static let sod = ClassColorTable(title: "SOD", entries: [
        Entry(0, RGB(150, 200, 255), "OPEN WATER"),
        Entry(1, RGB(240, 210, 250), "NEW ICE"),
        Entry(2, RGB(170, 40, 240), "YOUNG ICE"),
        Entry(3, RGB(155, 210, 0), "THIN FYI"),
        Entry(4, RGB(0, 120, 0), "THICK FYI"),
        Entry(5, RGB(180, 100, 50), "OLD ICE"),
    ])

    /// AI4Arctic FLOE classes 0…6.
    public static let floe = ClassColorTable(title: "FLOE", entries: [
        Entry(0, RGB(150, 200, 255), "OPEN WATER"),
        Entry(1, RGB(255, 245, 200), "CAKE"),
        Entry(2, RGB(255, 210, 130), "SMALL FLOE"),
        Entry(3, RGB(250, 160, 70), "MEDIUM FLOE"),
        Entry(4, RGB(220, 90, 40), "BIG FLOE"),
        Entry(5, RGB(150, 40, 30), "VAST FLOE"),
        Entry(6, RGB(90, 90, 200), "BERGS"),
    ])
}
