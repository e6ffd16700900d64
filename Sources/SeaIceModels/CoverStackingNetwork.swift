import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// The level-1 network of the sea-ice-cover ensemble (Wang & Li 2021, seed 002, "integrated stacking
/// model"): a per-pixel fully connected network of `hiddenLayers` layers of `width` units with ReLU and one
/// output logit. The paper uses 10 hidden layers; its width is not given (32 here by default).
public struct CoverStackingConfiguration: Codable, Equatable, Sendable {
    /// Inputs per pixel: the level-0 probabilities, the three composite values and the scene ice proportion
    /// (5 + 3 + 1 = 9 for the paper's five members).
    public var inputs: Int
    /// Hidden layers (10 in the paper) and units per hidden layer.
    public var hiddenLayers: Int, width: Int

    /// A configuration; defaults are the paper's ten hidden layers over five members.
    public init(inputs: Int = 9, hiddenLayers: Int = 10, width: Int = 32) {
        self.inputs = inputs; self.hiddenLayers = hiddenLayers; self.width = width
    }

    /// - Throws: `SeaIceError.configuration` naming the key of a non-positive size.
    public func validate() throws {
        for (key, v) in [("inputs", inputs), ("hiddenLayers", hiddenLayers), ("width", width)] where v <= 0 {
            throw SeaIceError.configuration("level-1 \(key) must be positive, got \(v)")
        }
    }
}

/// The level-1 stacking network as 1 × 1 convolutions, so one pixel's features go through exactly the fully
/// connected layers of the paper while whole tiles run at once (a 1 × 1 convolution with weight
/// [out, in, 1, 1] is `Linear` with weight [out, in] applied at every pixel).
///
/// Input NCHW [N, inputs, H, W]; output task `ice` [N, 1, H, W] (logits). State-dict names as a PyTorch
/// `nn.Sequential` named `layers`: `layers.{2k}.weight`, `layers.{2k}.bias` for the k-th 1 × 1 `Conv2d`
/// (ReLU between, at odd positions), the output layer last.
public final class CoverStackingNetwork: Module, TaskNetwork {
    /// The configuration the network was built from.
    public let configuration: CoverStackingConfiguration
    /// The layers.
    public let layers: Sequential

    /// Builds the network with PyTorch's default initialisation drawn from `generator`.
    public init(_ configuration: CoverStackingConfiguration, generator g: inout SeededGenerator) throws {
        try configuration.validate()
        self.configuration = configuration
        var list: [any UnaryLayer] = []
        var input = configuration.inputs
        for _ in 0..<configuration.hiddenLayers {
            list.append(try Conv2d(input, configuration.width, kernelSize: 1, generator: &g))
            list.append(ReLU())
            input = configuration.width
        }
        list.append(try Conv2d(input, 1, kernelSize: 1, generator: &g))
        layers = Sequential(list)
        super.init()
        register(layers, as: "layers")
    }

    /// Ice logits [N, 1, H, W] of the per-pixel features `x`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try layers(x) }

    /// `TaskNetwork`: the one output `ice` (the same task as the level-0 U-Nets).
    public func outputs(_ x: Tensor) throws -> TaskOutputs { TaskOutputs([(CoverUNet.task, try self(x))]) }
}
