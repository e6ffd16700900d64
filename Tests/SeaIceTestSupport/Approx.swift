import XCTest

/// Asserts that two float arrays have the same length and agree within `atol + rtol·|expected|` everywhere.
public func assertAllClose(
    _ actual: [Float], _ expected: [Float], rtol: Float = 1e-5, atol: Float = 1e-6,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.count, expected.count, "length differs. \(message())", file: file, line: line)
    guard actual.count == expected.count else { return }
    var worst = 0
    var worstExcess: Float = -.infinity
    for i in actual.indices {
        let a = actual[i], e = expected[i]
        if a.isNaN && e.isNaN { continue }
        let excess = abs(a - e) - (atol + rtol * abs(e))
        if excess > worstExcess || excess.isNaN { worstExcess = excess.isNaN ? .infinity : excess; worst = i }
    }
    if worstExcess > 0 {
        XCTFail("not all close: at index \(worst) got \(actual[worst]), expected \(expected[worst]) (rtol \(rtol), atol \(atol)). \(message())", file: file, line: line)
    }
}
