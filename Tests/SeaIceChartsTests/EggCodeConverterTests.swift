import SeaIceCharts
import SeaIceCore
import XCTest

/// An egg code from the leading fields "CT;CA;SA;FA;CB;…" of a golden-vector row (the rest not filled).
func egg(_ codes: String, _ type: PolygonType = .ice) -> EggCode {
    var fields = codes.split(separator: ";").map { Int($0)! }.map { $0 == -9 ? nil : $0 } as [Int?]
    fields += Array(repeating: nil, count: 12 - fields.count)
    return EggCode(ct: fields[0], ca: fields[1], sa: fields[2], fa: fields[3], cb: fields[4], sb: fields[5],
                   fb: fields[6], cc: fields[7], sc: fields[8], fc: fields[9], cn: fields[10], cd: fields[11],
                   polygonType: type)
}

final class EggCodeConverterTests: XCTestCase {
    /// Every golden vector of ai4arctic.md (produced by the reference function), with the corrected-mode result.
    /// (codes, type, reference SIC/SOD/FLOE, corrected SIC/SOD/FLOE)
    static let golden: [(String, PolygonType, [UInt8], [UInt8])] = [
        ("01;-9;-9;-9", .water, [0, 0, 0], [0, 0, 0]),
        ("92;-9;91;08", .ice, [10, 4, 255], [10, 4, 255]),
        ("92;-9;95;06", .ice, [10, 5, 5], [10, 5, 5]),
        ("90;60;93;05;30;87;04", .ice, [9, 4, 4], [9, 4, 4]),
        ("90;50;93;05;40;87;04", .ice, [9, 255, 255], [9, 255, 255]),
        ("90;50;93;05;40;91;05", .ice, [9, 4, 4], [9, 4, 4]),
        ("80;40;86;03;30;83;02;10;81;01", .ice, [8, 255, 255], [8, 255, 255]),
        ("30;-9;84;02", .ice, [3, 2, 1], [3, 2, 1]),
        ("91;70;95;06;20;93;05", .ice, [10, 5, 5], [10, 5, 5]),
        ("55", .ice, [0, 0, 0], [0, 0, 0]),
        // Quirk 1: the interval code 46 (4/10–6/10) passes through as SIC 46; corrected: its middle, 5.
        ("46;-9;87;04", .ice, [46, 3, 3], [5, 3, 3]),
        ("99;-9;99;99", .ice, [255, 255, 255], [255, 255, 255]),
        ("70;40;91;22;30;87;22", .ice, [7, 255, 255], [7, 255, 255]),
        ("60;30;97;09;30;93;09", .ice, [6, 255, 6], [6, 255, 6]),
        // Quirk 2: three partials of one class (4/4/2) merge to 6/10 < 0.65; corrected: 10/10.
        ("92;40;93;05;40;91;05;20;86;05", .ice, [10, 255, 255], [10, 4, 4]),
        ("92;40;93;05;30;91;05;30;86;05", .ice, [10, 4, 4], [10, 4, 4]),
        ("90;60;93;05;30;87;04", .water, [0, 0, 0], [0, 0, 0]),
        ("10;-9;81;-9", .ice, [1, 1, 255], [1, 1, 255]),
        ("02", .ice, [0, 0, 0], [0, 0, 0]),
        ("92;-9;98;10", .ice, [10, 255, 6], [10, 255, 6]),
    ]

    func testGoldenVectorsReferenceMode() {
        XCTAssertEqual(Self.golden.count, 20)
        let converter = EggCodeConverter()
        for (codes, type, expected, _) in Self.golden {
            let labels = converter.labels(for: egg(codes, type))
            XCTAssertEqual([labels.sic, labels.sod, labels.floe], expected, "\(codes) \(type)")
        }
    }

    func testGoldenVectorsCorrectedMode() {
        let converter = EggCodeConverter(mode: .corrected)
        for (codes, type, _, expected) in Self.golden {
            let labels = converter.labels(for: egg(codes, type))
            XCTAssertEqual([labels.sic, labels.sod, labels.floe], expected, "\(codes) \(type)")
        }
    }

