import Foundation
import SeaIceCore

/// The two real RRDP files of `../shared/data/cimr-rrdp/`: Arctic SIC = 1 points (2017) and SIC = 0 points
/// (2012), all of each file (the SIC = 0 file reaches south to the open ocean; no latitude cut is applied).
public struct RRDPData: Sendable {
    /// Points over 100 % ice (`RRDPFile.iceFileName`).
    public var ice: [RRDPPoint]
    /// Points over open water (`RRDPFile.waterFileName`).
    public var water: [RRDPPoint]

    /// Reads both files from `folder`.
    /// - Throws: the reader's `SeaIceError`s, and one naming a file whose `SIC` column is not 1 (ice file) or
    ///   0 (water file) at some line.
    public init(folder: URL) throws {
        let iceURL = folder.appendingPathComponent(RRDPFile.iceFileName)
        let waterURL = folder.appendingPathComponent(RRDPFile.waterFileName)
        ice = try RRDPFile.read(iceURL)
        water = try RRDPFile.read(waterURL)
        for (points, url, sic) in [(ice, iceURL, 1.0), (water, waterURL, 0.0)] {
            if let p = points.first(where: { $0.referenceConcentration != sic }) {
                throw SeaIceError.invalidInput(file: url.path,
                                               item: "line \(p.line) `SIC` = \(p.referenceConcentration)",
                                               expected: "\(sic) in every row of this reference file")
            }
        }
    }

    /// The points of one half.
    public func split(_ half: RRDPSplit) -> (ice: [RRDPPoint], water: [RRDPPoint]) {
        (half.select(ice), half.select(water))
    }
}
