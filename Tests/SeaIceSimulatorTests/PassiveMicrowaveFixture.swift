import Foundation
import SeaIceSimulator
import SeaIceTestSupport

/// The real RRDP points, the arctic.nc truth and the models built from them, read once per test run.
enum PassiveMicrowaveFixture {
    struct Loaded: Sendable {
        let signatures: MicrowaveSignatures, truth: ArcticMapTruth, model: AMSR2EmissionModel,
            climatology: WeatherClimatology
    }
    static var loaded: Loaded { get throws { try result.get() } }
    private static let result = Result<Loaded, Error> {
        let data = try TestPaths.requireSharedData()
        let signatures = try MicrowaveSignatures(folder: data.appendingPathComponent("cimr-rrdp"))
        return Loaded(
            signatures: signatures, truth: try ArcticMapTruth(dataFolder: data),
            model: AMSR2EmissionModel(fitting: signatures), climatology: WeatherClimatology(signatures: signatures))
    }

    /// 2020-11-02 00:00 UTC.
    static let day = Date(timeIntervalSince1970: 1_604_275_200)
}
