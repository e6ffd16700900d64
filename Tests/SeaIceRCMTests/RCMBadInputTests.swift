import Foundation
import Logging
import SeaIceCore
import SeaIceRCM
import SeaIceSAR
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// Damaged RCM products are refused naming the file and the element (issue 11's bad inputs).
final class RCMBadInputTests: XCTestCase {
    private func product(zip: Bool = false) throws -> URL {
        let template = try TestPaths.requireSharedData(RCMMetadataTests.name)
        let (w, h) = try SimulatedRCMWriter.size(of: template, reduction: 64)
        let fields = Dictionary(uniqueKeysWithValues: [Polarisation.hh, .hv].map {
            ($0, SimulatedRCMWriter.referenceField(width: w, height: h, polarisation: $0))
        })
        return try SimulatedRCMWriter.write(.init(template: template, reduction: 64, sigma0: fields),
                                            into: try TestPaths.temporaryDirectory("rcm-bad"), zip: zip)
    }

    private func edit(_ url: URL, _ file: String, _ change: (String) -> String) throws {
        let f = url.appendingPathComponent(file)
        try Data(change(String(decoding: try Data(contentsOf: f), as: UTF8.self)).utf8).write(to: f)
    }

    private func assertRefused(_ url: URL, mentioning parts: [String], line: UInt = #line) {
        XCTAssertThrowsError(try RCMProduct(url: url), line: line) { e in
            for p in parts { XCTAssert("\(e)".contains(p), "\(e) lacks \(p)", line: line) }
        }
    }

    func testAProductOfAnotherMissionIsRefused() throws {
        let p = try product()
        try edit(p, "metadata/product.xml") { $0.replacingOccurrences(of: "<satellite>RCM-2</satellite>", with: "<satellite>RADARSAT-2</satellite>") }
        assertRefused(p, mentioning: ["product.xml", "sourceAttributes/satellite", "RADARSAT-2"])
    }

    func testComplexProductsAreRefused() throws {
        let p = try product()
        try edit(p, "metadata/product.xml") {
            $0.replacingOccurrences(of: "<productType>GRD</productType>", with: "<productType>SLC</productType>")
                .replacingOccurrences(of: "<sampleType>Magnitude Detected</sampleType>", with: "<sampleType>Complex</sampleType>")
        }
        assertRefused(p, mentioning: ["product.xml", "productType SLC", "complex (SLC)"])
    }

    func testGroundCorrectedProductsAreRead() throws {
        let p = try product()
        try edit(p, "metadata/product.xml") { $0.replacingOccurrences(of: "<productType>GRD</productType>", with: "<productType>GCD</productType>") }
        XCTAssertEqual(try RCMProduct(url: p).metadata.productType, "GCD")
    }

    func testAMissingLUTFileIsNamed() throws {
        let p = try product()
        try FileManager.default.removeItem(at: p.appendingPathComponent("metadata/calibration/lutSigma_HV.xml"))
        assertRefused(p, mentioning: ["metadata/calibration/lutSigma_HV.xml"])
    }

    func testALUTOfAnotherWidthIsRefused() throws {
        let p = try product()
        // The product is 76 samples wide: declare 152 and the 76-value LUT no longer spans the row.
        try edit(p, "metadata/product.xml") { $0.replacingOccurrences(of: "<samplesPerLine>76</samplesPerLine>", with: "<samplesPerLine>152</samplesPerLine>") }
        assertRefused(p, mentioning: ["lutSigma_HH.xml", "<lut>/gains", "76 values", "samplesPerLine"])
    }

    func testNumberOfValuesMustMatchTheGains() throws {
        let p = try product()
        try edit(p, "metadata/calibration/lutSigma_HH.xml") {
            $0.replacingOccurrences(of: "<numberOfValues>76</numberOfValues>", with: "<numberOfValues>80</numberOfValues>")
        }
        assertRefused(p, mentioning: ["lutSigma_HH.xml", "numberOfValues 80", "found 76"])
    }

    func testATruncatedZipIsRefused() throws {
        let zip = try product(zip: true)
        let bytes = try Data(contentsOf: zip)
        try bytes.prefix(bytes.count / 2).write(to: zip)
        assertRefused(zip, mentioning: [zip.lastPathComponent, "truncated"])
    }

    func testAZipMemberEscapingTheProductIsRefused() throws {
        let p = try product()
        let zip = p.deletingLastPathComponent().appendingPathComponent("EVIL.zip")
        try ZipArchive.writeStored(members: [("P/manifest.safe", p.appendingPathComponent("manifest.safe")),
                                             ("P/../../evil.xml", p.appendingPathComponent("manifest.safe"))], to: zip)
        assertRefused(zip, mentioning: ["../../evil.xml", "escapes the target folder"])
    }
}
