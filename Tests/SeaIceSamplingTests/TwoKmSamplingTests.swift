import SeaIceAI4Arctic
import SeaIceSampling
import SeaIceTestSupport
import XCTest

/// An in-memory scene of `rows × cols` downscaled pixels (factor f) over an 80 m grid of rows·f × cols·f.
func memoryScene(rows: Int, cols: Int, factor: Int = 10, downsampling: Downsampling = .nearest, month: Int = 6,
                 sic: ((Int, Int) -> UInt8)? = nil, twoKmField: ((Int, Int) -> Float)? = nil) -> DownscaledScene {
    let g = AI4ArcticGeometry(lines: rows * factor, samples: cols * factor, pixelSpacing: 80)
    func plane<T>(_ f: (Int, Int) -> T) -> [T] { (0..<rows).flatMap { r in (0..<cols).map { c in f(r, c) } } }
    let sicPlane = plane(sic ?? { r, c in UInt8((r + c) % 11) })
    var twoKm: [String: [Float]] = [:]
    for (j, v) in AI4ArcticSchema.twoKmVariables.enumerated() {
        twoKm[v] = (0..<g.twoKmLines).flatMap { k in (0..<g.twoKmSamples).map { l in twoKmField?(k, l) ?? Float(j) + Float(k) - Float(l) } }
    }
    var full: [String: [Float]] = [:]
    for (i, v) in AI4ArcticSchema.fullGridInputs.enumerated() { full[v] = plane { r, c in Float(i * 1000 + r * cols + c) } }
    let lat = (0..<441).map { 70 + Double($0 / 21) }, lon = (0..<441).map { -60 + Double($0 % 21) }
    return DownscaledScene(sceneID: "20180607T184326_dmi_prep.nc", month: month, geometry: g, factor: factor,
                           downsampling: downsampling, fullGrid: full,
                           labels: [sicPlane, plane { r, _ in UInt8(r % 6) }, plane { _, c in UInt8(c % 7) }],
                           twoKm: twoKm, tiePoints: .spanning(lines: g.lines, samples: g.samples, latitude: lat, longitude: lon))
}

final class TwoKmSamplingTests: XCTestCase {
    /// Hand-computed: factor 10, 25 pixels of 80 m per 2 km cell, field v(k, l) = 10 k + l.
    /// `nearest`: downscaled row 3 stands for 80 m pixel 30, centre y = 30.5 → u = 30.5/25 − 0.5 = 0.72 → 7.2;
    /// column 5 → x = 50.5 → 1.52; so v = 7.2 + 1.52 = 8.72. Row 4 → y = 40.5 → 1.12 → 11.2; column 6 → 60.5 → 1.92:
    /// v = 13.12. Column 0 → x = 0.5 → u = −0.48, clamped to 0. (The reference's truncated offset would give
    /// cell values 10·⌊30/25⌋ + ⌊50/25⌋ = 12 at the first pixel.)
    func testAlignmentAgainstHandComputedNearestCase() throws {
        let scene = memoryScene(rows: 10, cols: 10, twoKmField: { k, l in Float(10 * k + l) })
        var config = SamplerConfiguration()
        config.channels = [.twoKm("t2m")]
        config.patchSize = 2
        let s = try PatchExtractor(configuration: config).extract(from: scene, row: 3, col: 5)
        assertAllClose(s.inputs, [8.72, 8.72 + 0.4, 11.2 + 1.52, 13.12], rtol: 0, atol: 1e-5)
        let edge = try PatchExtractor(configuration: config).extract(from: scene, row: 3, col: 0)
        XCTAssertEqual(edge.inputs[0], 7.2, accuracy: 1e-5)
    }

    /// `blockMean`: row 3 stands for the block centre y = 35 → u = 0.9 → 9; column 5 → 55 → 1.7: v = 10.7.
    func testAlignmentAgainstHandComputedBlockMeanCase() throws {
        let scene = memoryScene(rows: 10, cols: 10, downsampling: .blockMean, twoKmField: { k, l in Float(10 * k + l) })
        var config = SamplerConfiguration()
        config.channels = [.twoKm("t2m")]
        config.patchSize = 1
        let s = try PatchExtractor(configuration: config).extract(from: scene, row: 3, col: 5)
        XCTAssertEqual(s.inputs[0], 10.7, accuracy: 1e-5)
        // The last cell is constant beyond its centre: row 9 → y = 95 → u = 3.3 → clamped to 3.
        let last = try PatchExtractor(configuration: config).extract(from: scene, row: 9, col: 9)
        XCTAssertEqual(last.inputs[0], 33, accuracy: 1e-5)
    }

    func testWeightsStayInsideTheGrid() {
        for cells in [1, 2, 3] {
            let w = TwoKmSampling.weights(start: 0, count: 20, factor: 10, downsampling: .nearest, pixelsPerCell: 25, cells: cells)
            XCTAssertTrue(w.lower.allSatisfy { (0..<cells).contains($0) } && w.upper.allSatisfy { (0..<cells).contains($0) })
            XCTAssertTrue(w.fraction.allSatisfy { (0...1).contains($0) })
        }
    }

    /// Encodings: time 2·m/11 − 1 (June: m = 5 → −1/11); latitude/longitude from the tie grid, standardised.
    func testEncodings() throws {
        let scene = memoryScene(rows: 10, cols: 10, month: 6)
        var config = SamplerConfiguration()
        config.channels = [.time, .latitude, .longitude]
        config.patchSize = 1
        let s = try PatchExtractor(configuration: config).extract(from: scene, row: 5, col: 2)
        XCTAssertEqual(s.inputs[0], Float(2.0 * 5 / 11 - 1), accuracy: 1e-6)
        // Tie grid spans pixel 0 … 99 in 20 steps: pixel 50 (row 5, nearest) is tie row 50·20/99, lat = 70 + that.
        XCTAssertEqual(Double(s.inputs[1]), (70 + 50.0 * 20 / 99 - 69.12526250065734) / 7.03179625261593, accuracy: 1e-5)
        XCTAssertEqual(Double(s.inputs[2]), (-60 + 20.0 * 20 / 99 + 56.38966259295485) / 31.32935694114249, accuracy: 1e-5)
    }

    func testFullGridAndLabelsAreCopiedAndEdgesFilled() throws {
        let scene = memoryScene(rows: 4, cols: 5)
        var config = SamplerConfiguration()
        config.channels = [.fullGrid("distance_map")]
        config.patchSize = 3
        let s = try PatchExtractor(configuration: config).extract(from: scene, row: 2, col: 3)
        // rows 2, 3 and columns 3, 4 exist; the rest is fill.
        XCTAssertEqual(s.inputs, [3013, 3014, 0, 3018, 3019, 0, 0, 0, 0])
        XCTAssertEqual(Array(s.labels[0..<9]), [5, 6, 255, 6, 7, 255, 255, 255, 255])
        var missing = config
        missing.channels = [.twoKm("tcwv")]
        let bare = DownscaledScene(sceneID: "x", month: 1, geometry: scene.geometry, factor: 10, downsampling: .nearest,
                                   fullGrid: [:], labels: scene.labels, twoKm: [:], tiePoints: scene.tiePoints)
        XCTAssertThrowsError(try PatchExtractor(configuration: missing).extract(from: bare, row: 0, col: 0))
    }
}
