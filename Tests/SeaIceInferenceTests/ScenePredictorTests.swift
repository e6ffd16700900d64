import AI4ArcticTestSupport
import Foundation
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceSampling
import SeaIceTensor
import SeaIceTiling
import XCTest

/// A per-pixel network (1 × 1 convolutions only), so tiled and whole-scene predictions must agree exactly.
final class PointwiseNetwork: Module, MultiTaskNetwork {
    let sicLayer: Conv2d, sodLayer: Conv2d, floeLayer: Conv2d
    init(channels: Int, generator g: inout SeededGenerator) throws {
        sicLayer = try Conv2d(channels, 1, kernelSize: 1, generator: &g)
        sodLayer = try Conv2d(channels, 7, kernelSize: 1, generator: &g)
        floeLayer = try Conv2d(channels, 8, kernelSize: 1, generator: &g)
        super.init()
        register(sicLayer, as: "sic")
        register(sodLayer, as: "sod")
        register(floeLayer, as: "floe")
    }
    var sicHead: SICHeadKind { .regression }
    func outputs(_ x: Tensor) throws -> TaskOutputs {
        TaskOutputs(sic: try sicLayer(x) * 5 + 5, sod: try sodLayer(x), floe: try floeLayer(x))
    }
}

final class ScenePredictorTests: XCTestCase {
    // The tiles' partition of every axis is tested with the engine (SeaIceTilingTests/AxisTilingTests).

