import Foundation
import Logging
import SeaIceBench
import SeaIceModels
import SeaIceTestSupport
import XCTest

final class SeaIceBenchTests: XCTestCase {
    func testAnalyticMACsMatchPyTorchHookCount() {
        // Expected values: forward hooks on every Conv2d/Linear of python/unet.py's UNet() counting
        // output elements × in_channels × kernel area (18 × 256 × 256 and 18 × 500 × 520 inputs).
        XCTAssertEqual(UNetConfiguration.mmseaice.multiplyAccumulates(height: 256, width: 256), 4_582_277_120)
        XCTAssertEqual(UNetConfiguration.mmseaice.multiplyAccumulates(height: 500, width: 520), 18_171_467_776)
    }

    func testMedian() {
        XCTAssertEqual(UNetBenchmarkReport.median([3, 1, 2]), 2)
        XCTAssertEqual(UNetBenchmarkReport.median([4, 1, 3, 2]), 2.5)
        XCTAssertTrue(UNetBenchmarkReport.median([]).isNaN)
    }

    func testProcessMemoryReadsLinuxCounters() throws {
        let current = try XCTUnwrap(ProcessMemory.currentKiB())
        let peak = try XCTUnwrap(ProcessMemory.peakKiB())
        XCTAssertGreaterThan(current, 0)
        XCTAssertGreaterThanOrEqual(peak, current)
        XCTAssertTrue(ProcessMemory.resetPeak())
        let block = UnsafeMutableRawPointer.allocate(byteCount: 64 << 20, alignment: 64)
        defer { block.deallocate() }
        memset(block, 1, 64 << 20)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(ProcessMemory.peakKiB()), current + 60 * 1024 - 16 * 1024)
    }

    func testReportMarkdownNamesPhasesAndRatios() {
        let report = UNetBenchmarkReport(
            options: .quick(), swiftTrainMs: [100, 120], pythonTrainMs: [300, 330], swiftInferMs: [10], pythonInferMs: [25],
            swiftTrainPeakKiB: 2048, pythonTrainPeakKiB: 4096, swiftInferPeakKiB: 1024, pythonInferPeakKiB: 1024,
            peakGFLOPs: 100, trainFLOPs: 1e9, inferFLOPs: 1e8)
        let text = report.markdown
        XCTAssertTrue(text.contains("| train 2×18×64×64 | 110 | 315 | 2.86× (pairs 2.88×) | 2 / 4 |"), text)
        XCTAssertTrue(text.contains("| infer 1×18×96×104 | 10 | 25 | 2.50× (pairs 2.50×) |"), text)
        XCTAssertTrue(text.contains("simulated data"))
    }

    func testDemoTrainsCheckpointsAndReloadsIdentically() throws {
        var options = SyntheticDemo.Options()
        options.steps = 6
        options.batch = 2
        options.size = 16
        let dir = try TestPaths.temporaryDirectory("demo")
        let result = try SyntheticDemo(options: options, logger: Logger(label: "test")).run(directory: dir)
        XCTAssertEqual(result.losses.count, 6)
        XCTAssertTrue(result.losses.allSatisfy(\.isFinite))
        XCTAssertLessThan(result.losses.last!, result.losses.first!, "loss falls")
        XCTAssertEqual(result.reloadDifference, 0)
        for name in ["model.safetensors", "optimizer.safetensors", "checkpoint.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: result.checkpoint.appendingPathComponent(name).path), name)
        }
    }
}
