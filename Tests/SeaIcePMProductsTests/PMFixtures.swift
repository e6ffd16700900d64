import Foundation
import SeaIceAuxiliary
import SeaIcePassiveMicrowave
import SeaIceTestSupport

@testable import SeaIcePMProducts
@testable import SeaIcePolarGrids

/// A simulated day of gridded TBs on the 25 km grid: NASA Team's open-water/first-year mixture with the
/// concentration rising from 0 (west) to 1 (east), so the expected concentration of every cell is known.
enum PMFixtures {
    static let grid = PolarStereographicGrid(resolution: .km25)
    static let day = Date(timeIntervalSince1970: 19_000 * 86_400)
    static let channels = NASATeam().requiredChannels

    static func concentration(column: Int) -> Double { Double(column) / Double(grid.width - 1) }

    static func tb(_ edit: (inout [AMSR2Reader.Channel: [Float]]) -> Void = { _ in }) -> GriddedBrightnessTemperatures {
        let t = NASATeamTiePoints.amsr2NorthernHemisphere
        let ow = [t.openWater.h19, t.openWater.v19, t.openWater.v37], fy = [t.firstYear.h19, t.firstYear.v19, t.firstYear.v37]
        var channels: [AMSR2Reader.Channel: [Float]] = [:]
        for (k, c) in Self.channels.enumerated() {
            channels[c] = (0..<grid.count).map { i in
                let conc = concentration(column: i % grid.width)
                return Float(conc * fy[k] + (1 - conc) * ow[k])
            }
        }
        edit(&channels)
        return GriddedBrightnessTemperatures(grid: grid, day: day, channels: channels, simulated: true, source: "fixture")
    }

    static func masks() throws -> NSIDCMasks {
        try NSIDCMasks(grid: grid, folder: TestPaths.requireSharedData("nsidc-polarstereo/masks"), poleHole: .ssmi)
    }

    static func pipeline() throws -> PMConcentrationPipeline {
        PMConcentrationPipeline(grid: grid, method: .named(.nasaTeam, filter: .none), masks: try masks(),
                                configuration: PMConcentrationConfiguration())
    }
}
