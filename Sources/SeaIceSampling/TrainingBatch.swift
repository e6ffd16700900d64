import SeaIceTensor

/// A batch of training patches: inputs NCHW float32, labels N × 3 × H × W uint8 (SIC, SOD, FLOE; 255 = masked).
public struct TrainingBatch: Sendable, Equatable {
    /// Patches N.
    public let count: Int
    /// Input channels C.
    public let channels: Int
    /// Patch side H = W.
    public let size: Int
    /// Inputs, NCHW row-major: `((n·C + c)·H + y)·W + x`.
    public var inputs: [Float]
    /// Labels, N × 3 × H × W row-major (SIC, SOD, FLOE).
    public var labels: [UInt8]

    /// A batch from samples of equal shape.
    public init(samples: [Sample]) {
        precondition(!samples.isEmpty, "empty batch")
        let first = samples[0]
        precondition(samples.allSatisfy { $0.channels == first.channels && $0.size == first.size }, "samples of different shapes")
        count = samples.count
        channels = first.channels
        size = first.size
        var inputs = [Float](), labels = [UInt8]()
        inputs.reserveCapacity(samples.count * first.inputs.count)
        labels.reserveCapacity(samples.count * first.labels.count)
        for s in samples { inputs += s.inputs; labels += s.labels }
        self.inputs = inputs
        self.labels = labels
    }

    /// Label plane `task` (0 SIC, 1 SOD, 2 FLOE) of every patch, N × H × W row-major.
    public func labels(task: Int) -> [UInt8] {
        precondition((0..<3).contains(task), "task \(task)")
        let plane = size * size
        var out = [UInt8]()
        out.reserveCapacity(count * plane)
        for n in 0..<count {
            let o = (n * 3 + task) * plane
            out += labels[o..<(o + plane)]
        }
        return out
    }
}

extension TrainingBatch {
    /// The inputs as a float32 tensor of shape [N, C, H, W] (NCHW).
    public func inputTensor(device: Device = .cpu) throws -> Tensor {
        try Tensor(inputs, shape: [count, channels, size, size], device: device)
    }

    /// Label plane `task` (0 SIC, 1 SOD, 2 FLOE) as an int64 tensor of shape [N, H, W] (class indices, 255 = ignore),
    /// the layout cross-entropy and masked-MSE targets take.
    public func labelTensor(task: Int, device: Device = .cpu) throws -> Tensor {
        try Tensor(labels(task: task).map { Int64($0) }, shape: [count, size, size], device: device)
    }
}
