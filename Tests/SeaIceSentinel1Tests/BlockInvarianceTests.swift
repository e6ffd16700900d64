import Foundation
import Logging
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// Row blocks, their Gaussian halos and the number of workers must not change the result.
final class BlockInvarianceTests: XCTestCase {
    func testBlocksAndWorkersGiveIdenticalOutput() throws {
        var b = try Fixtures.ewBuilder()
        b.reduction = 40  // 268 × 263 pixels of 1600 m: the Gaussian halo still spans several blocks
        let meta = try SAFEProduct(url: try b.writeFolder(in: try TestPaths.temporaryDirectory("blocks"))).metadata(.hv)
        let table = try NERSCCoefficients.Table(url: TestPaths.requireSharedData(
            "sentinel1denoised/denoising_parameters.json"))
        let coeff = table.coefficients(mission: "S1A", mode: .ew, polarisation: .hv, ipf: 3.52, logger: Logger(label: "t"))
        var c = PreprocessConfiguration()
        c.pixelSize = 3200
        c.noise = .nersc
        c.blockRows = 100_000
        c.workers = 1
        let whole = try ChannelProcessor.process(meta, configuration: c, coefficients: coeff, logger: Logger(label: "t"))
        for (rows, workers) in [(24, 2), (130, 3)] {
            c.blockRows = rows
            c.workers = workers
            let blocked = try ChannelProcessor.process(meta, configuration: c, coefficients: coeff, logger: Logger(label: "t"))
            XCTAssertEqual(blocked.sigma0, whole.sigma0, "blockRows \(rows), workers \(workers)")
        }
    }
}
