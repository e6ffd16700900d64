import Foundation
import Logging
import SeaIceCore
import SeaIceGDAL

/// One polarisation channel calibrated, denoised and multilooked: linear σ⁰ on the output grid.
public struct MultilookedChannel: Sendable {
    /// The channel.
    public var polarisation: Polarisation
    /// Output grid size (samples × lines), row-major `sigma0[line · width + sample]`.
    public var width: Int
    /// Output grid height (lines).
    public var height: Int
    /// Full-resolution pixels per output pixel along each axis.
    public var factor: Int
    /// σ⁰, linear (or dB when `decibels`); NaN where no valid DN (DN = 0 borders).
    public var sigma0: [Float]
    /// Whether `sigma0` holds 10·log10 of the multilooked linear power.
    public var decibels: Bool
    /// Scene mean of the NESZ used (linear σ⁰ units).
    public var meanNESZ: Double
    /// NERSC coefficients applied (nil: ESA noise as annotated).
    public var coefficients: NERSCCoefficients?
}

/// Calibration (σ⁰ = DN²/A²), thermal-noise removal and block-mean multilooking of one channel, in row blocks on all cores.
///
/// Memory: per worker a few `blockRows + 2·halo` full-width float rows; the only full-size array is the
/// multilooked output. Formulas: ESA-EOPG-CSCOP-TN-0002 (calibration), MPC-0392 (noise = range × azimuth),
/// NERSC sentinel1denoised (NESZ·NS + PB per sub-swath; texture noise: s0g = G₃(σ⁰ − NESZ),
/// snr = s0g/NESZ, σ⁰' = (w·s0g + snr·σ⁰)/(w + snr) + mean(NESZ), w = 0.1). Multilooking averages
/// the linear power of valid pixels (seed 002; AI4Arctic 2 × 2 mean) and then applies the negative-power policy.
public enum ChannelProcessor {
    /// The multilook factor for `pixelSize` metres, or an error when it is not a whole multiple of the spacing.
    public static func factor(pixelSize: Double, annotation a: ProductAnnotation, file: String) throws -> Int {
        let fr = pixelSize / a.rangePixelSpacing, fa = pixelSize / a.azimuthPixelSpacing
        let f = Int(fr.rounded())
        guard f >= 1, abs(fr - Double(f)) < 1e-6, abs(fa - Double(f)) < 1e-6 else {
            var expected = "a whole multiple of the pixel spacing \(a.rangePixelSpacing) × \(a.azimuthPixelSpacing) m"
            if a.rangePixelSpacing == a.azimuthPixelSpacing {
                let next = PreprocessConfiguration.pixelSize(atLeast: pixelSize, spacing: a.rangePixelSpacing)
                expected += "; use \(Int(next)) m (seaice preprocess --pixel-size \(Int(next)),"
                    + " or leave --pixel-size out to take the smallest multiple of at least 80 m)"
            }
            throw SeaIceError.invalidInput(file: file, item: "pixel size \(pixelSize) m", expected: expected)
        }
        return f
    }

    /// Processes channel `meta` with `configuration`; `coefficients` are the NERSC NS/PB (nil: plain ESA noise);
    /// `decibels` converts each multilooked (linear-mean) value to dB in the workers, saving a pass and an array.
    /// - Throws: `SeaIceError` naming the measurement file on size mismatch or read failure.
    public static func process(_ meta: BandMetadata, configuration c: PreprocessConfiguration,
                               coefficients: NERSCCoefficients?, decibels: Bool = false, logger: Logger) throws -> MultilookedChannel {
        let a = meta.annotation
        let f = try factor(pixelSize: c.pixelSize, annotation: a, file: meta.files.annotation)
        _ = try meta.openMeasurement()  // size and type check before any work
        let W = a.samples, H = a.lines
        let outW = W / f, outH = H / f
        guard outW > 0, outH > 0 else {
            throw SeaIceError.invalidInput(file: meta.files.annotation, item: "image \(W) × \(H)", expected: "at least one \(f) × \(f) output pixel")
        }
        let scaling = SwathScaling(bounds: a.swathBounds, coefficients: c.noise == .nersc ? coefficients : nil, width: W)
        let meanNESZ = c.noise == .nersc ? estimateMeanNESZ(meta, scaling: scaling) : 0
        let kernel = c.noise == .nersc ? GaussianKernel(sigma: c.textureSigma) : nil
        let halo = kernel?.radius ?? 0
        let blockRows = max(f, (c.blockRows / f) * f)
        let usedRows = outH * f
        let blocks = (usedRows + blockRows - 1) / blockRows
        let workers = max(1, min(blocks, c.workers > 0 ? c.workers : ProcessInfo.processInfo.activeProcessorCount))
        var output = [Float](repeating: .nan, count: outW * outH)
        let failure = FirstError()
        output.withUnsafeMutableBufferPointer { outBuf in
            nonisolated(unsafe) let out = outBuf
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                do {
                    let raster = try meta.openMeasurement()
                    var work = BlockWorker(width: W, height: H, rows: blockRows + 2 * halo, meta: meta, scaling: scaling)
                    var b = w
                    while b < blocks, !failure.isSet {
                        let y0 = b * blockRows, y1 = min(y0 + blockRows, usedRows)
                        try work.run(raster: raster, y0: y0, y1: y1, halo: halo, kernel: kernel, config: c, meanNESZ: Float(meanNESZ))
                        work.multilook(y0: y0, y1: y1, factor: f, outWidth: outW, config: c, decibels: decibels, into: out)
                        b += workers
                    }
                } catch { failure.set(error) }
            }
        }
        if let e = failure.error { throw e }
        logger.debug("channel processed", metadata: ["polarisation": "\(meta.polarisation.rawValue)", "grid": "\(outW)x\(outH)", "factor": "\(f)"])
        return MultilookedChannel(polarisation: meta.polarisation, width: outW, height: outH, factor: f, sigma0: output, decibels: decibels,
                                  meanNESZ: meanNESZ, coefficients: c.noise == .nersc ? coefficients : nil)
    }

    /// Mean NESZ over a 16-pixel lattice of the image (the NESZ is smooth; the lattice mean stands for NERSC's full-image `nanmean`).
    static func estimateMeanNESZ(_ meta: BandMetadata, scaling: SwathScaling) -> Double {
        let W = meta.annotation.samples, H = meta.annotation.lines
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

/// The first error thrown by any worker (thread-safe).
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    var isSet: Bool { error != nil }
    func set(_ e: Error) { lock.lock(); if stored == nil { stored = e }; lock.unlock() }
}
