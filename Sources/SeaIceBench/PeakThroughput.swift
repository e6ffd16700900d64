import Foundation
import SeaIceTensor

/// The CPU's measured peak float32 throughput: the best of several large libtorch matrix
/// products (2·n³ floating-point operations each) on the current thread setting.
public enum PeakThroughput {
    /// Best GFLOP/s over `repeats` products of two n × n float32 matrices (after one warm-up).
    public static func matmulGFLOPs(n: Int = 2048, repeats: Int = 5) throws -> Double {
        let a = try Tensor.full([n, n], value: 0.5)
        let b = try Tensor.full([n, n], value: 0.25)
        _ = try a.matmul(b)
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            let c = try a.matmul(b)
            _ = c.count
            best = min(best, seconds(ContinuousClock.now - start))
        }
        return 2 * pow(Double(n), 3) / best / 1e9
    }

    /// A duration in seconds.
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
