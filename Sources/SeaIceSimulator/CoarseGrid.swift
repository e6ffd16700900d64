/// The 2 km grid of the AI4Arctic files (AMSR2 and ERA5), laid over the simulated SAR image.
///
/// One cell is c × c pixels with c = 2000 m / pixel spacing (50 at 40 m, 25 at 80 m); the grid
/// has ⌊lines / c⌋ × ⌊samples / c⌋ cells (at least one), as in the released files (the partial
/// strip at the bottom/right edge has no cell of its own).
public struct CoarseGrid: Sendable, Equatable {
    /// Cells along lines and samples.
    public let lines: Int, samples: Int
    /// Cell size, km.
    public let cellKm: Double
    /// SAR pixels per cell side.
    public let pixelsPerCell: Int

    /// The grid over a SAR image of `sarLines × sarSamples` pixels of `pixelSpacing` m (a divisor of 2000).
    public init(sarLines: Int, sarSamples: Int, pixelSpacing: Int) {
        precondition(pixelSpacing > 0 && 2000 % pixelSpacing == 0, "pixel spacing \(pixelSpacing) m does not divide 2000 m")
        cellKm = 2
        pixelsPerCell = 2000 / pixelSpacing
        lines = max(1, sarLines / pixelsPerCell)
        samples = max(1, sarSamples / pixelsPerCell)
    }

    /// SAR pixels per cell (as Double) along lines and samples.
    public var pixelsPerCellLine: Double { Double(pixelsPerCell) }
    /// SAR pixels per cell along samples.
    public var pixelsPerCellSample: Double { Double(pixelsPerCell) }

    /// The cell holding SAR pixel (i, j) (edge-strip pixels go to the last cell).
    @inline(__always)
    public func cell(line i: Int, sample j: Int) -> (Int, Int) {
        (min(i / pixelsPerCell, lines - 1), min(j / pixelsPerCell, samples - 1))
    }

    /// Bilinear value of a cell field (row-major) at SAR pixel (i, j), cell centres as nodes.
    public func sample(_ field: [Double], line i: Int, sample j: Int) -> Double {
        let y = min(max((Double(i) + 0.5) / pixelsPerCellLine - 0.5, 0), Double(lines - 1))
        let x = min(max((Double(j) + 0.5) / pixelsPerCellSample - 0.5, 0), Double(samples - 1))
        let y0 = Int(y), x0 = Int(x), y1 = min(y0 + 1, lines - 1), x1 = min(x0 + 1, samples - 1)
        let u = y - Double(y0), v = x - Double(x0)
        let a = field[y0 * samples + x0], b = field[y0 * samples + x1]
        let c = field[y1 * samples + x0], d = field[y1 * samples + x1]
        return (a * (1 - v) + b * v) * (1 - u) + (c * (1 - v) + d * v) * u
    }

    /// Separable Gaussian smoothing of a cell field with standard deviations in km (edges renormalised).
    public func gaussian(_ field: [Double], sigmaLineKm: Double, sigmaSampleKm: Double) -> [Double] {
        func kernel(_ sigmaCells: Double) -> [Double] {
            guard sigmaCells > 0.3 else { return [1] }
            let r = Int((3 * sigmaCells).rounded(.up))
            return (-r...r).map { exp(-0.5 * Double($0 * $0) / (sigmaCells * sigmaCells)) }
        }
        let kl = kernel(sigmaLineKm / cellKm), ks = kernel(sigmaSampleKm / cellKm)
        let rl = kl.count / 2, rs = ks.count / 2
        var tmp = [Double](repeating: 0, count: field.count), out = tmp
        for y in 0..<lines {
            for x in 0..<samples {
                var s = 0.0, w = 0.0
                for k in -rs...rs where x + k >= 0 && x + k < samples {
                    s += ks[k + rs] * field[y * samples + x + k]; w += ks[k + rs]
                }
                tmp[y * samples + x] = s / w
            }
        }
        for y in 0..<lines {
            for x in 0..<samples {
                var s = 0.0, w = 0.0
                for k in -rl...rl where y + k >= 0 && y + k < lines {
                    s += kl[k + rl] * tmp[(y + k) * samples + x]; w += kl[k + rl]
                }
                out[y * samples + x] = s / w
            }
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
