import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCharts
import SeaIceCore
import SeaIceProducts
import SeaIceTensor

/// Seconds spent in each stage of mapping one scene.
public struct StageTimes: Codable, Sendable, Equatable {
    /// Reading and downscaling the inputs.
    public var read: Double = 0
    /// Building the input tensor and running the network (incl. decoding on the downscaled grid).
    public var network: Double = 0
    /// Upsampling to 80 m and assembling the product.
    public var upsample: Double = 0
    /// Writing netCDF, GeoTIFF and PNG.
    public var write: Double = 0
    /// Sum of the stages.
    public var total: Double { read + network + upsample + write }
}

/// The files written for one scene.
public struct SceneProducts: Sendable {
    /// Scene id (ready-to-train name without `_prep.nc`).
    public var sceneID: String
    /// CF-1.8 netCDF product.
    public var netCDF: URL
    /// Cloud-Optimised GeoTIFFs, one per layer (`GeoTIFFProductWriter`), when requested.
    public var geoTIFFs: [URL]
    /// PNG quick-look, when requested.
    public var quicklook: URL?
    /// The products on the map grid of `SceneMapper.mapGrid` (`ProjectedProductWriter`), netCDF first.
    public var projected: [URL] = []
    /// The product (for the submission file).
    public var product: IceProduct
    /// Stage timings.
    public var times: StageTimes
}

/// Maps ready-to-train scenes end to end: read and downscale, network, upsample to 80 m, write
/// the products (../shared/specs/mmseaice.md: "Validation and test run the whole downscaled scene
/// through the network and upsample the output (nearest) to 80 m").
public struct SceneMapper {
    /// The model.
    public let model: TrainedModel
    /// Tiling settings.
    public var settings: PredictionSettings
    /// Optional layers.
    public var options: ProductOptions
    /// Which files to write besides the netCDF.
    public var writeGeoTIFF = true, writeQuicklook = true
    /// A map grid to also write the products on (`seaice predict --grid`), nil for swath geometry only.
    public var mapGrid: ChartGridSpecification?
    /// The command line recorded in `history`.
    public var commandLine: String
    /// Device of the network.
    public var device: Device
    private let logger: Logger

    /// A mapper for `model`.
    public init(model: TrainedModel, settings: PredictionSettings = .init(), options: ProductOptions = .init(),
                commandLine: String, device: Device = .cpu, logger: Logger) {
        self.model = model
        self.settings = settings
        self.options = options
        self.commandLine = commandLine
        self.device = device
        self.logger = logger
    }

    /// Maps the ready-to-train file `url`, writing `<scene>.nc`, `<scene>.tif`, `<scene>.png` into `folder`.
    /// `simulated` forces the simulated flag (for scenes converted from simulated raw files);
    /// `sourceName` is the input named in the provenance (default: the file name).
    public func map(_ url: URL, into folder: URL, simulated: Bool = false, sourceName: String? = nil) throws -> SceneProducts {
        var times = StageTimes()
        var clock = Date()
        func lap() -> Double { let now = Date(); defer { clock = now }; return now.timeIntervalSince(clock) }
        var scene = try InferenceScene.load(url, configuration: model.specification.inputs)
        scene.simulated = scene.simulated || simulated
        if let summary = scene.nonFiniteSummary { logger.warning("\(summary)") }
        times.read = lap()
        let predictor = try ScenePredictor(network: model.network, inputs: model.specification.inputs, settings: settings, device: device)
        let prediction = try predictor.predict(scene.scene)
        times.network = lap()
        let provenance = ProductProvenance(inputs: [sourceName ?? url.lastPathComponent], model: model.summary,
                                           softwareVersion: SeaIceKitVersion.versionAndCommit, simulated: scene.simulated,
                                           commandLine: commandLine)
        let product = ProductAssembler.assemble(prediction, scene: scene, options: options, provenance: provenance)
        times.upsample = lap()
        try OutputFolder.prepare(folder, option: "output folder")
        let nc = folder.appendingPathComponent("\(product.sceneID).nc")
        let png = writeQuicklook ? folder.appendingPathComponent("\(product.sceneID).png") : nil
        // The scene's files are one unit: all written under temporary names, then renamed together with the
        // netCDF last, so an interruption leaves all of them or none (a `.nc` present means a complete scene).
        // GeoTIFF and PNG (GDAL) are written on a second thread while this one writes the netCDF:
        // the writers share no library state.
        let tiePoints = scene.scene.tiePoints
        let tifs = writeGeoTIFF ? GeoTIFFProductWriter.files(product, in: folder, stem: product.sceneID) : []
        try AtomicOutput.writeTogether(tifs + [png].compactMap { $0 } + [nc]) { temporaries in
            let ncTemporary = temporaries.last!
            let tifTemporaries = Array(temporaries.prefix(tifs.count))
            let pngTemporary = png == nil ? nil : temporaries[tifs.count]
            let sideError = ErrorBox()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                do {
                    if !tifTemporaries.isEmpty {
                        try GeoTIFFProductWriter.write(
                            product, georeference: GeoTIFFProductWriter.swathGeoreference(tiePoints), to: tifTemporaries)
                    }
                    if let pngTemporary { try QuicklookWriter.write(product, to: pngTemporary) }
                } catch { sideError.set(error) }
            }
            do { try CFProductWriter(compression: 1).write(product, to: ncTemporary) } catch {
                group.wait()
                throw error
            }
            group.wait()
            if let error = sideError.error { throw error }
        }
        // The map-grid products (`--grid`) are a second unit, written after the swath unit is complete.
        var projected: [URL] = []
        if let mapGrid {
            projected = try ProjectedProductWriter.write(
                product, tiePoints: tiePoints, specification: mapGrid, geoTIFF: writeGeoTIFF, into: folder)
        }
        times.write = lap()
        logger.info("\(product.sceneID): \(product.height) × \(product.width) px in \(String(format: "%.2f", times.total)) s")
        return SceneProducts(sceneID: product.sceneID, netCDF: nc, geoTIFFs: tifs, quicklook: png,
                             projected: projected, product: product, times: times)
    }
}

