/// A rectangular window of a 2-D grid, in pixels: rows `row ..< row + rows`, columns `col ..< col + cols`
/// (a netCDF read window, a tile of the tiling engine).
public struct GridWindow: Sendable, Hashable, Codable {
    /// First row.
    public var row: Int
    /// First column.
    public var col: Int
    /// Number of rows.
    public var rows: Int
    /// Number of columns.
    public var cols: Int

    /// The window of `rows × cols` pixels whose top-left pixel is (row, col).
    public init(row: Int, col: Int, rows: Int, cols: Int) {
        self.row = row
        self.col = col
        self.rows = rows
        self.cols = cols
    }
}
