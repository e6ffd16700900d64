import Foundation
import Logging
import SeaIceCore
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// Missing or malformed parts of a product: a clear error naming the file and the problem, or one warning where a fallback is sound.
final class BadInputTests: XCTestCase {
    let fm = FileManager.default

    /// A private copy of the small EW fixture that a test may damage.
    func copyOfProduct() throws -> URL {
        let dir = try TestPaths.temporaryDirectory("bad")
        let copy = dir.appendingPathComponent(try Fixtures.ewFolder.lastPathComponent)
        try fm.copyItem(at: Fixtures.ewFolder, to: copy)
        return copy
    }

    func file(_ product: URL, _ sub: String, containing s: String) throws -> URL {
        let dir = product.appendingPathComponent(sub)
        let name = try fm.contentsOfDirectory(atPath: dir.path).first { $0.contains(s) }!
        return dir.appendingPathComponent(name)
    }

    func testMissingNoiseCalibrationAnnotationManifest() throws {
        for (sub, key) in [("annotation/calibration", "noise-s1a-ew-grd-hv"), ("annotation/calibration", "calibration-s1a-ew-grd-hh")] {
            let p = try copyOfProduct()
            let f = try file(p, sub, containing: key)
            try fm.removeItem(at: f)
            XCTAssertThrowsError(try SAFEProduct(url: p)) { e in
                XCTAssertEqual(e as? SeaIceError, .missing(file: p.path, item: "\(sub)/\(f.lastPathComponent)"))
            }
        }
        let p = try copyOfProduct()
        try fm.removeItem(at: p.appendingPathComponent("manifest.safe"))
        XCTAssertThrowsError(try SAFEProduct(url: p)) { e in XCTAssert("\(e)".contains("manifest.safe"), "\(e)") }
        let q = try copyOfProduct()
        for a in try fm.contentsOfDirectory(atPath: q.appendingPathComponent("annotation").path) where a.hasSuffix(".xml") {
            try fm.removeItem(at: q.appendingPathComponent("annotation/\(a)"))
        }
        XCTAssertThrowsError(try SAFEProduct(url: q)) { e in XCTAssert("\(e)".contains("no GRD annotation"), "\(e)") }
    }

    func testMeasurementOfWrongSize() throws {
        let p = try copyOfProduct()
        let tiff = try file(p, "measurement", containing: "-hv-")
        try fm.removeItem(at: tiff)
        let w = try SeaIceGDALTestWriter.write(path: tiff.path, width: 100, height: 50)
        XCTAssertEqual(w, 5000)
        let meta = try SAFEProduct(url: p).metadata(.hv)
        XCTAssertThrowsError(try meta.openMeasurement()) { e in
            XCTAssert("\(e)".contains(tiff.path) && "\(e)".contains("raster size 100 × 50") && "\(e)".contains("525 × 536"), "\(e)")
        }
        // The whole run fails the same way and writes nothing.
        let out = p.deletingLastPathComponent().appendingPathComponent("scene.nc")
        let pre = Sentinel1Preprocessor(configuration: { var c = PreprocessConfiguration(); c.noise = .esa; c.pixelSize = 800; return c }(), coefficients: nil, land: nil)
        XCTAssertThrowsError(try AI4ArcticSceneWriter.write(try pre.run(p, logger: Logger(label: "t")), to: out))
        XCTAssertFalse(fm.fileExists(atPath: out.path))
    }

    func testUnsupportedModeAndPolarisation() throws {
        let p = try copyOfProduct()
        let ann = try file(p, "annotation", containing: "-hh-")
        let text = try String(contentsOf: ann, encoding: .utf8)
        try text.replacingOccurrences(of: "<mode>EW</mode>", with: "<mode>SM</mode>").write(to: ann, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SAFEProduct(url: p).metadata(.hh)) { e in
            XCTAssertEqual(e as? SeaIceError, .invalidInput(file: ann.path, item: "adsHeader/mode SM", expected: "EW or IW"))
        }
        try text.replacingOccurrences(of: "<polarisation>HH</polarisation>", with: "<polarisation>XY</polarisation>").write(to: ann, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SAFEProduct(url: p).metadata(.hh)) { e in XCTAssert("\(e)".contains("HH, HV, VV or VH"), "\(e)") }
        let q = try copyOfProduct()
        let a = try file(q, "annotation", containing: "-hh-")
        try fm.moveItem(at: a, to: a.deletingLastPathComponent().appendingPathComponent(a.lastPathComponent.replacingOccurrences(of: "-hh-", with: "-xx-")))
        XCTAssertThrowsError(try SAFEProduct(url: q)) { e in XCTAssert("\(e)".contains("polarisation xx"), "\(e)") }
    }

    func testUnknownIPFFallsBackWithOneWarning() throws {
        let p = try copyOfProduct()
        let manifest = p.appendingPathComponent("manifest.safe")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "version=\"003.52\"", with: "version=\"009.99\"").write(to: manifest, atomically: true, encoding: .utf8)
        let product = try SAFEProduct(url: p)
        XCTAssertEqual(product.ipfVersion, 9.99)
        let table = try NERSCCoefficients.Table(url: TestPaths.requireSharedData(
            "sentinel1denoised/denoising_parameters.json"))
        let capture = LogCapture()
        var c = PreprocessConfiguration()
        c.pixelSize = 1600
        let scene = try Sentinel1Preprocessor(configuration: c, coefficients: table, land: nil).run(p, logger: capture.logger)
        let warnings = capture.messages.filter { $0.0 == .warning }
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssert(warnings.first?.1.contains("IPF 10.0") == true && warnings.first?.1.contains("3.3") == true, "\(warnings)")
        XCTAssertEqual(scene.nerscIPFUsed, [.hv: 3.3])
        // Missing IPF entirely: an error naming the manifest.
        try text.replacingOccurrences(of: "name=\"Sentinel-1 IPF\"", with: "name=\"other\"").write(to: manifest, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SAFEProduct(url: p)) { e in XCTAssert("\(e)".contains("manifest.safe"), "\(e)") }
    }

    func testPixelSizeNotAMultiple() throws {
        _ = try Fixtures.ewFolder  // skips, naming the absent template, without ../shared/data
        var c = PreprocessConfiguration()
        c.noise = .esa
        c.pixelSize = 1000
        XCTAssertThrowsError(try Sentinel1Preprocessor(configuration: c, coefficients: nil, land: nil).run(Fixtures.ewFolder, logger: Logger(label: "t"))) { e in
            XCTAssert("\(e)".contains("whole multiple of the pixel spacing"), "\(e)")
        }
    }
}
