import Foundation
import SeaIceAI4Arctic
import SeaIceInference
import SeaIceModels
import SeaIceOptim
import SeaIceSampling
import SeaIceTestSupport
import SeaIceMultiTask
import SeaIceTraining
import XCTest

final class ConfigurationTests: XCTestCase {
    func repositoryFile(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(path)
    }

    /// configs/mmseaice.json holds the numbers of ../shared/specs/mmseaice.md.
    func testShippedConfigurationIsTheWinningOne() throws {
        let c = try TrainingConfiguration.load(repositoryFile("configs/mmseaice.json"))
        XCTAssertEqual(c.model.filters, [32, 32, 64, 64])
        XCTAssertEqual(c.model.decoder, .shared)
        XCTAssertEqual(c.model.sicHead, .regression)
        XCTAssertEqual([c.model.sodClasses, c.model.floeClasses], [7, 8])
        XCTAssertEqual(c.loss, LossWeights(sic: 1, sod: 3, floe: 3))
        XCTAssertEqual(c.optimizer, SGDConfiguration(learningRate: 1e-3, momentum: 0.9, weightDecay: 0.01))
        XCTAssertEqual(c.schedule, .cosineWarmRestarts(t0: 20 * 500, tMult: 1, etaMin: 0))
        XCTAssertEqual([c.epochs, c.iterationsPerEpoch, c.sampler.batchSize, c.sampler.patchSize, c.sampler.downscaleFactor],
                       [300, 500, 16, 256, 10])
        XCTAssertEqual(c.sampler.downsampling, .nearest)
        XCTAssertEqual(c.sampler.channels, InputChannel.mmseaice)
        XCTAssertEqual(c.sampler.augmentation, AugmentationConfiguration())
        XCTAssertEqual(c.sampler.latitudeStatistics, MeanStd(mean: 69.12526250065734, std: 7.03179625261593))
        XCTAssertEqual(c.sampler.longitudeStatistics, MeanStd(mean: -56.38966259295485, std: 31.32935694114249))
        XCTAssertEqual(c.validation.count, 17)
        XCTAssertEqual(c.mixedPrecision, .auto, "mixed precision on GPU")
        // The 17 validation scenes are MMSeaIce's valset2 list (real file names, read in place).
        let valset2 = try JSONDecoder().decode([String].self, from: Data(contentsOf: TestPaths.requireSharedData(
            "ai4arctic-starterpack/notebook-metadata-extracts/MMSeaIce_valset2.json")))
        XCTAssertEqual(c.validation.scenes, valset2)
        XCTAssertEqual(Set(c.validation.scenes.map(ValidationSettings.readyFileName(for:))).count, 17)
        // Round trip: what the run folder stores decodes to the same configuration.
        XCTAssertEqual(try JSONDecoder().decode(TrainingConfiguration.self, from: c.encoded()), c)
    }

    func testDemoConfigurationLoads() throws {
        let c = try TrainingConfiguration.load(repositoryFile("configs/demo.json"))
        XCTAssertEqual(c.model.inputChannels, c.sampler.channels.count)
    }

