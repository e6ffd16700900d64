import SeaIceAI4Arctic
import SeaIceCore
import SeaIceTestSupport
import XCTest

final class AI4ArcticSchemaTests: XCTestCase {
    /// Every raw name of the real training and test lists maps to `<YYYYMMDDTHHMMSS>_<svc>_prep.nc`.
    func testNamingRuleOnRealDatalists() throws {
        for list in ["datalists/dataset.json", "datalists/testset.json"] {
            let data = try Data(contentsOf: TestPaths.requireSharedData("ai4arctic-starterpack/\(list)"))
            let names = try JSONDecoder().decode([String].self, from: data)
            XCTAssertGreaterThan(names.count, 10)
            for name in names {
                let ready = try AI4ArcticNaming.readyName(forRaw: name)
                let chars = Array(name)
                XCTAssertEqual(ready, String(chars[17..<32]) + "_" + String(chars[77..<80]) + "_prep.nc")
            }
        }
        let raw = "S1A_EW_GRDM_1SDH_20190430T101830_20190430T101930_027018_030AD3_9C47_icechart_cis_SGRDIEA_20190430T1020Z_pl_a.nc"
        XCTAssertEqual(try AI4ArcticNaming.readyName(forRaw: raw), "20190430T101830_cis_prep.nc")
        XCTAssertEqual(try AI4ArcticNaming.parseRaw(raw).month, 4)
        XCTAssertEqual(try AI4ArcticNaming.month(ofSceneID: "20180607T184326_dmi_prep.nc"), 6)
    }

    func testBadNamesNameTheFile() {
        for bad in ["short.nc", String(repeating: "x", count: 100),
                    "S1A_EW_GRDM_1SDH_20190430T101830_20190430T101930_027018_030AD3_9C47_icechart_xyz_SGRDIEA_20190430T1020Z_pl_a.nc"] {
            XCTAssertThrowsError(try AI4ArcticNaming.readyName(forRaw: bad)) { error in
                guard case let SeaIceError.invalidInput(file, item, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(file, bad)
                XCTAssertEqual(item, "file name")
            }
        }
    }

    /// The real extents printed from released files: 9985 × 10372 raw → 199 × 207 cells;
    /// 4999 × 5213 ready → 199 × 208 cells.
    func testTwoKmGridMatchesReleasedFiles() {
        let raw = AI4ArcticGeometry(lines: 9985, samples: 10372, pixelSpacing: 40)
        XCTAssertEqual(raw.pixelsPerCell, 50)
        XCTAssertEqual([raw.twoKmLines, raw.twoKmSamples], [199, 207])
        let test = AI4ArcticGeometry(lines: 9997, samples: 10563, pixelSpacing: 40)
        XCTAssertEqual([test.twoKmLines, test.twoKmSamples], [199, 211])
        let ready = AI4ArcticGeometry(lines: 4999, samples: 5213, pixelSpacing: 80)
        XCTAssertEqual(ready.pixelsPerCell, 25)
        XCTAssertEqual([ready.twoKmLines, ready.twoKmSamples], [199, 208])
        let reduced = raw.reduced(by: 2)
        XCTAssertEqual([reduced.lines, reduced.samples, reduced.pixelSpacing], [4993, 5186, 80])
        XCTAssertEqual([reduced.twoKmLines, reduced.twoKmSamples], [199, 207])
        XCTAssertTrue(reduced.twoKmGridIsConsistent)
    }

    /// Cell-centre convention: cell k covers pixels [k·c, (k+1)·c); its centre is at continuous k·c + c/2.
    func testCellCentreConvention() {
        let g = AI4ArcticGeometry(lines: 100, samples: 104, pixelSpacing: 80)
        XCTAssertEqual(g.pixelRange(ofCell: 1), 25..<50)
        XCTAssertEqual(g.cell(containingPixel: 24), 0)
        XCTAssertEqual(g.cell(containingPixel: 25), 1)
        XCTAssertEqual(g.twoKmCoordinate(ofContinuous: 37.5), 1.0, accuracy: 1e-12)  // centre of cell 1
        XCTAssertEqual(g.twoKmCoordinate(ofContinuous: 0.5), 0.02 - 0.5, accuracy: 1e-12)  // centre of pixel 0
        XCTAssertEqual(g.tiePointCoordinate(ofContinuous: 0.5, alongLines: true), 0, accuracy: 1e-12)
        XCTAssertEqual(g.tiePointCoordinate(ofContinuous: 99.5, alongLines: true), 20, accuracy: 1e-12)
        XCTAssertEqual(g.tiePointCoordinate(ofContinuous: 103.5, alongLines: false), 20, accuracy: 1e-12)
    }

    func testSchemaDeclaresEveryVariable() {
        XCTAssertEqual(AI4ArcticSchema.twoKmVariables.count, 20)
        XCTAssertEqual(AI4ArcticSchema.readyVariables.count, 29)  // as printed: "Data variables: (12/29)"
        XCTAssertEqual(AI4ArcticSchema.spec("SIC", in: .readyToTrain)?.type, .uint8)
        XCTAssertEqual(AI4ArcticSchema.spec("btemp_6_9h", in: .raw)?.type, .float64)
        XCTAssertEqual(AI4ArcticSchema.spec("btemp_6_9h", in: .readyToTrain)?.type, .float32)
        XCTAssertEqual(AI4ArcticSchema.spec("sar_grid_latitude", in: .raw)?.dimensions, ["sar_grid_points"])
        XCTAssertEqual(AI4ArcticSchema.units(of: "tcwv"), "kg m-2")
    }
}

final class AI4ArcticStatisticsTests: XCTestCase {
    /// The embedded official statistics equal the real `global_meanstd.json`, and cover every input.
    func testOfficialStatisticsEqualTheReleasedFile() throws {
        let file = try AI4ArcticStatistics.load(TestPaths.requireSharedData(
            "ai4arctic-starterpack/misc/global_meanstd.json"))
        XCTAssertEqual(file, AI4ArcticStatistics.official)
        for v in AI4ArcticSchema.fullGridInputs + AI4ArcticSchema.twoKmVariables {
            XCTAssertNotNil(AI4ArcticStatistics.official.byVariable[v], v)
        }
        XCTAssertEqual(try AI4ArcticStatistics.official.stats(for: "nersc_sar_primary").mean, -14.5082551552228)
    }

    func testBadStatisticsFileNamesFileAndVariable() throws {
        let dir = try TestPaths.temporaryDirectory("stats")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("s.json")
        try Data(#"{"t2m": {"mean": 1, "std": 0}}"#.utf8).write(to: url)
        XCTAssertThrowsError(try AI4ArcticStatistics.load(url)) { e in
            XCTAssertEqual(e as? SeaIceError, .invalidInput(file: url.path, item: "t2m", expected: "a finite mean and std > 0, found 1.0, 0.0"))
        }
        XCTAssertThrowsError(try AI4ArcticStatistics.official.stats(for: "nope"))
    }
}
