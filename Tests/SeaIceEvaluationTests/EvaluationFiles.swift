import Foundation
import SeaIceEvaluation
import SeaIceNetCDF

/// Builders of tiny prediction/reference netCDF files for the end-to-end tests.
enum EvaluationFiles {
    /// One scene's label maps, `lines × samples` each, C order.
    struct Scene {
        var id: String
        var lines: Int
        var samples: Int
        var labels: [Chart: [UInt8]]
    }

    /// Writes a ready-to-train-style file `<folder>/<id>_prep.nc` with `SIC`, `SOD`, `FLOE` over
    /// (`sar_lines`, `sar_samples`); `sicPercent` stores SIC × 10 with `units = "%"`.
    @discardableResult
    static func writeSceneFile(_ scene: Scene, in folder: URL, suffix: String = "_prep",
                               sicPercent: Bool = false, globalAttributes: [String: NetCDFAttribute] = [:],
                               omit: Chart? = nil, shapeOf: [Chart: (Int, Int)] = [:]) throws -> URL {
        let url = folder.appendingPathComponent("\(scene.id)\(suffix).nc")
        let f = try NetCDFFile.create(url)
        try f.defineDimension("sar_lines", length: scene.lines)
        try f.defineDimension("sar_samples", length: scene.samples)
        for (name, value) in globalAttributes { try f.setAttribute(name, value) }
        for chart in Chart.allCases where chart != omit {
            var dims = ["sar_lines", "sar_samples"]
            if let (h, w) = shapeOf[chart] {
                try f.defineDimension("\(chart.rawValue)_lines", length: h)
                try f.defineDimension("\(chart.rawValue)_samples", length: w)
                dims = ["\(chart.rawValue)_lines", "\(chart.rawValue)_samples"]
            }
            try f.defineVariable(chart.rawValue, type: .ubyte, dimensions: dims, compression: 1)
            if chart == .sic && sicPercent { try f.setAttribute("units", .text("%"), variable: "SIC") }
        }
        for chart in Chart.allCases where chart != omit {
            var values = scene.labels[chart]!
            if let (h, w) = shapeOf[chart] { values = [UInt8](repeating: 0, count: h * w) }
            if chart == .sic && sicPercent { values = values.map { $0 == 255 ? 255 : $0 * 10 } }
            try f.write(values, variable: chart.rawValue)
        }
        try f.close()
        return url
    }

    /// Writes an AutoICE submission with `SubmissionWriter`.
    static func writeSubmission(_ scenes: [Scene], to url: URL, simulated: Bool = false) throws {
        try SubmissionWriter.write(to: url, simulated: simulated) { writer in
            for s in scenes {
                try writer.add(scene: s.id, lines: s.lines, samples: s.samples,
                               sic: s.labels[.sic]!, sod: s.labels[.sod]!, floe: s.labels[.floe]!)
            }
        }
    }
}
