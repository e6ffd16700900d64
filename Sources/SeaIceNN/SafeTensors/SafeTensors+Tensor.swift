import Foundation
import SeaIceCore
import SeaIceTensor

extension SafeTensorsDType {
    /// The matching tensor element type.
    public var tensorDType: DType {
        switch self {
        case .f64: return .float64
        case .f32: return .float32
        case .f16: return .float16
        case .bf16: return .bfloat16
        case .i64: return .int64
        case .i32: return .int32
        case .u8: return .uint8
        case .bool: return .bool
        }
    }

    /// The safetensors code of a tensor element type.
    public init(_ dtype: DType) {
        switch dtype {
        case .float64: self = .f64
        case .float32: self = .f32
        case .float16: self = .f16
        case .bfloat16: self = .bf16
        case .int64: self = .i64
        case .int32: self = .i32
        case .uint8: self = .u8
        case .bool: self = .bool
        }
    }
}

extension SafeTensorsRecord {
    /// A record holding `tensor`'s elements (copied to the host, C-contiguous, little-endian).
    public init(name: String, tensor: Tensor) throws {
        self.init(name: name, dtype: SafeTensorsDType(tensor.dtype), shape: tensor.shape, bytes: try tensor.bytes())
    }
}

extension SafeTensorsFile {
    /// Tensor `name` on `device`; throws naming the file and tensor when it is absent.
    public func tensor(_ name: String, device: Device = .cpu) throws -> Tensor {
        let e = try entry(name)
        return try Tensor(bytes: try bytes(of: name), dtype: e.dtype.tensorDType, shape: e.shape, device: device)
    }

    /// Every tensor by name.
    public func tensors(device: Device = .cpu) throws -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for name in names { out[name] = try tensor(name, device: device) }
        return out
    }
}

extension Module {
    /// Writes the state dict to a safetensors file at `url` (atomically).
    public func saveWeights(to url: URL, metadata: [String: String] = [:]) throws {
        let records = try stateDict().map { try SafeTensorsRecord(name: $0.name, tensor: $0.tensor) }
        try SafeTensorsWriter.write(records, metadata: metadata, to: url)
    }

    /// Loads parameters and buffers from a safetensors file (see `loadStateDict`); errors name the file.
    public func loadWeights(from url: URL, strict: Bool = true) throws {
        let file = try SafeTensorsFile(contentsOf: url)
        let device = parameters().first?.value.device ?? .cpu
        try loadStateDict(file.tensors(device: device), strict: strict, source: url.path)
    }
}
