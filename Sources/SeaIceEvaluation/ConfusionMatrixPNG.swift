@preconcurrency import CGDAL
import Foundation
import SeaIceCore
import SeaIceGDAL

/// Draws a confusion matrix as a heat-map PNG (rows = reference, columns = prediction, each cell
/// shaded and labelled with its share of the row in percent) and writes it through GDAL's PNG
/// driver from an in-memory (MEM) dataset.
///
/// Self-contained on purpose (its own RGB canvas and a 3 × 5 pixel bitmap font, drawn ×2) so
/// that it can later move into the quick-look module.
public enum ConfusionMatrixPNG {
    /// Pixel size of one matrix cell (width, height).
    static let cell = (w: 44, h: 26)
    /// Font magnification (glyphs are 3 × 5, drawn `scale` times larger).
    static let scale = 2

    /// Renders `table` of `chart` and writes it to `url` as an 8-bit RGB PNG (atomically).
    public static func write(_ table: ConfusionTable, chart: Chart, title: String, to url: URL) throws {
        try writePNG(render(table, chart: chart, title: title), to: url)
    }

    /// Renders `table` into an RGB canvas.
    public static func render(_ table: ConfusionTable, chart: Chart, title: String) -> RGBCanvas {
        let n = table.labels.count
        let line = 7 * scale + 4
        let left = 6 * 4 * scale + 12, top = 3 * line + 6
        let legend = table.labels.map { "\($0 == 255 ? "M" : "\($0)") \(chart.labelName($0))" }
        let legendWidth = (legend.map(\.count).max() ?? 0) * 4 * scale
        let footer = ["ROWS: REFERENCE  COLUMNS: PREDICTION", "CELLS: % OF ROW"]
        let width = max(left + n * cell.w + 10, max(legendWidth, footer[0].count * 4 * scale, title.count * 4 * scale) + 20)
        let height = top + n * cell.h + 10 + (legend.count + footer.count) * line + 10
        var canvas = RGBCanvas(width: width, height: height, fill: (255, 255, 255))
        canvas.text(title, x: 10, y: 6, scale: scale, color: (0, 0, 0))
        canvas.text("PREDICTION", x: left, y: 6 + line, scale: scale, color: (60, 60, 60))
        let fractions = table.rowNormalised
        for (i, label) in table.labels.enumerated() {
            let name = label == 255 ? "M" : "\(label)"
            canvas.text(name, x: left + i * cell.w + 6, y: top - line + 2, scale: scale, color: (0, 0, 0))
            canvas.text(name, x: 10, y: top + i * cell.h + 6, scale: scale, color: (0, 0, 0))
            for j in 0..<n {
                let f = fractions[i][j]
                let x = left + j * cell.w, y = top + i * cell.h
                // White → dark blue (8, 48, 107) with the row share.
                let shade = (UInt8(255 - f * 247), UInt8(255 - f * 207), UInt8(255 - f * 148))
                canvas.fill(x: x, y: y, width: cell.w - 1, height: cell.h - 1, color: shade)
                if table.counts[i][j] > 0 {
                    let text = "\(Int((f * 100).rounded()))"
                    canvas.text(text, x: x + 6, y: y + 6, scale: scale, color: f > 0.5 ? (255, 255, 255) : (0, 0, 0))
                }
            }
        }
        var y = top + n * cell.h + 10
        for entry in legend + footer {
            canvas.text(entry, x: 10, y: y, scale: scale, color: (40, 40, 40))
            y += line
        }
        return canvas
    }

    /// Writes `canvas` as a PNG at `url` through GDAL (MEM dataset → PNG `CreateCopy`).
    public static func writePNG(_ canvas: RGBCanvas, to url: URL) throws {
        GDALLibrary.ensureRegistered()
        guard let memDriver = GDALGetDriverByName("MEM"), let pngDriver = GDALGetDriverByName("PNG") else {
            throw SeaIceError.native(library: "GDAL", operation: "find MEM and PNG drivers", message: GDALLibrary.lastErrorMessage)
        }
        try AtomicOutput.write(to: url) { tmp in
            guard let dataset = GDALCreate(memDriver, "", Int32(canvas.width), Int32(canvas.height), 3, GDT_Byte, nil) else {
                throw SeaIceError.native(library: "GDAL", operation: "create MEM dataset for \(url.path)", message: GDALLibrary.lastErrorMessage)
            }
            defer { GDALClose(dataset) }
            for band in 0..<3 {
                var plane = [UInt8](repeating: 0, count: canvas.width * canvas.height)
                for p in plane.indices { plane[p] = canvas.pixels[p * 3 + band] }
                let status = GDALRasterIO(GDALGetRasterBand(dataset, Int32(band + 1)), GF_Write, 0, 0,
                                          Int32(canvas.width), Int32(canvas.height), &plane,
                                          Int32(canvas.width), Int32(canvas.height), GDT_Byte, 0, 0)
                guard status == CE_None else {
                    throw SeaIceError.native(library: "GDAL", operation: "write band \(band + 1) for \(url.path)", message: GDALLibrary.lastErrorMessage)
                }
            }
            guard let png = GDALCreateCopy(pngDriver, tmp.path, dataset, 0, nil, nil, nil) else {
                throw SeaIceError.native(library: "GDAL", operation: "write PNG \(url.path)", message: GDALLibrary.lastErrorMessage)
            }
            GDALClose(png)
            try? FileManager.default.removeItem(atPath: tmp.path + ".aux.xml")
        }
    }
}

