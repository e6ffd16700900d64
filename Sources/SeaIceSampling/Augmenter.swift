import Foundation
import SeaIceCore

/// The MMSeaIce training augmentations, applied identically to a sample's inputs and labels.
///
/// Order and draws (each augmentation independently with its probability, all from the injected
/// generator): horizontal flip, vertical flip, rotation θ ~ U[lower, upper), scale s ~ U[lower, upper],
/// CutMix. Rotation and scaling are one affine map about the patch centre c = (P − 1)/2 with
/// nearest-neighbour sampling (torchvision's default for `rotate`/`affine`), so labels stay class
/// values and inputs stay aligned with them pixel for pixel: output pixel (y, x) reads source
/// (c + ((y − c)·cos θ + (x − c)·sin θ)/s, c + (−(y − c)·sin θ + (x − c)·cos θ)/s), rounded;
/// θ > 0 turns the content counter-clockwise as displayed (rows down). Uncovered pixels get 0 / 255.
/// CutMix (Yun et al. 2019): λ ~ Beta(1, 1) (= U[0, 1)), a box of side P·√(1 − λ) centred uniformly,
/// clipped to the patch, is replaced in inputs and labels by the same box of a partner sample.
public struct Augmenter: Sendable {
    /// Probabilities and ranges.
    public let configuration: AugmentationConfiguration

    /// An augmenter for `configuration`.
    public init(configuration: AugmentationConfiguration) {
        self.configuration = configuration
    }

    /// Augments `sample` in place; `partner` is called only when CutMix is drawn.
    public func augment(_ sample: inout Sample, using g: inout SeededGenerator,
                        partner: (inout SeededGenerator) throws -> Sample) rethrows {
        let c = configuration
        if g.nextUnitDouble() < c.horizontalFlip { Self.flip(&sample, horizontal: true) }
        if g.nextUnitDouble() < c.verticalFlip { Self.flip(&sample, horizontal: false) }
        var degrees = 0.0, scale = 1.0
        if g.nextUnitDouble() < c.rotation {
            degrees = c.rotationDegrees.lowerBound + g.nextUnitDouble() * (c.rotationDegrees.upperBound - c.rotationDegrees.lowerBound)
        }
        if g.nextUnitDouble() < c.scale {
            scale = c.scaleRange.lowerBound + g.nextUnitDouble() * (c.scaleRange.upperBound - c.scaleRange.lowerBound)
        }
        if degrees != 0 || scale != 1 { Self.affine(&sample, degrees: degrees, scale: scale) }
        if g.nextUnitDouble() < c.cutMix {
            let lambda = g.nextUnitDouble()
            let p = sample.size
            let side = Int(Double(p) * (1 - lambda).squareRoot())
            let cy = Int(g.next() % UInt64(p)), cx = Int(g.next() % UInt64(p))
            let other = try partner(&g)
            Self.paste(from: other, into: &sample,
                       rows: max(cy - side / 2, 0)..<min(cy + side / 2, p),
                       cols: max(cx - side / 2, 0)..<min(cx + side / 2, p))
        }
    }

    /// Reverses columns (`horizontal`) or rows of every plane.
    public static func flip(_ s: inout Sample, horizontal: Bool) {
        let p = s.size
        func apply<T>(_ v: inout [T], planes: Int) {
            for k in 0..<planes {
                let o = k * p * p
                if horizontal {
                    for y in 0..<p { v[(o + y * p)..<(o + y * p + p)].reverse() }
                } else {
                    for y in 0..<(p / 2) {
                        for x in 0..<p { v.swapAt(o + y * p + x, o + (p - 1 - y) * p + x) }
                    }
                }
            }
        }
        apply(&s.inputs, planes: s.channels)
        apply(&s.labels, planes: 3)
    }

    /// Source index of each output pixel under rotation `degrees` and scale `scale` (−1 = outside).
    public static func affineSourceMap(size p: Int, degrees: Double, scale: Double) -> [Int] {
        let t = degrees * Double.pi / 180, cosT = cos(t), sinT = sin(t), c = Double(p - 1) / 2
        var map = [Int](repeating: -1, count: p * p)
        for y in 0..<p {
            let dy = Double(y) - c
            for x in 0..<p {
                let dx = Double(x) - c
                let sy = Int((c + (dy * cosT + dx * sinT) / scale).rounded())
                let sx = Int((c + (-dy * sinT + dx * cosT) / scale).rounded())
                if sy >= 0, sy < p, sx >= 0, sx < p { map[y * p + x] = sy * p + sx }
            }
        }
        return map
    }

    /// Rotates and scales every plane about the centre (nearest), filling 0 / 255.
    public static func affine(_ s: inout Sample, degrees: Double, scale: Double) {
        let p = s.size, plane = p * p
        let map = affineSourceMap(size: p, degrees: degrees, scale: scale)
        func apply<T>(_ v: inout [T], planes: Int, fill: T) {
            var out = v
            v.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    map.withUnsafeBufferPointer { m in
                        for k in 0..<planes {
                            let o = k * plane
                            for i in 0..<plane { dst[o + i] = m[i] >= 0 ? src[o + m[i]] : fill }
                        }
                    }
                }
            }
            v = out
        }
        apply(&s.inputs, planes: s.channels, fill: 0)
        apply(&s.labels, planes: 3, fill: 255)
    }

    /// Copies the box `rows × cols` of every plane of `other` into `s`.
    public static func paste(from other: Sample, into s: inout Sample, rows: Range<Int>, cols: Range<Int>) {
        precondition(other.size == s.size && other.channels == s.channels, "CutMix partner has another shape")
        let p = s.size, plane = p * p
        for k in 0..<s.channels { for y in rows { for x in cols { s.inputs[k * plane + y * p + x] = other.inputs[k * plane + y * p + x] } } }
        for k in 0..<3 { for y in rows { for x in cols { s.labels[k * plane + y * p + x] = other.labels[k * plane + y * p + x] } } }
    }
}
