import Foundation
import SeaIceCore
import SeaIcePassiveMicrowave

extension HostileCorpus {
    /// The RRDP point files and the CCI tie-point files read by `seaice pm validate` (issue 12): damaged copies of
    /// the real files (the first rows of each), one fault per case — a row cut short, a brightness temperature
    /// that is not a number, the AMSR2 block missing, a wrong reference `SIC`, the water file absent, tie-point
    /// JSON cut short, a vector of the wrong length, an unknown channel. Left out when the shared data are absent.
    public static var rrdp: [HostileCase] {
        let reader = "RRDP / CCI tie points"
        guard let data = try? SharedDataLocator.locate() else { return [] }
        let source = data.appendingPathComponent("cimr-rrdp")
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent(RRDPFile.iceFileName).path)
        else { return [] }
        /// Writes a small RRDP folder (40 rows of each real file, the real KA tie points) into `folder`, with the
        /// ice file's lines, the water file's lines or the tie-point text edited; returns the command.
        @Sendable func write(_ folder: URL, ice: (inout [String]) -> Void = { _ in }, water: Bool = true,
                             tiePoints: (String) -> String = { $0 }) throws -> [String] {
            let rrdp = folder.appendingPathComponent("rrdp"), aux = rrdp.appendingPathComponent("aux")
            try FileManager.default.createDirectory(at: aux, withIntermediateDirectories: true)
            for (name, isIce) in [(RRDPFile.iceFileName, true), (RRDPFile.waterFileName, false)] where isIce || water {
                let text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
                var lines = Array(text.split(separator: "\n").prefix(42).map(String.init))
                if isIce { ice(&lines) }
                try lines.joined(separator: "\n").write(to: rrdp.appendingPathComponent(name), atomically: true,
                                                        encoding: .utf8)
            }
            let ka = try String(contentsOf: source.appendingPathComponent("aux/KA_sic_CCI-RRDP.json"), encoding: .utf8)
            try tiePoints(ka).write(to: aux.appendingPathComponent("KA_sic_CCI-RRDP.json"), atomically: true,
                                    encoding: .utf8)
            return ["pm", "validate", "--rrdp", rrdp.path, "--out", folder.appendingPathComponent("out").path]
        }
        func hostile(_ name: String, _ mention: [String], _ make: @escaping @Sendable (URL) throws -> [String])
            -> HostileCase {
            HostileCase(reader: reader, name: name, mustMention: mention, mustNotLeave: ["out/validation.md"],
                        make: make)
        }
        return [
            HostileCase(reader: reader, name: "40 valid rows of each file", mustMention: ["nasa-team", "Real data"],
                        expectSuccess: true) { try write($0) },
            hostile("row cut short", [RRDPFile.iceFileName, "line 10"]) {
                try write($0, ice: { $0[9] = String($0[9].prefix(120)) })
            },
            hostile("brightness temperature not a number", [RRDPFile.iceFileName, "line 3", "18.7GHzV"]) {
                try write($0, ice: { $0[2] = $0[2].replacingOccurrences(of: " 252.13", with: " 2x2.13") })
            },
            hostile("AMSR2 block missing", [RRDPFile.iceFileName, "AMSR2 block"]) {
                try write($0, ice: { $0[1] = $0[1].replacingOccurrences(of: "GHz", with: "MHz") })
            },
            hostile("reference SIC not 1", [RRDPFile.iceFileName, "line 3", "SIC"]) {
                try write($0, ice: { $0[2] = $0[2].replacingOccurrences(of: "COMPRESSIONCELLS_DTU,1.0,",
                                                                        with: "COMPRESSIONCELLS_DTU,0.5,") })
            },
            hostile("water file absent", [RRDPFile.waterFileName]) { try write($0, water: false) },
            hostile("tie-point JSON cut short", ["KA_sic_CCI-RRDP.json", "JSON"]) {
                try write($0, tiePoints: { String($0.prefix(300)) })
            },
            hostile("tie-point vector of the wrong length", ["KA_sic_CCI-RRDP.json", "ow.tp"]) {
                try write($0, tiePoints: { $0.replacingOccurrences(of: "152.5373992919922,", with: "") })
            },
            hostile("tie-point channel unknown", ["KA_sic_CCI-RRDP.json", "tb37x"]) {
                try write($0, tiePoints: { $0.replacingOccurrences(of: "\"tb37h\"", with: "\"tb37x\"") })
            },
        ]
    }
}
