import CTorchBridge
import SeaIceCore

/// Padding modes of `Tensor.pad` (PyTorch's `F.pad` modes).
public enum PadMode: String, Codable, Sendable {
    /// Fill with a constant value.
    case constant
    /// Mirror without repeating the edge element (`reflect`).
    case reflect
    /// Repeat the edge element (`replicate`).
    case replicate
    /// Wrap around (`circular`).
    case circular

    var code: Int32 {
        switch self {
        case .constant: return Int32(SIK_PAD_CONSTANT)
        case .reflect: return Int32(SIK_PAD_REFLECT)
        case .replicate: return Int32(SIK_PAD_REPLICATE)
        case .circular: return Int32(SIK_PAD_CIRCULAR)
        }
    }
}

/// Shape, layout and indexing operations. Views share storage with `self` as in PyTorch.
extension Tensor {
    /// Same elements in a new shape (one size may be -1); a view when possible, else a copy.
    public func reshape(_ shape: [Int]) throws -> Tensor {
        try withInt64s(shape) { d, n in try Tensor.make("reshape \(self.shape) → \(shape)", [self]) { sik_tensor_reshape(handle, d, n, $0) } }
    }

    /// A view with a new shape (fails when the strides do not allow it; see `reshape`).
    public func view(_ shape: [Int]) throws -> Tensor {
        try withInt64s(shape) { d, n in try Tensor.make("view \(self.shape) → \(shape)", [self]) { sik_tensor_view(handle, d, n, $0) } }
    }

    /// Reorders dimensions: result dimension i is input dimension `dims[i]` (e.g. NCHW → NHWC: `[0, 2, 3, 1]`).
    public func permute(_ dims: [Int]) throws -> Tensor {
        try withInt64s(dims) { d, n in try Tensor.make("permute \(shape) by \(dims)", [self]) { sik_tensor_permute(handle, d, n, $0) } }
    }

    /// Swaps two dimensions (a view).
    public func transpose(_ dim0: Int, _ dim1: Int) throws -> Tensor {
        try Tensor.make("transpose(\(dim0), \(dim1)) of \(shape)", [self]) { sik_tensor_transpose(handle, Int64(dim0), Int64(dim1), $0) }
    }

    /// Removes dimension `dim` when its size is 1 (`nil`: every size-1 dimension).
    public func squeeze(_ dim: Int? = nil) throws -> Tensor {
        try Tensor.make("squeeze of \(shape)", [self]) { sik_tensor_squeeze(handle, Int64(dim ?? 0), dim == nil ? 1 : 0, $0) }
    }

    /// Inserts a size-1 dimension at `dim`.
    public func unsqueeze(_ dim: Int) throws -> Tensor {
        try Tensor.make("unsqueeze(\(dim)) of \(shape)", [self]) { sik_tensor_unsqueeze(handle, Int64(dim), $0) }
    }

    /// `length` entries of `dim` starting at `start` (a view).
    public func narrow(dim: Int, start: Int, length: Int) throws -> Tensor {
        try Tensor.make("narrow(dim \(dim), start \(start), length \(length)) of \(shape)", [self]) {
            sik_tensor_narrow(handle, Int64(dim), Int64(start), Int64(length), $0)
        }
    }

    /// `self[..., start..<end (by step), ...]` along `dim` (a view; `end` is clamped to the size).
    public func slice(dim: Int, start: Int, end: Int, step: Int = 1) throws -> Tensor {
        try Tensor.make("slice(dim \(dim), \(start)..<\(end), step \(step)) of \(shape)", [self]) {
            sik_tensor_slice(handle, Int64(dim), Int64(start), Int64(end), Int64(step), $0)
        }
    }

    /// Entry `index` of dimension `dim`, which is removed (a view; negative indices count from the end).
    public func select(dim: Int, index: Int) throws -> Tensor {
        try Tensor.make("select(dim \(dim), index \(index)) of \(shape)", [self]) {
            sik_tensor_select(handle, Int64(dim), Int64(index), $0)
        }
    }

