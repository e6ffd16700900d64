import CTorchBridge
import SeaIceCore

/// Reductions. Without `dims` the result is a 0-dimensional tensor; with `keepDim` the reduced
/// dimensions stay as size 1 (for broadcasting back).
extension Tensor {
    func reduce(_ op: Int, _ name: String, _ dims: [Int], _ keepDim: Bool) throws -> Tensor {
        try withInt64s(dims) { d, n in
            try Tensor.make("\(name) over \(dims) of \(shape)", [self]) { sik_reduce(Int32(op), handle, d, n, keepDim ? 1 : 0, $0) }
        }
    }

    /// Sum of all elements.
    public func sum() throws -> Tensor { try reduce(SIK_REDUCE_SUM, "sum", [], false) }
    /// Sum over `dims`.
    public func sum(dims: [Int], keepDim: Bool = false) throws -> Tensor { try reduce(SIK_REDUCE_SUM, "sum", dims, keepDim) }
    /// Mean of all elements (floating-point tensors).
    public func mean() throws -> Tensor { try reduce(SIK_REDUCE_MEAN, "mean", [], false) }
    /// Mean over `dims`.
    public func mean(dims: [Int], keepDim: Bool = false) throws -> Tensor { try reduce(SIK_REDUCE_MEAN, "mean", dims, keepDim) }
    /// Largest element.
    public func max() throws -> Tensor { try reduce(SIK_REDUCE_AMAX, "max", [], false) }
    /// Smallest element.
    public func min() throws -> Tensor { try reduce(SIK_REDUCE_AMIN, "min", [], false) }
    /// Largest values over `dims` (`amax`).
    public func amax(dims: [Int], keepDim: Bool = false) throws -> Tensor { try reduce(SIK_REDUCE_AMAX, "amax", dims, keepDim) }
    /// Smallest values over `dims` (`amin`).
    public func amin(dims: [Int], keepDim: Bool = false) throws -> Tensor { try reduce(SIK_REDUCE_AMIN, "amin", dims, keepDim) }
    /// Product of all elements.
    public func prod() throws -> Tensor { try reduce(SIK_REDUCE_PROD, "prod", [], false) }

    /// Largest value along `dim` and its int64 index.
    public func max(dim: Int, keepDim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try maxMin(dim: dim, keepDim: keepDim, isMin: false)
    }

    /// Smallest value along `dim` and its int64 index.
    public func min(dim: Int, keepDim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try maxMin(dim: dim, keepDim: keepDim, isMin: true)
    }

    private func maxMin(dim: Int, keepDim: Bool, isMin: Bool) throws -> (values: Tensor, indices: Tensor) {
        var values: OpaquePointer?
        var indices: OpaquePointer?
        try Tensor.run("\(isMin ? "min" : "max")(dim \(dim)) of \(shape)", [self]) {
            sik_max_dim(handle, Int64(dim), keepDim ? 1 : 0, isMin ? 1 : 0, &values, &indices)
        }
        return (Tensor(handle: values!), Tensor(handle: indices!))
    }

    /// int64 index of the largest value along `dim` (`nil`: in the flattened tensor).
    public func argmax(dim: Int? = nil, keepDim: Bool = false) throws -> Tensor {
        try Tensor.make("argmax of \(shape)", [self]) { sik_argmax(handle, Int64(dim ?? 0), dim == nil ? 0 : 1, keepDim ? 1 : 0, 0, $0) }
    }

    /// int64 index of the smallest value along `dim` (`nil`: in the flattened tensor).
    public func argmin(dim: Int? = nil, keepDim: Bool = false) throws -> Tensor {
        try Tensor.make("argmin of \(shape)", [self]) { sik_argmax(handle, Int64(dim ?? 0), dim == nil ? 0 : 1, keepDim ? 1 : 0, 1, $0) }
    }

    /// Variance over `dims` (empty: all) with Bessel's `correction` (1 = unbiased, 0 = population, as batch norm uses).
    public func variance(dims: [Int] = [], correction: Int = 1, keepDim: Bool = false) throws -> Tensor {
        try withInt64s(dims) { d, n in
            try Tensor.make("var over \(dims) of \(shape)", [self]) { sik_var_std(handle, d, n, keepDim ? 1 : 0, Double(correction), 0, $0) }
        }
    }

    /// PyTorch's spelling of `variance(dims:correction:keepDim:)`.
    public func `var`(dims: [Int] = [], correction: Int = 1, keepDim: Bool = false) throws -> Tensor {
        try variance(dims: dims, correction: correction, keepDim: keepDim)
    }

    /// Standard deviation over `dims` (empty: all) with Bessel's `correction` (1 = unbiased).
    public func std(dims: [Int] = [], correction: Int = 1, keepDim: Bool = false) throws -> Tensor {
        try withInt64s(dims) { d, n in
            try Tensor.make("std over \(dims) of \(shape)", [self]) { sik_var_std(handle, d, n, keepDim ? 1 : 0, Double(correction), 1, $0) }
        }
    }

    /// Whether every element is non-zero (true for an empty tensor).
    public func all() throws -> Bool {
        try logicalNot().sum().item() == 0
    }

    /// Whether some element is non-zero (false for an empty tensor).
    public func any() throws -> Bool {
        try ne(0).sum().item() > 0
    }

    /// Whether shapes broadcast and |self − other| ≤ atol + rtol·|other| everywhere (NaN never close),
    /// as `torch.allclose`.
    public func allClose(_ other: Tensor, rtol: Float = 1e-5, atol: Float = 1e-8) throws -> Bool {
        let tolerance = try other.abs() * rtol + atol
        return try (self - other).abs().le(tolerance).all()
    }
}
