/// The water-consistency metric of the AutoICE winners, accumulated in streaming form.
///
/// echonax07/MMSeaIce `functions.water_edge_metric`: with w = (prediction > 0) for each chart,
///
///     consistency = 1 − mean(|w_SIC − w_SOD| + |w_SOD − w_FLOE| + |w_FLOE − w_SIC|)
///
/// over the pixels with valid SAR. The evaluator has no SAR, so a pixel counts when all three
/// predictions are not the mask value 255 (the predictor writes 255 where SAR is invalid).
/// Each term of the sum is 0 or 2 per pixel, so the value lies in [−1, 1]; 1 means the three
/// charts agree everywhere on water versus ice.
public struct WaterConsistency: Equatable, Sendable, Codable {
    /// Number of pixels counted.
    public private(set) var pixels: Int64 = 0
    /// Σ over pixels of |w_SIC − w_SOD| + |w_SOD − w_FLOE| + |w_FLOE − w_SIC|.
    public private(set) var disagreement: Int64 = 0

    /// An empty accumulator.
    public init() {}

    /// Adds the pixels of one block: SIC, SOD and FLOE predictions in the same pixel order.
    public mutating func accumulate(sic: UnsafeBufferPointer<UInt8>, sod: UnsafeBufferPointer<UInt8>, floe: UnsafeBufferPointer<UInt8>) {
        precondition(sic.count == sod.count && sod.count == floe.count,
                     "block sizes differ: SIC \(sic.count), SOD \(sod.count), FLOE \(floe.count)")
        var n: Int64 = 0, d: Int64 = 0
        for i in 0..<sic.count {
            let a = sic[i], b = sod[i], c = floe[i]
            if a == Chart.maskValue || b == Chart.maskValue || c == Chart.maskValue { continue }
            let wa = a > 0, wb = b > 0, wc = c > 0
            n += 1
            // |wa − wb| + |wb − wc| + |wc − wa| is 0 when all agree, else 2.
            if wa != wb || wb != wc { d += 2 }
        }
        pixels += n
        disagreement += d
    }

    /// Array form of `accumulate(sic:sod:floe:)`.
    public mutating func accumulate(sic: [UInt8], sod: [UInt8], floe: [UInt8]) {
        sic.withUnsafeBufferPointer { a in
            sod.withUnsafeBufferPointer { b in
                floe.withUnsafeBufferPointer { c in accumulate(sic: a, sod: b, floe: c) }
            }
        }
    }

    /// Adds another accumulator's pixels (pooling scenes).
    public mutating func merge(_ other: WaterConsistency) {
        pixels += other.pixels
        disagreement += other.disagreement
    }

    /// The consistency (fraction, at most 1); NaN when no pixel was counted.
    public var value: Double {
        pixels == 0 ? .nan : 1 - Double(disagreement) / Double(pixels)
    }
}
