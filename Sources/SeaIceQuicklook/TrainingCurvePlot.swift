import Foundation
import SeaIceClasses

/// A training-curve plot: training losses (left) and validation scores (right) against epoch, each
/// series a coloured polyline with dots and a legend, with the run id and the UTC time range in
/// the caption. Drawn on a `Canvas` (cairo + pango) at 1000 × 420 pixels; labels in lower case as
/// the series are named (`sic`, `sod`, `combined`).
public struct TrainingCurvePlot {
    /// One named series: (epoch, value) points in epoch order.
    public struct Series: Sendable, Equatable {
        /// The name in the legend.
        public var name: String
        /// The points; non-finite values are left out.
        public var points: [(epoch: Int, value: Double)]

        /// A series.
        public init(name: String, points: [(epoch: Int, value: Double)]) {
            self.name = name
            self.points = points
        }

        /// Series compare by name and points.
        public static func == (a: Series, b: Series) -> Bool {
            a.name == b.name && a.points.map(\.epoch) == b.points.map(\.epoch)
                && a.points.map(\.value) == b.points.map(\.value)
        }
    }

    /// Training losses per epoch (e.g. `loss`, `sic`, `sod`, `floe`).
    public var losses: [Series]
    /// Validation scores per epoch (e.g. `combined`); empty without validation.
    public var scores: [Series]
    /// Caption lines under the plots (run id, UTC time range; "simulated data" first when it is).
    public var caption: [String]

    /// A plot.
    public init(losses: [Series], scores: [Series], caption: [String]) {
        self.losses = losses
        self.scores = scores
        self.caption = caption
    }

    /// Picture size in pixels.
    public static let size = (width: 1000, height: 420)
    /// The plot areas (x, y, width, height) of the loss and score panels.
    public static let areas = [(x: 70, y: 44, width: 330, height: 250), (x: 570, y: 44, width: 330, height: 250)]
    /// Series colours, in order (a colour-blind-safe qualitative palette, Okabe–Ito).
    public static let palette = [
        RGB(0, 114, 178), RGB(230, 159, 0), RGB(0, 158, 115), RGB(204, 121, 167), RGB(86, 180, 233),
        RGB(213, 94, 0), RGB(240, 228, 66), RGB(0, 0, 0),
    ]

    /// Renders the plot.
    public func render() -> RGBImage {
        let canvas = Canvas(width: Self.size.width, height: Self.size.height)
        draw(losses, title: "training losses", yLabel: "loss", area: Self.areas[0], on: canvas)
        draw(scores, title: "validation scores", yLabel: "score", area: Self.areas[1], on: canvas)
        var y = 350.0
        for (k, line) in caption.enumerated() {
            canvas.text(line, x: 16, y: y, color: k == 0 && line.lowercased().contains("simulated")
                ? PanelLayout.captionColor : RGB(gray: 40))
            y += 18
        }
        return canvas.image()
    }

    /// Renders the plot and writes it to `url` as PNG (atomically).
    public func write(to url: URL) throws {
        try PNGWriter.write(render(), to: url)
    }

    /// Round tick values covering `low…high` (1, 2 or 5 × 10ⁿ apart, about five intervals), from
    /// the last tick at or below `low` to the first at or above `high`; a flat range is widened by ±0.5.
    public static func ticks(low: Double, high: Double) -> [Double] {
        guard low.isFinite, high.isFinite else { return [] }
        let (lo, hi) = high > low ? (low, high) : (low - 0.5, low + 0.5)
        let raw = (hi - lo) / 5, magnitude = pow(10, floor(log10(raw)))
        let units = [1.0, 2, 5, 10].first { $0 * magnitude >= raw } ?? 10
        let step = units * magnitude
        // k × units × 10ⁿ, divided by 10⁻ⁿ for n < 0: ticks are the nearest doubles (0.6, not 0.6000…1).
        func tick(_ k: Int) -> Double {
            magnitude >= 1 ? Double(k) * units * magnitude : Double(k) * units / (1 / magnitude).rounded()
        }
        let first = Int((lo / step + 1e-9).rounded(.down)), last = Int((hi / step - 1e-9).rounded(.up))
        return (first...max(first, last)).map { tick($0) == 0 ? 0 : tick($0) }
    }

    private func draw(
        _ series: [Series], title: String, yLabel: String, area: (x: Int, y: Int, width: Int, height: Int),
        on canvas: Canvas
    ) {
        let (ax, ay, aw, ah) = (Double(area.x), Double(area.y), Double(area.width), Double(area.height))
        canvas.text(title, x: ax, y: 12, size: TextStyle.title, bold: true)
        canvas.fillRect(x: ax, y: ay, width: aw, height: ah, RGB(gray: 250))
        canvas.strokeRect(x: ax + 0.5, y: ay + 0.5, width: aw - 1, height: ah - 1, RGB(gray: 120))
        let points = series.flatMap(\.points).filter { $0.value.isFinite }
        guard !points.isEmpty else {
            canvas.text("no values yet", x: ax + aw / 2, y: ay + ah / 2 - 8, color: RGB(gray: 120), align: .center)
            return
        }
        let epochs = points.map(\.epoch), values = points.map(\.value)
        let (e0, e1) = (Double(epochs.min()!), Double(max(epochs.max()!, epochs.min()! + 1)))
        let yTicks = Self.ticks(low: values.min()!, high: values.max()!)
        let (v0, v1) = (yTicks.first ?? values.min()!, yTicks.last ?? values.max()!)
        func px(_ e: Double) -> Double { ax + 8 + (e - e0) / (e1 - e0) * (aw - 16) }
        func py(_ v: Double) -> Double { ay + ah - 8 - (v - v0) / max(v1 - v0, 1e-12) * (ah - 16) }
        for t in yTicks {
            canvas.fillRect(x: ax + 1, y: py(t).rounded(), width: aw - 2, height: 1, RGB(gray: 228))
            canvas.text(Self.label(t), x: ax - 6, y: py(t) - 7, size: TextStyle.small, align: .right)
        }
        let xStep = max(1, Int((e1 - e0) / 8) + 1)
        for e in stride(from: Int(e0), through: Int(e1), by: xStep) {
            canvas.fillRect(x: px(Double(e)).rounded(), y: ay + ah, width: 1, height: 4, RGB(gray: 90))
            canvas.text("\(e)", x: px(Double(e)), y: ay + ah + 5, size: TextStyle.small, align: .center)
        }
        canvas.text("epoch", x: ax + aw / 2, y: ay + ah + 22, align: .center)
        canvas.text(yLabel, x: ax - 6, y: ay - 20, size: TextStyle.small, align: .right)
        for (k, s) in series.enumerated() {
            let color = Self.palette[k % Self.palette.count]
            let xy = s.points.filter { $0.value.isFinite }.map { (px(Double($0.epoch)), py($0.value)) }
            canvas.strokePath(xy, color, lineWidth: 2)
            for p in xy { canvas.fillCircle(x: p.0, y: p.1, radius: 3, color) }
            // Legend right of the plot area's top-right corner, inside the picture.
            let ly = ay + 8 + Double(k) * 18
            canvas.fillRect(x: ax + aw + 10, y: ly + 7, width: 18, height: 3, color)
            canvas.text(s.name, x: ax + aw + 32, y: ly, size: TextStyle.small)
        }
    }

    /// A tick label: up to 3 significant decimals, no trailing zeros.
    static func label(_ v: Double) -> String {
        var s = String(format: "%.3f", v)
        while s.contains(".") && (s.hasSuffix("0") || s.hasSuffix(".")) { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
