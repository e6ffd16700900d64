import Foundation
import Logging
import SeaIceCore
import SeaIceCover
import SeaIceData
import SeaIceModels
import SeaIceOptim
import SeaIceTestSupport
import SeaIceTiling
import SeaIceTraining
import XCTest

/// The stacked ensemble (seed 002): subset rules, the level-1 features, level 1 learning a trivial stacking
/// case, and the two stages end to end on SIMULATED scenes with resume, prediction and the member check.
final class CoverEnsembleTests: XCTestCase {
    func entry(ice: Double, miz: Double = 0, waterHH: Double? = -25, wind: Double? = nil) -> CoverLabelledSetManifest.Entry {
        CoverLabelledSetManifest.Entry(file: "f", sourceScene: "s", iceProportion: ice, labelledFraction: 1, mizFraction: miz,
                                       openWaterHHdB: waterHH, windSpeed: wind)
    }

    func testSubsetRulesFollowTheSituations() {
        let members = Dictionary(uniqueKeysWithValues: CoverEnsembleConfiguration.paperMembers.map { ($0.name, $0.rule) })
        XCTAssertTrue(members["general"]!.matches(entry(ice: 0)))
        XCTAssertTrue(members["ice"]!.matches(entry(ice: 0.6)))
        XCTAssertFalse(members["ice"]!.matches(entry(ice: 0.59)))
        XCTAssertTrue(members["mixed"]!.matches(entry(ice: 0.5)))
        XCTAssertFalse(members["mixed"]!.matches(entry(ice: 0.8)))
        XCTAssertTrue(members["miz"]!.matches(entry(ice: 0.5, miz: 0.02)))
        XCTAssertFalse(members["miz"]!.matches(entry(ice: 0.5, miz: 0.01)))
        let windy = members["windy-water"]!
        // ERA5 wind decides where the scene has it, whatever the backscatter …
        XCTAssertTrue(windy.matches(entry(ice: 0.1, waterHH: -30, wind: 9)))
        XCTAssertFalse(windy.matches(entry(ice: 0.1, waterHH: -10, wind: 7)))
        // … otherwise the open-water HH (−20 dB), and a scene without water is never windy water.
        XCTAssertTrue(windy.matches(entry(ice: 0.1, waterHH: -19)))
        XCTAssertFalse(windy.matches(entry(ice: 0.1, waterHH: -21)))
        XCTAssertFalse(windy.matches(entry(ice: 1, waterHH: nil, wind: 12)))
        XCTAssertFalse(CoverSubsetRule(minWindSpeed: 8).matches(entry(ice: 0.1, waterHH: -10)))
    }

    func loop(epochs: Int, iterations: Int, seed: UInt64, rate: Double = 0.01) -> TrainingLoop {
        TrainingLoop(optimizer: .adam(AdamConfiguration(learningRate: rate)), schedule: .constant, epochs: epochs,
                     iterationsPerEpoch: iterations, seed: seed, threads: 1, mixedPrecision: .off)
    }

    func configuration(members: [CoverEnsembleConfiguration.Member]) -> CoverEnsembleConfiguration {
        let level0 = CoverTrainingConfiguration(loop: loop(epochs: 2, iterations: 3, seed: 3), model: CoverUNetConfiguration(filters: [4, 8]),
                                                patchSize: 16, batchSize: 4, validationEvery: 2)
        let level1 = CoverLevel1Configuration(loop: loop(epochs: 2, iterations: 3, seed: 9),
                                              model: CoverStackingConfiguration(inputs: members.count + 4, hiddenLayers: 2, width: 8),
                                              patchSize: 16, batchSize: 2)
        return CoverEnsembleConfiguration(level0: level0, members: members, level1: level1)
    }

