import SeaIceCore
import SeaIceTensor

/// Base class of every layer and network: a tree of named parameters, buffers and children.
///
/// Names follow PyTorch's `state_dict` convention: a module's own parameters, then its buffers,
/// then each child's entries prefixed with the child's name and a dot (`encoder.0.conv.weight`,
/// `bn.running_mean`, `bn.num_batches_tracked`), in registration order. Subclasses register what
/// they own in their initialiser, right after declaring it (`register(weight, as: "weight")`), so
/// the checkpoint key sits next to the property it fills (the mlx-swift practice).
///
/// Subclasses with one tensor input and output conform to `UnaryLayer` and implement
/// `callAsFunction`; networks with several outputs define their own `callAsFunction`.
open class Module {
    private var ownParameters: [(name: String, slot: Parameter)] = []
    private var ownBuffers: [(name: String, slot: Buffer)] = []
    private var ownChildren: [(name: String, module: Module)] = []

    /// Whether the module is in training mode (BatchNorm batch statistics, dropout active).
    public private(set) var isTraining = true

    /// Creates an empty module.
    public init() {}

    // MARK: registration

    /// Registers a parameter under `name` (a single path component, unique in this module).
    public func register(_ parameter: Parameter, as name: String) {
        checkName(name)
        ownParameters.append((name, parameter))
    }

    /// Registers a buffer under `name`.
    public func register(buffer: Buffer, as name: String) {
        checkName(name)
        ownBuffers.append((name, buffer))
    }

    /// Registers a child module under `name`.
    public func register(_ child: Module, as name: String) {
        checkName(name)
        ownChildren.append((name, child))
    }

    private func checkName(_ name: String) {
        precondition(!name.isEmpty && !name.contains("."), "module entry name \"\(name)\" must be non-empty and contain no dot")
        let taken = ownParameters.contains { $0.name == name } || ownBuffers.contains { $0.name == name }
            || ownChildren.contains { $0.name == name }
        precondition(!taken, "module entry \"\(name)\" registered twice in \(type(of: self))")
    }

    // MARK: traversal

    /// This module's own parameters (no descendants), in registration order.
    var ownParameterList: [(name: String, slot: Parameter)] { ownParameters }

    /// This module's own buffers (no descendants), in registration order.
    var ownBufferList: [(name: String, slot: Buffer)] { ownBuffers }

    /// The direct children with their names, in registration order.
    public var children: [(name: String, module: Module)] { ownChildren }

    /// This module and every descendant with its dotted path ("" for this module).
    public func namedModules(prefix: String = "") -> [(name: String, module: Module)] {
        var out: [(String, Module)] = [(prefix, self)]
        for (name, child) in ownChildren {
            out += child.namedModules(prefix: prefix.isEmpty ? name : "\(prefix).\(name)")
        }
        return out
    }

    /// Every parameter with its dotted name, in state-dict order.
    public func namedParameters() -> [(name: String, parameter: Parameter)] {
        namedModules().flatMap { path, module in
            module.ownParameters.map { (path.isEmpty ? $0.name : "\(path).\($0.name)", $0.slot) }
        }
    }

    /// Every parameter, in state-dict order.
    public func parameters() -> [Parameter] { namedParameters().map(\.parameter) }

    /// Every buffer with its dotted name.
    public func namedBuffers() -> [(name: String, buffer: Buffer)] {
        namedModules().flatMap { path, module in
            module.ownBuffers.map { (path.isEmpty ? $0.name : "\(path).\($0.name)", $0.slot) }
        }
    }

    /// Number of trainable scalars.
    public var parameterCount: Int { parameters().reduce(0) { $0 + $1.value.count } }

    // MARK: modes and devices

    /// Sets training (`true`) or evaluation mode on this module and every descendant.
    public func train(_ on: Bool = true) {
        for (_, m) in namedModules() { m.isTraining = on }
    }

    /// Evaluation mode (`train(false)`): BatchNorm uses running statistics, dropout is off.
    public func eval() { train(false) }

    /// Moves every parameter and buffer to `device`.
    public func to(_ device: Device) throws {
        for (_, p) in namedParameters() where p.value.device != device {
            try p.replace(with: p.value.to(device))
        }
        for (_, b) in namedBuffers() where b.value.device != device {
            b.replace(with: try b.value.to(device))
        }
    }
}

/// A module mapping one tensor to one tensor (a layer that can sit in a `Sequential`).
public protocol UnaryLayer: Module {
    /// Applies the layer.
    func callAsFunction(_ x: Tensor) throws -> Tensor
}
