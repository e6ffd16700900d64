import Foundation
import SeaIceBench
import SeaIceTestSupport
import XCTest

/// Issue 18's corpus: every hostile case, run against the built `seaice`, ends cleanly — a non-zero
/// exit naming the file and the item at fault, no crash, no hang, no exit 0, nothing half-written.
final class ReliabilityCorpusTests: XCTestCase {
    func testEveryHostileCaseEndsCleanly() throws {
        let runner = ReliabilityRunner(binary: CommandRunner.productsDirectory.appendingPathComponent("seaice"),
                                       timeout: 120, memoryLimit: 8 << 30)
        var results: [ReliabilityRunner.Result] = []
        for c in HostileCorpus.all { results.append(try runner.run(c)) }
        let bad = results.filter { $0.outcome != .clean }
        XCTAssertTrue(bad.isEmpty, ReliabilityRunner.table(results))
        XCTAssertGreaterThanOrEqual(Set(results.map(\.reader)).count, 2)
    }

    func testTheRunnerTellsOutcomesApart() throws {
        // /bin/sh stands in for seaice: each script ends one way.
        let runner = ReliabilityRunner(binary: URL(fileURLWithPath: "/bin/sh"), timeout: 2, memoryLimit: 1 << 30)
        func outcome(_ script: String, mention: [String] = [], success: Bool = false) throws -> HostileOutcome {
            try runner.run(HostileCase(reader: "sh", name: script, mustMention: mention, expectSuccess: success) { _ in ["-c", script] })
                .outcome
        }
        XCTAssertEqual(try outcome("echo 'bad.nc: variable x' >&2; exit 1", mention: ["bad.nc", "x"]), .clean)
        XCTAssertEqual(try outcome("echo 'something failed' >&2; exit 1", mention: ["bad.nc"]), .unclear(missing: ["bad.nc"]))
        XCTAssertEqual(try outcome("exit 0"), .silent)
        XCTAssertEqual(try outcome("exit 0", success: true), .clean)
        // A success must still say what it must (e.g. how many damaged values it masked).
        XCTAssertEqual(try outcome("echo '3 NaN values masked'; exit 0", mention: ["NaN values masked"], success: true),
                       .clean)
        XCTAssertEqual(try outcome("exit 0", mention: ["NaN values masked"], success: true),
                       .unclear(missing: ["NaN values masked"]))
        XCTAssertEqual(try outcome("kill -SEGV $$"), .crash(signal: SIGSEGV))
        XCTAssertEqual(try outcome("sleep 30"), .hang)
    }
}
