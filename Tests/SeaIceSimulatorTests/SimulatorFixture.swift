import Foundation
import Logging
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
}
