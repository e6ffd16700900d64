import SeaIceCore
import SeaIceTensor

/// A collated batch of `DataSample`s, kept as host arrays (it crosses the prefetch thread) and
/// turned into tensors by the training task.
///
/// Layouts: inputs NCHW row-major; each label plane N × H × W; scalars and metadata [N] by name.
public struct DataBatch: Sendable, Equatable {
    /// Samples N.
    public let count: Int
    /// Input channels C.
    public let channels: Int
    /// Patch side H = W.
    public let size: Int
    /// Inputs, NCHW row-major.
    public var inputs: [Float]
    /// Per-pixel labels by task name, N × H × W.
    public var planes: [String: LabelPlane]
    /// Per-sample targets by task name, [N].
    public var scalars: [String: [Double]]
    /// Per-sample metadata by name, [N].
    public var metadata: [String: [Double]]
    /// Dataset index of each sample (for per-sample weighting such as Dynamic Curriculum Learning).
    public var indices: [Int]

    /// Collates `samples` (non-empty, of one shape, with the same label, scalar and metadata names).
    /// - Throws: `SeaIceError.invalidInput` naming the sample and the item that differs.
    public init(samples: [DataSample], indices: [Int]) throws {
        precondition(!samples.isEmpty && samples.count == indices.count, "\(samples.count) samples, \(indices.count) indices")
        let first = samples[0]
        for (k, s) in samples.enumerated() {
            guard s.channels == first.channels, s.size == first.size,
                  Set(s.planes.keys) == Set(first.planes.keys), Set(s.scalars.keys) == Set(first.scalars.keys),
                  Set(s.metadata.keys) == Set(first.metadata.keys) else {
                throw SeaIceError.invalidInput(
                    file: "dataset sample \(indices[k])", item: "shape and label names",
                    expected: "\(first.channels) × \(first.size)² with labels \(first.planes.keys.sorted()), "
                        + "scalars \(first.scalars.keys.sorted()), metadata \(first.metadata.keys.sorted()) as sample \(indices[0])")
            }
        }
        count = samples.count
        channels = first.channels
        size = first.size
        inputs = samples.flatMap(\.inputs)
        var planes: [String: LabelPlane] = [:]
        for name in first.planes.keys {
            switch first.planes[name]! {
            case .classes:
                planes[name] = .classes(try samples.enumerated().flatMap { k, s -> [UInt8] in
                    guard case .classes(let v) = s.planes[name]! else { throw Self.kindError(name, indices[k]) }
                    return v
                })
            case .values:
                planes[name] = .values(try samples.enumerated().flatMap { k, s -> [Float] in
                    guard case .values(let v) = s.planes[name]! else { throw Self.kindError(name, indices[k]) }
                    return v
                })
            }
        }
        self.planes = planes
        scalars = Dictionary(uniqueKeysWithValues: first.scalars.keys.map { n in (n, samples.map { $0.scalars[n]! }) })
        metadata = Dictionary(uniqueKeysWithValues: first.metadata.keys.map { n in (n, samples.map { $0.metadata[n]! }) })
        self.indices = indices
    }

    private static func kindError(_ name: String, _ index: Int) -> SeaIceError {
        .invalidInput(file: "dataset sample \(index)", item: "label plane `\(name)`",
                      expected: "the same kind (classes or values) in every sample")
    }

    /// The inputs as a float32 tensor [N, C, H, W].
    public func inputTensor(device: Device = .cpu) throws -> Tensor {
        try Tensor(inputs, shape: [count, channels, size, size], device: device)
    }

    /// Label plane `name` as a tensor [N, H, W]: int64 class indices, or float32 values.
    /// - Throws: `SeaIceError.missing` when the batch has no such plane.
    public func planeTensor(_ name: String, device: Device = .cpu) throws -> Tensor {
        switch planes[name] {
        case .classes(let v)?: return try Tensor(v.map { Int64($0) }, shape: [count, size, size], device: device)
        case .values(let v)?: return try Tensor(v, shape: [count, size, size], device: device)
        case nil: throw SeaIceError.missing(file: "training batch", item: "label plane `\(name)`")
        }
    }

    /// Scalar target `name` as a tensor [N]: int64 when `asClasses` (class indices), else float32.
    /// - Throws: `SeaIceError.missing` when the batch has no such target.
    public func scalarTensor(_ name: String, asClasses: Bool, device: Device = .cpu) throws -> Tensor {
        guard let v = scalars[name] else { throw SeaIceError.missing(file: "training batch", item: "scalar target `\(name)`") }
        return asClasses ? try Tensor(v.map { Int64($0) }, shape: [count], device: device)
                         : try Tensor(v.map { Float($0) }, shape: [count], device: device)
    }

    /// Metadata `names` as a float32 tensor [N, names.count] (one row per sample).
    /// - Throws: `SeaIceError.missing` naming an absent item.
    public func metadataTensor(_ names: [String], device: Device = .cpu) throws -> Tensor {
        var values: [Float] = []
        values.reserveCapacity(count * names.count)
        let columns = try names.map { n in
            guard let c = metadata[n] else { throw SeaIceError.missing(file: "training batch", item: "metadata `\(n)`") }
            return c
        }
        for i in 0..<count { for c in columns { values.append(Float(c[i])) } }
        return try Tensor(values, shape: [count, names.count], device: device)
    }
}