    func testCorrectedModeIntervalsAndThicknessCodes() {
        let converter = EggCodeConverter(mode: .corrected)
        // 45 (4/10–5/10) → 4.5 rounds up to 5; 81 (8/10–10/10) → 9; 13 (1/10–3/10) → 2.
        XCTAssertEqual(converter.labels(for: egg("45;-9;87;04")).sic, 5)
        XCTAssertEqual(converter.labels(for: egg("81;-9;87;04")).sic, 9)
        XCTAssertEqual(converter.labels(for: egg("13;-9;87;04")).sic, 2)
        // Ice free (98, SIGRID-3 2014) is open water in corrected mode, passes through in reference mode.
        XCTAssertEqual(converter.labels(for: egg("98")), ChartLabels(sic: 0, sod: 0, floe: 0))
        XCTAssertEqual(EggCodeConverter().labels(for: egg("98")).sic, 98)
        // Thickness code 30 (30 cm) → thin first-year; reference passes 30 through as SOD.
        XCTAssertEqual(converter.labels(for: egg("90;-9;30;04")).sod, SODClass.thinFirstYearIce.rawValue)
        XCTAssertEqual(EggCodeConverter().labels(for: egg("90;-9;30;04")).sod, 30)
        // Strips and patches (form 15) are masked in corrected mode.
        XCTAssertEqual(converter.labels(for: egg("90;-9;93;15")).floe, 255)
    }

    func testThresholdIsInclusive() {
        // 13/20 is not representable; 65/100 share: CT 10 with CA 6.5 is impossible, so check 2/3 ≥ 0.65 and 0.6 < 0.65.
        let converter = EggCodeConverter()
        XCTAssertEqual(converter.labels(for: egg("30;20;93;04;10;87;04")).sod, 4)   // 2/3
        XCTAssertEqual(converter.labels(for: egg("50;30;93;04;20;87;04")).sod, 255) // 3/5
        XCTAssertEqual(EggCodeConverter(dominanceThreshold: 0.5).labels(for: egg("50;30;93;04;20;87;04")).sod, 4)
    }

    func testWMOStageClasses() {
        let converter = WMOStageConverter()
        XCTAssertEqual(converter.label(for: egg("90;60;93;05;30;87;04")), WMOStageClass.thickFirstYearIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("92;-9;91;08")), WMOStageClass.mediumFirstYearIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("91;70;95;06;20;93;05")), WMOStageClass.oldIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("92;-9;96;06")), WMOStageClass.secondYearIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("92;-9;97;06")), WMOStageClass.multiYearIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("30;-9;84;02")), WMOStageClass.greyIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("30;-9;85;02")), WMOStageClass.greyWhiteIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("10;-9;81;-9")), WMOStageClass.newIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("50;-9;88;03")), WMOStageClass.thinFirstYearIce.rawValue)
        XCTAssertEqual(converter.label(for: egg("55")), WMOStageClass.openWater.rawValue)
        XCTAssertEqual(converter.label(for: egg("90;60;93;05;30;87;04", .water)), WMOStageClass.openWater.rawValue)
        XCTAssertEqual(converter.label(for: egg("-9", .land)), 255)
        // Young ice unspecified (83) names none of the ten classes.
        XCTAssertEqual(converter.label(for: egg("50;-9;83;03")), 255)
        // 4/10 + 4/10 of thin FY (87, 89) beat 2/10 MYI: classes are summed.
        XCTAssertEqual(converter.label(for: egg("92;20;97;05;40;87;05;40;89;05")), WMOStageClass.thinFirstYearIce.rawValue)
        // Tie 5/10 vs 5/10: the thickest (A) wins; with a 0.65 minimum share it is masked.
        XCTAssertEqual(converter.label(for: egg("92;50;95;05;50;93;05")), WMOStageClass.oldIce.rawValue)
        XCTAssertEqual(WMOStageConverter(minimumShare: 0.65).label(for: egg("92;50;95;05;50;93;05")), 255)
    }
}
