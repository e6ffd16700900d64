import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceNetCDF

/// The file formats simulated scenes are written in.
public enum SimulationOutputFormat: String, Codable, Sendable, CaseIterable {
    /// AI4Arctic raw netCDF (40 m layout, chart as polygons + SIGRID-3 codes).
    case ai4arcticRaw = "ai4arctic-raw"
    /// AI4Arctic ready-to-train netCDF: the raw file converted by SeaIceAI4Arctic's `ReadyConverter`.
    case ai4arcticReady = "ai4arctic-ready"
    /// A Sentinel-1 EW SAFE folder (real XML, simulated DN) through SeaIceSentinel1's `SyntheticProduct`.
    case safe
}

/// Writes simulated scenes in a `SimulationOutputFormat`, every file marked as simulated.
public struct SimulatedDatasetWriter: Sendable {
    /// The format written.
    public let format: SimulationOutputFormat
    let logger: Logger
    /// The real SAFE product the `safe` format takes its XML from.
    public let safeTemplate: URL?

    /// A writer of `format`; `safe` needs the real template SAFE folder (`SimulatedSAFEWriter.template`).
    public init(format: SimulationOutputFormat, safeTemplate: URL? = nil, logger: Logger) {
        self.format = format
        self.safeTemplate = safeTemplate
        self.logger = logger
    }

    /// The configuration to simulate for this format: `safe` covers the whole Kara Sea product at the
    /// reduction whose size is closest to `config.samples`; the other formats take `config` as it is.
    public func prepare(_ config: SimulationConfig, resources: SimulatorResources) throws -> SimulationConfig {
        guard format == .safe else { return config }
        let k = SimulatedSAFEWriter.reduction(forSize: config.samples)
        return try SimulatedSAFEWriter.config(config, reduction: k, template: resources.templates[0].geometry)
    }

    /// Checks that `config` can be written in this format (ready-to-train needs 40 m raw scenes).
    public func validate(_ config: SimulationConfig) throws {
        if format == .ai4arcticReady && config.pixelSpacing != 40 {
            throw SeaIceError.configuration("ai4arctic-ready is converted from 40 m raw scenes; got a pixel spacing of \(config.pixelSpacing) m")
        }
    }

    /// Writes `scene` into `folder`; returns the file written.
    @discardableResult
    public func write(_ scene: SimulatedScene, to folder: URL) throws -> URL {
        try validate(scene.config)
        switch format {
        case .ai4arcticRaw:
            return try AI4ArcticRawWriter.write(scene, to: folder)
        case .safe:
            guard let template = safeTemplate else {
                throw SeaIceError.configuration("the safe format needs the real template SAFE folder")
            }
            return try SimulatedSAFEWriter.write(scene, reduction: scene.config.pixelSpacing / 40, template: template, to: folder)
        case .ai4arcticReady:
            // Raw into a private temporary folder, converted there, marked simulated, then moved into place.
            let work = folder.appendingPathComponent(".simulate-\(scene.seed)-\(getpid())")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: work) }
            let raw = try AI4ArcticRawWriter.write(scene, to: work)
            let ready = try ReadyConverter(logger: logger).convert(raw: raw, outputDirectory: work)
            let nc = try NetCDFFile.open(ready, writable: true)
            do {
                try nc.redefine()
                try nc.setAttributes(try AI4ArcticRawWriter.globalAttributes(scene).filter { $0.0 != "pixel_spacing" && $0.0 != "ice_service" })
                try nc.close()
            } catch {
                try? nc.close()
                throw error
            }
            let destination = folder.appendingPathComponent(ready.lastPathComponent)
            try AtomicOutput.write(to: destination) { tmp in try FileManager.default.moveItem(at: ready, to: tmp) }
            return destination
        }
    }
}
