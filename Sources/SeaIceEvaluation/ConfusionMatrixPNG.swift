import Foundation
import SeaIceQuicklook

/// Draws a confusion matrix as a heat-map PNG (rows = reference, columns = prediction, each cell
/// shaded and labelled with its share of the row in percent), with the quick-look library's
/// canvas (`RGBImage`), 5 × 7 font (`BitmapFont`) and GDAL PNG writer (`PNGWriter`).
public enum ConfusionMatrixPNG {
    /// Pixel size of one matrix cell (width, height).
    static let cell = (w: 44, h: 22)
    /// Text line height in pixels (7-pixel glyphs plus spacing).
    static let line = BitmapFont.glyphHeight + 5
    /// Left edge of the matrix (room for the row labels) and top edge (title, axis caption, column labels).
    static let left = 4 * BitmapFont.advance + 16, top = 3 * line + 8

    /// Renders `table` of `chart` and writes it to `url` as an 8-bit RGB PNG (atomically).
    public static func write(_ table: ConfusionTable, chart: Chart, title: String, to url: URL) throws {
        try PNGWriter.write(render(table, chart: chart, title: title), to: url)
    }

    /// The cell shade for a row share `f` (0…1): white → dark blue (8, 48, 107).
    static func shade(_ f: Double) -> RGB {
        RGB(UInt8(255 - f * 247), UInt8(255 - f * 207), UInt8(255 - f * 148))
    }

    /// Renders `table` into an RGB image.
    public static func render(_ table: ConfusionTable, chart: Chart, title: String) -> RGBImage {
        let n = table.labels.count
        let legend = table.labels.map { "\($0 == 255 ? "M" : "\($0)") \(chart.labelName($0))" }
        let footer = ["ROWS: REFERENCE  COLUMNS: PREDICTION", "CELLS: % OF ROW"]
        let textWidth = (legend + footer + [title]).map { BitmapFont.width(of: $0) }.max() ?? 0
        let width = max(left + n * cell.w + 10, textWidth + 20)
        let height = top + n * cell.h + 10 + (legend.count + footer.count) * line + 10
        var image = RGBImage(width: width, height: height)
        BitmapFont.draw(title, into: &image, x: 10, y: 6)
        BitmapFont.draw("PREDICTION", into: &image, x: left, y: 6 + line, color: RGB(gray: 60))
        let fractions = table.rowNormalised
        for (i, label) in table.labels.enumerated() {
            let name = label == 255 ? "M" : "\(label)"
            BitmapFont.draw(name, into: &image, x: left + i * cell.w + 6, y: top - line + 2)
            BitmapFont.draw(name, into: &image, x: 10, y: top + i * cell.h + 7)
            for j in 0..<n {
                let f = fractions[i][j]
                let x = left + j * cell.w, y = top + i * cell.h
                image.fillRect(x: x, y: y, width: cell.w - 1, height: cell.h - 1, shade(f))
                if table.counts[i][j] > 0 {
                    BitmapFont.draw("\(Int((f * 100).rounded()))", into: &image, x: x + 5, y: y + 7,
                                    color: f > 0.5 ? .white : .black)
                }
            }
        }
        var y = top + n * cell.h + 10
        for entry in legend + footer {
            BitmapFont.draw(entry, into: &image, x: 10, y: y, color: RGB(gray: 40))
            y += line
        }
        return image
    }
}
