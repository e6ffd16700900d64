import SeaIceQuicklook
import XCTest

/// The histogram plot: binning (edges, out-of-range and non-finite values) and the picture size.
final class HistogramPlotTests: XCTestCase {
    func testCountsPerBin() {
        let plot = HistogramPlot(title: "t", xLabel: "x", series: [], low: 0, high: 1, bins: 4, caption: [])
        // 0 and 0.2 → bin 0; 0.25 → bin 1; 0.99 and 1 (the top edge) and 7 → bin 3; −3 → bin 0; NaN, ∞ left out.
        XCTAssertEqual(plot.counts([0, 0.2, 0.25, 0.99, 1, 7, -3, .nan, .infinity]), [3, 1, 0, 3])
        XCTAssertEqual(plot.counts([]), [0, 0, 0, 0])
    }

    func testRendersAtItsSize() {
        let plot = HistogramPlot(title: "t", xLabel: "x", series: [.init(name: "a", values: [0.1, 0.5])],
                                 low: 0, high: 1, bins: 10, caption: ["real data"])
        let image = plot.render()
        XCTAssertEqual(image.width, HistogramPlot.size.width)
        XCTAssertEqual(image.height, HistogramPlot.size.height)
    }
}
