import Foundation
import SeaIceAuxiliary
import SeaIcePassiveMicrowave
import SeaIceTestSupport
import XCTest

/// The RRDP reader on the real files (blocks with repeated column names) and on damaged copies of them.
final class RRDPFileTests: XCTestCase {
    private func folder() throws -> URL { try TestPaths.requireSharedData("cimr-rrdp") }

    func testRealFilesReadEveryRowFromTheRightBlocks() throws {
        let data = try RRDPData(folder: folder())
        XCTAssertEqual(data.ice.count, 4617)
        XCTAssertEqual(data.water.count, 3408)
        // First ice row: reference +78.500,+132.168 2017-01-05 (not the ERA block's +132.250 or AMSR2's +132.268),
        // AMSR2 18.7V 252.13 K, ERA5 u10 5.69 m/s, tcwv 1.7988 kg/m².
        let p = data.ice[0]
        XCTAssertEqual(p.latitude, 78.5)
        XCTAssertEqual(p.longitude, 132.168)
        XCTAssertEqual(p.time, "2017-01-05T23:15:16Z")
        XCTAssertEqual(p.dayOfYear, 5)
        XCTAssertEqual(p[.v18_7], 252.13)
        XCTAssertEqual(p[.h6_9Label], 230.52)
        XCTAssertEqual(p[.v89_0], 202.56)
        XCTAssertEqual(p.u10, 5.69)
        XCTAssertEqual(p.tcwv, 1.7988)
        XCTAssertEqual(p.line, 3)
        let w = data.water[0]
        XCTAssertEqual(w.referenceConcentration, 0)
        XCTAssertEqual(w[.h18_7], 106.17)
        XCTAssertEqual(w.tclw, 0)
        XCTAssertEqual(RRDPSplit.training.select(data.ice).count + RRDPSplit.heldOut.select(data.ice).count, 4617)
    }

    /// A copy of the real ice file's two header lines and first `rows` rows, edited by `edit` (lines, 0-based).
    private func damaged(rows: Int = 4, _ edit: (inout [String]) -> Void) throws -> URL {
        let handle = try FileHandle(forReadingFrom: folder().appendingPathComponent(RRDPFile.iceFileName))
        defer { try? handle.close() }
        let head = String(decoding: try handle.read(upToCount: 1 << 14) ?? Data(), as: UTF8.self)
        var lines = Array(head.split(separator: "\n").prefix(2 + rows).map(String.init))
        edit(&lines)
        let url = try TestPaths.temporaryDirectory("rrdp").appendingPathComponent("bad.text")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func assertError(_ url: URL, mentions: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try RRDPFile.read(url), file: file, line: line) { e in
            let text = "\(e)"
            for m in mentions + ["bad.text"] {
                XCTAssert(text.contains(m), "\(m) not in \(text)", file: file, line: line)
            }
        }
    }

    func testBadRowsNameFileLineAndColumn() throws {
        assertError(try damaged { $0[3] = String($0[3].prefix(100)) }, mentions: ["line 4", "66 comma-separated"])
        assertError(try damaged { $0[2] = $0[2].replacingOccurrences(of: " 252.13", with: " abc") },
                    mentions: ["line 3", "18.7GHzV", "'abc'"])
        assertError(try damaged { $0[4] = $0[4].replacingOccurrences(of: "2017-01-05T", with: "yesterdayT") },
                    mentions: ["line 5", "time"])
        assertError(try damaged { $0[1] = $0[1].replacingOccurrences(of: "18.7GHzV", with: "18.7GHzX") },
                    mentions: ["AMSR2 block"])
        assertError(try damaged { $0[1] = $0[1].replacingOccurrences(of: ",tclw,", with: ",clw,") },
                    mentions: ["tclw", "ERA block"])
        assertError(try damaged { $0.removeFirst() }, mentions: ["header"])
        assertError(try damaged(rows: 0) { _ in }, mentions: ["rows"])
        // noval in a brightness temperature is a fill value: NaN, and the algorithms call the point invalid.
        let fill = try RRDPFile.read(try damaged { $0[2] = $0[2].replacingOccurrences(of: " 252.13", with: "noval") })
        XCTAssertTrue(fill[0][.v18_7].isNaN)
        XCTAssertEqual(NASATeam().estimate(fill[0].brightnessTemperatures).flags, .invalidInput)
    }
}

private extension AMSR2Reader.Channel {
    static let h6_9Label = AMSR2Reader.channels[0]
}
