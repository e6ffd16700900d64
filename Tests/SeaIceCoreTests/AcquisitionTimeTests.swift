import Foundation
import SeaIceCore
import XCTest

/// Acquisition times from Sentinel-1 product ids and AI4Arctic scene ids.
final class AcquisitionTimeTests: XCTestCase {
    func testProductIdsGiveStartAndStop() {
        let id = "S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15"
        let t = AcquisitionTime.interval(ofProductID: id)
        XCTAssertEqual(t?.start.timeIntervalSince1970, 1_669_772_622)
        XCTAssertEqual(t?.duration, 64)
        let raw = "S1B_EW_GRDM_1SDH_20180124T194759_20180124T194903_009306_010B6B_9C47_icechart_dmi_201801241950.nc"
        XCTAssertEqual(AcquisitionTime.interval(ofProductID: raw)?.duration, 64)
    }

    func testMalformedNamesGiveNil() {
        for bad in [
            "", "S1A_EW_GRDM_1SDH_20180607T184326_fixture", "S1A_EW_GRDM_1SDH_20221330T014342_20221130T014446_x",
            "S1A_EW_GRDM_1SDH_20221130T014446_20221130T014342_stop_before_start",
        ] {
            XCTAssertNil(AcquisitionTime.interval(ofProductID: bad), bad)
        }
        XCTAssertNil(AcquisitionTime.parse("20221130 014342"))
        XCTAssertNil(AcquisitionTime.parse("20221130T246000"))
    }

    func testSceneIdsGiveTheStart() {
        let t = AcquisitionTime.interval(ofSceneID: "20180607T184326_dmi_prep.nc")
        XCTAssertEqual(t?.start.timeIntervalSince1970, 1_528_397_006)
        XCTAssertEqual(t?.duration, 0)
        XCTAssertNil(AcquisitionTime.interval(ofSceneID: "scene.nc"))
    }
}