/// An 8-bit RGB raster (row-major, interleaved R, G, B) with rectangle and text drawing.
public struct RGBCanvas: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width × height × 3` bytes, row by row, R G B per pixel.
    public private(set) var pixels: [UInt8]

    /// A canvas filled with `fill`.
    public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8)) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        self.fill(x: 0, y: 0, width: width, height: height, color: fill)
    }

    /// The colour at (`x`, `y`).
    public func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        let i = (y * width + x) * 3
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Fills a rectangle, clipped to the canvas.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, color: (UInt8, UInt8, UInt8)) {
        for row in max(y, 0)..<min(y + h, height) {
            for col in max(x, 0)..<min(x + w, width) {
                let i = (row * width + col) * 3
                pixels[i] = color.0; pixels[i + 1] = color.1; pixels[i + 2] = color.2
            }
        }
    }

    /// Draws `text` (upper-cased; unknown characters as `?`) with its top-left corner at (`x`, `y`).
    public mutating func text(_ text: String, x: Int, y: Int, scale: Int, color: (UInt8, UInt8, UInt8)) {
        var cx = x
        for ch in text.uppercased() {
            let rows = RGBCanvas.glyphs[ch] ?? RGBCanvas.glyphs["?"]!
            for (r, bits) in rows.enumerated() {
                for c in 0..<3 where bits & (4 >> c) != 0 {
                    fill(x: cx + c * scale, y: y + r * scale, width: scale, height: scale, color: color)
                }
            }
            cx += 4 * scale
        }
    }

    /// 3 × 5 glyphs: five rows top to bottom, bit 4 = left column, 1 = right column.
    static let glyphs: [Character: [UInt8]] = [
        "0": [7, 5, 5, 5, 7], "1": [2, 6, 2, 2, 7], "2": [7, 1, 7, 4, 7], "3": [7, 1, 7, 1, 7],
        "4": [5, 5, 7, 1, 1], "5": [7, 4, 7, 1, 7], "6": [7, 4, 7, 5, 7], "7": [7, 1, 1, 2, 2],
        "8": [7, 5, 7, 5, 7], "9": [7, 5, 7, 1, 7],
        "A": [2, 5, 7, 5, 5], "B": [6, 5, 6, 5, 6], "C": [3, 4, 4, 4, 3], "D": [6, 5, 5, 5, 6],
        "E": [7, 4, 6, 4, 7], "F": [7, 4, 6, 4, 4], "G": [3, 4, 5, 5, 3], "H": [5, 5, 7, 5, 5],
        "I": [7, 2, 2, 2, 7], "J": [1, 1, 1, 5, 2], "K": [5, 5, 6, 5, 5], "L": [4, 4, 4, 4, 7],
        "M": [5, 7, 7, 5, 5], "N": [6, 5, 5, 5, 5], "O": [2, 5, 5, 5, 2], "P": [6, 5, 6, 4, 4],
        "Q": [2, 5, 5, 6, 3], "R": [6, 5, 6, 5, 5], "S": [3, 4, 2, 1, 6], "T": [7, 2, 2, 2, 2],
        "U": [5, 5, 5, 5, 7], "V": [5, 5, 5, 5, 2], "W": [5, 5, 7, 7, 5], "X": [5, 5, 2, 5, 5],
        "Y": [5, 5, 2, 2, 2], "Z": [7, 1, 2, 4, 7],
        " ": [0, 0, 0, 0, 0], "%": [5, 1, 2, 4, 5], ".": [0, 0, 0, 0, 2], "-": [0, 0, 7, 0, 0],
        ":": [0, 2, 0, 2, 0], ",": [0, 0, 0, 2, 4], "(": [1, 2, 2, 2, 1], ")": [4, 2, 2, 2, 4],
        "/": [1, 1, 2, 4, 4], "=": [0, 7, 0, 7, 0], "_": [0, 0, 0, 0, 7], "+": [0, 2, 7, 2, 0],
        "?": [7, 1, 2, 0, 2],
    ]
}
