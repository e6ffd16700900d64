import Foundation

/// The NSIDC 25 km north polar-stereographic grid (EPSG:3411): 448 rows × 304 columns, row 0 the northern
/// edge, cell (0, 0) centred at x = −3 837 500 m, y = 5 837 500 m (NSIDC-0051/0081/0802; the real latitudes
/// and longitudes of `nsidc-polarstereo/grids/psn25lats_v3.dat` put their centres there, checked in a test).
public struct NSIDCNorthGrid: Sendable, Equatable {
    /// Rows (y) and columns (x).
    public static let rows = 448, columns = 304
    /// Cell size, m.
    public static let cellSize = 25_000.0
    /// Left and top edges of the grid, m (EPSG:3411).
    public static let left = -3_850_000.0, top = 5_850_000.0
    /// The projection.
    public static let projection = PolarStereographic.epsg3411

    /// Cell-centre x of column `j`, m.
    public static func x(_ j: Int) -> Double { left + (Double(j) + 0.5) * cellSize }
    /// Cell-centre y of row `i`, m (decreasing with `i`).
    public static func y(_ i: Int) -> Double { top - (Double(i) + 0.5) * cellSize }

    /// Row and column of the cell holding (x, y) metres, nil outside the grid.
    public static func cell(x: Double, y: Double) -> (row: Int, column: Int)? {
        let c = ((x - left) / cellSize).rounded(.down)
        let r = ((top - y) / cellSize).rounded(.down)
        guard c >= 0, r >= 0, c < Double(columns), r < Double(rows) else { return nil }
        return (Int(r), Int(c))
    }

    /// Latitude and longitude (degrees) of the centre of cell (`row`, `column`).
    public static func location(row: Int, column: Int) -> (latitude: Double, longitude: Double) {
        projection.inverse(x: x(column), y: y(row))
    }

    /// Box average of a row-major 448 × 304 `field` over the square `side` metres wide centred at (x, y)
    /// (area-weighted overlap of the 25 km cells; nil where the box misses the grid).
    static func boxMean(_ field: [Double], x: Double, y: Double, side: Double) -> Double? {
        let half = max(side, 1) / 2
        let c0 = (x - half - left) / cellSize
        let c1 = (x + half - left) / cellSize
        let r0 = (top - (y + half)) / cellSize
        let r1 = (top - (y - half)) / cellSize
        let jLow = max(0, Int(c0.rounded(.down)))
        let jHigh = min(columns - 1, Int(c1.rounded(.down)))
        let iLow = max(0, Int(r0.rounded(.down)))
        let iHigh = min(rows - 1, Int(r1.rounded(.down)))
        guard jLow <= jHigh, iLow <= iHigh else { return nil }
        var sum = 0.0
        var weight = 0.0
        for i in iLow...iHigh {
            let wy = min(r1, Double(i + 1)) - max(r0, Double(i))
            if wy <= 0 { continue }
            for j in jLow...jHigh {
                let wx = min(c1, Double(j + 1)) - max(c0, Double(j))
                if wx <= 0 { continue }
                sum += wx * wy * field[i * columns + j]
                weight += wx * wy
            }
        }
        return weight > 0 ? sum / weight : nil
    }
}
