import Foundation
import SeaIceCore
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

@testable import SeaIceSentinel1

/// Metadata that parse but would give silently wrong scenes (issue 18 items 6 and 8): LUTs of NaN or 0, NaN tie
/// points, absurd declared sizes, oversized zip members — each refused naming the file and the item; and simulated
/// products recognised by every marker they carry.
final class DamagedMetadataTests: XCTestCase {
    let fm = FileManager.default

    /// The text of the fixture product's file whose name contains `fragment`, and its path.
    func xml(_ fragment: String) throws -> (text: String, path: String) {
        let product = try Fixtures.ewFolder
        let name = try XCTUnwrap(
            (fm.subpaths(atPath: product.path) ?? []).sorted().first { $0.contains(fragment) && $0.hasSuffix(".xml") })
        let url = product.appendingPathComponent(name)
        return (String(decoding: try Data(contentsOf: url), as: UTF8.self), url.path)
    }

    /// `text` with every value inside each `<element …>…</element>` replaced by `value`.
    func replacingValues(_ element: String, in text: String, with value: String) throws -> String {
        let regex = try NSRegularExpression(pattern: "(<\(element)[^>]*>)([^<]*)(</\(element)>)")
        var out = text
        for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let values = (text as NSString).substring(with: m.range(at: 2)).split(separator: " ")
            let replaced = Array(repeating: value, count: values.count).joined(separator: " ")
            out = (out as NSString).replacingCharacters(in: m.range(at: 2), with: replaced)
        }
        return out
    }

    func testCalibrationLUTOfNaNOrZeroIsRefusedNamingTheFileAndVector() throws {
        let (text, path) = try xml("calibration-s1a-ew-grd-hh")
        for bad in ["nan", "0", "inf"] {
            let damaged = try replacingValues("sigmaNought", in: text, with: bad)
            XCTAssertThrowsError(try CalibrationAnnotation(data: Data(damaged.utf8), file: path, width: 600), bad) {
                e in
                let message = "\(e)"
                XCTAssertTrue(message.hasPrefix(path), message)
                XCTAssertTrue(message.contains("calibrationVector/sigmaNought at line 0"), message)
                XCTAssertTrue(message.contains("finite gains > 0"), message)
            }
        }
        XCTAssertNoThrow(try CalibrationAnnotation(data: Data(text.utf8), file: path, width: 600))
    }

    func testNoiseLUTWithNaNIsRefusedNamingTheFileAndVector() throws {
        let (text, path) = try xml("noise-s1a-ew-grd-hh")
        let damaged = try replacingValues("noiseRangeLut", in: text, with: "nan")
        XCTAssertThrowsError(try NoiseAnnotation(data: Data(damaged.utf8), file: path, width: 600)) { e in
            let message = "\(e)"
            XCTAssertTrue(message.hasPrefix(path), message)
            XCTAssertTrue(message.contains("noiseRangeVector/noiseRangeLut at line"), message)
            XCTAssertTrue(message.contains("finite values"), message)
        }
    }

    func testNaNTiePointAndHugeLineCountAreRefusedNamingTheAnnotation() throws {
        let (text, path) = try xml("annotation/s1a-ew-grd-hh")
        let nanLatitude = text.replacingOccurrences(
            of: #"<latitude>[^<]*</latitude>"#, with: "<latitude>nan</latitude>",
            options: .regularExpression)
        XCTAssertThrowsError(try ProductAnnotation(data: Data(nanLatitude.utf8), file: path)) { e in
            let message = "\(e)"
            XCTAssertTrue(message.hasPrefix(path), message)
            XCTAssertTrue(message.contains("geolocationGridPoint 1") && message.contains("latitude nan"), message)
        }
        let huge = text.replacingOccurrences(
            of: #"<numberOfLines>[0-9]*</numberOfLines>"#,
            with: "<numberOfLines>2000000000</numberOfLines>", options: .regularExpression)
        XCTAssertThrowsError(try ProductAnnotation(data: Data(huge.utf8), file: path)) { e in
            let message = "\(e)"
            XCTAssertTrue(message.hasPrefix(path), message)
            XCTAssertTrue(message.contains("numberOfLines 2000000000"), message)
            XCTAssertTrue(message.contains("at most \(ProductAnnotation.maximumSide)"), message)
        }
        XCTAssertNoThrow(try ProductAnnotation(data: Data(text.utf8), file: path))
    }

    func testAZipMemberLargerThanTheBoundIsRefusedBeforeReading() throws {
        let dir = try TestPaths.temporaryDirectory("zip-bound")
        let big = dir.appendingPathComponent("manifest.safe")
        try Data(repeating: 0x20, count: 300_000).write(to: big)
        let zip = dir.appendingPathComponent("p.zip")
        try ZipArchive.writeStored(members: [(name: "P.SAFE/manifest.safe", source: big)], to: zip)
        let member = VSI.zipPath(archive: zip, member: "P.SAFE/manifest.safe")
        XCTAssertThrowsError(try VSI.readAll(member, maximumBytes: 100_000)) { e in
            let message = "\(e)"
            XCTAssertTrue(message.contains("p.zip/P.SAFE/manifest.safe"), message)
            XCTAssertTrue(message.contains("300000 bytes declared"), message)
        }
        XCTAssertEqual(try VSI.readAll(member, maximumBytes: 300_000).count, 300_000)
    }

    func testSimulatedProductsAreRecognisedByEitherMarker() throws {
        XCTAssertEqual(try SAFEProduct(url: try Fixtures.ewFolder).simulationMarkers, [])
        let dir = try TestPaths.temporaryDirectory("simulated-markers")
        // The note alone (the product was renamed).
        let noted = dir.appendingPathComponent("noted").appendingPathComponent(try Fixtures.ewFolder.lastPathComponent)
        try fm.createDirectory(at: noted.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: try Fixtures.ewFolder, to: noted)
        try Data("SIMULATED".utf8).write(to: noted.appendingPathComponent(SAFEProduct.simulationNoteName))
        XCTAssertEqual(try SAFEProduct(url: noted).simulationMarkers, ["note SIMULATED_DATA.txt"])
        // The name alone (the note was deleted).
        let named = dir.appendingPathComponent(noted.lastPathComponent.replacingOccurrences(of: "_BB15", with: "_SIMU"))
        try fm.copyItem(at: try Fixtures.ewFolder, to: named)
        let markers = try SAFEProduct(url: named).simulationMarkers
        XCTAssertEqual(markers.count, 1)
        XCTAssertTrue(markers[0].hasPrefix("name ") && markers[0].hasSuffix("_SIMU"), "\(markers)")
    }
}
