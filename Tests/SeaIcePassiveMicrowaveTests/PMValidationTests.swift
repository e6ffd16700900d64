import Foundation
import SeaIcePassiveMicrowave
import SeaIceTestSupport
import XCTest

/// The validation on the real RRDP points (held-out half): the bounds, the tuning and spreads that the
/// library's constants record, and bit-for-bit reproducibility.
final class PMValidationTests: XCTestCase {
    private static let data = Result { try RRDPData(folder: TestPaths.requireSharedData("cimr-rrdp")) }

    private func load() throws -> RRDPData { try Self.data.get() }

    /// The standard validation, computed once for the tests that read it.
    private static let standardRun = Result { try PMValidationTests.run() }

    private static func run() throws -> PMValidation {
        let data = try PMValidationTests.data.get()
        let algorithms = try PMValidation.standardAlgorithms(data: data,
                                                             aux: try TestPaths.requireSharedData("cimr-rrdp/aux"))
        return PMValidation(data: data, algorithms: algorithms, filters: PMValidation.standardFilters)
    }

    func testNASATeamBiasWithinFivePercentAfterItsFilter() throws {
        let v = try Self.standardRun.get()
        // Tie points fitted to the training half: within 5 % at SIC = 1 and at SIC = 0 on the held-out half.
        let nt = try XCTUnwrap(v.row("nasa-team-rrdp", "nt-filter"))
        XCTAssertLessThanOrEqual(abs(nt.iceBias), 0.05)
        XCTAssertLessThanOrEqual(abs(nt.waterBias), 0.05)
        XCTAssertGreaterThan(nt.iceCount, 2000)
        XCTAssertGreaterThan(nt.waterCount, 1500)
        XCTAssertEqual(nt.iceRMSE, (nt.iceBias * nt.iceBias + nt.iceStandardDeviation * nt.iceStandardDeviation)
            .squareRoot(), accuracy: 1e-15)
        // The NSIDC-0802 tie points meet the bound over open water but not over ice: −8.0 % at SIC = 1 on these
        // year-round points (summer melt and autumn freeze-up down to −27 %; BENCHMARKS.md). Pinned as measured.
        let nsidc = try XCTUnwrap(v.row("nasa-team", "nt-filter"))
        XCTAssertLessThanOrEqual(abs(nsidc.waterBias), 0.05)
        XCTAssertEqual(nsidc.iceBias, -0.080, accuracy: 0.001)
        // The filter helps over water and costs nothing over ice here.
        let raw = try XCTUnwrap(v.row("nasa-team", "none"))
        XCTAssertLessThan(nsidc.waterAsIce, raw.waterAsIce)
        XCTAssertLessThanOrEqual(nsidc.iceRemoved, 0.01)
        // ASI is reported the same way; with its filter both biases are small.
        let asi = try XCTUnwrap(v.row("asi", "asi-filter"))
        XCTAssertLessThanOrEqual(abs(asi.waterBias), 0.05)
        XCTAssertLessThanOrEqual(abs(asi.iceBias), 0.05)
    }

    func testNewMaskAgainstTheNASATeamFilterAsMeasured() throws {
        let v = try Self.standardRun.get()
        let nt = try XCTUnwrap(v.row("nasa-team", "nt-filter"))
        let mask = try XCTUnwrap(v.row("nasa-team", "gr89-19-mask"))
        // Held out: the mask loses no more ice than the NT filter …
        XCTAssertLessThanOrEqual(mask.iceRemoved, nt.iceRemoved)
        // … but removes fewer weather-contaminated open-water points (87.8 % against 95.9 %, BENCHMARKS.md): the
        // seed's claim does not hold on these real points. Pinned so that a change of the numbers is noticed.
        XCTAssertEqual(v.heldOutContaminated, 98)
        XCTAssertEqual(mask.contaminatedRemoved, 86.0 / 98, accuracy: 1e-12)
        XCTAssertEqual(nt.contaminatedRemoved, 94.0 / 98, accuracy: 1e-12)
        XCTAssertLessThan(mask.contaminatedRemoved, nt.contaminatedRemoved)
        XCTAssert(v.markdown.contains("- gr89-19-mask: removes 86/98 (87.76 %)"))
    }