    func testConfigurationErrorsNameTheKeyAndShippedFilesLoad() throws {
        var c = configuration(members: CoverEnsembleConfiguration.paperMembers)
        XCTAssertNoThrow(try c.validate())
        c.level1.model.inputs = 8
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("level1.model.inputs must be 9"), "\($0)") }
        c = configuration(members: [.init(name: "a", rule: .init()), .init(name: "a", rule: .init())])
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("appears twice"), "\($0)") }
        c = configuration(members: [.init(name: "a", rule: .init(minIceProportion: 0.8, maxIceProportion: 0.2))])
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("members[a]"), "\($0)") }
        c = configuration(members: [.init(name: "a/b", rule: .init())])
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("a/b"), "\($0)") }
        for name in ["cover-ensemble-paper.json", "cover-ensemble-demo.json"] {
            let c = try ConfigurationFile.load(CoverEnsembleConfiguration.self, from: TestPaths.repository.appendingPathComponent("configs/\(name)"))
            XCTAssertEqual(c.members, CoverEnsembleConfiguration.paperMembers, name)
            XCTAssertEqual(c.level1.model.hiddenLayers, 10, name)
        }
    }

    func testStackingFeaturesAreMembersCompositeAndIceProportion() {
        // 4 pixels; pixel 3 invalid. Mean member probability ≥ 0.5 at pixels 0 and 1 → proportion 2/3.
        let level0: [[Float]] = [[0.9, 0.6, 0.1, .nan], [0.7, 0.4, 0.2, .nan]]
        let composite: [Float] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 0.0, 0.5]
        let valid = [true, true, true, false]
        XCTAssertEqual(CoverStackingFeatures.iceProportion(level0: level0, valid: valid), 2 / 3, accuracy: 1e-6)
        let p = CoverStackingFeatures.planes(level0: level0, composite: composite, valid: valid)
        XCTAssertEqual(p.count, 6 * 4)
        XCTAssertEqual(Array(p[0..<4]), [0.9, 0.6, 0.1, 0.5])  // NaN reads as 0.5
        XCTAssertEqual(Array(p[8..<20]), composite)
        XCTAssertEqual(Array(p[20..<24]), [Float](repeating: 2 / 3, count: 4))
    }

    /// Five members of which only the third tells ice from water: the level-1 network learns to follow it.
    func testLevel1LearnsToCopyTheOneCorrectMember() throws {
        var g = SeededGenerator(seed: 11)
        func scene() -> CoverFeatureScene {
            let n = 32 * 32
            var label = [UInt8](repeating: 0, count: n), planes = [Float](repeating: 0, count: 9 * n)
            for k in 0..<n {
                label[k] = g.next() % 2 == 0 ? 1 : 0
                for m in 0..<5 { planes[m * n + k] = Float(g.next() % 1000) / 1000 }
                planes[2 * n + k] = label[k] == 1 ? 0.8 : 0.2
                for b in 5..<9 { planes[b * n + k] = Float(g.next() % 1000) / 1000 }
            }
            return CoverFeatureScene(lines: 32, samples: 32, channels: 9, inputs: planes, ice: label, simulated: true)
        }
        let train = CoverPatchDataset(features: [scene(), scene()], patchSize: 16, minimumLabelled: 0.5)
        let check = CoverPatchDataset(features: [scene()], patchSize: 16, minimumLabelled: 0.5)
        let spec = CoverStackingConfiguration(inputs: 9, hiddenLayers: 3, width: 16)
        var init_ = SeededGenerator(seed: 1)
        let network = try CoverStackingNetwork(spec, generator: &init_)
        let validator = CoverValidator<CoverStackingNetwork>(dataset: check, simulated: true, device: .cpu)
        let before = try XCTUnwrap(validator.score(network).scores["accuracy"])
        let run = try TestPaths.temporaryDirectory("cover-level1-trivial")
        defer { try? FileManager.default.removeItem(at: run) }
        let trainer = try Trainer(loop: loop(epochs: 3, iterations: 20, seed: 2, rate: 0.01),
                                  task: CoverTask<CoverStackingNetwork>(specification: spec, bceWeight: 1, diceWeight: 0),
                                  network: network, batches: try SampleBatchSource(dataset: train, batchSize: 4, augmentation: PlaneAugmentation()),
                                  validator: validator, run: RunDirectory(url: run), device: .cpu, logger: Logger(label: "test"))
        let summary = try trainer.train()
        let after = try XCTUnwrap(summary.history.last?.score("accuracy"))
        XCTAssertLessThan(before, 0.7)
        XCTAssertGreaterThan(after, 0.98, "level 1 should follow the one correct member")
    }

    /// Two members and level 1 on SIMULATED scenes: an empty subset is refused by name, a stopped member
    /// resumes to the same weights as an uninterrupted one, finished stages are skipped, the ensemble
    /// predicts, and a level 1 trained on other members is refused naming them.
    func testStagesResumePredictAndRefuseChangedMembers() throws {
        let set = try CoverTrainingTests.labelledSet.get()
        let logger = Logger(label: "test")
        let members: [CoverEnsembleConfiguration.Member] = [.init(name: "general", rule: .init()),
                                                            .init(name: "ice-ish", rule: .init(minIceProportion: 0.01))]
        let c = configuration(members: members)

        let empty = configuration(members: [.init(name: "nothing", rule: .init(minIceProportion: 1, maxIceProportion: 1)),
                                            .init(name: "general", rule: .init())])
        let folder0 = try TestPaths.temporaryDirectory("cover-ensemble-empty")
        defer { try? FileManager.default.removeItem(at: folder0) }
        XCTAssertThrowsError(try CoverEnsembleTraining.trainLevel0(empty, data: set, ensemble: CoverEnsembleFolder(url: folder0), device: .cpu,
                                                                   logger: logger)) {
            XCTAssertTrue("\($0)".contains("member `nothing`") && "\($0)".contains("manifest.json"), "\($0)")
        }

        let whole = CoverEnsembleFolder(url: try TestPaths.temporaryDirectory("cover-ensemble-whole"))
        let split = CoverEnsembleFolder(url: try TestPaths.temporaryDirectory("cover-ensemble-split"))
        defer { for f in [whole, split] { try? FileManager.default.removeItem(at: f.url) } }
        try CoverEnsembleTraining.trainLevel0(c, data: set, ensemble: whole, device: .cpu, logger: logger)
        try CoverEnsembleTraining.trainLevel0(c, data: set, ensemble: split, stopAfterEpochs: 1, device: .cpu, logger: logger)
        XCTAssertEqual(try CoverEnsembleTraining.finishedEpochs(run: split.member("general")), 1)
        // Level 1 refuses members that have not finished.
        XCTAssertThrowsError(try CoverEnsembleTraining.trainLevel1(c, data: set, ensemble: split, device: .cpu, logger: logger)) {
            XCTAssertTrue("\($0)".contains("`general`") && "\($0)".contains("2 finished epochs"), "\($0)")
        }
        var events: [String] = []
        try CoverEnsembleTraining.trainLevel0(c, data: set, ensemble: split, device: .cpu, logger: logger) { e in
            if case let .started(stage, _, _, _, resumed, simulated) = e { events.append("\(stage) after \(resumed) \(simulated)") }
        }
        XCTAssertEqual(events, ["level0/general after 1 true", "level0/ice-ish after 1 true"])
        for m in members {
            XCTAssertEqual(try Data(contentsOf: whole.member(m.name).appendingPathComponent("last/model.safetensors")),
                           try Data(contentsOf: split.member(m.name).appendingPathComponent("last/model.safetensors")), m.name)
        }
        var complete: [String] = []
        try CoverEnsembleTraining.trainLevel0(c, data: set, ensemble: split, device: .cpu, logger: logger) { e in
            if case let .complete(stage, _) = e { complete.append(stage) }
        }
        XCTAssertEqual(complete, ["level0/general", "level0/ice-ish"])
        // Another configuration in the same folder is refused by key.
        var other = c
        other.level0.patchSize = 32
        XCTAssertThrowsError(try CoverEnsembleTraining.trainLevel0(other, data: set, ensemble: split, device: .cpu, logger: logger)) {
            XCTAssertTrue("\($0)".contains("ensemble.json") && "\($0)".contains("patchSize"), "\($0)")
        }

        try CoverEnsembleTraining.trainLevel1(c, data: set, ensemble: split, device: .cpu, logger: logger)
        let predictor = try CoverEnsemblePredictor(folder: split.url, tiling: TilingConfiguration(tileSize: 16, overlap: 4))
        let labelled = try CoverLabelledScene.read(set.appendingPathComponent(
            try ConfigurationFile.decodeJSON(CoverLabelledSetManifest.self, from: set.appendingPathComponent("manifest.json")).scenes[0].file))
        var rgb = [UInt8](repeating: 0, count: labelled.composite.count)
        let n = labelled.lines * labelled.samples
        for k in 0..<n { for b in 0..<3 { rgb[3 * k + b] = labelled.composite[b * n + k] } }
        let composite = CoverComposite(rgb: rgb, valid: labelled.land.map { $0 == 0 }, hvLow: 0, hvHigh: 1)
        let p = try predictor.probabilities(composite, lines: labelled.lines, samples: labelled.samples)
        XCTAssertEqual(p.level0.count, 2)
        XCTAssertEqual(p.stacked.count, n)
        XCTAssertTrue(p.stacked.enumerated().allSatisfy { composite.valid[$0.offset] ? (0...1).contains($0.element) : $0.element.isNaN })
        XCTAssertTrue(try CoverEnsembleTraining.model(at: split.url, tiling: predictor.tiling, device: .cpu) is CoverEnsemblePredictor)

        // The level-0 set changes under level 1: member `ice-ish` renamed → refused, naming both lists.
        var renamed = c
        renamed.members[1].name = "ice-other"
        try FileManager.default.moveItem(at: split.member("ice-ish"), to: split.member("ice-other"))
        try AtomicOutput.write(try JSONEncoder().encode(renamed), to: split.configurationURL)
        XCTAssertThrowsError(try CoverEnsemblePredictor(folder: split.url)) {
            XCTAssertTrue("\($0)".contains("ice-ish [") && "\($0)".contains("ice-other ["), "\($0)")
        }
    }
}
