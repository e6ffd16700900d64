import SeaIceAuxiliary
import SeaIcePassiveMicrowave
import XCTest

/// The weather filters on hand-made points: each test just below, at and just above its threshold.
final class WeatherFilterTests: XCTestCase {
    /// Brightness temperatures with GR(high/19V) = `gr` exactly representable: 19V = 200, high = 200(1+g)/(1−g).
    private func point(_ channel: AMSR2Reader.Channel, gr: Double) -> BrightnessTemperatures {
        var tb: BrightnessTemperatures = [.v18_7: 200, .v23_8: 200, .v36_5: 200, .v89_0: 200, .h18_7: 190]
        tb[channel] = 200 * (1 + gr) / (1 - gr)
        return tb
    }

    func testNASATeamFilterFiresAboveItsThresholds() {
        let f = WeatherFilter.nasaTeam
        XCTAssertFalse(f.isWeather(point(.v36_5, gr: 0.049)))
        XCTAssertTrue(f.isWeather(point(.v36_5, gr: 0.051)))
        XCTAssertFalse(f.isWeather(point(.v23_8, gr: 0.044)))
        XCTAssertTrue(f.isWeather(point(.v23_8, gr: 0.046)))
        XCTAssertFalse(f.isWeather(point(.v89_0, gr: 0.3)), "NT does not read 89 GHz")
        XCTAssertEqual(f.requiredChannels, [.v36_5, .v18_7, .v23_8])
    }

    func testASIFilterIsInclusive() {
        let f = WeatherFilter.asi
        XCTAssertFalse(f.isWeather(point(.v36_5, gr: 0.044)))
        XCTAssertTrue(f.isWeather(point(.v36_5, gr: 0.046)))
        XCTAssertFalse(f.isWeather(point(.v23_8, gr: 0.039)))
        XCTAssertTrue(f.isWeather(point(.v23_8, gr: 0.041)))
        // Exactly at the threshold: ASI's test is ≥, NT's is >.
        let at: BrightnessTemperatures = [.v18_7: 100, .v36_5: 100 * 1.045 / 0.955, .v23_8: 100]
        let gr = (at[.v36_5]! - 100) / (at[.v36_5]! + 100)
        XCTAssertEqual(WeatherFilter.Test(high: .v36_5, low: .v18_7, threshold: gr, inclusive: true).fires(at), true)
        XCTAssertEqual(WeatherFilter.Test(high: .v36_5, low: .v18_7, threshold: gr, inclusive: false).fires(at), false)
    }

    func testNewMaskReadsOnly89And19() {
        let f = WeatherFilter.gr8919(threshold: 0.06)
        XCTAssertEqual(f.requiredChannels, [.v89_0, .v18_7])
        XCTAssertFalse(f.isWeather(point(.v89_0, gr: 0.059)))
        XCTAssertTrue(f.isWeather(point(.v89_0, gr: 0.061)))
        XCTAssertFalse(f.isWeather(point(.v36_5, gr: 0.3)))
    }

    func testDiscriminantMaskReadsOnly89And19AndSumsItsTerms() {
        let f = WeatherFilter.lda8919()
        XCTAssertEqual(Set(f.requiredChannels), [.v89_0, .v18_7, .h89_0, .h18_7])
        // One term of weight 1 is the GR test itself.
        let single = WeatherFilter.Discriminant(terms: [.init(high: .v89_0, low: .v18_7, weight: 1)], threshold: 0.06)
        XCTAssertFalse(single.fires(point(.v89_0, gr: 0.059)))
        XCTAssertTrue(single.fires(point(.v89_0, gr: 0.061)))
        // Two terms: 2·GR(89V/18.7V) − PR(18.7) on a hand-made point.
        let tb: BrightnessTemperatures = [.v18_7: 200, .h18_7: 100, .v89_0: 300, .h89_0: 250]
        let two = WeatherFilter.Discriminant(terms: [.init(high: .v89_0, low: .v18_7, weight: 2),
                                                     .init(high: .v18_7, low: .h18_7, weight: -1)], threshold: 0)
        XCTAssertEqual(two.score(tb), 2 * 0.2 - 1.0 / 3, accuracy: 1e-15)
        XCTAssertTrue(two.fires(tb))
        XCTAssertTrue(two.score([.v18_7: 200]).isNaN)
        XCTAssertFalse(WeatherFilter(name: "x", tests: [], discriminants: [two]).isWeather([.v18_7: 200]))
        // Over ice (GR(89/18.7) < 0, PR(18.7) ≈ 0.04) the recorded mask stays quiet; over open water under cloud
        // (89 GHz raised, PR(18.7) ≈ 0.15) it fires.
        XCTAssertFalse(f.isWeather([.v18_7: 250, .h18_7: 230, .v89_0: 225, .h89_0: 215]))
        XCTAssertTrue(f.isWeather([.v18_7: 195, .h18_7: 125, .v89_0: 250, .h89_0: 215]))
        XCTAssert(f.description.hasPrefix("0.984704·GR(89.0V/18.7V) − 0.947885·GR(89.0H/18.7H) + 1·GR(18.7V/18.7H)"))
    }

    func testFilteredEstimateIsZeroWithOpenWaterUncertainty() {
        var tb = point(.v36_5, gr: 0.08)
        tb[.h18_7] = 230
        let e = NASATeam().estimate(tb, filter: .nasaTeam)
        XCTAssertEqual(e.concentration, 0)
        XCTAssertEqual(e.flags, .weatherFiltered)
        XCTAssertEqual(e.uncertainty, NASATeam.rrdpSpread.openWater)
        XCTAssertEqual(NASATeam().estimate(tb).flags.contains(.weatherFiltered), false)
    }
}
