import Foundation
import SeaIceCore
import SeaIceGDAL
import SeaIceSAR

/// One RCM polarisation channel as a `SARChannel`: σ⁰ = (DN² + B)/A with the `lutSigma` gains A and offset B
/// expanded along the row (constant along azimuth), NESZ the σ⁰ `referenceNoiseLevel` in linear units.
public struct RCMChannel: SARChannel {
    public let polarisation: Polarisation
    public let width: Int, height: Int
    public let rangePixelSpacing: Double, azimuthPixelSpacing: Double
    /// product.xml (named in size errors).
    public let metadataFile: String
    /// The GeoTIFF of the channel (GDAL path).
    public let imageFile: String
    /// The σ⁰ LUT.
    public let lut: RCMLookupTable
    /// The noise levels.
    public let noise: RCMNoiseLevels
    /// 1/A and B/A at every pixel.
    let gainRow: [Float], offsetRow: [Float]
    /// NESZ (linear) at every pixel; zeros when the product declares its DN already denoised.
    public let neszRow: [Float]

    /// The channel `polarisation` of a product described by `metadata`.
    public init(polarisation: Polarisation, metadata m: RCMProductMetadata, metadataFile: String, imageFile: String,
                lut: RCMLookupTable, noise: RCMNoiseLevels) {
        self.polarisation = polarisation
        width = m.samples; height = m.lines
        rangePixelSpacing = m.pixelSpacing; azimuthPixelSpacing = m.lineSpacing
        self.metadataFile = metadataFile; self.imageFile = imageFile
        self.lut = lut; self.noise = noise
        let a = lut.gains.expanded(width: m.samples)
        gainRow = a.map { Float(1 / $0) }
        offsetRow = a.map { Float(lut.offset / $0) }
        neszRow = m.noiseSubtracted ? [Float](repeating: 0, count: m.samples) : noise.linear(width: m.samples).map { Float($0) }
    }

    public func openImage() throws -> GDALRaster {
        let r = try GDALRaster(path: imageFile)
        guard r.width == width, r.height == height else {
            throw SeaIceError.invalidInput(
                file: imageFile, item: "raster size \(r.width) × \(r.height)",
                expected: "\(width) × \(height) (samplesPerLine × numLines of \(metadataFile))")
        }
        guard r.bandCount >= 1, r.dataTypeName() == "UInt16" else {
            throw SeaIceError.invalidInput(file: imageFile, item: "band 1 type \(r.dataTypeName())",
                                           expected: "UInt16 magnitude digital numbers")
        }
        return r
    }

    public func radiometry(line: Int, into row: inout RadiometryRow) {
        row.gain = gainRow
        row.offset = offsetRow
        row.nesz = neszRow
    }

    /// σ⁰ (linear) of DN `dn` at pixel `x`: (DN² + B)/A.
    public func sigma0(dn: Double, pixel x: Int) -> Double {
        Double(gainRow[x]) * dn * dn + Double(offsetRow[x])
    }
}
