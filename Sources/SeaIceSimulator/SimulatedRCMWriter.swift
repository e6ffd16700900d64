import Foundation
import SeaIceCore
import SeaIceGDAL
import SeaIceRCM
import SeaIceSAR

/// Writes a whole simulated RCM product folder (or zip) from a real RCM product's metadata: product.xml, LUTs,
/// noise levels and incidence angles rescaled to the requested size, and per polarisation a UInt16 GeoTIFF whose
/// DN calibrate (`RCMProduct`) back to a given σ⁰ field.
///
/// DN = round(√max(σ⁰·A − B, 0)) with A, B the template's σ⁰ LUT gain and offset at the pixel, clamped to 1…65535
/// (0 is no data); with `thermalNoise` the power σ⁰ + NESZ·e (e exponential with mean 1, the NESZ of the
/// template's `referenceNoiseLevel`) is encoded instead, so denoising has the product's own noise to remove.
/// A product `reduction` times smaller has every image position (tie points, LUT nodes) divided by it and the pixel
/// spacing multiplied by it: the same radiometry and geography on a coarser grid. The product is marked simulated
/// three ways: `productAnnotation` "SIMULATED …" in product.xml, a `SIMULATED_DATA.txt` note, a name ending `_SIMU`.
public enum SimulatedRCMWriter {
    /// What to write.
    public struct Request: Sendable {
        /// The real product whose metadata is the template (a folder holding `metadata/product.xml`).
        public var template: URL
        /// Integer reduction of both image axes (1: the template's full size).
        public var reduction: Int
        /// σ⁰ (linear) per polarisation, line-major `[line · width + sample]` on the output grid (`size(of:reduction:)`);
        /// every polarisation of the template must be given.
        public var sigma0: [Polarisation: [Float]]
        /// Add thermal noise at the product's NESZ.
        public var thermalNoise: Bool
        /// Seed of the noise.
        public var seed: UInt64
        /// Appended to the template's product name for the output's name (`_SIMU`; a day of several products
        /// numbers them).
        public var nameSuffix = "_SIMU"
        /// Moves every geodetic coordinate of product.xml (latitude, longitude degrees → new ones), for products
        /// placed elsewhere than their template; nil keeps the template's place.
        public var relocation: (@Sendable (Double, Double) -> (latitude: Double, longitude: Double))?
        /// The UTC day (YYYY-MM-DD) the product's times move to (the template's clock time is kept); nil keeps them.
        public var day: String?
        /// A request (reduction 1 = full size).
        public init(template: URL, reduction: Int, sigma0: [Polarisation: [Float]], thermalNoise: Bool = true, seed: UInt64 = 0) {
            self.template = template; self.reduction = reduction; self.sigma0 = sigma0
            self.thermalNoise = thermalNoise; self.seed = seed
        }
    }

    /// The output grid (samples, lines) of `template` reduced `reduction` times (sizes rounded up).
    /// - Throws: `SeaIceError` naming the template's product.xml when it cannot be read.
    public static func size(of template: URL, reduction: Int) throws -> (width: Int, height: Int) {
        precondition(reduction >= 1, "reduction \(reduction)")
        let m = try RCMProduct(url: template, requireImagery: false).metadata
        return ((m.samples + reduction - 1) / reduction, (m.lines + reduction - 1) / reduction)
    }

    /// A known simple σ⁰ field (linear) on a `width` × `height` grid: HH falls from −12 dB at the first sample to
    /// −20 dB at the last, with a −6 dB disc (a bright floe) of radius height/5 centred at (width/2, height/2);
    /// cross-pol (HV, VH) is the co-pol field −10 dB. Line-major.
    public static func referenceField(width: Int, height: Int, polarisation: Polarisation) -> [Float] {
        var out = [Float](repeating: 0, count: width * height)
        let r2 = pow(Double(height) / 5, 2)
        for y in 0..<height {
            for x in 0..<width {
                let dx = Double(x) - Double(width) / 2, dy = Double(y) - Double(height) / 2
                var db = dx * dx + dy * dy <= r2 ? -6.0 : -12 - 8 * Double(x) / Double(max(1, width - 1))
                if polarisation.isCrossPolarised { db -= 10 }
                out[y * width + x] = Float(pow(10, db / 10))
            }
        }
        return out
    }

