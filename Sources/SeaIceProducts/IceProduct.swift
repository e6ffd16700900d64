import Foundation
import SeaIceClasses
import SeaIceCore

/// The result of mapping one scene: SIC, SOD and FLOE on the scene's grid, with optional
/// class probabilities, an uncertainty layer and geolocation.
///
/// All rasters are flat, row-major `height × width` (line-major, first line first), the same
/// grid as the input scene (80 m for AI4Arctic products). `UInt8` layers use 255 for
/// "no data" (land, outside the swath, masked).
public struct IceProduct: Sendable {
    /// Scene identifier, e.g. "20180124T194759_dmi".
    public var sceneID: String
    /// Number of lines (rows).
    public var height: Int
    /// Number of samples (columns).
    public var width: Int
    /// Pixel spacing in metres (80 for AI4Arctic ready-to-train grids).
    public var pixelSpacing: Double
    /// Sea-ice concentration in percent (0…100), 255 = no data.
    public var sicPercent: [UInt8]
    /// Stage of development class (`ClassTable.sod`), 255 = no data.
    public var sod: [UInt8]
    /// Floe size class (`ClassTable.floe`), 255 = no data.
    public var floe: [UInt8]
    /// Optional per-class probabilities, class-major: `[class][line][sample]`.
    public var sodProbabilities: [Float]?
    /// Optional per-class probabilities for FLOE, class-major.
    public var floeProbabilities: [Float]?
    /// Optional SIC uncertainty (standard deviation in percent), NaN = no data.
    public var sicUncertainty: [Float]?
    /// Optional latitude of each pixel centre (degrees north).
    public var latitude: [Float]?
    /// Optional longitude of each pixel centre (degrees east).
    public var longitude: [Float]?
    /// Provenance written into the product's global attributes.
    public var provenance: ProductProvenance
    /// The acquisition interval of the input scene (UTC), nil when the input does not say.
    public var acquisition: DateInterval?

    /// Creates a product; checks that every layer has `height × width` values (× classes).
    public init(sceneID: String, height: Int, width: Int, pixelSpacing: Double,
                sicPercent: [UInt8], sod: [UInt8], floe: [UInt8],
                sodProbabilities: [Float]? = nil, floeProbabilities: [Float]? = nil,
                sicUncertainty: [Float]? = nil, latitude: [Float]? = nil, longitude: [Float]? = nil,
                provenance: ProductProvenance, acquisition: DateInterval? = nil) {
        let n = height * width
        precondition(sicPercent.count == n && sod.count == n && floe.count == n,
                     "layers must have \(height)×\(width) values: SIC \(sicPercent.count), SOD \(sod.count), FLOE \(floe.count)")
        precondition(sodProbabilities.map { $0.count == n * ClassTable.sod.count } ?? true, "SOD probabilities must be classes × H × W")
        precondition(floeProbabilities.map { $0.count == n * ClassTable.floe.count } ?? true, "FLOE probabilities must be classes × H × W")
        precondition(sicUncertainty.map { $0.count == n } ?? true && latitude.map { $0.count == n } ?? true
            && longitude.map { $0.count == n } ?? true, "optional layers must have H × W values")
        self.sceneID = sceneID
        self.height = height
        self.width = width
        self.pixelSpacing = pixelSpacing
        self.sicPercent = sicPercent
        self.sod = sod
        self.floe = floe
        self.sodProbabilities = sodProbabilities
        self.floeProbabilities = floeProbabilities
        self.sicUncertainty = sicUncertainty
        self.latitude = latitude
        self.longitude = longitude
        self.provenance = provenance
        self.acquisition = acquisition
    }
}

/// Where a product came from, for the CF `source`, `history` and `comment` attributes.
public struct ProductProvenance: Sendable, Codable, Equatable {
    /// The input file(s) the product was made from.
    public var inputs: [String]
    /// Model name and configuration, e.g. "MMSeaIce multi-task U-Net (32/32/64/64)".
    public var model: String
    /// SeaIceKit version that produced it.
    public var softwareVersion: String
    /// True when any input was simulated: the product then says so in `comment` and `simulated`.
    public var simulated: Bool
    /// The command line that produced the product, for `history`.
    public var commandLine: String

    /// Creates provenance.
    public init(inputs: [String], model: String, softwareVersion: String, simulated: Bool, commandLine: String) {
        self.inputs = inputs
        self.model = model
        self.softwareVersion = softwareVersion
        self.simulated = simulated
        self.commandLine = commandLine
    }
}
