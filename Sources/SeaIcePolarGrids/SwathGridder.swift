import Foundation
import SeaIceAuxiliary
import SeaIceCore

/// Grids one day of AMSR2 swaths: the samples of all swaths are pooled per geolocation (89 GHz at every
/// 89A point, the other channels at every second one), screened (`BrightnessTemperatureScreen`, masked
/// samples never reach a cell), and resampled with one `SwathGridResampler` per geolocation.
public struct SwathGridder: Sendable {
    /// The target grid.
    public var grid: PolarStereographicGrid
    /// Resampling choices.
    public var configuration: GridResamplingConfiguration
    /// Worker threads.
    public var threads: Int

    /// A gridder.
    public init(grid: PolarStereographicGrid, configuration: GridResamplingConfiguration, threads: Int = 1) {
        self.grid = grid
        self.configuration = configuration
        self.threads = threads
    }

    /// The gridded channels of `swaths` for `day`, and what the screen masked (swath samples).
    /// Every swath must hold every channel in `channels` (`AMSR2Reader.swath(channels:)` checks that).
    public func grid(_ swaths: [AMSR2Swath], channels: [AMSR2Reader.Channel], day: Date, simulated: Bool)
        throws -> (tb: GriddedBrightnessTemperatures, screen: BrightnessTemperatureScreen, samplesOnGrid: Int)
    {
        precondition(!swaths.isEmpty, "no swath to grid")
        var screen = BrightnessTemperatureScreen()
        var out: [AMSR2Reader.Channel: [Float]] = [:]
        var onGrid = 0
        let steps = Set(channels.compactMap { swaths[0].channels[$0]?.step }).sorted()
        for step in steps {
            let group = channels.filter { swaths[0].channels[$0]?.step == step }
            var lat: [Double] = [], lon: [Double] = []
            for s in swaths {
                let p = s.geolocation.points(step: step)
                lat += p.latitude
                lon += p.longitude
            }
            let resampler = try SwathGridResampler(grid: grid, latitude: lat, longitude: lon,
                                                   configuration: configuration, threads: threads)
            onGrid = max(onGrid, resampler.samplesOnGrid)
            for c in group {
                var values: [Float] = []
                values.reserveCapacity(lat.count)
                for s in swaths {
                    guard let samples = s.channels[c], samples.step == step else {
                        throw SeaIceError.invalidInput(file: s.url.path, item: "channel \(c.frequency) GHz \(c.polarisation)",
                                                       expected: "samples at every \(step == 1 ? "" : "second ")89A point like the other swaths of the day")
                    }
                    values += samples.values.map(Float.init)
                }
                screen.screen(&values, channel: c)
                out[c] = resampler.resample(values, threads: threads)
            }
        }
        let source = swaths.map { $0.url.lastPathComponent }.joined(separator: ", ")
        return (GriddedBrightnessTemperatures(grid: grid, day: day, channels: out, simulated: simulated, source: source),
                screen, onGrid)
    }
}
