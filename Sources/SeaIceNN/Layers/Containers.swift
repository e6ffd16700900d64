import SeaIceTensor

/// Layers applied in order (`torch.nn.Sequential`); children are named "0", "1", "2", … so
/// state-dict names match PyTorch (`double_conv.0.weight`, `double_conv.1.running_mean`).
public final class Sequential: Module, UnaryLayer {
    /// The layers, in application order.
    public let layers: [any UnaryLayer]

    /// Creates the chain.
    public init(_ layers: [any UnaryLayer]) {
        self.layers = layers
        super.init()
        for (i, layer) in layers.enumerated() { register(layer, as: String(i)) }
    }

    /// Applies every layer in turn.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        var y = x
        for layer in layers { y = try layer(y) }
        return y
    }
}

/// An indexed list of modules (`torch.nn.ModuleList`): children named "0", "1", …; no forward.
public final class ModuleList<Element: Module>: Module {
    /// The modules, in order.
    public let items: [Element]

    /// Creates the list.
    public init(_ items: [Element]) {
        self.items = items
        super.init()
        for (i, m) in items.enumerated() { register(m, as: String(i)) }
    }

    /// The module at `index`.
    public subscript(index: Int) -> Element { items[index] }

    /// Number of modules.
    public var count: Int { items.count }
}
