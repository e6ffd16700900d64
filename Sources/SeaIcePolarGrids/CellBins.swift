import Foundation

/// Samples sorted by the grid cell their projected position falls in (a counting sort), over the grid
/// widened by `margin` cells on every side so that samples just outside still reach the edge cells.
struct CellBins: Sendable {
    /// Width and height of the widened grid, and the margin.
    let width: Int, height: Int, margin: Int
    /// Start of each bin in `order` (bins + 1 entries).
    let starts: [Int32]
    /// Sample indices, bin by bin, in sample order within a bin.
    let order: [Int32]

    /// Bins of the samples at projected (`x`, `y`) (metres; NaN = none) on `grid` widened by `margin`.
    init(grid: PolarStereographicGrid, x: [Double], y: [Double], margin: Int) {
        self.margin = margin
        width = grid.width + 2 * margin
        height = grid.height + 2 * margin
        let binCount = width * height
        var bin = [Int32](repeating: -1, count: x.count)
        var counts = [Int32](repeating: 0, count: binCount + 1)
        let x0 = PolarStereographicGrid.minX, y0 = PolarStereographicGrid.maxY, d = grid.cellSize
        let n = x.count, w = width, h = height, m = Double(margin), parts = 2
        // The bin of each sample in parallel (the divisions), then the counting sort in one pass.
        bin.withUnsafeMutableBufferPointer { bb in
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    nonisolated(unsafe) let bb = bb, xb = xb, yb = yb
                    DispatchQueue.concurrentPerform(iterations: parts) { t in
                        for i in (n * t / parts)..<(n * (t + 1) / parts) where xb[i].isFinite && yb[i].isFinite {
                            let c = ((xb[i] - x0) / d).rounded(.down) + m
                            let r = ((y0 - yb[i]) / d).rounded(.down) + m
                            guard c >= 0, r >= 0, c < Double(w), r < Double(h) else { continue }
                            bb[i] = Int32(Int(r) * w + Int(c))
                        }
                    }
                }
            }
        }
        for b in bin where b >= 0 { counts[Int(b) + 1] += 1 }
        for b in 0..<binCount { counts[b + 1] += counts[b] }
        var fill = counts
        var order = [Int32](repeating: 0, count: Int(counts[binCount]))
        for i in 0..<x.count where bin[i] >= 0 {
            let b = Int(bin[i])
            order[Int(fill[b])] = Int32(i)
            fill[b] += 1
        }
        starts = counts
        self.order = order
    }

    /// The bin of grid cell (`row`, `column`) (which may lie in the margin), −1 outside the widened grid.
    @inline(__always)
    func bin(row: Int, column: Int) -> Int {
        let r = row + margin, c = column + margin
        return r >= 0 && c >= 0 && r < height && c < width ? r * width + c : -1
    }

    /// The samples of bin `b` (none for −1).
    @inline(__always)
    func samples(in b: Int) -> ArraySlice<Int32> {
        b < 0 ? [] : order[Int(starts[b])..<Int(starts[b + 1])]
    }

    /// The row-major indices of the cells of `grid` (the grid these bins were made for) whose window of
    /// bins (the cell's bin ± `margin` in both directions) holds at least one sample, ascending.
    func cellsWithCandidates(grid: PolarStereographicGrid) -> [Int] {
        // Summed-area table of the bin counts over the widened grid: the samples in a window in O(1).
        let w = width + 1
        var table = [Int32](repeating: 0, count: w * (height + 1))
        for r in 0..<height {
            var row: Int32 = 0
            for c in 0..<width {
                row += starts[r * width + c + 1] - starts[r * width + c]
                table[(r + 1) * w + c + 1] = table[r * w + c + 1] + row
            }
        }
        var cells: [Int] = []
        let span = 2 * margin + 1
        for r in 0..<grid.height {
            for c in 0..<grid.width {
                // Window rows r … r + span − 1 and columns c … c + span − 1 of the widened grid.
                let n = table[(r + span) * w + c + span] - table[r * w + c + span] - table[(r + span) * w + c] + table[r * w + c]
                if n > 0 { cells.append(r * grid.width + c) }
            }
        }
        return cells
    }
}
