import AI4ArcticTestSupport
import Foundation
import SeaIceBench
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceSampling
import SeaIceTestSupport
import XCTest

/// `seaice predict --grid`: the map-grid products appear beside the swath ones; a bad grid is refused
/// before any work, naming the accepted forms.
final class PredictGridCLITests: XCTestCase {
    private func tinyCheckpoint(in dir: URL) throws -> URL {
        try CorpusFiles.writeCheckpoint(in: dir)  // the corpus's tiny U-Net 4/4 (MMSeaIce channels, factor 4)
    }

    func testPredictWritesTheProductsOnTheMapGridBesideTheSwathOnes() throws {
        let dir = try TestPaths.temporaryDirectory("cli-grid")
        let scene = try ReadySceneFixture(lines: 90, samples: 101).write(to: dir)
        let checkpoint = try tinyCheckpoint(in: dir)
        let out = dir.appendingPathComponent("products")
        let r = try CommandRunner.seaice([
            "predict", checkpoint.path, scene.path, "-o", out.path, "--grid", "nsidc-ps-north-1km",
            "--no-quicklook", "--no-probabilities", "--device", "cpu",
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let stem = "20180607T184326_dmi"
        let expected = [stem + ".nc", stem + "_epsg3413_1000m.nc"]
            + ["SIC", "SOD", "FLOE"].flatMap { ["\(stem)_\($0).tif", "\(stem)_epsg3413_1000m_\($0).tif"] }
        XCTAssertEqual(files, expected.sorted(), "swath and map-grid products, nothing else")
    }

    func testABadGridIsRefusedNamingTheForms() throws {
        let r = try CommandRunner.seaice(["predict", "ckpt", "scene.nc", "-o", "out", "--grid", "mercator"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("nsidc-ps-north-RESkm"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "out"))
    }
}