    func testDiscriminantMaskAgainstTheNASATeamFilterAsMeasured() throws {
        let v = try Self.standardRun.get()
        // The tuning on the training half: NT's ice loss there (0 of 2408) is the constraint, and the
        // discriminant removes one contaminated point fewer than the NT filter (79 against 80 of 85).
        XCTAssertEqual(v.discriminantTuning.iceLoss, 0)
        XCTAssertEqual(v.discriminantTuning.nasaTeamIceLoss, 0)
        XCTAssertEqual(v.discriminantTuning.contaminatedRemoved, 79.0 / 85, accuracy: 1e-12)
        XCTAssertEqual(v.discriminantTuning.nasaTeamContaminatedRemoved, 80.0 / 85, accuracy: 1e-12)
        // Held out: no ice lost, 84 of the 98 contaminated points removed against the NT filter's 94; pinned as
        // measured (the seed's claim does not hold for this design either).
        let nt = try XCTUnwrap(v.row("nasa-team", "nt-filter"))
        let lda = try XCTUnwrap(v.row("nasa-team", "lda89-19-mask"))
        XCTAssertLessThanOrEqual(lda.iceRemoved, nt.iceRemoved)
        XCTAssertEqual(lda.contaminatedRemoved, 84.0 / 98, accuracy: 1e-12)
        XCTAssertLessThan(lda.contaminatedRemoved, nt.contaminatedRemoved)
        // Open water as a whole: the discriminant still flags nearly all of it (clear water too), like GR(89V/18.7V).
        XCTAssertLessThanOrEqual(lda.waterAsIce, 0.01)
        XCTAssert(v.markdown.contains("- lda89-19-mask: removes 84/98 (85.71 %)"))
        XCTAssert(v.markdown.contains("it does not beat the NT filter"))
    }

    func testNASATeamTiePointChoicesAndMonthlyBias() throws {
        let v = try Self.standardRun.get()
        // NSIDC's tie points for the Unified L1R brightness temperatures: within the bound at both ends.
        let unified = try XCTUnwrap(v.row("nasa-team-au-si", "nt-filter"))
        XCTAssertLessThanOrEqual(abs(unified.iceBias), 0.05)
        XCTAssertLessThanOrEqual(abs(unified.waterBias), 0.05)
        XCTAssertEqual(unified.iceBias, -0.034, accuracy: 0.001)
        // The NSIDC-0802 tie points' −8 % comes from melt and freeze-up (August −27 %); February–May are −3.9 … −5.0 %.
        let m = v.nasaTeamIceBiasByMonth
        XCTAssertEqual(m.count, 12)
        XCTAssertEqual(m[7], -0.272, accuracy: 0.001)
        XCTAssertEqual(m[8], -0.270, accuracy: 0.001)
        for month in 1...4 { XCTAssertLessThanOrEqual(abs(m[month]), 0.051, "month \(month + 1)") }
        XCTAssert(v.markdown.contains("Aug -27.2"))
        XCTAssert(v.markdown.contains("nasa-team-rrdp + nt-filter"))
        XCTAssert(v.markdown.contains("nasa-team-au-si + nt-filter"))
        XCTAssertFalse(v.markdown.contains("nasa-team + nt-filter,"))
    }

    func testConstantsAreWhatTheTrainingHalfGives() throws {
        let train = try load().split(.training)
        let tuning = WeatherMaskTuning.tune(training: train)
        XCTAssertEqual(tuning.threshold, WeatherMaskTuning.rrdpThreshold)
        XCTAssertEqual(tuning.iceLoss, 0)
        XCTAssertEqual(tuning.nasaTeamIceLoss, 0)
        let lda = WeatherMaskTuning.tuneDiscriminant(training: train)
        let recorded = WeatherMaskTuning.rrdpDiscriminant
        for (w, t) in zip(lda.weights, recorded.terms) { XCTAssertEqual(w, t.weight, accuracy: 5e-7) }
        XCTAssertEqual(lda.threshold, recorded.threshold, accuracy: 5e-7)
        let nt = TiePointSpread.measure(NASATeam(), water: train.water, ice: train.ice)
        XCTAssertEqual(nt.openWater, NASATeam.rrdpSpread.openWater, accuracy: 5e-5)
        XCTAssertEqual(nt.ice, NASATeam.rrdpSpread.ice, accuracy: 5e-5)
        let asi = TiePointSpread.measure(ASI(), water: train.water, ice: train.ice)
        XCTAssertEqual(asi.openWater, ASI.rrdpSpread.openWater, accuracy: 5e-5)
        XCTAssertEqual(asi.ice, ASI.rrdpSpread.ice, accuracy: 5e-5)
    }

    func testSameNumbersEveryRun() throws {
        let a = try Self.standardRun.get(), b = try Self.run()
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.markdown, b.markdown)
        XCTAssertEqual(Array(Set(a.rows.map(\.algorithm))).sorted(), ["asi", "cci-hybrid-CKA", "cci-hybrid-KA",
                                                                     "cci-hybrid-KKA", "nasa-team", "nasa-team-au-si",
                                                                     "nasa-team-rrdp"])
        XCTAssertEqual(a.rows.count, 7 * 5)
        XCTAssert(a.markdown.contains("Real data"))
    }
}
