import Foundation
import SeaIceQuicklook

/// Draws a confusion matrix as a heat-map PNG: rows = reference, columns = prediction, each cell
/// shaded by its share of the row and labelled with its pixel count and that share in percent
/// (row %, i.e. recall along the diagonal), row labels with the class names, a colour bar of the
/// shade scale (0–100 % of row) on the right. Drawn with SeaIceQuicklook's `Canvas` (cairo +
/// pango, DejaVu Sans at 11–16 px) and written through GDAL (`PNGWriter`).
public enum ConfusionMatrixPNG {
    /// Pixel size of one matrix cell (width, height).
    public static let cell = (w: 76, h: 42)
    /// Top edge of the matrix (title, axis caption and column labels above it).
    public static let top = 76
    /// Width of the colour bar, pixels.
    static let barWidth = 16

    /// Renders `table` of `chart` and writes it to `url` as an 8-bit RGB PNG (atomically).
    public static func write(_ table: ConfusionTable, chart: Chart, title: String, to url: URL) throws {
        try PNGWriter.write(render(table, chart: chart, title: title), to: url)
    }

    /// The cell shade for a row share `f` (0…1): white → dark blue (8, 48, 107).
    public static func shade(_ f: Double) -> RGB {
        RGB(UInt8(255 - f * 247), UInt8(255 - f * 207), UInt8(255 - f * 148))
    }

    /// A pixel count that fits a cell: exact below a million, else 3 significant digits with k/M/G
    /// ("1.23 M"); the exact counts are in confusion_<chart>.csv and report.json.
    public static func count(_ n: Int64) -> String {
        guard n >= 1_000_000 else { return "\(n)" }
        let (value, unit) = n >= 1_000_000_000 ? (Double(n) / 1e9, "G") : (Double(n) / 1e6, "M")
        return String(format: "%.3g %@", value, unit)
    }

    /// The name of a label value in `chart` ("no data" for the predicted mask value 255).
    static func rowName(_ label: Int, chart: Chart) -> String {
        label == 255 ? "255 no data" : "\(label) \(chart.labelName(label))"
    }

    /// Left edge of the matrix for `table` (room for the longest row label).
    public static func left(_ table: ConfusionTable, chart: Chart) -> Int {
        let probe = Canvas(width: 1, height: 1)
        let widest = table.labels.map { probe.measure(rowName($0, chart: chart)).width }.max() ?? 0
        return max(Int(widest) + 24, 90)
    }

    /// The pixel box of cell (row `i`, column `j`): (x, y, width, height), one pixel of grid line excluded.
    public static func cellBox(row i: Int, column j: Int, left: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        (left + j * cell.w, top + i * cell.h, cell.w - 1, cell.h - 1)
    }

    /// Renders `table` into an RGB image.
    public static func render(_ table: ConfusionTable, chart: Chart, title: String) -> RGBImage {
        let n = table.labels.count
        let left = left(table, chart: chart)
        let probe = Canvas(width: 1, height: 1)
        let footer = ["rows: reference, columns: prediction", "cells: pixel count and % of the row"]
        let textWidth = ([title] + footer).map { Int(probe.measure($0).width) }.max() ?? 0
        let barX = left + n * cell.w + 16
        let width = max(barX + barWidth + 56, textWidth + 24)
        let height = top + n * cell.h + 14 + footer.count * 18 + 12
        let canvas = Canvas(width: width, height: height)
        canvas.text(title, x: 12, y: 10, size: TextStyle.title, bold: true)
        canvas.text("prediction", x: Double(left + n * cell.w / 2), y: 34, color: RGB(gray: 60), align: .center)
        canvas.text("reference", x: 12, y: Double(top - 20), color: RGB(gray: 60))
        let fractions = table.rowNormalised
        // Grid lines: the one-pixel gaps between cells show this grey.
        canvas.fillRect(x: Double(left - 1), y: Double(top - 1), width: Double(n * cell.w + 1),
                        height: Double(n * cell.h + 1), RGB(gray: 215))
        for (i, label) in table.labels.enumerated() {
            let code = label == 255 ? "255" : "\(label)"
            canvas.text(code, x: Double(left + i * cell.w + cell.w / 2), y: Double(top - 20), bold: true,
                        align: .center)
            canvas.text(rowName(label, chart: chart), x: 12, y: Double(top + i * cell.h + cell.h / 2 - 8))
            for j in 0..<n {
                let f = fractions[i][j], box = cellBox(row: i, column: j, left: left)
                canvas.fillRect(
                    x: Double(box.x), y: Double(box.y), width: Double(box.width), height: Double(box.height), shade(f))
                guard table.counts[i][j] > 0 else { continue }
                let ink: RGB = f > 0.5 ? .white : RGB(gray: 20)
                let cx = Double(box.x + box.width / 2)
                canvas.text(count(table.counts[i][j]), x: cx, y: Double(box.y + 4), color: ink, bold: true,
                            align: .center)
                canvas.text(String(format: "%.1f %%", f * 100), x: cx, y: Double(box.y + 22), size: TextStyle.small,
                            color: ink, align: .center)
            }
        }
        drawColorBar(on: canvas, x: barX, y: top, height: n * cell.h)
        var y = top + n * cell.h + 14
        for line in footer {
            canvas.text(line, x: 12, y: Double(y), color: RGB(gray: 40))
            y += 18
        }
        return canvas.image()
    }

    /// The shade scale from 0 % (bottom) to 100 % of the row (top), with ticks every 25 %.
    static func drawColorBar(on canvas: Canvas, x: Int, y: Int, height: Int) {
        let h = max(height, 40)
        for k in 0..<h {
            let f = 1 - Double(k) / Double(h - 1)
            canvas.fillRect(x: Double(x), y: Double(y + k), width: Double(barWidth), height: 1, shade(f))
        }
        canvas.strokeRect(x: Double(x) + 0.5, y: Double(y) + 0.5, width: Double(barWidth - 1), height: Double(h - 1),
                          RGB(gray: 90))
        for tick in stride(from: 0, through: 100, by: 25) {
            let ty = Double(y) + Double(h - 1) * (1 - Double(tick) / 100)
            canvas.fillRect(x: Double(x + barWidth), y: ty, width: 4, height: 1, RGB(gray: 90))
            canvas.text("\(tick) %", x: Double(x + barWidth + 6), y: ty - 7, size: TextStyle.small)
        }
    }
}
