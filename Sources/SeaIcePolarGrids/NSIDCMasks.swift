import Foundation
import SeaIceCore

/// Land and pole-hole masks of the NSIDC 25 km north grid, read from NSIDC's own mask files
/// (`../shared/data/nsidc-polarstereo/masks`, from github nsidc/polar_stereo; MIT licence) and carried to
/// the finer grids by nearest neighbour (each finer cell takes the 25 km cell that contains it, exact
/// because the grids nest).
///
/// Binary layout of `gsfc_25n.msk` and `pole_n.msk`: 136 192 bytes = 448 rows × 304 columns of uint8, no
/// header, row-major with row 0 the northern edge of the grid (the same order as `psn25lats_v3.dat`).
/// `gsfc_25n.msk`: 1 = land, 0 = ocean (GSFC land mask of NSIDC-0051). `pole_n.msk`: 0 = observed,
/// 1 = the SSM/I pole hole (468 cells, poleward of about 87.2° N), 2 = the further cells of the larger SMMR
/// pole hole (1 331 cells, to about 84.5° N).
public struct NSIDCMasks: Sendable, Equatable {
    /// Which pole hole to mask.
    public enum PoleHole: String, Sendable, Codable, CaseIterable {
        /// No pole hole (AMSR2 observes to about 89.5° N; cells without observations are flagged anyway).
        case none
        /// The SSM/I pole hole of NSIDC-0051 (`pole_n.msk` value 1).
        case ssmi
        /// The SMMR pole hole (`pole_n.msk` values 1 and 2).
        case smmr
    }

    /// The grid the masks are on.
    public let grid: PolarStereographicGrid
    /// Land cells, row-major over `grid`.
    public let land: [Bool]
    /// Pole-hole cells, row-major over `grid`.
    public let poleHole: [Bool]

    /// Masks on `grid` from the NSIDC files `landFile` (`gsfc_25n.msk`) and `poleFile` (`pole_n.msk`).
    /// - Throws: `SeaIceError.invalidInput` naming the file when it is not 136 192 bytes or holds values
    ///   other than the documented ones.
    public init(grid: PolarStereographicGrid, landFile: URL, poleFile: URL, poleHole: PoleHole) throws {
        let land25 = try Self.read(landFile, allowed: [0, 1])
        let pole25 = try Self.read(poleFile, allowed: [0, 1, 2])
        self.grid = grid
        land = Self.refine(land25.map { $0 == 1 }, to: grid)
        let hole: (UInt8) -> Bool = {
            switch poleHole {
            case .none: return false
            case .ssmi: return $0 == 1
            case .smmr: return $0 != 0
            }
        }
        self.poleHole = Self.refine(pole25.map(hole), to: grid)
    }

    /// Masks from the files in `folder` (the `masks` folder of nsidc-polarstereo).
    public init(grid: PolarStereographicGrid, folder: URL, poleHole: PoleHole) throws {
        try self.init(grid: grid, landFile: folder.appendingPathComponent("gsfc_25n.msk"),
                      poleFile: folder.appendingPathComponent("pole_n.msk"), poleHole: poleHole)
    }

    /// The 25 km grid's size: 448 rows × 304 columns.
    public static let rows25 = 448, columns25 = 304

    /// The bytes of a 448 × 304 uint8 mask file.
    static func read(_ url: URL, allowed: Set<UInt8>) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SeaIceError.missing(file: url.path, item: "NSIDC 25 km mask file")
        }
        guard data.count == rows25 * columns25 else {
            throw SeaIceError.invalidInput(file: url.path, item: "file size \(data.count) bytes",
                                           expected: "\(rows25 * columns25) bytes (448 × 304 uint8, no header)")
        }
        let bytes = [UInt8](data)
        if let bad = bytes.first(where: { !allowed.contains($0) }) {
            throw SeaIceError.invalidInput(file: url.path, item: "mask value \(bad)",
                                           expected: "values \(allowed.sorted())")
        }
        return bytes
    }

    /// A 25 km mask carried to `grid` (nearest: the 25 km cell containing each cell).
    static func refine(_ mask25: [Bool], to grid: PolarStereographicGrid) -> [Bool] {
        let k = grid.resolution.cellsPer25km
        return (0..<grid.count).map { i in mask25[(i / grid.width / k) * columns25 + (i % grid.width) / k] }
    }
}
