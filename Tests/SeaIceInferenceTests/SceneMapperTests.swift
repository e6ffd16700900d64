import AI4ArcticTestSupport
import Foundation
import Logging
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNetCDF
import SeaIceNN
import SeaIceSampling
import SeaIceTensor
import XCTest

final class SceneMapperTests: XCTestCase {
    /// A tiny checkpoint: U-Net 4/4 over the MMSeaIce channels at factor 4.
    func tinyCheckpoint(in dir: URL, decoder: DecoderLayout = .shared, head: SICHeadKind = .regression) throws -> (URL, NetworkSpecification) {
        var inputs = SamplerConfiguration()
        inputs.downscaleFactor = 4
        let spec = NetworkSpecification(model: UNetConfiguration(inputChannels: inputs.channels.count, filters: [4, 4],
                                                                  decoder: decoder, sicHead: head), inputs: inputs)
        var g = SeededGenerator(seed: 7)
        let net = try UNet(spec.model, generator: &g)
        let url = dir.appendingPathComponent("checkpoint")
        try Checkpoint.save(to: url, model: net, manifest: CheckpointManifest(model: spec, training: EmptyTrainingState()))
        return (url, spec)
    }

    func testPredictingATinySceneWritesACFProductThatReopens() throws {
        let dir = try temporaryDirectory()
        let scene = try ReadySceneFixture(lines: 90, samples: 101).write(to: dir)
        let (ckpt, _) = try tinyCheckpoint(in: dir, head: .classification)
        let model = try TrainedModel.load(from: ckpt)
        let mapper = SceneMapper(model: model, commandLine: "seaice predict test", logger: Logger(label: "test"))
        let out = dir.appendingPathComponent("products")
        let result = try mapper.map(scene, into: out)
        XCTAssertEqual(result.sceneID, "20180607T184326_dmi")
        let nc = try NetCDFFile.open(result.netCDF)
        defer { try? nc.close() }
        for name in ["SIC", "SOD", "FLOE", "SOD_probability", "FLOE_probability", "SIC_uncertainty", "lat", "lon"] {
            XCTAssertTrue(nc.variableNames.contains(name), "missing \(name) in \(nc.variableNames)")
        }
        XCTAssertEqual(try nc.variable("SIC").shape, [90, 101])
        XCTAssertEqual(try nc.attribute("standard_name", variable: "SIC")?.text, "sea_ice_area_fraction")
        XCTAssertEqual(try nc.attribute("units", variable: "SIC")?.text, "%")
        XCTAssertNotNil(try nc.attribute("flag_values", variable: "SOD"))
        XCTAssertNotNil(try nc.attribute("flag_meanings", variable: "FLOE"))
        XCTAssertNotNil(try nc.attribute("history", variable: nil))
        // The version and the build's git commit, not a literal (seaice --version prints the same).
        XCTAssertEqual(result.product.provenance.softwareVersion, SeaIceKitVersion.versionAndCommit)
        let history = try nc.attribute("history", variable: nil)?.text ?? ""
        XCTAssert(history.contains("SeaIceKit \(SeaIceKitVersion.versionAndCommit):"), history)
        XCTAssertNotNil(try nc.attribute("source", variable: nil))
        let sic = try nc.read("SIC", as: UInt8.self)
        XCTAssertTrue(sic.allSatisfy { $0 == 255 || ($0 <= 100 && $0 % 10 == 0) }, "SIC in percent steps of 10")
        let sod = try nc.read("SOD", as: UInt8.self)
        XCTAssertTrue(sod.allSatisfy { $0 == 255 || $0 < 6 })
        XCTAssertEqual(try nc.attribute("time_coverage_start")?.text, "2018-06-07T18:43:26Z", "from the scene id")
        XCTAssertEqual(try nc.read("time_bnds", as: Double.self), [1_528_397_006, 1_528_397_006])
        XCTAssertEqual(
            result.geoTIFFs.map(\.lastPathComponent),
            ["SIC", "SOD", "FLOE", "SOD_probability", "FLOE_probability", "SIC_uncertainty"].map {
                "20180607T184326_dmi_\($0).tif"
            })
        for url in result.geoTIFFs { XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), url.path) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: result.quicklook!.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left")
    }

    func testSeparateDecodersAndOddSizesKeepTheGrid() throws {
        for (h, w) in [(1, 1), (3, 5), (8, 9), (17, 10)] {
            var g = SeededGenerator(seed: 3)
            let net = try UNet(UNetConfiguration(inputChannels: 2, filters: [2, 3, 4], decoder: .separate), generator: &g)
            net.eval()
            let out = try net.outputs(Tensor.zeros([2, 2, h, w]))
            XCTAssertEqual(out.sic.shape, [2, 1, h, w])
            XCTAssertEqual(out.sod.shape, [2, 7, h, w])
            XCTAssertEqual(out.floe.shape, [2, 8, h, w])
        }
    }

    func testSharedLayoutUsesTheReferenceStateDictNames() throws {
        var g = SeededGenerator(seed: 3)
        let net = try UNet(UNetConfiguration(inputChannels: 16), generator: &g)
        let names = Set(try net.stateDict().map(\.name))
        for expected in ["input_block.double_conv.0.weight", "contract_blocks.2.double_conv.double_conv.4.running_var",
                         "bridge.double_conv.double_conv.3.weight", "expand_blocks.3.double_conv.double_conv.1.num_batches_tracked",
                         "regression_layer.weight", "sod_feature_map.feature_out.bias", "floe_feature_map.feature_out.weight"] {
            XCTAssertTrue(names.contains(expected), "missing \(expected)")
        }
    }

    func testCheckpointWhoseConfigurationDoesNotMatchItsWeightsNamesTheTensors() throws {
        let dir = try temporaryDirectory()
        let (ckpt, spec) = try tinyCheckpoint(in: dir)
        var wrong = spec
        wrong.model.decoder = .separate
        let manifestURL = ckpt.appendingPathComponent(Checkpoint.manifestName)
        var manifest = try Checkpoint.manifest(CheckpointManifest<NetworkSpecification, EmptyTrainingState>.self, in: ckpt)
        manifest.model = wrong
        try JSONEncoder().encode(manifest).write(to: manifestURL)
        XCTAssertThrowsError(try TrainedModel.load(from: ckpt)) { error in
            XCTAssertTrue("\(error)".contains("sod_expand_blocks"), "\(error)")
        }
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-mapper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}
