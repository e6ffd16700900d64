import Foundation
import SeaIceCore
import SeaIceGDAL

/// A known σ⁰ field for synthetic products: σ⁰_dB(line, pixel) = base + amplitude · sin(2π·pixel/λ) · cos(2π·line/λ).
///
/// Coordinates are those of the product being written (after any reduction); values are linear σ⁰.
public struct KnownSigma0Field: Codable, Sendable, Equatable {
    /// Mean level, dB, per polarisation (defaults: HH/VV −15 dB, HV/VH −24 dB, typical of sea ice).
    public var baseDB: [Polarisation: Double] = [.hh: -15, .vv: -15, .hv: -24, .vh: -24]
    /// Peak deviation from the base, dB.
    public var amplitudeDB: Double = 3
    /// Wavelength of the pattern, pixels.
    public var wavelength: Double = 400

    /// The default field.
    public init() {}

    /// Linear σ⁰ of `pol` at (line, pixel).
    @inline(__always)
    public func sigma0(_ pol: Polarisation, line: Double, pixel: Double) -> Double {
        let db = (baseDB[pol] ?? -20) + amplitudeDB * sin(2 * .pi * pixel / wavelength) * cos(2 * .pi * line / wavelength)
        return pow(10, db / 10)
    }
}

/// Builds complete SAFE products from REAL annotation, calibration and noise XML plus synthetic measurement GeoTIFFs.
///
/// DN = round(√(σ⁰·A² + N)) with A the real σ⁰ calibration LUT, N the real thermal noise (range × azimuth), σ⁰ a
/// `KnownSigma0Field`; so calibration and ESA denoising must give the field back (to DN quantisation).
/// `reduction` k > 1 writes a product k times smaller per axis with the XML rewritten consistently
/// (`AnnotationRescaler`); k = 1 keeps the real dimensions (benchmark). Figures computed from these
/// products are from simulated pixel data with real metadata, and must be reported as such.
public struct SyntheticProduct: Sendable {
    /// Where the real XML comes from: a SAFE folder or zip with annotation, calibration and noise for each channel.
    public var template: URL
    /// The σ⁰ encoded in the DN (unless `sigma0Source` is set).
    public var field = KnownSigma0Field()
    /// Another σ⁰ source, e.g. a simulated scene: (channel, line, pixel) in the written product's coordinates → linear σ⁰.
    public var sigma0Source: (@Sendable (Polarisation, Int, Int) -> Double)?
    /// Integer reduction factor per axis (1 = real size).
    public var reduction: Int = 1
    /// Add the annotated thermal noise power to DN² (false: DN² = σ⁰·A²).
    public var includeNoise = true
    /// Annotation substitutions: channel → channel whose annotation to use (polarisation rewritten), for templates
    /// whose annotation of one channel is missing or damaged; geometry is the same for all channels of a product.
    public var annotationFrom: [Polarisation: Polarisation] = [:]

    /// A builder over the template product, real size, with noise.
    public init(template: URL) { self.template = template }