    func testBadConfigurationNamesFileAndField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: repositoryFile("configs/mmseaice.json"))) as! [String: Any]
        var model = json["model"] as! [String: Any]
        model["inputChannels"] = 18
        json["model"] = model
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        XCTAssertThrowsError(try TrainingConfiguration.load(url)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(url.lastPathComponent) && text.contains("inputChannels"), text)
        }
        json.removeValue(forKey: "epochs")
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        XCTAssertThrowsError(try TrainingConfiguration.load(url)) { error in
            XCTAssertTrue("\(error)".contains("epochs"), "\(error)")
        }
    }

    func testValidationSplitIsSeededAndDisjoint() throws {
        let files = (0..<10).map { URL(fileURLWithPath: "/data/2018010\($0)T000000_dmi_prep.nc") }
        let a = try TrainingSetup.split(files, settings: ValidationSettings(count: 3), seed: 4)
        let b = try TrainingSetup.split(files, settings: ValidationSettings(count: 3), seed: 4)
        XCTAssertEqual(a.validation, b.validation)
        XCTAssertEqual(a.validation.count, 3)
        XCTAssertEqual(Set(a.train).intersection(a.validation), [])
        XCTAssertEqual(a.train.count + a.validation.count, 10)
        let named = try TrainingSetup.split(files, settings: ValidationSettings(scenes: [files[2].lastPathComponent]), seed: 4)
        XCTAssertEqual(named.validation, [files[2]])
        XCTAssertThrowsError(try TrainingSetup.split(files, settings: ValidationSettings(scenes: ["nope.nc"]), seed: 4))
        // A raw AI4Arctic name (as valset2 lists them) stands for its ready-to-train file.
        let raw = "S1B_EW_GRDM_1SDH_20180103T000000_20180103T000100_010579_0134BA_590D_icechart_dmi_201801030000_CentralEast_RIC.nc"
        XCTAssertEqual(ValidationSettings.readyFileName(for: raw), "20180103T000000_dmi_prep.nc")
        XCTAssertEqual(try TrainingSetup.split(files, settings: ValidationSettings(scenes: [raw]), seed: 4).validation, [files[3]])
        let missingRaw = raw.replacingOccurrences(of: "20180103T000000_2018", with: "20190103T000000_2018")
        XCTAssertThrowsError(try TrainingSetup.split(files, settings: ValidationSettings(scenes: [missingRaw]), seed: 4)) { error in
            XCTAssertTrue("\(error)".contains("20190103T000000_dmi_prep.nc (listed as S1B_EW_GRDM"), "\(error)")
        }
        XCTAssertThrowsError(try TrainingSetup.split([files[0]], settings: ValidationSettings(count: 17), seed: 1),
                             "more validation scenes than files is refused, not clamped") { error in
            XCTAssertTrue("\(error)".contains("validation.count") && "\(error)".contains("got 17"), "\(error)")
        }
    }

    /// configs/demo.json with `edit` applied to its JSON object, loaded from a temporary file.
    func loadEdited(_ edit: (inout [String: Any]) -> Void) throws -> (URL, Result<TrainingConfiguration, Error>) {
        var json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: TestPaths.repository.appendingPathComponent("configs/demo.json"))) as! [String: Any]
        edit(&json)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return (url, Result { try TrainingConfiguration.load(url) })
    }

    func testHostileValuesAreRefusedWithTheKeyPath() throws {
        func sub(_ json: inout [String: Any], _ key: String, _ edit: (inout [String: Any]) -> Void) {
            var inner = json[key] as! [String: Any]
            edit(&inner)
            json[key] = inner
        }
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("schedule.cosineWarmRestarts.t0", { j in j["schedule"] = ["cosineWarmRestarts": ["t0": 0, "tMult": 1, "etaMin": 0]] }),
            ("schedule.cosineWarmRestarts.tMult", { j in j["schedule"] = ["cosineWarmRestarts": ["t0": 5, "tMult": 0, "etaMin": 0]] }),
            ("optimizer.momentum", { j in sub(&j, "optimizer") { $0["momentum"] = 2 } }),
            ("optimizer.learningRate", { j in sub(&j, "optimizer") { $0["learningRate"] = -1 } }),
            ("rejectAtOrBelowValidSIC", { j in sub(&j, "sampler") { $0["rejectAtOrBelowValidSIC"] = 1_000_000_000 } }),
            ("epocs", { j in j["epocs"] = 3 }),
            ("sampler.patchSzie", { j in sub(&j, "sampler") { $0["patchSzie"] = 64 } }),
            ("sampler.batchSize", { j in sub(&j, "sampler") { $0["batchSize"] = "sixteen" } }),
            ("epochs", { j in j["epochs"] = 0 }),
        ]
        for (key, edit) in cases {
            let (url, result) = try loadEdited(edit)
            XCTAssertThrowsError(try result.get(), key) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(url.path) && text.contains(key), "\(key): \(text)")
            }
        }
        let (_, ok) = try loadEdited { $0["threads"] = NSNull() }
        XCTAssertNoThrow(try ok.get(), "a null optional key is not an unknown key")
    }

    func testATrainingStepThatCannotFitIsRefusedBeforeAllocating() throws {
        var c = try TrainingConfiguration.load(TestPaths.repository.appendingPathComponent("configs/demo.json"))
        XCTAssertNoThrow(try TrainingSetup.checkMemory(c, available: 8 << 30))
        c.sampler.batchSize = 100_000
        c.sampler.patchSize = 4096
        XCTAssertThrowsError(try TrainingSetup.checkMemory(c, available: 24 << 30)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("sampler.batchSize 100000") && text.contains("GiB"), text)
        }
    }
}
