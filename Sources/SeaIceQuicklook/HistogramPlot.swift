import Foundation

/// A histogram plot: the counts of one or more named value series in equal bins over a fixed range, drawn as
/// outlined step curves with a legend, a title and caption lines (cairo + pango `Canvas`, 760 × 420 pixels).
/// Values outside the range go to the first or last bin; non-finite values are left out.
public struct HistogramPlot {
    /// One series: a name and its values.
    public struct Series: Sendable, Equatable {
        /// The legend name.
        public var name: String
        /// The values.
        public var values: [Double]

        /// A series.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// The title above the plot.
    public var title: String
    /// The x-axis label (quantity and unit).
    public var xLabel: String
    /// The series.
    public var series: [Series]
    /// The binned range and the number of bins.
    public var low: Double, high: Double, bins: Int
    /// Caption lines under the plot ("real data" or "simulated data" first).
    public var caption: [String]

    /// A plot of `series` in `bins` bins over `low…high`.
    public init(title: String, xLabel: String, series: [Series], low: Double, high: Double, bins: Int,
                caption: [String]) {
        precondition(high > low && bins > 0, "histogram range \(low)…\(high) with \(bins) bins")
        self.title = title
        self.xLabel = xLabel
        self.series = series
        (self.low, self.high, self.bins) = (low, high, bins)
        self.caption = caption
    }

    /// Picture size in pixels.
    public static let size = (width: 760, height: 420)

    /// The counts of `values` per bin.
    public func counts(_ values: [Double]) -> [Int] {
        var c = Array(repeating: 0, count: bins)
        for v in values where v.isFinite {
            c[min(max(Int(((v - low) / (high - low) * Double(bins)).rounded(.down)), 0), bins - 1)] += 1
        }
        return c
    }

    /// Renders the plot.
    public func render() -> RGBImage {
        let canvas = Canvas(width: Self.size.width, height: Self.size.height)
        let (ax, ay, aw, ah) = (70.0, 44.0, 460.0, 270.0)
        canvas.text(title, x: ax, y: 12, size: TextStyle.title, bold: true)
        canvas.fillRect(x: ax, y: ay, width: aw, height: ah, RGB(gray: 250))
        canvas.strokeRect(x: ax + 0.5, y: ay + 0.5, width: aw - 1, height: ah - 1, RGB(gray: 120))
        let all = series.map { counts($0.values) }
        let top = Double(max(all.flatMap { $0 }.max() ?? 1, 1))
        let yTicks = TrainingCurvePlot.ticks(low: 0, high: top)
        let ymax = yTicks.last ?? top
        func px(_ v: Double) -> Double { ax + (v - low) / (high - low) * aw }
        func py(_ n: Double) -> Double { ay + ah - n / ymax * (ah - 8) }
        for t in yTicks {
            canvas.fillRect(x: ax + 1, y: py(t).rounded(), width: aw - 2, height: 1, RGB(gray: 228))
            canvas.text(TrainingCurvePlot.label(t), x: ax - 6, y: py(t) - 7, size: TextStyle.small, align: .right)
        }
        for t in TrainingCurvePlot.ticks(low: low, high: high) where t >= low && t <= high {
            canvas.fillRect(x: px(t).rounded(), y: ay + ah, width: 1, height: 4, RGB(gray: 90))
            canvas.text(TrainingCurvePlot.label(t), x: px(t), y: ay + ah + 5, size: TextStyle.small, align: .center)
        }
        canvas.text(xLabel, x: ax + aw / 2, y: ay + ah + 22, align: .center)
        canvas.text("count", x: ax - 6, y: ay - 20, size: TextStyle.small, align: .right)
        let width = aw / Double(bins)
        for (k, c) in all.enumerated() {
            let color = TrainingCurvePlot.palette[k % TrainingCurvePlot.palette.count]
            var path: [(Double, Double)] = [(ax, py(0))]
            for (b, n) in c.enumerated() {
                path += [(ax + Double(b) * width, py(Double(n))), (ax + Double(b + 1) * width, py(Double(n)))]
            }
            path.append((ax + aw, py(0)))
            canvas.strokePath(path, color, lineWidth: 2)
            let ly = ay + 8 + Double(k) * 18
            canvas.fillRect(x: ax + aw + 12, y: ly + 7, width: 18, height: 3, color)
            canvas.text("\(series[k].name) (n = \(series[k].values.count(where: \.isFinite)))", x: ax + aw + 36,
                        y: ly, size: TextStyle.small)
        }
        var y = 350.0
        for line in caption {
            canvas.text(line, x: 16, y: y, color: RGB(gray: 40))
            y += 18
        }
        return canvas.image()
    }

    /// Renders the plot and writes it to `url` as PNG (atomically).
    public func write(to url: URL) throws {
        try PNGWriter.write(render(), to: url)
    }
}
