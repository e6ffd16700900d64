import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceLand
import SeaIceNetCDF
import SeaIceRCM
import SeaIceSAR
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// A simulated RCM product (real RCM-2 metadata reduced 32 times: 152 × 288 pixels of 200 m) through the shared
/// pipeline: the known σ⁰ field comes back, and the scene opens with the AI4Arctic reader.
final class RCMPreprocessTests: XCTestCase {
    static let reduction = 32

    private func product(noise: Bool, zip: Bool = false) throws -> (URL, [Float], Int, Int) {
        let template = try TestPaths.requireSharedData(RCMMetadataTests.name)
        let (w, h) = try SimulatedRCMWriter.size(of: template, reduction: Self.reduction)
        let hh = SimulatedRCMWriter.referenceField(width: w, height: h, polarisation: .hh)
        let hv = SimulatedRCMWriter.referenceField(width: w, height: h, polarisation: .hv)
        let url = try SimulatedRCMWriter.write(
            .init(template: template, reduction: Self.reduction, sigma0: [.hh: hh, .hv: hv], thermalNoise: noise, seed: 7),
            into: try TestPaths.temporaryDirectory("rcm-sim"), zip: zip)
        return (url, hh, w, h)
    }

    private func run(_ url: URL, pixelSize: Double, noise: PreprocessConfiguration.NoiseRemoval,
                     withLand: Bool = false) throws -> AnalysisReadyScene {
        var c = PreprocessConfiguration()
        c.pixelSize = pixelSize
        c.noise = noise
        let land = withLand ? LandLookup(
            distanceFile: try TestPaths.requireSharedData("landmask/landmetrics/distance_to_land_0.1deg_gt0km2.nc"),
            maskFile: try TestPaths.requireSharedData("landmask/global-land-mask/globe_land_1km.tif")) : nil
        return try RCMPreprocessor(pipeline: SARPipeline(configuration: c, land: land)).run(url, logger: Logger(label: "t"))
    }

    func testNoiselessProductCalibratesBackToTheKnownSigma0() throws {
        let (url, hh, w, h) = try product(noise: false)
        let p = try RCMProduct(url: url)
        XCTAssertFalse(p.simulationMarkers.isEmpty)
        XCTAssertEqual(p.metadata.pixelSpacing, 200)
        XCTAssertEqual(p.metadata.samples, w)
        let scene = try run(url, pixelSize: 200, noise: .none)
        XCTAssertEqual(scene.width, w)
        XCTAssertEqual(scene.height, h)
        XCTAssertEqual(scene.mission, "RCM-2")
        XCTAssertEqual(scene.mode, "16M5")
        var worst: Float = 0
        for i in 0..<(w * h) { worst = max(worst, abs(scene.primaryDB[i] - 10 * log10(hh[i]))) }
        XCTAssertLessThan(worst, 0.01, "DN rounding only (dB)")
    }

    func testDenoisingRemovesTheProductsThermalNoise() throws {
        let (url, hh, w, h) = try product(noise: true, zip: true)
        XCTAssertEqual(url.pathExtension, "zip")
        let noisy = try run(url, pixelSize: 800, noise: .none)
        let clean = try run(url, pixelSize: 800, noise: .esa)
        // The HV channel (−22…−30 dB) sits near the NESZ (≈ −30 dB): subtracting it brings the mean back.
        let f = 4, ow = w / f, oh = h / f
        var biasNoisy = 0.0, biasClean = 0.0, n = 0.0
        for oy in 0..<oh {
            for ox in 0..<ow {
                var truth = 0.0
                for dy in 0..<f { for dx in 0..<f { truth += Double(hh[(oy * f + dy) * w + ox * f + dx]) / 10 } }
                truth /= Double(f * f)
                let i = oy * ow + ox
                biasNoisy += pow(10, Double(noisy.secondaryDB![i]) / 10) - truth
                biasClean += pow(10, Double(clean.secondaryDB![i]) / 10) - truth
                n += 1
            }
        }
        XCTAssertGreaterThan(biasNoisy / n, 2e-4, "the thermal noise adds power")
        XCTAssertLessThan(abs(biasClean / n), 0.15 * biasNoisy / n, "denoised: the bias is mostly gone")
    }

    func testTheSceneOpensWithTheAI4ArcticReaderAndSaysRCMAndSimulated() throws {
        let (url, _, _, _) = try product(noise: true)
        let scene = try run(url, pixelSize: 200, noise: .esa, withLand: true)
        XCTAssertEqual(scene.landMask?.count, scene.width * scene.height)
        let out = try TestPaths.temporaryDirectory("rcm-scene").appendingPathComponent("scene.nc")
        try AI4ArcticSceneWriter.write(scene, to: out)
        let file = try AI4ArcticFile.open(out)
        XCTAssertEqual(file.version, .raw)
        XCTAssertEqual(file.geometry.pixelSpacing, 200)
        XCTAssertNoThrow(try file.requireVariables([AI4ArcticSchema.Name.sarPrimary, AI4ArcticSchema.Name.sarSecondary]))
        let nc = try NetCDFFile.open(out)
        defer { try? nc.close() }
        XCTAssertEqual(try nc.attribute("simulated")?.text, "true")
        XCTAssertEqual(try nc.attribute("mission")?.text, "RCM-2")
        XCTAssertTrue(try nc.attribute("title")?.text?.contains("RCM") ?? false)
        XCTAssertFalse(try nc.attribute("source")?.text?.contains("Copernicus") ?? true)
    }
}
