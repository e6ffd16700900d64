/// One training patch: inputs `C × P × P` and labels `3 × P × P` (SIC, SOD, FLOE), both CHW row-major.
public struct Sample: Sendable, Equatable {
    /// Number of input channels C.
    public let channels: Int
    /// Patch side P.
    public let size: Int
    /// Inputs, CHW: channel c, row y, column x at `(c·P + y)·P + x`. Fill value 0.
    public var inputs: [Float]
    /// Labels, CHW with channels SIC, SOD, FLOE. Fill value 255.
    public var labels: [UInt8]

    /// An all-fill sample (inputs 0, labels 255).
    public init(channels: Int, size: Int) {
        self.channels = channels
        self.size = size
        inputs = [Float](repeating: 0, count: channels * size * size)
        labels = [UInt8](repeating: 255, count: 3 * size * size)
    }

    /// A sample from explicit arrays.
    public init(channels: Int, size: Int, inputs: [Float], labels: [UInt8]) {
        precondition(inputs.count == channels * size * size && labels.count == 3 * size * size,
                     "sample arrays \(inputs.count), \(labels.count) for \(channels) × \(size)²")
        self.channels = channels
        self.size = size
        self.inputs = inputs
        self.labels = labels
    }

    /// Valid (≠ 255) SIC pixels.
    public var validSICCount: Int { labels[0..<(size * size)].reduce(0) { $0 + ($1 != 255 ? 1 : 0) } }
}
