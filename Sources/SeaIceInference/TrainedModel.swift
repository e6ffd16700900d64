import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceSampling
import SeaIceTensor

/// What a checkpoint must say to rebuild its network and feed it: the architecture and the
/// inputs (channels in order, downscaling, standardisation). Stored as the manifest's `model`.
public struct NetworkSpecification: Codable, Sendable, Equatable {
    /// The architecture.
    public var model: UNetConfiguration
    /// Channels, downscale factor and method, latitude/longitude standardisation.
    public var inputs: SamplerConfiguration

    /// Bundles both.
    public init(model: UNetConfiguration, inputs: SamplerConfiguration) {
        self.model = model
        self.inputs = inputs
    }

    /// Throws when the model's input count differs from the channel list.
    public func validate() throws {
        try model.validateForAutoICE()
        try inputs.validate()
        guard model.inputChannels == inputs.channels.count else {
            throw SeaIceError.configuration(
                "model.inputChannels is \(model.inputChannels) but inputs.channels lists \(inputs.channels.count) channels")
        }
    }
}

/// A network loaded from a checkpoint folder, with its specification and provenance.
public struct TrainedModel {
    /// The network, on `device`, in evaluation mode.
    public let network: UNet
    /// How it was built and what it reads.
    public let specification: NetworkSpecification
    /// Code version recorded in the checkpoint.
    public let codeVersion: String
    /// The checkpoint folder.
    public let directory: URL

    /// Loads the checkpoint in `directory` (see `SeaIceNN.Checkpoint`) onto `device`.
    ///
    /// - Throws: `SeaIceError` naming the file and the tensors when the weights do not match the
    ///   configuration (missing, unexpected or mis-shaped tensors), or the configuration is inconsistent.
    public static func load(from directory: URL, device: Device = .cpu) throws -> TrainedModel {
        let manifest = try Checkpoint.manifest(CheckpointManifest<NetworkSpecification, EmptyTrainingState>.self, in: directory)
        let spec = manifest.model
        do { try spec.validate() } catch let SeaIceError.configuration(message) {
            throw SeaIceError.invalidInput(file: directory.appendingPathComponent(Checkpoint.manifestName).path,
                                           item: "model", expected: "a consistent configuration (\(message))")
        }
        var generator = SeededGenerator(seed: 0)  // overwritten by the weights
        let network = try UNet(spec.model, generator: &generator)
        try Checkpoint.loadWeights(into: network, from: directory)
        try network.to(device)
        network.eval()
        return TrainedModel(network: network, specification: spec, codeVersion: manifest.codeVersion, directory: directory)
    }

    /// A one-line description for product provenance.
    public var summary: String {
        let m = specification.model
        return "multi-task U-Net \(m.filters.map(String.init).joined(separator: "/")), \(m.decoder.rawValue) decoder, "
            + "SIC \(m.sicHead.rawValue), checkpoint \(directory.lastPathComponent) (\(codeVersion))"
    }
}