    /// Dimensions `startDim...endDim` merged into one.
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        try Tensor.make("flatten(\(startDim), \(endDim)) of \(shape)", [self]) {
            sik_tensor_flatten(handle, Int64(startDim), Int64(endDim), $0)
        }
    }

    /// Concatenation along an existing dimension; the other sizes must agree.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
        let handles: [OpaquePointer?] = tensors.map { $0.handle }
        return try handles.withUnsafeBufferPointer { hs in
            try make("cat along \(dim) of \(tensors.map(\.shape))", tensors) {
                sik_tensor_cat(hs.baseAddress, Int32(hs.count), Int64(dim), $0)
            }
        }
    }

    /// Stacking along a new dimension; all shapes must be equal.
    public static func stack(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
        let handles: [OpaquePointer?] = tensors.map { $0.handle }
        return try handles.withUnsafeBufferPointer { hs in
            try make("stack along \(dim) of \(tensors.map(\.shape))", tensors) {
                sik_tensor_stack(hs.baseAddress, Int32(hs.count), Int64(dim), $0)
            }
        }
    }

    /// `F.pad`: `pads` are (before, after) pairs starting from the LAST dimension, e.g.
    /// `[left, right, top, bottom]` for NCHW. `value` is used by `.constant` only.
    public func pad(_ pads: [Int], mode: PadMode = .constant, value: Float = 0) throws -> Tensor {
        try withInt64s(pads) { p, n in
            try Tensor.make("pad \(shape) by \(pads) (\(mode.rawValue))", [self]) {
                sik_tensor_pad(handle, p, n, mode.code, Double(value), $0)
            }
        }
    }

    /// Reverses the order along each of `dims` (a copy).
    public func flip(dims: [Int]) throws -> Tensor {
        try withInt64s(dims) { d, n in try Tensor.make("flip \(dims) of \(shape)", [self]) { sik_tensor_flip(handle, d, n, $0) } }
    }

    /// Rotates by 90° `k` times in the plane of `dims`, from the first towards the second (as `torch.rot90`).
    public func rot90(k: Int = 1, dims: (Int, Int) = (-2, -1)) throws -> Tensor {
        try Tensor.make("rot90(k \(k), dims \(dims)) of \(shape)", [self]) {
            sik_tensor_rot90(handle, Int64(k), Int64(dims.0), Int64(dims.1), $0)
        }
    }

    /// `rot90` with the plane given as a two-element array, as `torch.rot90(x, k, [d0, d1])`.
    public func rot90(k: Int = 1, dims: [Int]) throws -> Tensor {
        guard dims.count == 2 else {
            throw SeaIceError.invalidInput(file: "Tensor", item: "rot90 dims", expected: "two dimensions, got \(dims)")
        }
        return try rot90(k: k, dims: (dims[0], dims[1]))
    }

    /// A broadcast view to `shape` (size-1 dimensions repeated without copying; -1 keeps a size).
    public func expand(_ shape: [Int]) throws -> Tensor {
        try withInt64s(shape) { d, n in try Tensor.make("expand \(self.shape) → \(shape)", [self]) { sik_tensor_expand(handle, d, n, $0) } }
    }

    /// Tiles the tensor `counts[i]` times along dimension i (a copy, as `Tensor.repeat`).
    public func `repeat`(_ counts: [Int]) throws -> Tensor {
        try withInt64s(counts) { d, n in try Tensor.make("repeat \(shape) by \(counts)", [self]) { sik_tensor_repeat(handle, d, n, $0) } }
    }

    /// Entries of `dim` listed by the int64 1-D `index`.
    public func indexSelect(dim: Int, index: Tensor) throws -> Tensor {
        try Tensor.make("index_select(dim \(dim)) of \(shape)", [self, index]) {
            sik_tensor_index_select(handle, Int64(dim), index.handle, $0)
        }
    }

    /// `out[i][j] = self[index[i][j]][j]` for `dim` 0 (and so on): PyTorch's `gather` with an int64 index.
    public func gather(dim: Int, index: Tensor) throws -> Tensor {
        try Tensor.make("gather(dim \(dim)) of \(shape)", [self, index]) { sik_tensor_gather(handle, Int64(dim), index.handle, $0) }
    }

    /// The elements where the bool `mask` (broadcast to `shape`) is true, as a 1-D tensor.
    public func maskedSelect(_ mask: Tensor) throws -> Tensor {
        try Tensor.make("masked_select of \(shape) by \(mask.shape)", [self, mask]) {
            sik_tensor_masked_select(handle, mask.handle, $0)
        }
    }
}
