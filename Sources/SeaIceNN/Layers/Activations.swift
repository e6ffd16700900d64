import SeaIceCore
import SeaIceTensor

/// max(x, 0) as a module (`torch.nn.ReLU`); holds no state but takes an index in a `Sequential`.
public final class ReLU: Module, UnaryLayer {
    /// Creates the layer.
    public override init() { super.init() }

    /// max(x, 0), element-wise.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try Functional.relu(x) }
}

/// x·Φ(x) as a module (`torch.nn.GELU`, exact erf form unless `approximateTanh`).
public final class GELU: Module, UnaryLayer {
    /// Whether to use the tanh approximation.
    public let approximateTanh: Bool

    /// Creates the layer.
    public init(approximateTanh: Bool = false) {
        self.approximateTanh = approximateTanh
        super.init()
    }

    /// GELU, element-wise.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try Functional.gelu(x, approximateTanh: approximateTanh) }
}

/// Inverted dropout (`torch.nn.Dropout`): in training, zeroes each element with probability `p`
/// and scales the others by 1/(1 − p); identity in evaluation mode.
///
/// The masks come from the layer's own `SeededGenerator` stream (split from the generator given
/// at construction), so a run is reproducible and the stream can be checkpointed.
public final class Dropout: Module, UnaryLayer {
    /// Drop probability in [0, 1].
    public let p: Float
    /// The stream the masks are drawn from (saved in checkpoints to resume exactly).
    public var generator: SeededGenerator

    /// Creates the layer; splits its own stream off `generator`.
    public init(p: Float = 0.5, generator: inout SeededGenerator) {
        precondition(p >= 0 && p <= 1, "dropout probability \(p) outside [0, 1]")
        self.p = p
        self.generator = generator.split()
        super.init()
    }

    /// Applies dropout when training.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Functional.dropout(x, p: p, training: isTraining, generator: &generator)
    }
}

extension Module {
    /// The random stream of every `Dropout` in the tree, by dotted module path (for checkpoints).
    public func dropoutGenerators() -> [String: SeededGenerator] {
        var out: [String: SeededGenerator] = [:]
        for (path, module) in namedModules() {
            if let d = module as? Dropout { out[path] = d.generator }
        }
        return out
    }

    /// Restores the `Dropout` streams saved by `dropoutGenerators()`; a path that is not a
    /// `Dropout` of this tree throws `SeaIceError.invalidInput` naming it.
    public func restoreDropoutGenerators(_ generators: [String: SeededGenerator], source: String = "checkpoint") throws {
        let modules = Dictionary(uniqueKeysWithValues: namedModules().map { ($0.name, $0.module) })
        for (path, generator) in generators {
            guard let d = modules[path] as? Dropout else {
                throw SeaIceError.invalidInput(file: source, item: "dropout stream `\(path)`", expected: "a Dropout module at that path")
            }
            d.generator = generator
        }
    }
}
