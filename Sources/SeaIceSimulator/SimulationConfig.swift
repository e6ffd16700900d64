import Foundation
import SeaIceCore

/// Everything that shapes a simulated scene apart from the seed (typed, `Codable`, stored in
/// every simulated file's global attributes).
public struct SimulationConfig: Codable, Sendable, Equatable {
    /// Image size in pixels (lines × samples).
    public var lines: Int
    /// Samples (range).
    public var samples: Int
    /// Pixel spacing, m; a divisor of 2000 so that the 2 km grid has whole cells. 40 (default) is the
    /// AI4Arctic raw spacing: the scene is then a window of the real EW product at its own scale.
    /// Coarser spacings cover more of the swath (400 m × 1000 pixels ≈ the whole EW swath), for
    /// overview pictures; AI4Arctic readers expect 40 m raw files.
    public var pixelSpacing: Int
    /// Equivalent number of looks of the speckle; nil = 10.7 (EW GRDM at 40 m) × (spacing / 40 m)²,
    /// the number of 40 m pixels averaged into one simulated pixel (ENL grows with multilooking).
    public var enl: Double?
    /// Month (1–12) of the scene's weather and microwave signatures; nil = the real template's month.
    public var month: Int?
    /// Real geometry template: 0 = Kara Sea 2022-11-30 (stactools), 1 = East Greenland 2020-01-20 (coprs); nil = drawn from the seed.
    public var template: Int?
    /// Fraction of scenes (drawn per seed) whose chart is a real CIS chart cropped, rotated and
    /// placed over the scene; the others, and uncovered pixels, get a procedural chart.
    public var realChartFraction: Double
    /// Typical chart polygon size, km.
    public var polygonSizeKm: Double
    /// Standard deviation of the in-floe texture (ridges, deformation, wind streaks), dB.
    public var textureDB: Double
    /// Standard deviation of the per-sub-swath noise-scaling error left by denoising (fraction).
    public var noiseScalingError: Double
    /// Backscatter by surface.
    public var backscatter: BackscatterTable
    /// When set (0…1), the window of the real geometry is redrawn (up to 24 times, keeping the
    /// best) until at most this fraction of its pixels is land; nil keeps the first draw.
    public var maxLandFraction: Double?

    /// The most lines or samples of a simulated scene (an AI4Arctic scene's bound: `AI4ArcticFile.maximumSide`).
    public static let maximumSide = 25_000
    /// Bytes of working memory per pixel while simulating (≈ 16 float32 rasters alive at once), for the memory check.
    public static let workingBytesPerPixel: UInt64 = 64

    /// Refuses sizes beyond `maximumSide` or whose working memory exceeds `memoryBytes`, before allocating anything.
    /// - Throws: `SeaIceError.configuration` with the requested lines × samples and the bound.
    public func checkSize(memoryBytes: UInt64 = ProcessInfo.processInfo.physicalMemory) throws {
        guard lines <= Self.maximumSide, samples <= Self.maximumSide else {
            throw SeaIceError.configuration(
                "scene size \(lines) × \(samples) pixels: at most \(Self.maximumSide) × \(Self.maximumSide) (--size)")
        }
        let bytes = UInt64(max(lines, 0)) * UInt64(max(samples, 0)) * Self.workingBytesPerPixel
        guard bytes <= memoryBytes else {
            throw SeaIceError.configuration(
                "scene size \(lines) × \(samples) pixels needs about \(bytes >> 20) MiB, more than this machine's "
                    + "\(memoryBytes >> 20) MiB of memory (--size)")
        }
    }

    /// A configuration for a square `size × size` scene with the default (literature) values.
    public init(size: Int = 1000) {
        lines = size; samples = size; pixelSpacing = 40
        enl = nil; month = nil; template = nil
        realChartFraction = 0.5
        polygonSizeKm = 70; textureDB = 1.0; noiseScalingError = 0.05
        backscatter = BackscatterTable()
        maxLandFraction = nil
    }
}
