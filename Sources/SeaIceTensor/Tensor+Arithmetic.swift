import CTorchBridge
import SeaIceCore

/// Element-wise binary operations with broadcasting and PyTorch's type promotion.
///
/// Operators throw on shapes that do not broadcast (`try a + b`). A `Float` operand behaves
/// like a Python number: `int64 tensor * 0.5` is float32.
extension Tensor {
    /// Operations of `sik_binary`.
    enum BinaryOp {
        case add, sub, mul, div, pow, eq, ne, lt, le, gt, ge, logicalAnd, logicalOr, maximum, minimum, matmul, bmm, atan2

        /// The bridge's `SIK_BINARY_*` code.
        var code: Int32 {
            let c: Int
            switch self {
            case .add: c = SIK_BINARY_ADD
            case .sub: c = SIK_BINARY_SUB
            case .mul: c = SIK_BINARY_MUL
            case .div: c = SIK_BINARY_DIV
            case .pow: c = SIK_BINARY_POW
            case .eq: c = SIK_BINARY_EQ
            case .ne: c = SIK_BINARY_NE
            case .lt: c = SIK_BINARY_LT
            case .le: c = SIK_BINARY_LE
            case .gt: c = SIK_BINARY_GT
            case .ge: c = SIK_BINARY_GE
            case .logicalAnd: c = SIK_BINARY_LOGICAL_AND
            case .logicalOr: c = SIK_BINARY_LOGICAL_OR
            case .maximum: c = SIK_BINARY_MAXIMUM
            case .minimum: c = SIK_BINARY_MINIMUM
            case .matmul: c = SIK_BINARY_MATMUL
            case .bmm: c = SIK_BINARY_BMM
            case .atan2: c = SIK_BINARY_ATAN2
            }
            return Int32(c)
        }
    }

    func binary(_ op: BinaryOp, _ other: Tensor) throws -> Tensor {
        try Tensor.make("\(op) of \(shape) and \(other.shape)", [self, other]) { sik_binary(op.code, handle, other.handle, $0) }
    }

    func binary(_ op: BinaryOp, _ scalar: Float, scalarFirst: Bool = false) throws -> Tensor {
        try Tensor.make("\(op) of \(shape) and a scalar", [self]) {
            sik_binary_scalar(op.code, handle, Double(scalar), scalarFirst ? 1 : 0, $0)
        }
    }

    /// Element-wise sum.
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.binary(.add, rhs) }
    /// Element-wise difference.
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.binary(.sub, rhs) }
    /// Element-wise product.
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.binary(.mul, rhs) }
    /// Element-wise true division (integers give floats).
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.binary(.div, rhs) }

    /// Adds a scalar to every element.
    public static func + (lhs: Tensor, rhs: Float) throws -> Tensor { try lhs.binary(.add, rhs) }
    /// Subtracts a scalar from every element.
    public static func - (lhs: Tensor, rhs: Float) throws -> Tensor { try lhs.binary(.sub, rhs) }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Tensor, rhs: Float) throws -> Tensor { try lhs.binary(.mul, rhs) }
    /// Divides every element by a scalar.
    public static func / (lhs: Tensor, rhs: Float) throws -> Tensor { try lhs.binary(.div, rhs) }

    /// `s + t`.
    public static func + (lhs: Float, rhs: Tensor) throws -> Tensor { try rhs.binary(.add, lhs, scalarFirst: true) }
    /// `s − t`.
    public static func - (lhs: Float, rhs: Tensor) throws -> Tensor { try rhs.binary(.sub, lhs, scalarFirst: true) }
    /// `s · t`.
    public static func * (lhs: Float, rhs: Tensor) throws -> Tensor { try rhs.binary(.mul, lhs, scalarFirst: true) }
    /// `s / t`.
    public static func / (lhs: Float, rhs: Tensor) throws -> Tensor { try rhs.binary(.div, lhs, scalarFirst: true) }

    /// Negation.
    public static prefix func - (x: Tensor) throws -> Tensor { try x.unary(.neg) }

    /// `self ^ exponent` element-wise.
    public func pow(_ exponent: Float) throws -> Tensor { try binary(.pow, exponent) }
    /// `self ^ exponent` element-wise with a tensor exponent.
    public func pow(_ exponent: Tensor) throws -> Tensor { try binary(.pow, exponent) }
    /// Element-wise maximum of two tensors.
    public func maximum(_ other: Tensor) throws -> Tensor { try binary(.maximum, other) }
    /// Element-wise minimum of two tensors.
    public func minimum(_ other: Tensor) throws -> Tensor { try binary(.minimum, other) }
    /// Four-quadrant arctangent `atan2(self, other)` in radians.
    public func atan2(_ other: Tensor) throws -> Tensor { try binary(.atan2, other) }

    /// Matrix product with PyTorch's `matmul` broadcasting (1-D, 2-D and batched operands).
    public func matmul(_ other: Tensor) throws -> Tensor { try binary(.matmul, other) }
    /// Batched matrix product of [B, n, m] and [B, m, p] → [B, n, p].
    public func bmm(_ other: Tensor) throws -> Tensor { try binary(.bmm, other) }

    // MARK: comparisons (bool results)

    /// `self == other` element-wise.
    public func eq(_ other: Tensor) throws -> Tensor { try binary(.eq, other) }
    /// `self != other` element-wise.
    public func ne(_ other: Tensor) throws -> Tensor { try binary(.ne, other) }
    /// `self < other` element-wise.
    public func lt(_ other: Tensor) throws -> Tensor { try binary(.lt, other) }
    /// `self <= other` element-wise.
    public func le(_ other: Tensor) throws -> Tensor { try binary(.le, other) }
    /// `self > other` element-wise.
    public func gt(_ other: Tensor) throws -> Tensor { try binary(.gt, other) }
    /// `self >= other` element-wise.
    public func ge(_ other: Tensor) throws -> Tensor { try binary(.ge, other) }
    /// `self == value` element-wise.
    public func eq(_ value: Float) throws -> Tensor { try binary(.eq, value) }
    /// `self != value` element-wise.
    public func ne(_ value: Float) throws -> Tensor { try binary(.ne, value) }
    /// `self < value` element-wise.
    public func lt(_ value: Float) throws -> Tensor { try binary(.lt, value) }
    /// `self <= value` element-wise.
    public func le(_ value: Float) throws -> Tensor { try binary(.le, value) }
    /// `self > value` element-wise.
    public func gt(_ value: Float) throws -> Tensor { try binary(.gt, value) }
    /// `self >= value` element-wise.
    public func ge(_ value: Float) throws -> Tensor { try binary(.ge, value) }

    /// Element-wise logical and (non-zero = true), bool result.
    public func logicalAnd(_ other: Tensor) throws -> Tensor { try binary(.logicalAnd, other) }
    /// Element-wise logical or (non-zero = true), bool result.
    public func logicalOr(_ other: Tensor) throws -> Tensor { try binary(.logicalOr, other) }
}
