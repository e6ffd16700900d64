import Foundation
import Logging
import SeaIceCore
import SeaIceGDAL
import SeaIceSAR

/// One Sentinel-1 GRD channel as a `SARChannel`: σ⁰ = DN²/A² with A the `sigmaNought` LUT, NESZ = N/A² with N the
/// range × azimuth noise, scaled and balanced per sub-swath (NS, PB) when NERSC coefficients are given.
public struct Sentinel1Channel: SARChannel {
    /// The channel's parsed metadata.
    public let meta: BandMetadata
    let scaling: SwathScaling

    /// The channel of `meta`; `coefficients` are the NERSC NS/PB (nil: the ESA noise as annotated).
    public init(_ meta: BandMetadata, coefficients: NERSCCoefficients?) {
        self.meta = meta
        scaling = SwathScaling(bounds: meta.annotation.swathBounds, coefficients: coefficients, width: meta.annotation.samples)
    }

    public var polarisation: Polarisation { meta.polarisation }
    public var width: Int { meta.annotation.samples }
    public var height: Int { meta.annotation.lines }
    public var rangePixelSpacing: Double { meta.annotation.rangePixelSpacing }
    public var azimuthPixelSpacing: Double { meta.annotation.azimuthPixelSpacing }
    public var metadataFile: String { meta.files.annotation }
    public func openImage() throws -> GDALRaster { try meta.openMeasurement() }

    /// gain = 1/A², offset 0, NESZ = N·(1/A²)·NS + PB (ESA-EOPG-CSCOP-TN-0002, MPC-0392, NERSC sentinel1denoised).
    public func radiometry(line: Int, into row: inout RadiometryRow) {
        row.gain.withUnsafeMutableBufferPointer { meta.calibration.sigmaNought.row(at: line, into: $0) }
        row.nesz.withUnsafeMutableBufferPointer { meta.noise.row(at: line, into: $0) }
        scaling.fill(line: line, ns: &row.scratch1, pb: &row.scratch2)
        let n = row.gain.count
        row.gain.withUnsafeMutableBufferPointer { A in
            row.nesz.withUnsafeMutableBufferPointer { N in
                row.scratch1.withUnsafeBufferPointer { NS in
                    row.scratch2.withUnsafeBufferPointer { PB in
                        for x in 0..<n {
                            let inv = 1 / (A[x] * A[x])
                            A[x] = inv
                            N[x] = N[x] * inv * NS[x] + PB[x]
                        }
                    }
                }
            }
        }
    }

    /// Mean NESZ over a 16-pixel lattice of the image (NERSC's full-image `nanmean` of N/A²·NS + PB).
    public func meanNESZ() -> Double {
        let W = width, H = height
        var amp = [Float](repeating: 0, count: W), noise = [Float](repeating: 0, count: W)
        var ns = [Float](repeating: 1, count: W), pb = [Float](repeating: 0, count: W)
        var sum = 0.0, n = 0
        for y in stride(from: 0, to: H, by: 16) {
            amp.withUnsafeMutableBufferPointer { meta.calibration.sigmaNought.row(at: y, into: $0) }
            noise.withUnsafeMutableBufferPointer { meta.noise.row(at: y, into: $0) }
            scaling.fill(line: y, ns: &ns, pb: &pb)
            for x in stride(from: 0, to: W, by: 16) where amp[x] > 0 {
                sum += Double(noise[x] / (amp[x] * amp[x]) * ns[x] + pb[x]); n += 1
            }
        }
        return n > 0 ? sum / Double(n) : 0
    }
}

extension ChannelProcessor {
    /// The multilook factor for `pixelSize` metres over the annotation's spacing, or an error naming `file`.
    public static func factor(pixelSize: Double, annotation a: ProductAnnotation, file: String) throws -> Int {
        try factor(pixelSize: pixelSize, range: a.rangePixelSpacing, azimuth: a.azimuthPixelSpacing, file: file)
    }

    /// Processes Sentinel-1 channel `meta` with `configuration`; `coefficients` are the NERSC NS/PB (used with
    /// `.nersc` only; nil: plain ESA noise).
    /// - Throws: `SeaIceError` naming the measurement file on size mismatch or read failure.
    public static func process(_ meta: BandMetadata, configuration c: PreprocessConfiguration,
                               coefficients: NERSCCoefficients?, decibels: Bool = false,
                               logger: Logger) throws -> MultilookedChannel {
        try process(Sentinel1Channel(meta, coefficients: c.noise == .nersc ? coefficients : nil),
                    configuration: c, decibels: decibels, logger: logger)
    }
}