    func testSettingsAreValidatedWithTheKeyNamed() throws {
        XCTAssertNoThrow(try PredictionSettings().validate())
        let bad = [(PredictionSettings(tileSize: 64, overlap: 64), "`tileSize` is 64"),
                   (PredictionSettings(tileSize: 64, overlap: -2), "`overlap` is -2"),
                   (PredictionSettings(maxPixelsPerPass: 0), "`maxPixelsPerPass` is 0")]
        for (settings, key) in bad {
            XCTAssertThrowsError(try settings.validate()) { XCTAssertTrue("\($0)".contains(key), "\($0)") }
            var g = SeededGenerator(seed: 1)
            let net = try PointwiseNetwork(channels: 2, generator: &g)
            XCTAssertThrowsError(try ScenePredictor(network: net, inputs: SamplerConfiguration(), settings: settings))
        }
        let json = Data(#"{ "maxPixelsPerPass": 4194304, "tileSize": 512, "overlap": 64 }"#.utf8)
        XCTAssertEqual(try JSONDecoder().decode(PredictionSettings.self, from: json), PredictionSettings())
        let wrong = Data(#"{ "maxPixelsPerPass": 100, "tileSize": 32, "overlap": 40 }"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(PredictionSettings.self, from: wrong)) {
            XCTAssertTrue("\($0)".contains("`tileSize` is 32"), "\($0)")
        }
        // A scene within maxPixelsPerPass is one tile, whatever the tile size.
        let one = PredictionSettings(maxPixelsPerPass: 10_000, tileSize: 16, overlap: 4).tiling(rows: 50, cols: 58)
        XCTAssertEqual(try TiledInference(one).plan(height: 50, width: 58).windows.count, 1)
    }

    func testNearestUpsamplingRepeatsAndCrops() {
        let up = NearestUpsampling.upsample([1, 2, 3, 4] as [UInt8], rows: 2, cols: 2, factor: 3, lines: 5, samples: 4)
        XCTAssertEqual(up, [1, 1, 1, 2,
                            1, 1, 1, 2,
                            1, 1, 1, 2,
                            3, 3, 3, 4,
                            3, 3, 3, 4])
        XCTAssertEqual(NearestUpsampling.upsample([7] as [UInt8], rows: 1, cols: 1, factor: 1, lines: 1, samples: 1), [7])
        XCTAssertEqual(NearestUpsampling.upsample([] as [UInt8], rows: 0, cols: 0, factor: 2, lines: 0, samples: 0), [])
    }

    func testSICClassRoundsHalfToEvenAndClamps() {
        XCTAssertEqual(OutputDecoder.sicClass(regression: -3), 0)
        XCTAssertEqual(OutputDecoder.sicClass(regression: 2.5), 2)
        XCTAssertEqual(OutputDecoder.sicClass(regression: 3.5), 4)
        XCTAssertEqual(OutputDecoder.sicClass(regression: 11.7), 10)
        XCTAssertEqual(OutputDecoder.sicClass(regression: .infinity), 10)
    }

    func testTiledPredictionEqualsWholeSceneForAPointwiseNetwork() throws {
        let dir = try temporaryDirectory()
        let url = try ReadySceneFixture(lines: 200, samples: 230).write(to: dir)
        var inputs = SamplerConfiguration()
        inputs.downscaleFactor = 4
        let scene = try InferenceScene.load(url, configuration: inputs)
        XCTAssertEqual(scene.scene.rows, 50)
        XCTAssertEqual(scene.scene.cols, 58)
        var g = SeededGenerator(seed: 1)
        let net = try PointwiseNetwork(channels: inputs.channels.count, generator: &g)
        let whole = try ScenePredictor(network: net, inputs: inputs).predict(scene.scene)
        let tiled = try ScenePredictor(network: net, inputs: inputs,
                                       settings: PredictionSettings(maxPixelsPerPass: 100, tileSize: 16, overlap: 4)).predict(scene.scene)
        XCTAssertEqual(whole.sic, tiled.sic)
        XCTAssertEqual(whole.sod, tiled.sod)
        XCTAssertEqual(whole.floe, tiled.floe)
        for (a, b) in zip(whole.sodProbabilities, tiled.sodProbabilities) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        XCTAssertEqual(Set(whole.sod).isSubset(of: Set(0...5)), true, "argmax only over the 6 valid SOD classes")
    }

    func testUNetPredictionRunsTheFoldedPathAndMatchesEvalMode() throws {
        let dir = try temporaryDirectory()
        let url = try ReadySceneFixture(lines: 64, samples: 72).write(to: dir)
        var inputs = SamplerConfiguration()
        inputs.downscaleFactor = 4
        let scene = try InferenceScene.load(url, configuration: inputs)
        for head in SICHeadKind.allCases {
            var g = SeededGenerator(seed: 6)
            let net = try UNet(UNetConfiguration(inputChannels: inputs.channels.count, filters: [4, 8], decoder: .separate, sicHead: head),
                               generator: &g)
            let predictor = try ScenePredictor(network: net, inputs: inputs)
            XCTAssertNotNil(predictor.inference, "a UNet predicts through UNetInference")
            let fast = try predictor.predict(scene.scene)
            net.eval()
            let x = try predictor.input(scene.scene, row: 0, col: 0, rows: scene.scene.rows, cols: scene.scene.cols)
            let slow = try Tensor.withNoGrad { try OutputDecoder.decode(net.outputs(x), head: head) }
            // Float rounding may flip a near-tie, so classes must agree almost everywhere and values closely.
            let n = fast.sic.count
            for (a, b, task) in [(fast.sic, slow.sic, "SIC"), (fast.sod, slow.sod, "SOD"), (fast.floe, slow.floe, "FLOE")] {
                XCTAssertLessThanOrEqual(zip(a, b).filter { $0 != $1 }.count, n / 100, "\(head): \(task) classes")
            }
            for (a, b) in zip(fast.sicValue, slow.sicValue) { XCTAssertEqual(a, b, accuracy: 1e-3) }
            for (a, b) in zip(fast.floeProbabilities, slow.floeProbabilities) { XCTAssertEqual(a, b, accuracy: 1e-4) }
        }
    }

    func testMissingChannelsAreAllListed() throws {
        let dir = try temporaryDirectory()
        let url = try ReadySceneFixture(lines: 40, samples: 40).write(to: dir)
        var inputs = SamplerConfiguration()
        inputs.channels = ["nersc_sar_primary", "btemp_6_9h", "skt"].compactMap(InputChannel.init(rawValue:))
        XCTAssertEqual(inputs.channels.count, 3)
        // A copy of the scene without two of the variables those channels need.
        let stripped = dir.appendingPathComponent("stripped")
        try FileManager.default.createDirectory(at: stripped, withIntermediateDirectories: true)
        let copy = try NetCDFCopy.without(["btemp_6_9h", "skt"], from: url, into: stripped)
        XCTAssertThrowsError(try InferenceScene.load(copy, configuration: inputs)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("`btemp_6_9h`") && text.contains("`skt`"), text)
        }
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-inference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}
