import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore

/// The optional AMSR2 and ERA5 files of `seaice preprocess --amsr2 FILE --era5 FILE`, put on the scene's 2 km grid.
///
/// The 2 km grid has one cell per `round(2000 m / pixelSpacing)` output pixels along each axis (the last cell may be
/// partial), as the `2km_grid_lines × 2km_grid_samples` dimensions of the written scene. Cell centres and the local
/// image-axis directions come from the scene's 21 × 21 tie points (bilinear, linearly extrapolated at the edges);
/// the ERA5 time step is the one nearest to the middle of the acquisition (start/stop times of the product name).
public struct AuxiliaryInputs: Sendable {
    /// AMSR2 L1R/L1B swath file (HDF5 or netCDF-4), nil = none.
    public var amsr2: URL?
    /// ERA5 single-levels netCDF file, nil = none.
    public var era5: URL?
    /// AMSR2 resolution and resampling choices.
    public var amsr2Configuration: AMSR2Configuration

    /// Inputs (none by default).
    public init(amsr2: URL? = nil, era5: URL? = nil, amsr2Configuration: AMSR2Configuration = AMSR2Configuration()) {
        self.amsr2 = amsr2
        self.era5 = era5
        self.amsr2Configuration = amsr2Configuration
    }

    /// Whether any file was given.
    public var isRequested: Bool { amsr2 != nil || era5 != nil }

    /// Output pixels per 2 km cell along each axis for a grid of `pixelSpacing` metres.
    public static func pixelsPerCell(pixelSpacing: Double) -> Int { max(1, Int((2000 / pixelSpacing).rounded())) }

    /// The 2 km grid of `scene` with cell-centre positions and image-axis directions.
    /// - Throws: `SeaIceError.invalidInput` when the scene's tie points are not a complete grid.
    public static func grid(for scene: AnalysisReadyScene) throws -> AuxiliaryGrid {
        let cell = Double(pixelsPerCell(pixelSpacing: scene.pixelSpacing))
        let ties = try Sentinel1GeolocationGrid(points: scene.tiePoints, file: scene.productName)
        let n = Int(cell)
        // Tie-point coordinates are full-resolution / factor: a 2 km cell y spans output pixels [y·c, (y+1)·c), whose
        // full-resolution centre is ((y + ½)·c·f − ½), i.e. (y + ½)·c − 1/(2f) in tie-point coordinates.
        let shift = 1 / (2 * Double(scene.factor))
        return AuxiliaryGrid(lines: (scene.height + n - 1) / n, samples: (scene.width + n - 1) / n) { y, x in
            ties.location(line: (y + 0.5) * cell - shift, pixel: (x + 0.5) * cell - shift)
        }
    }

    /// The requested fields for `scene`.
    /// - Throws: the readers' `SeaIceError`s (file, variable, what was expected).
    public func fields(for scene: AnalysisReadyScene, logger: Logger) throws -> AuxiliaryFields {
        let grid = try AuxiliaryInputs.grid(for: scene)
        var out = AuxiliaryFields()
        if let amsr2 {
            out.amsr2 = try AMSR2Reader(url: amsr2, configuration: amsr2Configuration).fields(on: grid, logger: logger)
            out.provenance.append(("amsr2_source", amsr2.lastPathComponent))
            out.provenance.append(("amsr2_resampling", "L1R \(amsr2Configuration.resolution.rawValue) (or L1B) footprints, Gaussian weights sigma \(amsr2Configuration.sigmaKm) km within \(amsr2Configuration.radiusKm) km of each 2 km cell centre; NaN where none"))
        }
        if let era5 {
            let time = try CFTime.sentinel1AcquisitionTime(scene.productName)
            let r = try ERA5Reader(url: era5).fields(on: grid, time: time, logger: logger)
            out.era5 = r.fields
            out.provenance.append(("era5_source", era5.lastPathComponent))
            out.provenance.append(("era5_time", ISO8601DateFormatter().string(from: r.time)))
            out.provenance.append(("era5_wind_rotation", "u10m_rotated along increasing sample, v10m_rotated along increasing line (projections of the ERA5 east/north 10 m wind on the local image axes)"))
        }
        return out
    }
}
