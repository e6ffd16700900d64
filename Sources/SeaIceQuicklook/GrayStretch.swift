import SeaIceClasses

/// A linear grey stretch of a float raster (e.g. σ⁰ in dB) onto 0…255.
///
/// Values at or below `low` are black, at or above `high` white; NaN and ±∞ take `invalidColor`.
public struct GrayStretch: Sendable, Equatable {
    /// Value mapped to black and to white (same unit as the data, e.g. dB).
    public var low: Float, high: Float
    /// Colour of non-finite values.
    public var invalidColor: RGB

    /// A stretch from `low` to `high`.
    public init(low: Float, high: Float, invalidColor: RGB = RGB(60, 60, 60)) {
        precondition(high > low, "grey stretch needs high > low, got \(low)…\(high)")
        self.low = low; self.high = high; self.invalidColor = invalidColor
    }

    /// The stretch between the `lower` and `upper` percentiles (0…100) of the finite values;
    /// nil when there are none or they are all equal.
    public static func percentiles(_ values: [Float], lower: Double = 2, upper: Double = 98) -> GrayStretch? {
        var finite = values.filter { $0.isFinite }
        guard !finite.isEmpty else { return nil }
        finite.sort()
        func at(_ p: Double) -> Float { finite[min(finite.count - 1, max(0, Int(p / 100 * Double(finite.count - 1))))] }
        let lo = at(lower), hi = at(upper)
        return hi > lo ? GrayStretch(low: lo, high: hi) : nil
    }

    /// Fixed dB stretches of the Sentinel-1 EW quick-looks: HH −30…−5 dB, HV −35…−15 dB.
    public static let hhDB = GrayStretch(low: -30, high: -5)
    /// HV stretch, dB.
    public static let hvDB = GrayStretch(low: -35, high: -15)

    /// The grey level of one value.
    @inline(__always)
    public func level(_ v: Float) -> UInt8 {
        let t = (v - low) / (high - low)
        return UInt8(max(0, min(255, (t * 255).rounded())))
    }

    /// Renders a row-major raster of `width × height`.
    public func render(_ values: [Float], width: Int, height: Int) -> RGBImage {
        precondition(values.count == width * height, "raster has \(values.count) values, expected \(width) × \(height)")
        var image = RGBImage(width: width, height: height)
        for k in values.indices {
            let v = values[k]
            let c = v.isFinite ? RGB(gray: level(v)) : invalidColor
            image.pixels[3 * k] = c.r; image.pixels[3 * k + 1] = c.g; image.pixels[3 * k + 2] = c.b
        }
        return image
    }
}

/// Reduction of large rasters to picture size.
public enum Downsample {
    /// The integer factor that brings `width × height` within `maxSide` pixels on the longer side.
    public static func factor(width: Int, height: Int, maxSide: Int) -> Int {
        max(1, (max(width, height) + maxSide - 1) / maxSide)
    }

    /// Block mean of finite values over `factor × factor` blocks (NaN where a block has none).
    /// For dB data this averages dB, which is what a display wants.
    public static func mean(_ x: [Float], width: Int, height: Int, factor f: Int) -> (values: [Float], width: Int, height: Int) {
        let w = (width + f - 1) / f, h = (height + f - 1) / f
        var out = [Float](repeating: .nan, count: w * h)
        for by in 0..<h {
            for bx in 0..<w {
                var s: Float = 0, n = 0
                for y in (by * f)..<min(height, (by + 1) * f) {
                    for xx in (bx * f)..<min(width, (bx + 1) * f) {
                        let v = x[y * width + xx]
                        if v.isFinite { s += v; n += 1 }
                    }
                }
                if n > 0 { out[by * w + bx] = s / Float(n) }
            }
        }
        return (out, w, h)
    }

    /// Most frequent class in each `factor × factor` block (ties: the smaller value).
    public static func mode(_ x: [UInt8], width: Int, height: Int, factor f: Int) -> (values: [UInt8], width: Int, height: Int) {
        let w = (width + f - 1) / f, h = (height + f - 1) / f
        var out = [UInt8](repeating: 255, count: w * h)
        var counts = [Int](repeating: 0, count: 256)
        for by in 0..<h {
            for bx in 0..<w {
                for i in counts.indices { counts[i] = 0 }
                for y in (by * f)..<min(height, (by + 1) * f) {
                    for xx in (bx * f)..<min(width, (bx + 1) * f) { counts[Int(x[y * width + xx])] += 1 }
                }
                var best = 0
                for v in 1..<256 where counts[v] > counts[best] { best = v }
                out[by * w + bx] = UInt8(best)
            }
        }
        return (out, w, h)
    }
}
