import Foundation
import SeaIceCore
import SeaIceTestSupport
import XCTest

final class AtomicOutputTests: XCTestCase {
    struct Boom: Error {}

    func testFailedProducerLeavesNothing() throws {
        let dir = try TestPaths.temporaryDirectory("atomic")
        let dest = dir.appendingPathComponent("product.nc")
        XCTAssertThrowsError(try AtomicOutput.write(to: dest) { tmp in
            try Data([1, 2, 3]).write(to: tmp)
            throw Boom()
        })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testSuccessfulProducerRenames() throws {
        let dir = try TestPaths.temporaryDirectory("atomic")
        let dest = dir.appendingPathComponent("sub/product.bin")
        try AtomicOutput.write(Data([9, 8]), to: dest)
        XCTAssertEqual(try Data(contentsOf: dest), Data([9, 8]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dest.deletingLastPathComponent().path), ["product.bin"])
    }
}
