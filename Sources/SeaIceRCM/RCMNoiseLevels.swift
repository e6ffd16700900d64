import Foundation
import SeaIceCore
import SeaIceSAR

/// The calibration types of RCM's LUTs and noise levels (`sarCalibrationType`).
public enum RCMCalibrationType: String, Sendable, CaseIterable {
    /// σ⁰, `lutSigma_<pol>.xml`.
    case sigmaNought = "Sigma Nought"
    /// β⁰, `lutBeta_<pol>.xml`.
    case betaNought = "Beta Nought"
    /// γ⁰, `lutGamma_<pol>.xml` (RCM writes the type "Gamma").
    case gamma = "Gamma"

    /// The LUT file name stem ("lutSigma", "lutBeta", "lutGamma").
    public var lutStem: String {
        switch self {
        case .sigmaNought: return "lutSigma"
        case .betaNought: return "lutBeta"
        case .gamma: return "lutGamma"
        }
    }
}

/// The noise levels of one polarisation (`metadata/calibration/noiseLevels_<pol>.xml`): per calibration type the
/// `referenceNoiseLevel` (NESZ, NEβ⁰, NEγ⁰) in dB at every `|stepSize|`-th pixel.
public struct RCMNoiseLevels: Sendable {
    /// The tables per calibration type (values in dB, as in the file).
    public let levels: [RCMCalibrationType: RCMPixelTable]
    /// The file it came from.
    public let file: String

    /// Parses the noise XML `data` read from `file` for an image `width` samples wide.
    /// - Throws: `SeaIceError` naming the file and element when the σ⁰ level is missing or a table is malformed.
    public init(data: Data, file: String, width: Int) throws {
        let root = try XMLTree.parse(data, file: file, root: "noiseLevels")
        self.file = file
        var levels: [RCMCalibrationType: RCMPixelTable] = [:]
        for node in root.children("referenceNoiseLevel") {
            let name = try node.string("sarCalibrationType")
            guard let type = RCMCalibrationType(rawValue: name) else { continue }
            let t = try RCMPixelTable.parse(node, first: "pixelFirstNoiseValue", valuesPath: "noiseLevelValues",
                                            item: "referenceNoiseLevel (\(name))/noiseLevelValues")
            try t.checkCovers(width: width, file: file, item: "referenceNoiseLevel (\(name))/noiseLevelValues")
            levels[type] = t
        }
        guard levels[.sigmaNought] != nil else {
            throw SeaIceError.missing(file: file, item: "<referenceNoiseLevel> with sarCalibrationType Sigma Nought")
        }
        self.levels = levels
    }

    /// The noise-equivalent value (linear) of `type` at every pixel `0..<width`: the dB nodes converted to linear
    /// power (10^(dB/10)) and then interpolated linearly along the row.
    public func linear(_ type: RCMCalibrationType = .sigmaNought, width: Int) -> [Double] {
        guard var t = levels[type] ?? levels[.sigmaNought] else { return [Double](repeating: 0, count: width) }
        t.values = t.values.map { pow(10, $0 / 10) }
        return t.expanded(width: width)
    }
}

/// The incidence angle along the row (`metadata/calibration/incidenceAngles.xml`), degrees at every `|stepSize|`-th
/// pixel (the angle depends on the pixel only in a ground-range product).
public struct RCMIncidenceAngles: Sendable {
    /// The angles (degrees) at their pixels.
    public let table: RCMPixelTable
    /// (pixel, angle) of the nodes in ascending pixel order.
    let nodes: [(Double, Double)]

    /// Parses `data` read from `file` for an image `width` samples wide.
    /// - Throws: `SeaIceError` naming the file and element when an item is missing or malformed.
    public init(data: Data, file: String, width: Int) throws {
        let root = try XMLTree.parse(data, file: file, root: "incidenceAngles")
        table = try RCMPixelTable.parse(root, first: "pixelFirstAnglesValue", valuesPath: "angles",
                                        oneElementPerValue: true, item: "<incidenceAngles>/angles")
        try table.checkCovers(width: width, file: file, item: "<incidenceAngles>/angles")
        let t = table
        let ordered = t.values.indices.map { (Double(t.pixel(ofNode: $0)), t.values[$0]) }
        nodes = t.stepSize < 0 ? ordered.reversed() : ordered
    }

    /// The angle (degrees) at a fractional pixel, linear between nodes, constant beyond.
    public func angle(atPixel p: Double) -> Double {
        if p <= nodes[0].0 || nodes.count == 1 { return nodes[0].1 }
        if p >= nodes[nodes.count - 1].0 { return nodes[nodes.count - 1].1 }
        let step = Double(abs(table.stepSize))
        let k = min(nodes.count - 2, Int((p - nodes[0].0) / step))
        let (x0, v0) = nodes[k], (x1, v1) = nodes[k + 1]
        return v0 + (p - x0) / (x1 - x0) * (v1 - v0)
    }
}
