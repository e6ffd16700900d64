import Foundation
import SeaIceCore
import SeaIceSentinel1

/// Writes a simulated scene as a Sentinel-1 EW SAFE folder through SeaIceSentinel1's `SyntheticProduct`:
/// the real annotation, calibration and noise XML of the Kara Sea product (rescaled by an integer
/// factor k) with measurement GeoTIFFs of DN = round(√(σ⁰·A² + N)), so calibration and ESA noise
/// removal give back the simulated noise-free σ⁰ (`SimulatedScene.trueHHDB` / `trueHVDB`, to DN
/// quantisation).
///
/// The scene must cover the whole product: `config(reduction:)` gives its size and spacing
/// (⌈10708/k⌉ × ⌈10487/k⌉ pixels of 40·k m, template 0). The folder is renamed to end in `_SIMU.SAFE`
/// and holds a `SIMULATED_DATA.txt` note, so it is never taken for a real product.
public enum SimulatedSAFEWriter {
    /// Reduction factors k for which 40·k m divides 2000 m (whole 2 km cells).
    public static let reductions = [1, 2, 5, 10, 25, 50]

    /// The real SAFE template inside the shared data folder.
    public static func template(dataFolder: URL) -> URL {
        dataFolder.appendingPathComponent("stactools-s1-ew-grdm/S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE")
    }

    /// The reduction whose product side is closest to `size` pixels.
    public static func reduction(forSize size: Int, productSamples: Int = 10487) -> Int {
        reductions.min { abs(productSamples / $0 - size) < abs(productSamples / $1 - size) }!
    }

    /// `base` resized to cover the whole Kara Sea product at reduction `k`.
    public static func config(_ base: SimulationConfig, reduction k: Int, template: EWGeometry) throws -> SimulationConfig {
        guard reductions.contains(k) else {
            throw SeaIceError.configuration("SAFE reduction must be one of \(reductions), got \(k)")
        }
        var c = base
        c.lines = (template.lines + k - 1) / k
        c.samples = (template.samples + k - 1) / k
        c.pixelSpacing = 40 * k
        c.template = 0
        return c
    }

    /// Writes `scene` (simulated with `config(_:reduction:template:)`) as `<name>_SIMU.SAFE` in `folder`.
    @discardableResult
    public static func write(_ scene: SimulatedScene, reduction k: Int, template: URL, to folder: URL) throws -> URL {
        guard scene.config.template == 0, scene.config.pixelSpacing == 40 * k else {
            throw SeaIceError.configuration("a SAFE product needs a scene made by SimulatedSAFEWriter.config (template 0, \(40 * k) m), got template \(scene.config.template.map(String.init) ?? "nil"), \(scene.config.pixelSpacing) m")
        }
        var product = SyntheticProduct(template: template)
        product.reduction = k
        product.includeNoise = true
        let hh = scene.trueHHDB, hv = scene.trueHVDB, lines = scene.lines, samples = scene.samples
        product.sigma0Source = { pol, line, pixel in
            let k = min(max(line, 0), lines - 1) * samples + min(max(pixel, 0), samples - 1)
            let db = pol == .hv || pol == .vh ? hv[k] : hh[k]
            return pow(10, Double(db) / 10)
        }
        let work = folder.appendingPathComponent(".simulate-safe-\(scene.seed)-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let written = try product.writeFolder(in: work)
        let note = """
        SIMULATED DATA - NOT A REAL SENTINEL-1 PRODUCT.
        Annotation, calibration and noise XML: the real product \(template.lastPathComponent), rescaled by \(k).
        Measurement DN: a SeaIceKit simulated scene (seed \(scene.seed), \(scene.lines) x \(scene.samples) pixels),
        DN = round(sqrt(sigma0 * A^2 + N)) with A the sigmaNought LUT and N the annotated thermal noise.

        """
        try Data(note.utf8).write(to: written.appendingPathComponent("SIMULATED_DATA.txt"))
        let name = String(written.lastPathComponent.dropLast(".SAFE".count).dropLast(4)) + "SIMU.SAFE"
        let destination = folder.appendingPathComponent(name)
        try AtomicOutput.write(to: destination) { tmp in try FileManager.default.moveItem(at: written, to: tmp) }
        return destination
    }
}
