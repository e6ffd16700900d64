import SeaIceModels

/// Network output for one scene on the downscaled grid (row-major `rows × cols`), decoded to classes.
///
/// SIC classes are tenths 0–10 (regression: rounded half to even and clamped to [0, 10]; the reference
/// clamps to 12, a bug noted in ../shared/specs/mmseaice.md); SOD and FLOE are the argmax over the
/// valid classes only (the reference's extra mask logit is never chosen). Probabilities are the
/// softmax over the valid classes, class-major `[class][row][col]`.
public struct DownscaledPrediction: Sendable, Equatable {
    /// Downscaled rows.
    public let rows: Int
    /// Downscaled columns.
    public let cols: Int
    /// SIC class (tenths, 0–10).
    public var sic: [UInt8]
    /// SIC in class-index units before rounding (regression value, or the probability-weighted class).
    public var sicValue: [Float]
    /// SIC standard deviation in class-index units (classification head only: spread of the class
    /// distribution); nil for the regression head.
    public var sicSpread: [Float]?
    /// SOD class 0–5.
    public var sod: [UInt8]
    /// FLOE class 0–6.
    public var floe: [UInt8]
    /// SOD probabilities, 6 × rows × cols.
    public var sodProbabilities: [Float]
    /// FLOE probabilities, 7 × rows × cols.
    public var floeProbabilities: [Float]

    /// An all-zero prediction of the given size (filled by `OutputDecoder`).
    public init(rows: Int, cols: Int, withSpread: Bool) {
        let n = rows * cols
        self.rows = rows
        self.cols = cols
        sic = [UInt8](repeating: 0, count: n)
        sicValue = [Float](repeating: 0, count: n)
        sicSpread = withSpread ? [Float](repeating: 0, count: n) : nil
        sod = [UInt8](repeating: 0, count: n)
        floe = [UInt8](repeating: 0, count: n)
        sodProbabilities = [Float](repeating: 0, count: n * UNetConfiguration.validSODClasses)
        floeProbabilities = [Float](repeating: 0, count: n * UNetConfiguration.validFLOEClasses)
    }
}
