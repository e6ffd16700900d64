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

    /// A multilooked channel.
    public init(polarisation: Polarisation, width: Int, height: Int, factor: Int, sigma0: [Float], decibels: Bool,
                meanNESZ: Double) {
        self.polarisation = polarisation; self.width = width; self.height = height; self.factor = factor
        self.sigma0 = sigma0; self.decibels = decibels; self.meanNESZ = meanNESZ
    }
}

/// Calibration (σ⁰ = DN²·gain + offset, `RadiometryRow`), thermal-noise removal and block-mean multilooking of any
/// `SARChannel` (Sentinel-1, RCM), in row blocks on all cores.
///
/// Memory: per worker a few `blockRows + 2·halo` full-width float rows; the only full-size array is the
/// multilooked output. Formulas: ESA-EOPG-CSCOP-TN-0002 (calibration), MPC-0392 (noise = range × azimuth),
/// NERSC sentinel1denoised (NESZ·NS + PB per sub-swath; texture noise: s0g = G₃(σ⁰ − NESZ),
/// snr = s0g/NESZ, σ⁰' = (w·s0g + snr·σ⁰)/(w + snr) + mean(NESZ), w = 0.1). Multilooking averages
/// the linear power of valid pixels (seed 002; AI4Arctic 2 × 2 mean) and then applies the negative-power policy.
public enum ChannelProcessor {
    /// The multilook factor for `pixelSize` metres over a grid of `range` × `azimuth` metre pixels, or an error naming
    /// `file` when it is not a whole multiple of the spacing.
    public static func factor(pixelSize: Double, range: Double, azimuth: Double, file: String) throws -> Int {
        let fr = pixelSize / range, fa = pixelSize / azimuth
        let f = Int(fr.rounded())
        guard f >= 1, abs(fr - Double(f)) < 1e-6, abs(fa - Double(f)) < 1e-6 else {
            var expected = "a whole multiple of the pixel spacing \(range) × \(azimuth) m"
            if range == azimuth {
                let next = PreprocessConfiguration.pixelSize(atLeast: pixelSize, spacing: range)
                expected += "; use \(Int(next)) m (seaice preprocess --pixel-size \(Int(next)),"
                    + " or leave --pixel-size out to take the smallest multiple of at least 80 m)"
            }
            throw SeaIceError.invalidInput(file: file, item: "pixel size \(pixelSize) m", expected: expected)
        }
        return f
    }

    /// Processes `channel` with `configuration` (`.none`: σ⁰ as calibrated; `.esa`: σ⁰ − NESZ; `.nersc`: σ⁰ − NESZ
    /// then the texture-noise correction, with whatever NESZ scaling the channel applied); `decibels` converts each
    /// multilooked (linear-mean) value to dB in the workers, saving a pass and an array.
    /// - Throws: `SeaIceError` naming the image or metadata file on size mismatch or read failure.
    public static func process<Channel: SARChannel>(
        _ channel: Channel, configuration c: PreprocessConfiguration, decibels: Bool = false, logger: Logger
    ) throws -> MultilookedChannel {
        let f = try factor(pixelSize: c.pixelSize, range: channel.rangePixelSpacing,
                           azimuth: channel.azimuthPixelSpacing, file: channel.metadataFile)
        _ = try channel.openImage()  // size and type check before any work
        let W = channel.width, H = channel.height
        let outW = W / f, outH = H / f
        guard outW > 0, outH > 0 else {
            throw SeaIceError.invalidInput(file: channel.metadataFile, item: "image \(W) × \(H)", expected: "at least one \(f) × \(f) output pixel")
        }
        let meanNESZ = c.noise == .nersc ? channel.meanNESZ() : 0
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
                    let raster = try channel.openImage()
                    var work = BlockWorker(width: W, height: H, rows: blockRows + 2 * halo, channel: channel)
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
        logger.debug("channel processed", metadata: ["polarisation": "\(channel.polarisation.rawValue)", "grid": "\(outW)x\(outH)", "factor": "\(f)"])
        return MultilookedChannel(polarisation: channel.polarisation, width: outW, height: outH, factor: f, sigma0: output,
                                  decibels: decibels, meanNESZ: meanNESZ)
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
