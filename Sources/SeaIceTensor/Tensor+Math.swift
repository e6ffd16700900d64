import CTorchBridge
import SeaIceCore

/// Element-wise unary maths, selection and cleaning.
extension Tensor {
    /// Operations of `sik_unary`.
    enum UnaryOp {
        case neg, exp, log, sqrt, rsqrt, abs, sin, cos, square, sign, floor, ceil, round, logicalNot, isnan
        case log1p, reciprocal, isfinite

        /// The bridge's `SIK_UNARY_*` code.
        var code: Int32 {
            let c: Int
            switch self {
            case .neg: c = SIK_UNARY_NEG
            case .exp: c = SIK_UNARY_EXP
            case .log: c = SIK_UNARY_LOG
            case .sqrt: c = SIK_UNARY_SQRT
            case .rsqrt: c = SIK_UNARY_RSQRT
            case .abs: c = SIK_UNARY_ABS
            case .sin: c = SIK_UNARY_SIN
            case .cos: c = SIK_UNARY_COS
            case .square: c = SIK_UNARY_SQUARE
            case .sign: c = SIK_UNARY_SIGN
            case .floor: c = SIK_UNARY_FLOOR
            case .ceil: c = SIK_UNARY_CEIL
            case .round: c = SIK_UNARY_ROUND
            case .logicalNot: c = SIK_UNARY_LOGICAL_NOT
            case .isnan: c = SIK_UNARY_ISNAN
            case .log1p: c = SIK_UNARY_LOG1P
            case .reciprocal: c = SIK_UNARY_RECIPROCAL
            case .isfinite: c = SIK_UNARY_ISFINITE
            }
            return Int32(c)
        }
    }

    func unary(_ op: UnaryOp) throws -> Tensor {
        try Tensor.make("\(op) of \(shape)", [self]) { sik_unary(op.code, handle, $0) }
    }

    /// eˣ.
    public func exp() throws -> Tensor { try unary(.exp) }
    /// Natural logarithm.
    public func log() throws -> Tensor { try unary(.log) }
    /// ln(1 + x), accurate near 0.
    public func log1p() throws -> Tensor { try unary(.log1p) }
    /// Square root.
    public func sqrt() throws -> Tensor { try unary(.sqrt) }
    /// 1 / √x.
    public func rsqrt() throws -> Tensor { try unary(.rsqrt) }
    /// 1 / x.
    public func reciprocal() throws -> Tensor { try unary(.reciprocal) }
    /// |x|.
    public func abs() throws -> Tensor { try unary(.abs) }
    /// sin x (radians).
    public func sin() throws -> Tensor { try unary(.sin) }
    /// cos x (radians).
    public func cos() throws -> Tensor { try unary(.cos) }
    /// x².
    public func square() throws -> Tensor { try unary(.square) }
    /// −1, 0 or 1.
    public func sign() throws -> Tensor { try unary(.sign) }
    /// Largest integer ≤ x.
    public func floor() throws -> Tensor { try unary(.floor) }
    /// Smallest integer ≥ x.
    public func ceil() throws -> Tensor { try unary(.ceil) }
    /// Nearest integer, halves to even (as `torch.round`).
    public func round() throws -> Tensor { try unary(.round) }
    /// Logical not (zero → true), bool result.
    public func logicalNot() throws -> Tensor { try unary(.logicalNot) }
    /// true where the element is NaN.
    public func isnan() throws -> Tensor { try unary(.isnan) }
    /// true where the element is finite (not NaN, not ±∞).
    public func isfinite() throws -> Tensor { try unary(.isfinite) }

    /// Limits every element to [min, max] (either bound may be omitted, not both).
    public func clamp(min: Float? = nil, max: Float? = nil) throws -> Tensor {
        try Tensor.make("clamp of \(shape)", [self]) {
            sik_clamp(handle, min == nil ? 0 : 1, Double(min ?? 0), max == nil ? 0 : 1, Double(max ?? 0), $0)
        }
    }

    /// `cond ? a : b` element-wise with broadcasting; `cond` must be bool.
    public static func `where`(_ cond: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        try make("where(\(cond.shape), \(a.shape), \(b.shape))", [cond, a, b]) { sik_where(cond.handle, a.handle, 0, b.handle, 0, $0) }
    }

    /// `cond ? a : b` with a scalar `b`.
    public static func `where`(_ cond: Tensor, _ a: Tensor, _ b: Float) throws -> Tensor {
        try make("where(\(cond.shape), \(a.shape), scalar)", [cond, a]) { sik_where(cond.handle, a.handle, 0, nil, Double(b), $0) }
    }

    /// `cond ? a : b` with a scalar `a`.
    public static func `where`(_ cond: Tensor, _ a: Float, _ b: Tensor) throws -> Tensor {
        try make("where(\(cond.shape), scalar, \(b.shape))", [cond, b]) { sik_where(cond.handle, nil, Double(a), b.handle, 0, $0) }
    }

    /// A copy with `value` where the bool `mask` (broadcast to `shape`) is true.
    public func maskedFill(_ mask: Tensor, _ value: Float) throws -> Tensor {
        try Tensor.make("masked_fill of \(shape) by \(mask.shape)", [self, mask]) { sik_masked_fill(handle, mask.handle, Double(value), $0) }
    }

    /// NaN → `nan`, +∞ → `posinf`, −∞ → `neginf` (defaults: the dtype's largest / lowest finite values).
    public func nanToNum(nan: Float = 0, posinf: Float? = nil, neginf: Float? = nil) throws -> Tensor {
        try Tensor.make("nan_to_num of \(shape)", [self]) {
            sik_nan_to_num(handle, Double(nan), posinf == nil ? 0 : 1, Double(posinf ?? 0), neginf == nil ? 0 : 1, Double(neginf ?? 0), $0)
        }
    }

    /// One-hot encoding of int64 class indices: shape + [numClasses], int64.
    public func oneHot(numClasses: Int) throws -> Tensor {
        try Tensor.make("one_hot(\(numClasses)) of \(shape)", [self]) { sik_one_hot(handle, Int64(numClasses), $0) }
    }

    /// Running sum along `dim`.
    public func cumsum(dim: Int) throws -> Tensor {
        try Tensor.make("cumsum(dim \(dim)) of \(shape)", [self]) { sik_cumsum(handle, Int64(dim), $0) }
    }
}
