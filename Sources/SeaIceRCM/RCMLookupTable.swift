import Foundation
import SeaIceCore
import SeaIceSAR

/// A table given at every `|stepSize|`-th pixel of an RCM image row, as RCM's calibration LUTs (`lutSigma_<pol>.xml`
/// `gains`), noise levels (`noiseLevelValues`) and incidence angles (`angles`) are: node k is at pixel
/// `first + k · stepSize` (a negative step fills the row backwards, from the far end), linearly interpolated to every
/// pixel and held constant beyond the outer nodes (RCM product specification RCM-SP-53-0419; GDAL's RCM driver).
public struct RCMPixelTable: Sendable, Equatable {
    /// Pixel of the first value (`pixelFirstLutValue`, `pixelFirstNoiseValue`, `pixelFirstAnglesValue`).
    public var firstPixel: Int
    /// Pixels between consecutive values (negative: backwards).
    public var stepSize: Int
    /// The values in file order (node k at `firstPixel + k · stepSize`).
    public var values: [Double]

    /// A table from its nodes.
    public init(firstPixel: Int, stepSize: Int, values: [Double]) {
        self.firstPixel = firstPixel; self.stepSize = stepSize; self.values = values
    }

    /// The pixel of node `k`.
    public func pixel(ofNode k: Int) -> Int { firstPixel + k * stepSize }

    /// Checks that the nodes span an image `width` pixels wide: the outer nodes within one step of pixel 0 and of
    /// pixel `width − 1` (a table made for another width fails).
    /// - Throws: `SeaIceError.invalidInput` naming `file` and `item` when they do not.
    public func checkCovers(width: Int, file: String, item: String) throws {
        let a = pixel(ofNode: 0), b = pixel(ofNode: values.count - 1)
        let lo = min(a, b), hi = max(a, b), step = abs(stepSize)
        guard stepSize != 0, lo > -step, lo < step, hi > width - 1 - step, hi < width - 1 + step else {
            throw SeaIceError.invalidInput(
                file: file, item: "\(item): \(values.count) values from pixel \(firstPixel) in steps of \(stepSize) "
                    + "(pixels \(lo)…\(hi))",
                expected: "values covering the image width of \(width) samples (sceneAttributes/imageAttributes/"
                    + "samplesPerLine of product.xml)")
        }
    }

    /// The table at every pixel `0..<width`: piecewise linear between nodes, constant beyond the outer ones.
    public func expanded(width: Int) -> [Double] {
        var nodes = values.indices.map { (Double(pixel(ofNode: $0)), values[$0]) }
        if stepSize < 0 { nodes.reverse() }
        var out = [Double](repeating: 0, count: width)
        var k = 0
        for x in 0..<width {
            let xd = Double(x)
            while k + 1 < nodes.count, nodes[k + 1].0 <= xd { k += 1 }
            if xd <= nodes[0].0 || nodes.count == 1 { out[x] = nodes[0].1; continue }
            if k + 1 >= nodes.count { out[x] = nodes[nodes.count - 1].1; continue }
            let (x0, v0) = nodes[k], (x1, v1) = nodes[k + 1]
            out[x] = v0 + (xd - x0) / (x1 - x0) * (v1 - v0)
        }
        return out
    }

    /// Reads the node header elements `first`, `stepSize`, `numberOfValues` and the values of `node` (`valuesPath`:
    /// one whitespace-separated list, or one element per value when `oneElementPerValue`).
    /// - Throws: `SeaIceError` naming the file and element when one is missing, malformed or not finite, or when
    ///   `numberOfValues` differs from the values found.
    static func parse(_ node: XMLTree, first: String, valuesPath: String, oneElementPerValue: Bool = false,
                      item: String) throws -> RCMPixelTable {
        let firstPixel = try node.int(first), step = try node.int("stepSize"), count = try node.int("numberOfValues")
        let values: [Double]
        if oneElementPerValue {
            values = try node.children(valuesPath).map { e in
                guard let v = Double(e.text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                    throw SeaIceError.invalidInput(file: node.file, item: "<\(valuesPath)> \"\(e.text.prefix(40))\"",
                                                   expected: "a number")
                }
                return v
            }
        } else {
            values = try node.doubles(valuesPath)
        }
        guard values.count == count, count > 0 else {
            throw SeaIceError.invalidInput(file: node.file, item: "\(item) numberOfValues \(count)",
                                           expected: "\(count) values in <\(valuesPath)>, found \(values.count)")
        }
        guard step != 0 else {
            throw SeaIceError.invalidInput(file: node.file, item: "\(item) stepSize 0", expected: "a non-zero step")
        }
        if let k = values.firstIndex(where: { !$0.isFinite }) {
            throw SeaIceError.invalidInput(file: node.file, item: "\(item) value \(k + 1) (\(values[k]))",
                                           expected: "finite values")
        }
        return RCMPixelTable(firstPixel: firstPixel, stepSize: step, values: values)
    }
}

/// One calibration look-up table (`metadata/calibration/lut{Sigma,Beta,Gamma}_<pol>.xml`): σ⁰ (or β⁰, γ⁰) =
/// (DN² + `offset`) / A(pixel) with A the `gains` interpolated along the row (RCM product specification;
/// GDAL's RCM driver and xsar's `rcm` reader apply the same formula).
public struct RCMLookupTable: Sendable {
    /// The gains A at their pixels.
    public let gains: RCMPixelTable
    /// The offset B added to DN² (DN² units).
    public let offset: Double
    /// The file it came from.
    public let file: String

    /// Parses the LUT XML `data` read from `file`, for an image `width` samples wide.
    /// - Throws: `SeaIceError` naming the file and element when an item is missing or malformed, a gain is not
    ///   positive, or the table does not cover `width`.
    public init(data: Data, file: String, width: Int) throws {
        let root = try XMLTree.parse(data, file: file, root: "lut")
        self.file = file
        offset = try root.double("offset")
        gains = try RCMPixelTable.parse(root, first: "pixelFirstLutValue", valuesPath: "gains", item: "<lut>/gains")
        if let k = gains.values.firstIndex(where: { !($0 > 0) }) {
            throw SeaIceError.invalidInput(file: file, item: "<lut>/gains value \(k + 1) (\(gains.values[k]))",
                                           expected: "gains > 0 (σ⁰ = (DN² + offset)/A)")
        }
        try gains.checkCovers(width: width, file: file, item: "<lut>/gains")
    }

    /// The calibrated value (linear) of digital number `dn` at gain `a`: (DN² + B)/A.
    @inline(__always)
    public func calibrate(dn: Double, gain a: Double) -> Double { (dn * dn + offset) / a }
}
