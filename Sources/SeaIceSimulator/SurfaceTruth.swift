import SeaIceCore

/// Area fractions of one place of the simulated world (each 0…1, summing to 1).
public struct SurfaceFractions: Sendable, Equatable {
    /// Open water.
    public var water: Double
    /// First-year and younger ice (WMO stages new ice … thick first-year ice).
    public var firstYear: Double
    /// Old, second-year and multi-year ice.
    public var multiYear: Double
    /// Land.
    public var land: Double

    /// Fractions as given (callers keep the sum at 1).
    public init(water: Double, firstYear: Double, multiYear: Double, land: Double) {
        self.water = water
        self.firstYear = firstYear
        self.multiYear = multiYear
        self.land = land
    }
}

/// The simulated truth as the coarse sensors (AMSR2, ERA5) see it: area fractions averaged over a cell.
public protocol SurfaceTruth: Sendable {
    /// Fractions averaged over a square cell `cellSize` metres wide centred at (`latitude` °N, `longitude` °E).
    func fractions(latitude: Double, longitude: Double, cellSize: Double) -> SurfaceFractions
    /// `fractions(latitude:longitude:cellSize:)` at many points (element k at point k); truths that project
    /// do it once for all of them.
    func fractions(latitude: [Double], longitude: [Double], cellSize: Double) -> [SurfaceFractions]
}

extension SurfaceTruth {
    /// Point by point.
    public func fractions(latitude: [Double], longitude: [Double], cellSize: Double) -> [SurfaceFractions] {
        zip(latitude, longitude).map { fractions(latitude: $0, longitude: $1, cellSize: cellSize) }
    }
}
