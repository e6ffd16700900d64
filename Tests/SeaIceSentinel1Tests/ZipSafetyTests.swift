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

    /// The same archive with a zip64 end record (as large products have): same members, still readable through GDAL.
    func testZip64EndRecord() throws {
        var b = [UInt8](try Data(contentsOf: Fixtures.ewZip))
        var e = b.count - 22
        while !(b[e] == 0x50 && b[e + 1] == 0x4B && b[e + 2] == 5 && b[e + 3] == 6) { e -= 1 }
        func u(_ i: Int, _ n: Int) -> UInt64 { (0..<n).reduce(0) { $0 | UInt64(b[i + $1]) << (8 * UInt64($1)) } }
        func le(_ v: UInt64, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * UInt64($0))) & 0xFF) } }
        let count = u(e + 10, 2), size = u(e + 12, 4), offset = u(e + 16, 4)
        let recordAt = UInt64(e)
        var record = le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4)
        record += le(count, 8) + le(count, 8) + le(size, 8) + le(offset, 8)
        let locator = le(0x0706_4B50, 4) + le(0, 4) + le(recordAt, 8) + le(1, 4)
        let end = le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(0, 2)
        b = Array(b[0..<e]) + record + locator + end
        let z = try TestPaths.temporaryDirectory("zip64").appendingPathComponent(Fixtures.ewZip.lastPathComponent)
        try Data(b).write(to: z)
        XCTAssertEqual(try ZipArchive.memberNames(of: z), try ZipArchive.memberNames(of: Fixtures.ewZip))
        let meta = try SAFEProduct(url: z).metadata(.hv)
        XCTAssertEqual(try meta.openMeasurement().width, 525)
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
