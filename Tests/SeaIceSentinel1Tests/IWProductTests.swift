import Foundation
import Logging
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// IW VV/VH products in both noise formats, built from the real pyroSAR zips (read in place) and processed end to end.
final class IWProductTests: XCTestCase {
    func roundTrip(_ zipName: String, format: NoiseAnnotation.Format, ipf: Double) throws {
        var b = SyntheticProduct(template: try TestPaths.requireSharedData("pyrosar/\(zipName).zip"))
        b.reduction = 50
        let dir = try TestPaths.temporaryDirectory("iw")
        let zip = dir.appendingPathComponent("\(zipName).zip")
        try b.writeZip(to: zip)
        let product = try SAFEProduct(url: zip)
        XCTAssertEqual(product.bands.map(\.0), [.vv, .vh])
        XCTAssertEqual(product.ipfVersion, ipf)
        var c = PreprocessConfiguration()
        c.noise = .esa
        c.pixelSize = 500  // IW GRDH 10 m × 50
        for pol in [Polarisation.vv, .vh] {
            let meta = try product.metadata(pol)
            XCTAssertEqual(meta.annotation.mode, .iw)
            XCTAssertEqual(meta.noise.format, format)
            let ch = try ChannelProcessor.process(meta, configuration: c, coefficients: nil, logger: Logger(label: "t"))
            XCTAssertEqual(ch.factor, 1)
            // Rounding DN to an integer moves DN² by at most DN + 1/4, so |σ̂ − σ| ≤ (DN + 1/4)/A² (+ float error).
            var n = 0, worstRatio = 0.0
            var noiseRow = [Float](repeating: 0, count: meta.annotation.samples)
            for y in stride(from: 0, to: ch.height, by: 5) {
                noiseRow.withUnsafeMutableBufferPointer { meta.noise.row(at: y, into: $0) }
                for x in stride(from: 0, to: ch.width, by: 5) where ch.sigma0[y * ch.width + x].isFinite {
                    let a = Double(meta.calibration.sigmaNought.value(line: y, pixel: x))
                    let truth = b.field.sigma0(pol, line: Double(y), pixel: Double(x))
                    let dn = (truth * a * a + Double(noiseRow[x])).squareRoot()
                    let bound = (dn + 0.25) / (a * a) + 1e-4 * truth
                    worstRatio = max(worstRatio, abs(Double(ch.sigma0[y * ch.width + x]) - truth) / bound)
                    n += 1
                }
            }
            XCTAssertGreaterThan(n, 1000)
            XCTAssertLessThanOrEqual(worstRatio, 1, "\(zipName) \(pol)")
        }
    }

    /// Folder templates: IW IPF 2.71 VV/VH (old noise format) and sarsen's single-polarisation VV product (IPF 3.40).
    func testFolderTemplatesThroughThePreprocessor() throws {
        for (template, pols) in [("s1-iw-ipf271/S1A_IW_GRDH_1SDV_20160822T182823_20160822T182848_012717_013FFE_90AF.SAFE", [Polarisation.vv, .vh]),
                                 ("sarsen/S1B_IW_GRDH_1SDV_20211223T051122_20211223T051147_030148_039993_5371.SAFE", [.vv])] {
            var b = SyntheticProduct(template: try TestPaths.requireSharedData(template))
            b.reduction = 50
            let folder = try b.writeFolder(in: try TestPaths.temporaryDirectory("iw-folder"))
            XCTAssertEqual(try SAFEProduct(url: folder).bands.map(\.0), pols)
            var c = PreprocessConfiguration()
            c.noise = .esa
            c.pixelSize = 1000
            let scene = try Sentinel1Preprocessor(configuration: c, coefficients: nil, land: nil).run(folder, logger: Logger(label: "t"))
            XCTAssertEqual(scene.primaryPolarisation, .vv)
            XCTAssertEqual(scene.secondaryPolarisation, pols.count > 1 ? .vh : nil)
            XCTAssertEqual(scene.tiePoints.count, 441)
            let finite = scene.primaryDB.filter(\.isFinite)
            XCTAssertGreaterThan(finite.count, scene.primaryDB.count / 2, template)
            let mean = finite.reduce(0, +) / Float(finite.count)
            XCTAssertEqual(mean, -15, accuracy: 0.3, template)  // the known field averages to its −15 dB base
        }
    }

    func testIPF270RangeOnlyNoise() throws {
        try roundTrip("S1A_IW_GRDH_1SDV_20150203T043109_20150203T043134_004454_00574F_6D00", format: .rangeOnly, ipf: 2.70)
    }

    func testIPF331RangeAndAzimuthNoise() throws {
        try roundTrip("S1A_IW_GRDH_1SDV_20210119T031653_20210119T031718_036201_043ED0_8255", format: .rangeAndAzimuth, ipf: 3.31)
    }
}
