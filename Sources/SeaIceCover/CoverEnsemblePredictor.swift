import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceTensor
import SeaIceTiling
import SeaIceTraining

/// What turns a scene's composite into ice probabilities (one U-Net or the stacked ensemble).
public protocol CoverProbabilityModel {
    /// The ice probability (0…1, NaN where the composite is not valid) over a `lines × samples` grid.
    func probability(_ composite: CoverComposite, lines: Int, samples: Int) throws -> [Float]
}

extension CoverPredictor: CoverProbabilityModel {}

/// Scene inference with the stacked ensemble (seed 002): every level-0 member over the composite by tiles,
/// then the level-1 network per pixel over `CoverStackingFeatures`; final probability ≥ 0.5 is ice.
public struct CoverEnsemblePredictor: CoverProbabilityModel {
    /// The members, in level-1 input order.
    public let members: [(name: String, network: CoverUNet)]
    /// The level-1 network.
    public let level1: CoverStackingNetwork
    /// Patch-and-stitch settings of the members (the level-1 network is per pixel and runs on the same tiles).
    public var tiling: TilingConfiguration
    /// Where tensors live.
    public let device: Device

    /// A predictor from networks.
    public init(members: [(name: String, network: CoverUNet)], level1: CoverStackingNetwork,
                tiling: TilingConfiguration = TilingConfiguration(tileSize: 256, overlap: 12), device: Device = .cpu) throws {
        guard level1.configuration.inputs == members.count + 4 else {
            throw SeaIceError.invalidInput(file: "level-1 network", item: "inputs",
                                           expected: "\(members.count + 4) for \(members.count) members, found \(level1.configuration.inputs)")
        }
        self.members = members; self.level1 = level1; self.tiling = tiling; self.device = device
        for m in members { try m.network.to(device); m.network.eval() }
        try level1.to(device)
        level1.eval()
    }

    /// The ensemble of a folder trained by `seaice cover train-level0` and `train-level1`.
    /// - Throws: `SeaIceError` naming the folder or file when a stage is missing, and naming the members when
    ///   the level-1 network was trained on another set of level-0 members (names or weights) than the folder holds.
    public init(folder: URL, tiling: TilingConfiguration = TilingConfiguration(tileSize: 256, overlap: 12),
                device: Device = .cpu) throws {
        let ensemble = CoverEnsembleFolder(url: folder)
        let configuration = try ensemble.configuration()
        let members = try CoverEnsembleTraining.loadMembers(configuration, ensemble: ensemble, requireFinished: false)
        guard let checkpoint = CoverEnsembleTraining.inferenceCheckpoint(of: ensemble.level1) else {
            throw SeaIceError.missing(file: ensemble.level1.path, item: "a level-1 checkpoint (run `seaice cover train-level1` first)")
        }
        let trained = try ConfigurationFile.decodeJSON(CoverEnsembleMembers.self, from: ensemble.membersURL)
        let present = CoverEnsembleMembers(members: members.map { .init(name: $0.name, weights: $0.digest) })
        guard trained == present else {
            throw SeaIceError.invalidInput(file: ensemble.membersURL.path, item: "level-0 members",
                                           expected: "the members level 1 was trained on (\(CoverEnsembleTraining.describeMembers(trained))), "
                                               + "but \(folder.path) holds \(CoverEnsembleTraining.describeMembers(present)); train level 1 again")
        }
        let manifest = try Checkpoint.manifest(CheckpointManifest<CoverStackingConfiguration, RunState>.self, in: checkpoint)
        var g = SeededGenerator(seed: 0)
        let level1 = try CoverStackingNetwork(manifest.model, generator: &g)
        try Checkpoint.loadWeights(into: level1, from: checkpoint)
        try self.init(members: members.map { ($0.name, $0.network) }, level1: level1, tiling: tiling, device: device)
    }

    /// Every member's probability and the stacked probability of `composite`.
    public func probabilities(_ composite: CoverComposite, lines: Int, samples: Int) throws -> (level0: [[Float]], stacked: [Float]) {
        let planes = try CoverTiles.planes(composite, lines: lines, samples: samples)
        let level0 = try members.map {
            try CoverTiles.probability($0.network, planes: planes, channels: 3, lines: lines, samples: samples,
                                       valid: composite.valid, tiling: tiling, device: device)
        }
        let features = CoverStackingFeatures.planes(level0: level0, composite: planes, valid: composite.valid)
        let stacked = try CoverTiles.probability(level1, planes: features, channels: members.count + 4, lines: lines, samples: samples,
                                                 valid: composite.valid, tiling: tiling, device: device)
        return (level0, stacked)
    }

    /// The stacked probability.
    public func probability(_ composite: CoverComposite, lines: Int, samples: Int) throws -> [Float] {
        try probabilities(composite, lines: lines, samples: samples).stacked
    }
}
