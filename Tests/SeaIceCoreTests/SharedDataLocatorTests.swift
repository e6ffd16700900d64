import Foundation
import SeaIceCore
import SeaIceTestSupport
import XCTest

final class SharedDataLocatorTests: XCTestCase {
    func testExplicitPathWinsAndMustExist() throws {
        let dir = try TestPaths.temporaryDirectory("locator")
        XCTAssertEqual(try SharedDataLocator.locate(explicit: dir.path, environment: [:], executable: nil).path, dir.standardizedFileURL.path)
        XCTAssertThrowsError(try SharedDataLocator.locate(explicit: dir.path + "/nope", environment: [:], executable: nil)) { error in
            XCTAssert("\(error)".contains("nope"), "\(error)")
        }
    }

    func testEnvironmentVariable() throws {
        let dir = try TestPaths.temporaryDirectory("locator")
        let found = try SharedDataLocator.locate(environment: ["SEAICE_DATA": dir.path], executable: nil)
        XCTAssertEqual(found.path, dir.standardizedFileURL.path)
    }

    func testFoundBesideAnAncestorOfTheExecutable() throws {
        // root/shared/data and root/checkout/.build/release/seaice
        let root = try TestPaths.temporaryDirectory("locator")
        let data = root.appendingPathComponent("shared/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let exe = root.appendingPathComponent("checkout/.build/release/seaice")
        let cwd = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        _ = FileManager.default.changeCurrentDirectoryPath("/")
        let found = try SharedDataLocator.locate(environment: [:], executable: exe)
        XCTAssertEqual(found.resolvingSymlinksInPath().path, data.resolvingSymlinksInPath().path)
    }

    func testNothingFoundListsWhatWasTried() throws {
        let cwd = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        _ = FileManager.default.changeCurrentDirectoryPath("/")
        XCTAssertThrowsError(try SharedDataLocator.locate(environment: [:], executable: URL(fileURLWithPath: "/nonexistent/bin/seaice"))) { error in
            XCTAssert("\(error)".contains("SEAICE_DATA") && "\(error)".contains("tried"), "\(error)")
        }
    }
}
