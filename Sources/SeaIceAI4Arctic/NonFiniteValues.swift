/// The one rule for non-finite inputs (NaN, ±∞) of AI4Arctic files, shared by the raw → ready conversion,
/// training and inference, so the raw and ready paths mask the same pixels.
///
/// The ready-to-train convention is that a missing input pixel is 0 after scaling (the organisers' NaN → 0)
/// and that SAR that is 0 in both channels is outside the swath (masked in products and labels). A raw
/// file's ±∞ is treated as its NaN; a ready file's NaN or ±∞ (which the conversion never writes) as its 0.
public enum NonFiniteValues {
    /// Replaces every ±∞ of `values` by NaN (raw files, before block reduction and scaling).
    /// - Returns: how many values were infinite (NaN, the raw files' "no data", is not counted).
    @discardableResult
    public static func toNaN(_ values: inout [Float]) -> Int {
        var count = 0
        for i in values.indices where values[i].isInfinite {
            values[i] = .nan
            count += 1
        }
        return count
    }

    /// Replaces every non-finite value of `values` by 0 (ready-to-train files: the value of a missing pixel).
    /// - Returns: how many values were not finite.
    @discardableResult
    public static func toZero(_ values: inout [Float]) -> Int {
        var count = 0
        for i in values.indices where !values[i].isFinite {
            values[i] = 0
            count += 1
        }
        return count
    }
}
