import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCharts
import SeaIceNetCDF
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// A simulated raw scene converted by `ReadyConverter`, compared with its ready-to-train twin
/// computed here independently (plain loops over the raw file, statistics read straight from
/// the official `global_meanstd.json`, labels from each polygon's egg code).
final class SimulatedRawToReadyTwinTests: XCTestCase {
    func testConversionMatchesTheIndependentTwin() throws {
        let data = try TestPaths.requireSharedData()
        let resources = try SimulatorResources(dataFolder: data)
        var config = SimulationConfig(size: 150)
        config.pixelSpacing = 40
        config.polygonSizeKm = 2
        let scene = try SceneSimulator(resources: resources, logger: Logger(label: "test")).simulate(config: config, seed: 11)
        let dir = try TestPaths.temporaryDirectory("twin")
        let rawURL = try SimulatedDatasetWriter(format: .ai4arcticRaw, logger: Logger(label: "test")).write(scene, to: dir)
        let readyURL = try ReadyConverter().convert(raw: rawURL, outputDirectory: dir)

        let raw = try NetCDFFile.open(rawURL), ready = try NetCDFFile.open(readyURL)
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: TestPaths.requireSharedData(
            "ai4arctic-starterpack/misc/global_meanstd.json"))) as! [String: [String: Double]]
        let n = 150, m = 75

        // Inputs: 2 × 2 mean at 80 m, standard-scaled, NaN → 0.
        for name in ["nersc_sar_primary", "nersc_sar_secondary", "distance_map"] {
            let r = try raw.readFloats(name), got = try ready.readFloats(name)
            let mu = stats[name]!["mean"]!, sigma = stats[name]!["std"]!
            var worst = 0.0
            for i in 0..<m {
                for j in 0..<m {
                    let block = [r[2 * i * n + 2 * j], r[2 * i * n + 2 * j + 1], r[(2 * i + 1) * n + 2 * j], r[(2 * i + 1) * n + 2 * j + 1]]
                    let mean = block.map(Double.init).reduce(0, +) / 4
                    let expected = mean.isNaN ? 0 : (mean - mu) / sigma
                    worst = max(worst, abs(Double(got[i * m + j]) - expected))
                }
            }
            XCTAssertLessThan(worst, 1e-4, "\(name): largest difference from the twin \(worst)")
        }

        // Labels: each pixel's polygon → egg code → SIC class; the 80 m label is the 2 × 2 max.
        let table = try PolygonCodeTable(rows: try raw.readStrings("polygon_codes"), file: rawURL.path)
        let converter = EggCodeConverter()
        var sicByPolygon: [Int: UInt8] = [:]
        for entry in table.entries { sicByPolygon[entry.id] = converter.labels(for: entry.code).sic }
        let ids = try raw.readFloats("polygon_icechart"), hh = try raw.readFloats("nersc_sar_primary")
        let sic = try ready.read("SIC", as: UInt8.self)
        var compared = 0
        for i in 0..<m {
            for j in 0..<m {
                let px = [2 * i * n + 2 * j, 2 * i * n + 2 * j + 1, (2 * i + 1) * n + 2 * j, (2 * i + 1) * n + 2 * j + 1]
                guard px.allSatisfy({ ids[$0].isFinite && !hh[$0].isNaN }) else { continue }
                let expected = px.map { sicByPolygon[Int(ids[$0])] ?? 255 }.max()!
                XCTAssertEqual(sic[i * m + j], expected, "SIC at (\(i), \(j))")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, m * m / 2, "too few labelled pixels compared")

        // 2 km grid: same cells, standard-scaled.
        for name in ["btemp_18_7h", "u10m_rotated"] {
            let r = try raw.readFloats(name), got = try ready.readFloats(name)
            XCTAssertEqual(r.count, got.count)
            let mu = stats[name]!["mean"]!, sigma = stats[name]!["std"]!
            for k in r.indices where !r[k].isNaN {
                XCTAssertEqual(Double(got[k]), (Double(r[k]) - mu) / sigma, accuracy: 1e-4, "\(name)[\(k)]")
            }
        }
        // The twin is simulated and says so.
        XCTAssertEqual(try ready.attribute("simulated")?.text, "true")
    }
}
