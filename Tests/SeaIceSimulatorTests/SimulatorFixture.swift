import Foundation
import Logging
import SeaIceGDAL
import SeaIceSentinel1
import SeaIceSimulator
import SeaIceTestSupport

/// Shared, lazily loaded simulator resources (the real XML and RRDP files are read once per run).
enum SimulatorFixture {
    /// The resources read from ../shared/data; throws `XCTSkip` naming the folder when it is absent.
    static var resources: SimulatorResources { get throws { try loaded.get() } }

    /// A simulator over `resources`; throws as `resources` does.
    static var simulator: SceneSimulator { get throws { try simulatorResult.get() } }

    private static let loaded = Result<SimulatorResources, Error> {
        try SimulatorResources(dataFolder: try TestPaths.requireSharedData())
    }

    private static let simulatorResult = Result<SceneSimulator, Error> {
        SceneSimulator(resources: try loaded.get(), logger: Logger(label: "test.simulator"))
    }

    /// A small scene covering ~100 km at 400 m, with small polygons for variety.
    static func config(size: Int = 200, spacing: Int = 400) -> SimulationConfig {
        var c = SimulationConfig(size: size)
        c.pixelSpacing = spacing
        c.polygonSizeKm = 25
        return c
    }

    /// Calibrates a simulated SAFE product of a 215 × 210 scene (reduction 50) with SeaIceSentinel1 (σ⁰ LUT
    /// and annotated noise) at a lattice of pixels and returns the worst |σ⁰ − simulated σ⁰| in units of the
    /// DN quantisation tolerance (≤ 1 means the simulated noise-free σ⁰ comes back exactly, to quantisation).
    static func worstCalibrationError(safe url: URL, scene: SimulatedScene) throws -> Double {
        let product = try SAFEProduct(url: url)
        var worst = 0.0
        let width = scene.samples, height = scene.lines
        for (pol, truth) in [(Polarisation.hh, scene.trueHHDB), (.hv, scene.trueHVDB)] {
            let meta = try product.metadata(pol)
            guard meta.annotation.lines == height, meta.annotation.samples == width else { return .infinity }
            let raster = try GDALRaster(path: meta.files.measurement)
            var dn = [UInt16](repeating: 0, count: width * height)
            try dn.withUnsafeMutableBufferPointer { try raster.readUInt16(x: 0, y: 0, width: width, height: height, into: $0) }
            var noise = [Float](repeating: 0, count: width)
            for line in stride(from: 20, to: 200, by: 30) {
                noise.withUnsafeMutableBufferPointer { meta.noise.row(at: line, into: $0) }
                for pixel in stride(from: 10, to: 200, by: 17) {
                    let a = Double(meta.calibration.sigmaNought.value(line: line, pixel: pixel))
                    let d = Double(dn[line * width + pixel])
                    let sigma = (d * d - Double(noise[pixel])) / (a * a)
                    let expected = pow(10, Double(truth[line * width + pixel]) / 10)
                    // DN quantisation: |Δσ⁰| ≤ (DN + ¼)/A².
                    worst = max(worst, abs(sigma - expected) / ((d + 0.25) / (a * a) + 1e-9))
                }
            }
        }
        return worst
    }
}
