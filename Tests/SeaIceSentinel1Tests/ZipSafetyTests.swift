import Foundation
import Logging
import SeaIceCore
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// Zip-slip, truncated and corrupted archives; reading from a zip gives what the folder gives.
final class ZipSafetyTests: XCTestCase {
    func makeZip(_ names: [String]) throws -> URL {
        let dir = try TestPaths.temporaryDirectory("zip")
        let payload = dir.appendingPathComponent("payload")
        try Data("<x/>".utf8).write(to: payload)
        let zip = dir.appendingPathComponent("P.zip")
        try ZipArchive.writeStored(members: names.map { ($0, payload) }, to: zip)
        return zip
    }

    func testZipSlipRefused() throws {
        for evil in ["P.SAFE/../../evil.txt", "/etc/evil", "P.SAFE\\..\\..\\evil"] {
            let zip = try makeZip(["P.SAFE/manifest.safe", evil])
            XCTAssertThrowsError(try SAFEProduct(url: zip)) { e in
                XCTAssert("\(e)".contains("escapes the target folder"), "\(e)")
                XCTAssert("\(e)".contains(zip.path), "\(e)")
            }
        }
        // A name that merely contains two dots is fine.
        XCTAssertNoThrow(try ZipArchive.checkContained("P.SAFE/a..b.xml", archive: "x"))
    }

    func testTruncatedZipRefused() throws {
        let data = try Data(contentsOf: Fixtures.ewZip)
        let dir = try TestPaths.temporaryDirectory("trunc")
        for cut in [data.count / 2, data.count - 10] {
            let t = dir.appendingPathComponent("cut\(cut).zip")
            try data.prefix(cut).write(to: t)
            XCTAssertThrowsError(try SAFEProduct(url: t)) { e in
                XCTAssert("\(e)".contains(t.path), "\(e)")
                XCTAssert("\(e)".contains("truncated"), "\(e)")
            }
        }
    }

    func testCorruptedCentralDirectoryRefused() throws {
        var data = [UInt8](try Data(contentsOf: Fixtures.ewZip))
        // Break the first central-directory signature (PK\1\2).
        var i = data.count - 22
        while !(data[i] == 0x50 && data[i + 1] == 0x4B && data[i + 2] == 5 && data[i + 3] == 6) { i -= 1 }
        let offset = Int(data[i + 16]) | Int(data[i + 17]) << 8 | Int(data[i + 18]) << 16 | Int(data[i + 19]) << 24
        data[offset + 2] = 9
        let t = try TestPaths.temporaryDirectory("corrupt").appendingPathComponent("c.zip")
        try Data(data).write(to: t)
        XCTAssertThrowsError(try SAFEProduct(url: t)) { e in XCTAssert("\(e)".contains("corrupted"), "\(e)") }
    }

    func testZipEqualsFolder() throws {
        var c = PreprocessConfiguration()
        c.noise = .esa
        c.pixelSize = 1600
        let logger = Logger(label: "test")
        let fromZip = try SAFEProduct(url: Fixtures.ewZip), fromFolder = try SAFEProduct(url: Fixtures.ewFolder)
        XCTAssert(fromZip.root.hasPrefix("/vsizip/"))
        for pol in [Polarisation.hh, .hv] {
            let a = try ChannelProcessor.process(try fromZip.metadata(pol), configuration: c, coefficients: nil, logger: logger)
            let b = try ChannelProcessor.process(try fromFolder.metadata(pol), configuration: c, coefficients: nil, logger: logger)
            XCTAssertEqual(a.sigma0, b.sigma0)
            XCTAssertEqual(a.width, 262)
            XCTAssertEqual(a.height, 268)
        }
    }
}
