import SeaIceCore

/// Seeded geometric augmentation applied identically to a sample's input planes and per-pixel
/// labels: horizontal flip, vertical flip and a rotation by a multiple of 90°, each drawn
/// independently (in that order) from the injected generator. Exact on the pixel grid (no
/// resampling), so class labels stay class labels. Scalars and metadata are left unchanged.
public struct PlaneAugmentation: Codable, Sendable, Equatable {
    /// Probability of a left–right flip.
    public var horizontalFlip: Double
    /// Probability of an up–down flip.
    public var verticalFlip: Double
    /// Probability of a rotation by 90°, 180° or 270° (chosen uniformly) counter-clockwise.
    public var rotate90: Double

    /// Probabilities in [0, 1]; all 0 by default (no augmentation).
    public init(horizontalFlip: Double = 0, verticalFlip: Double = 0, rotate90: Double = 0) {
        self.horizontalFlip = horizontalFlip
        self.verticalFlip = verticalFlip
        self.rotate90 = rotate90
    }

    /// Throws naming the first probability outside [0, 1].
    public func validate() throws {
        for (name, p) in [("horizontalFlip", horizontalFlip), ("verticalFlip", verticalFlip), ("rotate90", rotate90)]
        where !(0...1).contains(p) {
            throw SeaIceError.configuration("augmentation.\(name) must be in [0, 1], is \(p)")
        }
    }

    /// Augments `sample` in place with draws from `g` (always three or four draws, so later draws
    /// do not depend on which augmentations fired).
    public func augment(_ sample: inout DataSample, using g: inout SeededGenerator) {
        let h = g.nextUnitDouble() < horizontalFlip
        let v = g.nextUnitDouble() < verticalFlip
        let quarter = g.nextUnitDouble() < rotate90 ? 1 + Int(g.next() % 3) : 0
        guard h || v || quarter > 0 else { return }
        let p = sample.size
        // Source pixel of output pixel (y, x): undo rotation, then flips.
        func source(_ y: Int, _ x: Int) -> Int {
            var (sy, sx) = (y, x)
            for _ in 0..<quarter { (sy, sx) = (sx, p - 1 - sy) }  // counter-clockwise by 90° per turn
            if v { sy = p - 1 - sy }
            if h { sx = p - 1 - sx }
            return sy * p + sx
        }
        let map = (0..<(p * p)).map { source($0 / p, $0 % p) }
        func remap<T>(_ plane: ArraySlice<T>) -> [T] { map.map { plane[plane.startIndex + $0] } }
        var inputs: [Float] = []
        inputs.reserveCapacity(sample.inputs.count)
        for c in 0..<sample.channels { inputs += remap(sample.inputs[(c * p * p)..<((c + 1) * p * p)]) }
        sample.inputs = inputs
        for (name, plane) in sample.planes {
            switch plane {
            case .classes(let a): sample.planes[name] = .classes(remap(a[...]))
            case .values(let a): sample.planes[name] = .values(remap(a[...]))
            }
        }
    }
}