    /// Writes the product into `folder` as `<template name>_SIMU` (or `<…>_SIMU.zip` when `zip`), atomically;
    /// returns its URL.
    /// - Throws: `SeaIceError` naming the template file or the output when reading or writing fails, or when a σ⁰
    ///   field is missing or of the wrong size.
    @discardableResult
    public static func write(_ r: Request, into folder: URL, zip: Bool = false) throws -> URL {
        let template = try RCMProduct(url: r.template, requireImagery: false)
        let m = template.metadata, k = r.reduction
        let (W, H) = try size(of: r.template, reduction: k)
        for pol in m.polarisations {
            guard let s = r.sigma0[pol], s.count == W * H else {
                throw SeaIceError.invalidInput(file: r.template.path, item: "σ⁰ field of \(pol.rawValue)",
                                               expected: "\(W) × \(H) values (the template reduced \(k) times)")
            }
        }
        var name = template.productName + r.nameSuffix
        if let day = r.day {
            let compact = { (d: Substring) in d.replacingOccurrences(of: "-", with: "") }
            name = name.replacingOccurrences(of: compact(m.firstLineTime.prefix(10)), with: compact(Substring(day)))
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent(zip ? name + ".zip" : name)
        return try AtomicOutput.write(to: out) { tmp in
            let dir = zip ? tmp.deletingLastPathComponent().appendingPathComponent(".\(name).build-\(getpid())") : tmp
            defer { if zip { try? FileManager.default.removeItem(at: dir) } }
            try writeFolder(r, template: template, width: W, height: H, to: dir)
            if zip {
                let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted().filter {
                    var isDir: ObjCBool = false
                    FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).path, isDirectory: &isDir)
                    return !isDir.boolValue
                }
                try ZipArchive.writeStored(members: files.map { (name + "/" + $0, dir.appendingPathComponent($0)) }, to: tmp)
            }
            return out
        }
    }

    static func writeFolder(_ r: Request, template: RCMProduct, width W: Int, height H: Int, to dir: URL) throws {
        let m = template.metadata, k = r.reduction
        let fm = FileManager.default
        let cal = dir.appendingPathComponent("metadata/calibration"), imagery = dir.appendingPathComponent("imagery")
        try fm.createDirectory(at: cal, withIntermediateDirectories: true)
        try fm.createDirectory(at: imagery, withIntermediateDirectories: true)
        try template.archive.read("manifest.safe").write(to: dir.appendingPathComponent("manifest.safe"))
        let note = "SIMULATED DATA - NOT REAL. Written by SeaIceKit's SimulatedRCMWriter from the metadata of the real "
            + "product \(template.productName) (imagery simulated, reduction \(k), seed \(r.seed)).\n"
        try Data(note.utf8).write(to: dir.appendingPathComponent(RCMProduct.simulationNoteName))
        let productXML = String(decoding: try template.archive.read("metadata/product.xml"), as: UTF8.self)
        var xml = RCMMetadataRescaler.product(productXML, reduction: k, width: W, height: H)
        if let move = r.relocation { xml = RCMMetadataRescaler.relocate(xml, move) }
        if let day = r.day { xml = xml.replacingOccurrences(of: String(m.firstLineTime.prefix(10)) + "T", with: day + "T") }
        try Data(xml.utf8).write(to: dir.appendingPathComponent("metadata/product.xml"))
        for rel in template.archive.relative.sorted() where rel.hasPrefix("metadata/calibration/") && rel.hasSuffix(".xml") {
            let text = String(decoding: try template.archive.read(rel), as: UTF8.self)
            try Data(RCMMetadataRescaler.table(text, file: rel, reduction: k, originalWidth: m.samples, width: W).utf8)
                .write(to: dir.appendingPathComponent(rel))
        }
        var rng = SeededGenerator(seed: r.seed)
        for channel in template.channels {
            let pol = channel.polarisation
            let a = channel.lut.gains.expanded(width: m.samples), b = channel.lut.offset
            let nesz = channel.noise.linear(width: m.samples)
            let sigma = r.sigma0[pol]!
            var dn = [UInt16](repeating: 0, count: W * H)
            for y in 0..<H {
                for x in 0..<W {
                    let xo = min(m.samples - 1, x * k)
                    var p = Double(sigma[y * W + x])
                    if r.thermalNoise { p += nesz[xo] * -log(1 - Double.random(in: 0..<1, using: &rng)) }
                    let v = (max(p * a[xo] - b, 0)).squareRoot().rounded()
                    dn[y * W + x] = UInt16(min(65535, max(1, v)))
                }
            }
            var rel = m.imageFiles[pol] ?? "../imagery/\(pol.rawValue).tif"
            while rel.hasPrefix("../") { rel.removeFirst(3) }
            let w = try GeoTIFFWriter(path: dir.appendingPathComponent(rel).path, width: W, height: H, type: .uint16)
            try dn.withUnsafeBufferPointer { try w.write(band: 1, y: 0, rows: H, values: $0) }
            try w.close()
        }
    }
}