    /// Writes the product as a `.SAFE` folder named like the template inside `directory`; returns its URL.
    public func writeFolder(in directory: URL) throws -> URL {
        let src = try SAFESource(template)
        let safe = directory.appendingPathComponent(src.folderName)
        let fm = FileManager.default
        for sub in ["annotation/calibration", "measurement"] {
            try fm.createDirectory(at: safe.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try VSI.readAll(src.root + "/manifest.safe").write(to: safe.appendingPathComponent("manifest.safe"))
        for (pol, stem) in src.stems {
            var ann = try VSI.readAll(src.root + "/annotation/\(src.stems[annotationFrom[pol] ?? pol]!).xml")
            if let other = annotationFrom[pol] {
                let s = String(decoding: ann, as: UTF8.self).replacingOccurrences(
                    of: "<polarisation>\(other.rawValue)</polarisation>", with: "<polarisation>\(pol.rawValue)</polarisation>")
                ann = Data(s.utf8)
            }
            try AnnotationRescaler.rescale(ann, by: reduction).write(to: safe.appendingPathComponent("annotation/\(stem).xml"))
            for kind in ["calibration", "noise"] {
                let xml = try VSI.readAll(src.root + "/annotation/calibration/\(kind)-\(stem).xml")
                try AnnotationRescaler.rescale(xml, by: reduction).write(to: safe.appendingPathComponent("annotation/calibration/\(kind)-\(stem).xml"))
            }
        }
        let product = try SAFEProduct(urlAllowingMissingMeasurements: safe)
        for (pol, files) in product.bands {
            try writeMeasurement(try product.metadata(pol), to: URL(fileURLWithPath: files.measurement))
        }
        return safe
    }

    /// Writes the product as a stored `.zip` (SAFE folder at its root) at `zip`, building it in a temporary folder.
    public func writeZip(to zip: URL) throws {
        let tmp = zip.deletingLastPathComponent().appendingPathComponent(".synthetic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let safe = try writeFolder(in: tmp)
        let files = try FileManager.default.subpathsOfDirectory(atPath: safe.path).sorted().filter { p in
            var d: ObjCBool = false
            return FileManager.default.fileExists(atPath: safe.appendingPathComponent(p).path, isDirectory: &d) && !d.boolValue
        }
        try ZipArchive.writeStored(members: files.map { (safe.lastPathComponent + "/" + $0, safe.appendingPathComponent($0)) }, to: zip)
    }

    /// The DN of the known field at (line, pixel) given amplitude A and noise N there.
    @inline(__always)
    static func dn(sigma0: Double, amplitude: Float, noise: Float) -> UInt16 {
        let a = Double(amplitude)
        let v = (sigma0 * a * a + Double(noise)).squareRoot().rounded()
        return UInt16(min(65535, max(1, v)))
    }

    func writeMeasurement(_ meta: BandMetadata, to url: URL) throws {
        let W = meta.annotation.samples, H = meta.annotation.lines
        try AtomicOutput.write(to: url) { tmp in
            let writer = try GeoTIFFWriter(path: tmp.path, width: W, height: H, type: .uint16)
            let rows = 256
            var buf = [UInt16](repeating: 0, count: W * rows)
            var y0 = 0
            while y0 < H {
                let n = min(rows, H - y0)
                let start = y0
                buf.withUnsafeMutableBufferPointer { b in
                    nonisolated(unsafe) let out = b
                    DispatchQueue.concurrentPerform(iterations: n) { r in
                        var amp = [Float](repeating: 0, count: W), noise = [Float](repeating: 0, count: W)
                        let y = start + r
                        amp.withUnsafeMutableBufferPointer { meta.calibration.sigmaNought.row(at: y, into: $0) }
                        noise.withUnsafeMutableBufferPointer { meta.noise.row(at: y, into: $0) }
                        for x in 0..<W {
                            let s = sigma0Source?(meta.polarisation, y, x) ?? field.sigma0(meta.polarisation, line: Double(y), pixel: Double(x))
                            out[r * W + x] = Self.dn(sigma0: s, amplitude: amp[x], noise: includeNoise ? noise[x] : 0)
                        }
                    }
                }
                try buf.withUnsafeBufferPointer { try writer.write(y: y0, rows: n, values: UnsafeBufferPointer(rebasing: $0[0..<(W * n)])) }
                y0 += n
            }
            try writer.close()
        }
    }
}

/// The XML file stems per channel of a template product (measurements may be absent).
struct SAFESource {
    let root: String
    let folderName: String
    let stems: [Polarisation: String]

    init(_ url: URL) throws {
        let p = try SAFEProduct(urlAllowingMissingMeasurements: url)
        root = p.root
        folderName = p.productName + ".SAFE"
        var s: [Polarisation: String] = [:]
        for (pol, f) in p.bands { s[pol] = String(f.annotation.split(separator: "/").last!.dropLast(4)) }
        stems = s
    }
}
