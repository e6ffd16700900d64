import Foundation
import SeaIceCore
import SeaIceGDAL
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// Parsing of every real Sentinel-1 metadata set in ../shared/data.
final class MetadataParsingTests: XCTestCase {
    static let ew = TestPaths.sharedData("stactools-s1-ew-grdm/S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE")
    static let ewStem = "s1a-ew-grd-hh-20221130t014342-20221130t014446-046117-058549-001"

    func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    func testEWAnnotationHH() throws {
        try TestPaths.requireSharedData(at: Self.ew)
        let url = Self.ew.appendingPathComponent("annotation/\(Self.ewStem).xml")
        let a = try ProductAnnotation(data: try read(url), file: url.path)
        XCTAssertEqual(a.mission, "S1A")
        XCTAssertEqual(a.mode, .ew)
        XCTAssertEqual(a.polarisation, .hh)
        XCTAssertEqual(a.lines, 10708)
        XCTAssertEqual(a.samples, 10487)
        XCTAssertEqual(a.rangePixelSpacing, 40)
        XCTAssertEqual(a.geolocation.count, 483)
        XCTAssertEqual(a.geolocation[0].latitude, 80.11403129619849, accuracy: 1e-12)
        XCTAssertEqual(a.geolocation[0].incidenceAngle, 18.88251924543949, accuracy: 1e-12)
        XCTAssertEqual(Set(a.swathBounds.map(\.swath)), ["EW1", "EW2", "EW3", "EW4", "EW5"])
        XCTAssertEqual(a.swathBounds[0], SwathBounds(swath: "EW1", firstLine: 0, lastLine: 78, firstSample: 0, lastSample: 3129))
    }

    func testEWAnnotationHVMatchesHHGeometry() throws {
        try TestPaths.requireSharedData(at: Self.ew)
        let hh = Self.ew.appendingPathComponent("annotation/\(Self.ewStem).xml")
        let hv = Self.ew.appendingPathComponent("annotation/s1a-ew-grd-hv-20221130t014342-20221130t014446-046117-058549-002.xml")
        let a = try ProductAnnotation(data: try read(hh), file: hh.path), b = try ProductAnnotation(data: try read(hv), file: hv.path)
        XCTAssertEqual(b.polarisation, .hv)
        XCTAssertEqual([b.lines, b.samples], [a.lines, a.samples])
        XCTAssertEqual(b.geolocation, a.geolocation)
        XCTAssertEqual(b.swathBounds, a.swathBounds)
    }

    func testAnnotationSubstitution() throws {
        var builder = try Fixtures.ewBuilder()
        builder.annotationFrom = [.hv: .hh]
        let product = try SAFEProduct(url: try builder.writeFolder(in: try TestPaths.temporaryDirectory("subst")))
        XCTAssertEqual(try product.metadata(.hv).annotation.polarisation, .hv)
    }

    func testEWCalibrationAndNoise() throws {
        try TestPaths.requireSharedData(at: Self.ew)
        let cal = Self.ew.appendingPathComponent("annotation/calibration/calibration-\(Self.ewStem).xml")
        let c = try CalibrationAnnotation(data: try read(cal), file: cal.path, width: 10487)
        XCTAssertEqual(c.sigmaNought.lines.count, 67)
        for pol in ["hh", "hv"] {
            let stem = Self.ewStem.replacingOccurrences(of: "-hh-", with: "-\(pol)-").replacingOccurrences(of: "-001", with: pol == "hh" ? "-001" : "-002")
            let noise = Self.ew.appendingPathComponent("annotation/calibration/noise-\(stem).xml")
            let n = try NoiseAnnotation(data: try read(noise), file: noise.path, width: 10487)
            XCTAssertEqual(n.format, .rangeAndAzimuth)
            XCTAssertEqual(n.range.lines.count, 67)
            XCTAssertEqual(Set(n.azimuthBlocks.map(\.swath)), ["EW1", "EW2", "EW3", "EW4", "EW5"])
        }
    }

    func testSecondEWAnnotation() throws {
        let url = try TestPaths.requireSharedData(
            "coprs-s1-ew-grd/s1a-ew-grd-hh-20200120t190115-20200120t190209-030888-038b84-001.xml")
        let a = try ProductAnnotation(data: try read(url), file: url.path)
        XCTAssertEqual(a.lines, 8977)
        XCTAssertEqual(a.samples, 10355)
        XCTAssertEqual(a.geolocation.count, 399)
        let inc = a.geolocation.map(\.incidenceAngle)
        XCTAssertEqual(inc.min()!, 19.97, accuracy: 0.01)
        XCTAssertEqual(inc.max()!, 46.74, accuracy: 0.01)
    }

    func testIWOldNoiseFormatFolder() throws {
        let url = try TestPaths.requireSharedData(
            "s1-iw-ipf271/S1A_IW_GRDH_1SDV_20160822T182823_20160822T182848_012717_013FFE_90AF.SAFE")
        let p = try? SAFEProduct(url: url)
        // The measurement tiffs are not in the shared copy: the reader must say so, naming the file.
        XCTAssertNil(p)
        XCTAssertThrowsError(try SAFEProduct(url: url)) { e in
            XCTAssert("\(e)".contains("measurement/s1a-iw-grd-v"), "\(e)")
        }
        for pol in ["vv", "vh"] {
            let n = pol == "vv" ? "001" : "002"
            let stem = "s1a-iw-grd-\(pol)-20160822t182823-20160822t182848-012717-013ffe-\(n)"
            let ann = try ProductAnnotation(data: try read(url.appendingPathComponent("annotation/\(stem).xml")), file: stem)
            XCTAssertEqual(ann.mode, .iw)
            XCTAssertEqual(ann.polarisation.rawValue, pol.uppercased())
            let noise = try NoiseAnnotation(data: try read(url.appendingPathComponent("annotation/calibration/noise-\(stem).xml")), file: stem, width: ann.samples)
            XCTAssertEqual(noise.format, .rangeOnly)
            XCTAssertEqual(noise.range.lines.count, 27)
            XCTAssert(noise.azimuthBlocks.isEmpty)
            _ = try CalibrationAnnotation(data: try read(url.appendingPathComponent("annotation/calibration/calibration-\(stem).xml")), file: stem, width: ann.samples)
        }
    }