extension SceneMapper {
    /// Maps a raw or ready-to-train AI4Arctic file: raw files are converted to ready-to-train on the
    /// fly (`ReadyConverter`, official statistics) into a temporary folder that is removed afterwards.
    public func mapAny(_ url: URL, into folder: URL) throws -> SceneProducts {
        let file = try AI4ArcticFile.open(url)
        let version = file.version
        try file.close()
        guard version == .raw else { return try map(url, into: folder) }
        let simulated = try InferenceScene.isSimulated(url)
        let temporary = try TemporaryFolder.make("predict")
        defer { TemporaryFolder.remove(temporary) }
        let ready = try ReadyConverter(logger: logger).convert(raw: url, outputDirectory: temporary)
        return try map(ready, into: folder, simulated: simulated, sourceName: url.lastPathComponent)
    }

    /// The product name (`<scene>` of `<scene>.nc`) that mapping the raw or ready-to-train file `url` writes:
    /// the ready-to-train scene id (its `scene_id` attribute, or the ready name of a raw file) without `_prep.nc`.
    public static func productID(of url: URL) throws -> String {
        let file = try AI4ArcticFile.open(url)
        defer { try? file.close() }
        let sceneID = file.version == .raw ? try AI4ArcticNaming.readyName(forRaw: url.lastPathComponent)
            : try file.readyAttributes().sceneID
        return sceneID.replacingOccurrences(of: AI4ArcticNaming.readySuffix, with: "")
    }

    /// Checks, before any work, that no two of `urls` are the same scene (e.g. a raw file and its
    /// ready-to-train file, or one file given twice): the second would overwrite the first's products.
    /// - Throws: `SeaIceError.invalidInput` naming both inputs and the product they would both write.
    public static func checkDistinctScenes(_ urls: [URL]) throws {
        var seen: [String: URL] = [:]
        for url in urls {
            let id = try productID(of: url)
            if let first = seen[id] {
                throw SeaIceError.invalidInput(
                    file: url.path, item: "scene \(id)",
                    expected: "a scene not given already, but \(first.path) is the same scene "
                        + "(both would write \(id).nc): give one of them")
            }
            seen[id] = url
        }
    }
}

/// The files a helper thread wrote (read after it finished).
final class URLBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [URL] = []
    /// The files.
    var urls: [URL] {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// The first error thrown on a helper thread.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    /// The stored error.
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    /// Stores `error` unless one is stored already.
    func set(_ error: Error) { lock.lock(); if stored == nil { stored = error }; lock.unlock() }
}
