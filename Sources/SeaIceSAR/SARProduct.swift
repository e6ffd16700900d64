import Foundation
import SeaIceGDAL

/// The radiometry of one image row of a detected SAR channel, in the form every sensor's calibration takes:
/// σ⁰ = DN² · `gain[x]` + `offset[x]` (linear), and the noise-equivalent σ⁰ `nesz[x]` (linear, 0 = none).
///
/// Sentinel-1: gain = 1/A², offset 0, NESZ = N/A² (· NS + PB for NERSC) (ESA-EOPG-CSCOP-TN-0002, MPC-0392).
/// RCM: gain = 1/A, offset = B/A with A the LUT gain and B its offset (RCM product specification RCM-SP-53-0419,
/// as GDAL's RCM driver and xsar implement it), NESZ from `referenceNoiseLevel` (dB → linear).
/// `scratch1`, `scratch2` are width-sized buffers a channel may use while filling the row.
public struct RadiometryRow: Sendable {
    /// Multiplier of DN² per pixel.
    public var gain: [Float]
    /// Added to DN² · gain per pixel (linear σ⁰ units).
    public var offset: [Float]
    /// Noise-equivalent σ⁰ per pixel, linear.
    public var nesz: [Float]
    /// Scratch buffers (width-sized) for the channel's own use.
    public var scratch1: [Float], scratch2: [Float]

    /// Zeroed buffers for an image `width` samples wide.
    public init(width: Int) {
        gain = [Float](repeating: 0, count: width)
        offset = gain; nesz = gain; scratch1 = gain; scratch2 = gain
    }
}

/// One polarisation channel of a detected (GRD) SAR product: size, spacing, its DN image and its radiometry.
///
/// Sentinel-1 (`Sentinel1Channel`) and RCM (`RCMChannel`) implement it; `ChannelProcessor` calibrates,
/// denoises and multilooks any channel through it in row blocks on all cores.
public protocol SARChannel: Sendable {
    /// The channel.
    var polarisation: Polarisation { get }
    /// Image samples (columns, range).
    var width: Int { get }
    /// Image lines (rows, azimuth).
    var height: Int { get }
    /// Ground-range pixel spacing, metres.
    var rangePixelSpacing: Double { get }
    /// Azimuth (line) spacing, metres.
    var azimuthPixelSpacing: Double { get }
    /// The metadata file that declares the channel's size (named in errors).
    var metadataFile: String { get }
    /// Opens the DN image, checked against `width` × `height` and one UInt16 band.
    /// - Throws: `SeaIceError.invalidInput` naming the image when its size or type differ.
    func openImage() throws -> GDALRaster
    /// Fills `row.gain`, `row.offset`, `row.nesz` (count = `width`) for image line `line`.
    func radiometry(line: Int, into row: inout RadiometryRow)
    /// The scene mean of the NESZ (linear), used by the NERSC texture-noise correction.
    func meanNESZ() -> Double
}

extension SARChannel {
    /// Mean NESZ over a 16-pixel lattice of the image (the NESZ is smooth; the lattice mean stands for NERSC's
    /// full-image `nanmean`), over pixels with a positive gain.
    public func meanNESZ() -> Double {
        var row = RadiometryRow(width: width)
        var sum = 0.0, n = 0
        for y in stride(from: 0, to: height, by: 16) {
            radiometry(line: y, into: &row)
            for x in stride(from: 0, to: width, by: 16) where row.gain[x] > 0 { sum += Double(row.nesz[x]); n += 1 }
        }
        return n > 0 ? sum / Double(n) : 0
    }
}

/// The platform a scene comes from, as written into its files (titles, `source`, keywords).
public struct SARSensor: Sendable, Equatable {
    /// Platform family, e.g. "Sentinel-1", "RADARSAT Constellation Mission".
    public var platform: String
    /// The name of the data source in the discovery `source` text, e.g. "Copernicus Sentinel-1".
    public var sourceName: String
    /// The data statement of a real product's `source` attribute (licence wording of the data provider).
    public var dataStatement: String
    /// The processor label of the `source` discovery text, e.g. "IPF" (Sentinel-1), "RCM PGS".
    public var processorLabel: String
    /// Discovery keywords.
    public var keywords: String

    /// A sensor description.
    public init(platform: String, sourceName: String, dataStatement: String, processorLabel: String, keywords: String) {
        self.platform = platform; self.sourceName = sourceName; self.dataStatement = dataStatement
        self.processorLabel = processorLabel; self.keywords = keywords
    }

    /// Copernicus Sentinel-1 (the wording of every Sentinel-1 scene SeaIceKit wrote before RCM).
    public static let sentinel1 = SARSensor(
        platform: "Sentinel-1", sourceName: "Copernicus Sentinel-1", dataStatement: "Contains modified Copernicus Sentinel data",
        processorLabel: "IPF", keywords: "sea ice, Arctic, Sentinel-1, SAR, backscatter, sigma0")
}
