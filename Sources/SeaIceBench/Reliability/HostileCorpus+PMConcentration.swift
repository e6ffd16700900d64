import Foundation
import SeaIceAuxiliary
import SeaIceCore
import SeaIceNetCDF
import SeaIcePolarGrids

extension HostileCorpus {
    /// `seaice pm concentration` inputs (issue 12's bad-input rules): NSIDC-0802-style gridded TB files with
    /// channels missing, all fill, unphysical values (masked and counted: valid), a truncated file and broken
    /// coordinates; AMSR2 swaths without the channels or south of the grid (an empty day: an error, never a
    /// file of zeros). Left out when the shared data (the NSIDC masks) are absent.
    public static var pmConcentration: [HostileCase] {
        guard let data = try? SharedDataLocator.locate(),
              FileManager.default.fileExists(atPath: data.appendingPathComponent("nsidc-polarstereo/masks/gsfc_25n.msk").path)
        else { return [] }
        let reader = "pm concentration"
        let product = "out/seaice_pm_conc_nh_nsidc-north-25km_epsg3411_20220301.nc"
        let grid = PolarStereographicGrid(resolution: .km25)
        let day = Date(timeIntervalSince1970: 19_052 * 86_400)
        // NASA Team's channels and the default NT weather filter's 23.8 V.
        let nt = [("18.7", "H"), ("18.7", "V"), ("23.8", "V"), ("36.5", "V")]
        @Sendable func channel(_ f: String, _ p: String) -> AMSR2Reader.Channel {
            AMSR2Reader.channels.first { $0.frequency == f && $0.polarisation == p }!
        }
        @Sendable func arguments(_ folder: URL, _ input: String) -> [String] {
            ["pm", "concentration", folder.appendingPathComponent(input).path, "--date", "2022-03-01",
             "--data", data.path, "--out", folder.appendingPathComponent("out").path]
        }
        func gridded(_ name: String, mention: [String], success: Bool = false,
                     edit: @escaping @Sendable (inout [AMSR2Reader.Channel: [Float]]) -> Void) -> HostileCase {
            HostileCase(reader: reader, name: name, mustMention: mention, expectSuccess: success,
                        mustNotLeave: success ? [] : [product]) { folder in
                var channels: [AMSR2Reader.Channel: [Float]] = [:]
                for (f, p) in nt { channels[channel(f, p)] = [Float](repeating: f == "18.7" && p == "H" ? 180 : 220, count: grid.count) }
                edit(&channels)
                try BrightnessTemperatureGridFile.write(
                    GriddedBrightnessTemperatures(grid: grid, day: day, channels: channels, simulated: true, source: "corpus"),
                    to: folder.appendingPathComponent("tb.nc"))
                return arguments(folder, "tb.nc")
            }
        }
        func swath(_ name: String, latitude: Float, channels: Bool, mention: [String]) -> HostileCase {
            HostileCase(reader: reader, name: name, mustMention: mention, mustNotLeave: [product]) { folder in
                let url = folder.appendingPathComponent("swath.nc")
                let f = try NetCDFFile.create(url)
                try f.defineDimension("phony_dim_0", length: 4)
                try f.defineDimension("phony_dim_1", length: 4)
                try f.defineDimension("phony_dim_2", length: 8)
                for v in [AMSR2Reader.latitudeName, AMSR2Reader.longitudeName] {
                    try f.defineVariable(v, type: .float, dimensions: ["phony_dim_0", "phony_dim_2"])
                }
                let names = channels ? AMSR2Reader.channels.filter { $0.frequency != "89.0" }
                    .map { "Brightness Temperature (res06,\($0.frequency)GHz,\($0.polarisation))" } : []
                for n in names {
                    try f.defineVariable(n, type: .ushort, dimensions: ["phony_dim_0", "phony_dim_1"])
                    try f.setAttribute("SCALE FACTOR", .floats([0.01]), variable: n)
                }
                try f.endDefinitions()
                try f.write([Float](repeating: latitude, count: 32), variable: AMSR2Reader.latitudeName)
                try f.write((0..<32).map { Float($0) }, variable: AMSR2Reader.longitudeName)
                for n in names { try f.write([UInt16](repeating: 20_000, count: 16), variable: n) }
                try f.close()
                return arguments(folder, "swath.nc")
            }
        }
        return [
            gridded("gridded TB without 18.7V and 36.5V", mention: ["tb.nc", "TB_18V, TB_36V"]) { c in
                c[channel("18.7", "V")] = nil
                c[channel("36.5", "V")] = nil
            },
            gridded("gridded TB all fill (empty day)", mention: ["tb.nc", "empty day"]) { c in
                for k in Array(c.keys) { c[k] = [Float](repeating: .nan, count: grid.count) }
            },
            gridded("gridded TB 30 K and 400 K cells (masked, counted)", mention: ["1 < 50 K", "1 > 350 K"], success: true) { c in
                c[channel("18.7", "H")]![300 * 304 + 150] = 30
                c[channel("36.5", "V")]![310 * 304 + 150] = 400
            },
            HostileCase(reader: reader, name: "gridded TB file cut after 2 kB", mustMention: ["tb.nc"], mustNotLeave: [product]) {
                folder in
                let url = folder.appendingPathComponent("full.nc")
                try BrightnessTemperatureGridFile.write(
                    GriddedBrightnessTemperatures(grid: grid, day: day, channels: [channel("18.7", "H"): [Float](repeating: 200, count: grid.count)],
                                                  simulated: true, source: "corpus"), to: url)
                try Data(try Data(contentsOf: url).prefix(2048)).write(to: folder.appendingPathComponent("tb.nc"))
                return arguments(folder, "tb.nc")
            },
            HostileCase(reader: reader, name: "gridded TB with x in km", mustMention: ["tb.nc", "variable `x`"], mustNotLeave: [product]) {
                folder in
                let url = folder.appendingPathComponent("tb.nc")
                try BrightnessTemperatureGridFile.write(
                    GriddedBrightnessTemperatures(grid: grid, day: day, channels: [channel("18.7", "H"): [Float](repeating: 200, count: grid.count)],
                                                  simulated: true, source: "corpus"), to: url)
                let f = try NetCDFFile.open(url, writable: true)
                try f.write(grid.x.map { $0 / 1000 }, variable: "x")
                try f.close()
                return arguments(folder, "tb.nc")
            },
            swath("AMSR2 swath without brightness temperatures", latitude: 80, channels: false,
                  mention: ["swath.nc", "18.7 GHz H", "18.7 GHz V", "23.8 GHz V", "36.5 GHz V"]),
            swath("AMSR2 swath south of the grid (empty day)", latitude: -60, channels: true, mention: ["swath.nc", "empty day"]),
        ]
    }
}
