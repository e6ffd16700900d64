import AI4ArcticTestSupport
import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceNetCDF
import SeaIceSampling
import SeaIceTestSupport
import XCTest

@testable import SeaIceInference

/// Ready-to-train files whose SAR holds NaN or ±∞ (issue 18 item 2): read as missing (0, as the raw → ready
/// conversion writes NaN), counted, masked in the products; a scene with no valid SAR pixel is refused.
final class NonFiniteInputTests: XCTestCase {
    func temporaryDirectory() throws -> URL {
        let dir = try TestPaths.temporaryDirectory("nonfinite-inference")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// The 64 × 72 fixture with both SAR channels set to `value` in rows `rows`.
    func scene(rows: Range<Int>, value: Float) throws -> URL {
        let url = try ReadySceneFixture(lines: 64, samples: 72).write(to: try temporaryDirectory())
        let nc = try NetCDFFile.open(url, writable: true)
        for v in [AI4ArcticSchema.Name.sarPrimary, AI4ArcticSchema.Name.sarSecondary] {
            try nc.write(
                [Float](repeating: value, count: rows.count * 72), variable: v, start: [rows.lowerBound, 0],
                count: [rows.count, 72])
        }
        try nc.close()
        return url
    }

    var inputs: SamplerConfiguration {
        var c = SamplerConfiguration()
        c.downscaleFactor = 4
        return c
    }

    func testNonFiniteSARIsReadAsMissingCountedAndMasked() throws {
        for value in [Float.nan, .infinity, -.infinity] {
            let url = try scene(rows: 0..<16, value: value)
            let s = try InferenceScene.load(url, configuration: inputs)
            XCTAssertEqual(
                s.nonFiniteValues, ["nersc_sar_primary": 16 * 72, "nersc_sar_secondary": 16 * 72], "\(value)")
            let summary = try XCTUnwrap(s.nonFiniteSummary)
            XCTAssertTrue(summary.hasPrefix(url.path) && summary.contains("2304 NaN/±∞ input values"), summary)
            // Downscaled rows 0..<4 come from the damaged rows: not valid (masked in the product), inputs finite.
            let cols = s.scene.cols
            XCTAssertEqual(s.valid[0..<(4 * cols)].filter { $0 }.count, 0)
            XCTAssertEqual(s.valid[(4 * cols)...].filter { !$0 }.count, 0)
            for (name, values) in s.scene.fullGrid { XCTAssertTrue(values.allSatisfy(\.isFinite), name) }
            // The training reader masks the same pixels the same way.
            let training = try DownscaledScene.load(
                url, channels: inputs.channels, factor: 4, downsampling: inputs.downsampling)
            XCTAssertEqual(training.fullGrid["nersc_sar_primary"], s.scene.fullGrid["nersc_sar_primary"])
        }
        XCTAssertNil(
            try InferenceScene.load(
                try ReadySceneFixture(lines: 64, samples: 72).write(to: try temporaryDirectory()),
                configuration: inputs
            ).nonFiniteSummary)
    }

    func testASceneWithoutAnyValidSARIsRefused() throws {
        let url = try scene(rows: 0..<64, value: .nan)
        XCTAssertThrowsError(try InferenceScene.load(url, configuration: inputs)) { e in
            let message = "\(e)"
            XCTAssertTrue(message.hasPrefix(url.path), message)
            XCTAssertTrue(message.contains("`nersc_sar_primary`, `nersc_sar_secondary`"), message)
            XCTAssertTrue(message.contains("nersc_sar_primary 4608"), message)
        }
    }
}
