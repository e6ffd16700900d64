import SeaIceCore
import SeaIceTensor

/// A network's outputs keyed by task name, in the order the network declares them.
///
/// Every system's network returns one: the multi-task U-Net `sic`, `sod`, `floe` (one regression map
/// `[N, 1, H, W]` and two logit maps `[N, K, H, W]`), an ice/water U-Net one sigmoid logit map
/// `[N, 1, H, W]`, a ten-type classifier logits `[N, 10]`. Layouts are logical NCHW (memory may be
/// channels-last). Losses (`CompositeLoss`), tiling and product writers look outputs up by name.
public struct TaskOutputs {
    /// Task names in declaration order.
    public private(set) var names: [String]
    private var tensors: [String: Tensor]

    /// Outputs in the order given; names must be distinct (a programmer error otherwise).
    public init(_ outputs: [(name: String, tensor: Tensor)]) {
        names = outputs.map(\.name)
        tensors = Dictionary(outputs.map { ($0.name, $0.tensor) }, uniquingKeysWith: { first, _ in first })
        precondition(tensors.count == names.count, "duplicate task names in \(names)")
    }

    /// The output of `task`, nil when the network has none.
    public subscript(task: String) -> Tensor? {
        get { tensors[task] }
        set {
            if let newValue {
                if tensors[task] == nil { names.append(task) }
                tensors[task] = newValue
            } else if tensors.removeValue(forKey: task) != nil {
                names.removeAll { $0 == task }
            }
        }
    }

    /// The output of `task`.
    /// - Throws: `SeaIceError.missing` naming the task and the outputs there are.
    public func tensor(_ task: String) throws -> Tensor {
        guard let t = tensors[task] else {
            throw SeaIceError.missing(file: "network outputs", item: "task `\(task)` (outputs: \(names.joined(separator: ", ")))")
        }
        return t
    }

    /// The outputs in declaration order.
    public var all: [(name: String, tensor: Tensor)] { names.map { ($0, tensors[$0]!) } }
}

/// A network mapping NCHW inputs `[N, C, H, W]` to named task outputs (`TaskOutputs`).
///
/// The shared trainer, tiler and validators only see this protocol; each system's model implements it.
public protocol TaskNetwork: Module {
    /// The outputs for NCHW input `x`.
    func outputs(_ x: Tensor) throws -> TaskOutputs
}
