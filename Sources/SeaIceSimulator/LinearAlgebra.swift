import Foundation

/// The small dense linear algebra the emission fit needs (row-major square matrices as [[Double]]).
enum LinearAlgebra {
    /// Least-squares coefficients β of `y ≈ X β` through the normal equations (X row-major, n × p).
    static func leastSquares(_ x: [[Double]], _ y: [Double]) -> [Double] {
        let p = x[0].count
        var a = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var b = [Double](repeating: 0, count: p)
        for (row, target) in zip(x, y) {
            for i in 0..<p {
                b[i] += row[i] * target
                for j in 0..<p { a[i][j] += row[i] * row[j] }
            }
        }
        return solve(a, b)
    }

    /// Solves A x = b by Gaussian elimination with partial pivoting (A square, non-singular).
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double] {
        var m = a
        var v = b
        let n = v.count
        for c in 0..<n {
            let pivot = (c..<n).max { abs(m[$0][c]) < abs(m[$1][c]) }!
            m.swapAt(c, pivot)
            v.swapAt(c, pivot)
            precondition(abs(m[c][c]) > 1e-300, "singular normal equations at column \(c)")
            for r in (c + 1)..<n where m[r][c] != 0 {
                let f = m[r][c] / m[c][c]
                for k in c..<n { m[r][k] -= f * m[c][k] }
                v[r] -= f * v[c]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = v[r]
            for k in (r + 1)..<n { s -= m[r][k] * x[k] }
            x[r] = s / m[r][r]
        }
        return x
    }

    /// Sample covariance of the rows of `residuals` (n × p).
    static func covariance(_ residuals: [[Double]]) -> [[Double]] {
        let p = residuals[0].count
        let n = Double(max(residuals.count - 1, 1))
        let mean = (0..<p).map { j in residuals.reduce(0) { $0 + $1[j] } / Double(residuals.count) }
        var c = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for r in residuals {
            for i in 0..<p { for j in 0..<p { c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / n } }
        }
        return c
    }

    /// Lower Cholesky factor L (A = L Lᵀ) of a symmetric positive semi-definite matrix; a tiny ridge keeps
    /// near-singular covariances (14 strongly correlated channels) factorable.
    static func cholesky(_ a: [[Double]]) -> [[Double]] {
        let n = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i][j] + (i == j ? 1e-6 : 0)
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                l[i][j] = i == j ? max(s, 1e-12).squareRoot() : s / l[j][j]
            }
        }
        return l
    }
}
