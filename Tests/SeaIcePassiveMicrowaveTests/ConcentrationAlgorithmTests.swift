import SeaIceAuxiliary
import SeaIceCore
import SeaIcePassiveMicrowave
import XCTest

/// Invalid brightness temperatures, missing channels, the field API and the uncertainty propagation.
final class ConcentrationAlgorithmTests: XCTestCase {
    private let ice: BrightnessTemperatures = [.h18_7: 235.5, .v18_7: 250.9, .v36_5: 241.3, .v23_8: 245,
                                               .h89_0: 220, .v89_0: 231.7]

    func testOutOfRangeAndNaNAreInvalidNeverAConcentration() {
        for bad in [49.9, 350.1, .nan, -999, 65535 * 0.01 + 300] {
            for channel in [AMSR2Reader.Channel.h18_7, .v18_7, .v36_5] {
                var tb = ice
                tb[channel] = bad
                let e = NASATeam().estimate(tb)
                XCTAssertTrue(e.concentration.isNaN, "\(channel.label) = \(bad)")
                XCTAssertEqual(e.flags, .invalidInput)
            }
        }
        var tb = ice
        tb[.v23_8] = .nan
        XCTAssertEqual(NASATeam().estimate(tb).flags, [], "a channel NT does not read")
        XCTAssertEqual(NASATeam().estimate(tb, filter: .nasaTeam).flags, .invalidInput, "a channel the filter reads")
        tb[.v18_7] = nil
        XCTAssertEqual(NASATeam().estimate(tb).flags, .invalidInput)
    }

    func testFieldListsMissingChannels() {
        let fields: [AMSR2Reader.Channel: [Double]] = [.h18_7: [235.5]]
        XCTAssertThrowsError(try NASATeam().estimate(fields: fields, filter: .nasaTeam, source: "swath.h5")) { e in
            let text = "\(e)"
            for name in ["swath.h5", "18.7V", "36.5V", "23.8V"] { XCTAssert(text.contains(name), text) }
            XCTAssertFalse(text.contains("channels 18.7H"), text)
        }
        let uneven: [AMSR2Reader.Channel: [Double]] = [.h89_0: [200, 210], .v89_0: [220]]
        XCTAssertThrowsError(try ASI().estimate(fields: uneven, source: "grid")) { XCTAssert("\($0)".contains("grid")) }
    }

    func testFieldMatchesPointwiseAndCountsFlags() throws {
        let h = [235.5, 120.5, 30, 250], v = [250.9, 185.9, 250, 255], v37 = [241.3, 210.5, 240, 250]
        let field = try NASATeam().estimate(fields: [.h18_7: h, .v18_7: v, .v36_5: v37], source: "test")
        XCTAssertEqual(field.concentration[0], 1)
        XCTAssertEqual(field.concentration[1], 0)
        XCTAssertTrue(field.concentration[2].isNaN)
        XCTAssertEqual(field.count(.invalidInput), 1)
        XCTAssertEqual(field.count(.clamped), 1)
        XCTAssertEqual(field.uncertainty[0], NASATeam.rrdpSpread.ice, accuracy: 1e-15)
    }

    func testUncertaintyMixesTheTiePointSpreads() {
        let s = TiePointSpread(openWater: 0.03, ice: 0.04)
        XCTAssertEqual(s.uncertainty(at: 0), 0.03)
        XCTAssertEqual(s.uncertainty(at: 1), 0.04)
        XCTAssertEqual(s.uncertainty(at: 0.5), (0.015 * 0.015 + 0.02 * 0.02).squareRoot(), accuracy: 1e-15)
    }
}