    func testSarsenIW() throws {
        let url = try TestPaths.requireSharedData(
            "sarsen/S1B_IW_GRDH_1SDV_20211223T051122_20211223T051147_030148_039993_5371.SAFE")
        let stem = "s1b-iw-grd-vv-20211223t051122-20211223t051147-030148-039993-001"
        let ann = try ProductAnnotation(data: try read(url.appendingPathComponent("annotation/\(stem).xml")), file: stem)
        XCTAssertEqual(ann.samples, 26102)
        let noise = try NoiseAnnotation(data: try read(url.appendingPathComponent("annotation/calibration/noise-\(stem).xml")), file: stem, width: ann.samples)
        XCTAssertEqual(noise.format, .rangeAndAzimuth)
        XCTAssertEqual(noise.range.lines.count, 27)
        XCTAssertEqual(noise.azimuthBlocks.count, 3)
    }

    func testPyroSARZipsReadInPlace() throws {
        for (name, format) in [("S1A_IW_GRDH_1SDV_20150203T043109_20150203T043134_004454_00574F_6D00", NoiseAnnotation.Format.rangeOnly),
                               ("S1A_IW_GRDH_1SDV_20210119T031653_20210119T031718_036201_043ED0_8255", .rangeAndAzimuth)] {
            let zip = try TestPaths.requireSharedData("pyrosar/\(name).zip")
            let names = try ZipArchive.memberNames(of: zip)
            XCTAssert(names.contains("\(name).SAFE/manifest.safe"))
            // Measurement folder is empty in these zips: the product is refused, naming the tiff.
            XCTAssertThrowsError(try SAFEProduct(url: zip)) { e in XCTAssert("\(e)".contains("measurement/"), "\(e)") }
            let root = VSI.zipPath(archive: zip, member: "\(name).SAFE")
            let cal = try VSI.listRecursive(root + "/annotation/calibration").filter { $0.hasPrefix("noise-") }
            XCTAssertEqual(cal.count, 2)
            for n in cal {
                let path = root + "/annotation/calibration/" + n
                let noise = try NoiseAnnotation(data: try VSI.readAll(path), file: path, width: 25000)
                XCTAssertEqual(noise.format, format, n)
            }
        }
    }

    func testXArraySentinelIWAnnotation() throws {
        let dir = try TestPaths.requireSharedData("xarray-sentinel")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path)
            .filter { $0.contains("S1B_IW_GRDH") && $0.contains("/annotation/s1b-iw-grd-") && $0.hasSuffix(".xml") }
        XCTAssertEqual(files.count, 2)
        for f in files {
            let a = try ProductAnnotation(data: try read(dir.appendingPathComponent(f)), file: f)
            XCTAssertEqual(a.lines, 16685)
            XCTAssertEqual(a.samples, 25788)
            XCTAssertEqual(a.geolocation.count, 210)
        }
    }

    func testXArraySentinelSLCCalibrationNoiseAndRefusal() throws {
        let dir = try TestPaths.requireSharedData("xarray-sentinel")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".xml") && $0.contains("/annotation/") }
        let cal = files.filter { $0.contains("/calibration/calibration-") }, noise = files.filter { $0.contains("/calibration/noise-") }
        XCTAssertEqual(cal.count, 3)
        XCTAssertEqual(noise.count, 3)
        for f in cal { XCTAssertFalse(try CalibrationAnnotation(data: try read(dir.appendingPathComponent(f)), file: f, width: 30000).sigmaNought.lines.isEmpty, f) }
        for f in noise {
            XCTAssertEqual(try NoiseAnnotation(data: try read(dir.appendingPathComponent(f)), file: f, width: 30000).format, .rangeAndAzimuth, f)
        }
        // SLC product annotations (EW1 burst swaths) are not GRD: refused with a message naming the file.
        for f in files where f.contains("-slc-") && !f.contains("/calibration/") {
            XCTAssertThrowsError(try ProductAnnotation(data: try read(dir.appendingPathComponent(f)), file: f)) { e in
                XCTAssertEqual(e as? SeaIceError, .invalidInput(file: f, item: "adsHeader/productType SLC", expected: "GRD"))
            }
        }
    }

    func testCorruptXMLNamesTheFile() {
        XCTAssertThrowsError(try ProductAnnotation(data: Data("0\n".utf8), file: "broken.xml")) { e in
            XCTAssert("\(e)".contains("broken.xml"), "\(e)")
        }
        XCTAssertThrowsError(try NoiseAnnotation(data: Data("<noise><adsHeader/></noise>".utf8), file: "n.xml", width: 10)) { e in
            XCTAssertEqual(e as? SeaIceError, .missing(file: "n.xml", item: "<noiseRangeVectorList> or <noiseVectorList>"))
        }
    }
}
