/// A per-pixel label plane of one sample, `size × size` row-major.
public enum LabelPlane: Sendable, Equatable {
    /// Class indices (0…254; 255 = unlabelled by convention) — charts, ice/water masks, ice types.
    case classes([UInt8])
    /// Continuous targets (e.g. concentration 0–1; NaN = unlabelled) — regression maps.
    case values([Float])

    /// Number of pixels.
    public var count: Int {
        switch self {
        case .classes(let v): return v.count
        case .values(let v): return v.count
        }
    }
}

/// One training sample of any system: `C` input planes `P × P`, per-pixel label planes and scalar
/// targets keyed by task name, and per-sample metadata (location, date, incidence angle…).
///
/// Layouts: `inputs` CHW row-major, channel c, row y, column x at `(c·P + y)·P + x`; every label
/// plane P × P row-major. A patch classifier (ten ice types) uses `scalars` (class index as a
/// Double) and P × P inputs; a segmentation network uses `planes`.
public struct DataSample: Sendable, Equatable {
    /// Input channels C.
    public let channels: Int
    /// Patch side P.
    public let size: Int
    /// Inputs, CHW row-major.
    public var inputs: [Float]
    /// Per-pixel labels by task name.
    public var planes: [String: LabelPlane]
    /// Per-sample targets by task name (class index or value).
    public var scalars: [String: Double]
    /// Per-sample metadata by name (units in the name or the system's docs: `latitude` °N,
    /// `longitude` °E, `dayOfYear`, `incidenceAngle` °).
    public var metadata: [String: Double]

    /// A sample; array sizes must match `channels` and `size` (a programmer error otherwise).
    public init(channels: Int, size: Int, inputs: [Float], planes: [String: LabelPlane] = [:],
                scalars: [String: Double] = [:], metadata: [String: Double] = [:]) {
        precondition(inputs.count == channels * size * size, "inputs \(inputs.count) for \(channels) × \(size)²")
        for (name, plane) in planes {
            precondition(plane.count == size * size, "label plane `\(name)` has \(plane.count) pixels for \(size)²")
        }
        self.channels = channels
        self.size = size
        self.inputs = inputs
        self.planes = planes
        self.scalars = scalars
        self.metadata = metadata
    }
}

/// Where samples come from: a dataset of `count` samples addressed by index (scene patches, chart
/// polygons, match-ups). `sample(at:)` may read files; it is called from the prefetch thread.
public protocol SampleDataset: Sendable {
    /// Number of samples.
    var count: Int { get }
    /// Sample `index` (0 ..< count), before augmentation.
    func sample(at index: Int) throws -> DataSample
}
