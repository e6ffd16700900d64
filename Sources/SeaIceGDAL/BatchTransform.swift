@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Projects large arrays of points (millions of swath samples) through PROJ: the points are split into
/// `threads` contiguous chunks, each transformed by its own `CoordinateTransform` (a PROJ transformation
/// object is not safe to share between threads), and points PROJ cannot transform, or that are not
/// finite, come back NaN instead of failing the whole batch.
///
/// Coordinates are (x, y) in traditional GIS order (longitude/latitude in degrees, easting/northing in metres).
public final class BatchTransform: @unchecked Sendable {
    /// The system of the input coordinates.
    public let source: SpatialReference
    /// The system of the output coordinates.
    public let target: SpatialReference

    /// A batch transformation from `source` to `target`.
    /// - Throws: `SeaIceError.native` when PROJ finds no transformation between them.
    public init(from source: SpatialReference, to target: SpatialReference) throws {
        self.source = source
        self.target = target
        _ = try CoordinateTransform(from: source, to: target)
    }

    /// Transforms the points in place (NaN where a point is not finite or cannot be transformed).
    public func transform(x: inout [Double], y: inout [Double], threads: Int = 1) throws {
        precondition(x.count == y.count, "x has \(x.count) values, y has \(y.count)")
        let n = x.count
        if n == 0 { return }
        let chunks = max(1, min(threads, n / 65_536 + 1))
        let transforms = try (0..<chunks).map { _ in try CoordinateTransform(from: source, to: target) }
        x.withUnsafeMutableBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                nonisolated(unsafe) let xb = xb, yb = yb
                DispatchQueue.concurrentPerform(iterations: chunks) { k in
                    let lo = n * k / chunks, hi = n * (k + 1) / chunks
                    transforms[k].transformAllowingFailures(x: xb.baseAddress! + lo, y: yb.baseAddress! + lo, count: hi - lo)
                }
            }
        }
    }
}

extension CoordinateTransform {
    /// Transforms `count` points in place; non-finite points and points PROJ rejects become NaN.
    func transformAllowingFailures(x: UnsafeMutablePointer<Double>, y: UnsafeMutablePointer<Double>, count: Int) {
        // No z array (GDAL takes NULL for 2-D points) and the non-finite inputs as a list: millions of points
        // otherwise cost three fresh arrays of page faults.
        var success = [Int32](repeating: 0, count: count)
        var bad: [Int] = []
        for i in 0..<count where !(x[i].isFinite && y[i].isFinite) { x[i] = 0; y[i] = 0; bad.append(i) }
        _ = OCTTransformEx(handle, Int32(count), x, y, nil, &success)
        for i in 0..<count where success[i] == 0 || !(x[i].isFinite && y[i].isFinite) {
            x[i] = .nan
            y[i] = .nan
        }
        for i in bad { x[i] = .nan; y[i] = .nan }
    }
}
