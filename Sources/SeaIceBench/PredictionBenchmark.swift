import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNetCDF
import SeaIceNN
import SeaIceTensor

/// End-to-end prediction benchmark on a SYNTHETIC ready-to-train scene of the released size
/// (4999 × 5213 at 80 m): smooth analytic inputs, a random-initialised network of the given
/// specification (speed does not depend on the weights), `SceneMapper` stage timings and the
/// process's peak resident memory.
public enum PredictionBenchmark {
    /// Writes a synthetic ready-to-train scene `lines × samples` into `folder` (zlib 1, as the
    /// released files); the file says it is synthetic (`simulated` attribute, `_SIMU` product id).
    public static func writeSyntheticScene(into folder: URL, lines: Int = 4999, samples: Int = 5213) throws -> URL {
        let stamp = "20190315T120000"
        let attributes = ReadyAttributes(sceneID: "\(stamp)_dmi_prep.nc", originalID: "S1B_EW_GRDM_1SDH_\(stamp)_SIMU_benchmark",
                                         iceService: .dmi, flip: 0, pixelSpacing: 80)
        let g = AI4ArcticGeometry(lines: lines, samples: samples, pixelSpacing: 80)
        let url = folder.appendingPathComponent(attributes.sceneID)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicOutput.write(to: url) { tmp in
            let nc = try AI4ArcticWriter.create(
                tmp, layout: .init(version: .readyToTrain, geometry: g, chartRows: 1),
                globalAttributes: AI4ArcticWriter.readyGlobalAttributes(attributes)
                    + [
                        (SimulationMarkers.name, .text(SimulationMarkers.text(true))),
                        ("simulation_note", .text("synthetic benchmark scene (analytic fields), not data")),
                    ])
            let block = 256
            for r0 in stride(from: 0, to: lines, by: block) {
                let rows = min(block, lines - r0)
                for (i, name) in AI4ArcticSchema.fullGridInputs.enumerated() {
                    var v = [Float](repeating: 0, count: rows * samples)
                    for r in 0..<rows {
                        let y = Float(r0 + r) / Float(lines)
                        for c in 0..<samples { v[r * samples + c] = sin(6 * y + Float(i)) * cos(5 * Float(c) / Float(samples)) }
                    }
                    try nc.write(v, variable: name, start: [r0, 0], count: [rows, samples])
                }
                for (k, name) in AI4ArcticSchema.labelVariables.enumerated() {
                    var v = [UInt8](repeating: 0, count: rows * samples)
                    for r in 0..<rows { for c in 0..<samples { v[r * samples + c] = UInt8(((r0 + r) / 500 + c / 500 + k) % 6) } }
                    try nc.write(v, variable: name, start: [r0, 0], count: [rows, samples])
                }
            }
            let side = AI4ArcticGeometry.tiePointsPerSide
            try nc.write((0..<(side * side)).map { 65 + Double($0 / side) * 0.2 }, variable: AI4ArcticSchema.Name.grid2DLatitude)
            try nc.write((0..<(side * side)).map { -40 + Double($0 % side) * 0.4 }, variable: AI4ArcticSchema.Name.grid2DLongitude)
            for (j, name) in AI4ArcticSchema.twoKmVariables.enumerated() {
                let n = g.twoKmLines * g.twoKmSamples
                try nc.write((0..<n).map { Float(j % 5) * 0.1 + Float($0 % g.twoKmSamples) * 0.01 }, variable: name)
            }
            try nc.close()
        }
        return url
    }

    /// A checkpoint of a freshly initialised network of `specification` in `folder` (for timing only).
    public static func writeUntrainedCheckpoint(_ specification: NetworkSpecification, into folder: URL, seed: UInt64 = 0) throws -> URL {
        var g = SeededGenerator(seed: seed)
        let network = try UNet(specification.model, generator: &g)
        try Checkpoint.save(to: folder, model: network, manifest: CheckpointManifest(model: specification, training: EmptyTrainingState()))
        return folder
    }

    /// Peak resident memory of this process so far (bytes; `VmHWM` of /proc/self/status through
    /// `ProcessMemory`), nil if unknown.
    public static func peakResidentBytes() -> Int? {
        ProcessMemory.peakKiB().map { $0 * 1024 }
    }
}
