import Foundation
import SeaIceClasses
import SeaIceCore
import SeaIceGDAL
import SeaIceProducts

/// The sea-ice-cover product of one scene (`../shared/specs/seaice-cover.md`, §Product): CF netCDF named
/// `SIC_<S1 product id>_V1.0.nc` with `Longitude`, `Latitude` (float32, degrees), `SeaIce` (uint8 0 water,
/// 1 ice, 255 no data; flags from `seaIce`), `Mask` (uint8 1 land) and `ice_probability` (float32 0…1), on
/// the scene's 400 m swath grid (`y`, `x`), written through SeaIceProducts' coders and `CFWriter`.
public enum CoverProduct {
    /// Classes of `SeaIce`.
    public static let seaIce = ClassTable(variable: "SeaIce", longName: "sea ice cover", entries: [
        .init(0, "open_water", label: "water", color: RGB(20, 60, 140)),
        .init(1, "sea_ice", label: "ice", color: RGB(235, 235, 240)),
    ])
    /// Classes of `Mask`.
    public static let mask = ClassTable(variable: "Mask", longName: "land mask", entries: [
        .init(0, "sea", label: "sea", color: RGB(20, 60, 140)),
        .init(1, "land", label: "land", color: RGB(120, 110, 90)),
    ])

    /// The product file name of a Sentinel-1 product id (or any scene name).
    public static func fileName(productID: String) -> String { "SIC_\(productID)_V1.0.nc" }

    /// Writes the product of `scene` with ice `probability` (threshold 0.5) as `url`; `id` (default: the file's
    /// name without extension) is the product's ACDD `id`.
    /// - Throws: `SeaIceError` naming the file when writing fails or the sizes disagree.
    public static func write(_ scene: CoverScene, probability: [Float], sourceScene: String, to url: URL,
                             id: String? = nil) throws {
        let n = scene.lines * scene.samples
        guard probability.count == n else {
            throw SeaIceError.invalidInput(file: url.path, item: "ice probability", expected: "\(n) values, found \(probability.count)")
        }
        let cover: [UInt8] = (0..<n).map { k in
            scene.land[k] || !probability[k].isFinite ? ClassTable.fillCode : (probability[k] >= 0.5 ? 1 : 0)
        }
        let globals = ProductGlobals(
            title: "Sentinel-1 sea-ice cover at \(scene.pixelSize) m (Wang & Li 2021 method, SeaIceKit)",
            summary: "Ice/open-water cover from a U-Net on the HV / polarisation-difference / ratio composite"
                + (scene.simulated ? " of a SIMULATED scene" : ""),
            source: sourceScene, history: "seaice cover predict", id: id ?? url.deletingPathExtension().lastPathComponent,
            dateCreated: Date(), bounds: GeospatialBounds(latitude: scene.latitude, longitude: scene.longitude),
            simulated: scene.simulated)
        var product = CFProduct(grid: .swath(SwathGrid(height: scene.lines, width: scene.samples)), globals: globals)
        try product.add(ContinuousCoder(name: "Longitude", standardName: "longitude", longName: "longitude", units: "degrees_east",
                                        validRange: -180...180, coverageContentType: "coordinate"), scene.longitude)
        try product.add(ContinuousCoder(name: "Latitude", standardName: "latitude", longName: "latitude", units: "degrees_north",
                                        validRange: -90...90, coverageContentType: "coordinate"), scene.latitude)
        try product.add(ClassCoder(table: seaIce), cover)
        try product.add(ClassCoder(table: mask), scene.land.map { $0 ? UInt8(1) : 0 })
        try product.add(ContinuousCoder(name: "ice_probability", longName: "probability of sea ice", units: "1", validRange: 0...1),
                        probability)
        try CFWriter().write(product, to: url)
    }
}

extension CoverProduct {
    /// The Sentinel-1 product id of a scene file name: the part before `_icechart` of AI4Arctic-style names,
    /// otherwise the name without its extension.
    public static func productID(of scene: URL) -> String {
        let base = scene.deletingPathExtension().lastPathComponent
        return base.range(of: "_icechart").map { String(base[..<$0.lowerBound]) } ?? base
    }

    /// Prepares `scene` at 400 m, predicts it with `predictor` and writes `SIC_<id>_V1.0.nc` and a PNG of the
    /// cover (`SIC_<id>_V1.0.png`) into `folder`, together; returns the netCDF.
    public static func predict(_ scene: URL, predictor: any CoverProbabilityModel, pixelSize: Int = 400,
                               configuration: CoverCompositeConfiguration = CoverCompositeConfiguration(),
                               into folder: URL) throws -> URL {
        let prepared = try CoverScene.load(scene, pixelSize: pixelSize)
        let composite = try prepared.composite(configuration)
        let probability = try predictor.probability(composite, lines: prepared.lines, samples: prepared.samples)
        let nc = folder.appendingPathComponent(fileName(productID: productID(of: scene)))
        let png = nc.deletingPathExtension().appendingPathExtension("png")
        try AtomicOutput.writeTogether([png, nc]) { urls in
            var rgb = [UInt8](repeating: 0, count: 3 * probability.count)
            for k in probability.indices {
                let c = prepared.land[k] ? mask.entries[1].color
                    : (!probability[k].isFinite ? seaIce.fillColor : seaIce.entries[probability[k] >= 0.5 ? 1 : 0].color)
                rgb[3 * k] = c.r; rgb[3 * k + 1] = c.g; rgb[3 * k + 2] = c.b
            }
            try PNGFile.write(rgb, width: prepared.samples, height: prepared.lines, bands: 3, to: urls[0])
            try write(prepared, probability: probability, sourceScene: scene.lastPathComponent, to: urls[1],
                      id: nc.deletingPathExtension().lastPathComponent)
        }
        return nc
    }
}
