import Foundation
import Logging
import SeaIceSimulator
import SeaIceTestSupport

/// Shared, lazily loaded simulator resources (the real XML and RRDP files are read once per run).
enum SimulatorFixture {
    static let resources: SimulatorResources = {
        // Tests cannot throw from a static initialiser; a missing ../shared is a setup error.
        do { return try SimulatorResources(dataFolder: TestPaths.shared.appendingPathComponent("data")) } catch {
            fatalError("cannot read the simulator's real data in ../shared/data: \(error)")
        }
    }()

    static let simulator = SceneSimulator(resources: resources, logger: Logger(label: "test.simulator"))

    /// A small scene covering ~100 km at 400 m, with small polygons for variety.
    static func config(size: Int = 200, spacing: Int = 400) -> SimulationConfig {
        var c = SimulationConfig(size: size)
        c.pixelSpacing = spacing
        c.polygonSizeKm = 25
        return c
    }
}
