import Foundation

extension HostileCorpus {
    /// AI4Arctic raw and ready-to-train netCDF files (issue 18 items 2, 6 and 9): non-finite SAR, grids that
    /// declare 200 000 × 200 000 pixels in a small file, chart ids missing from `polygon_codes`.
    public static var netCDF: [HostileCase] {
        let ready = "netCDF ready"
        let raw = "netCDF raw"
        let sar = "nersc_sar_primary"
        let huge = "200000 × 200000"
        return [
            HostileCase(reader: ready, name: "SAR all NaN (predict)", mustMention: [CorpusFiles.readyName, sar]) {
                folder in
                let file = try CorpusFiles.writeReady(in: folder) { _, _ in .nan }
                return CorpusFiles.predictArguments(try CorpusFiles.writeCheckpoint(in: folder), file, folder)
            },
            HostileCase(reader: ready, name: "SAR all +Inf (predict)", mustMention: [CorpusFiles.readyName, sar]) {
                folder in
                let file = try CorpusFiles.writeReady(in: folder) { _, _ in .infinity }
                return CorpusFiles.predictArguments(try CorpusFiles.writeCheckpoint(in: folder), file, folder)
            },
            // Valid but damaged: mapped, with the non-finite values masked and counted in the output.
            HostileCase(
                reader: ready, name: "SAR NaN/-Inf in half the rows (predict)",
                mustMention: ["NaN/±∞ input values read as missing", sar], expectSuccess: true
            ) { folder in
                let file = try CorpusFiles.writeReady(in: folder) { r, c in
                    r < 32 ? (c % 2 == 0 ? .nan : -.infinity) : 0.5
                }
                return CorpusFiles.predictArguments(try CorpusFiles.writeCheckpoint(in: folder), file, folder)
            },
            HostileCase(
                reader: raw, name: "HH and HV all +Inf (predict converts on the fly)",
                mustMention: ["20180124T194759", sar]
            ) { folder in
                let file = try CorpusFiles.writeRaw(in: folder, hh: { _, _ in .infinity }, hv: { _, _ in .infinity })
                return CorpusFiles.predictArguments(try CorpusFiles.writeCheckpoint(in: folder), file, folder)
            },
            HostileCase(
                reader: raw, name: "declares 200 000 × 200 000 (ai4arctic prepare)",
                mustMention: [CorpusFiles.rawName, huge], mustNotLeave: ["ready/\(CorpusFiles.readyName)"]
            ) { folder in
                let file = try CorpusFiles.writeDeclaredOnly(
                    in: folder, version: .raw, lines: 200_000, samples: 200_000)
                return [
                    "ai4arctic", "prepare", file.path, "--out", folder.appendingPathComponent("ready").path,
                ]
            },
            HostileCase(
                reader: raw, name: "declares 200 000 × 200 000 (show)", mustMention: [CorpusFiles.rawName, huge]
            ) { folder in
                let file = try CorpusFiles.writeDeclaredOnly(
                    in: folder, version: .raw, lines: 200_000, samples: 200_000)
                return ["show", file.path, "--out", folder.appendingPathComponent("show.png").path]
            },
            HostileCase(
                reader: ready, name: "declares 200 000 × 200 000 (show)", mustMention: [CorpusFiles.readyName, huge]
            ) { folder in
                let file = try CorpusFiles.writeDeclaredOnly(
                    in: folder, version: .readyToTrain, lines: 200_000, samples: 200_000)
                return ["show", file.path, "--out", folder.appendingPathComponent("show.png").path]
            },
            HostileCase(
                reader: ready, name: "declares 200 000 × 200 000 (predict)", mustMention: [CorpusFiles.readyName, huge]
            ) { folder in
                let file = try CorpusFiles.writeDeclaredOnly(
                    in: folder, version: .readyToTrain, lines: 200_000, samples: 200_000)
                return CorpusFiles.predictArguments(try CorpusFiles.writeCheckpoint(in: folder), file, folder)
            },
            // ±∞ in part of the raw SAR: converted with those pixels masked like NaN, and counted in the output.
            HostileCase(
                reader: raw, name: "SAR +Inf in some rows (prepare masks and reports)",
                mustMention: ["±∞ input values read as missing", "`nersc_sar_primary` 2080"], expectSuccess: true
            ) { folder in
                let file = try CorpusFiles.writeRaw(in: folder, hh: { r, _ in (20..<40).contains(r) ? .infinity : -20 })
                return ["ai4arctic", "prepare", file.path, "--out", folder.appendingPathComponent("ready").path]
            },
            // Some pixels name polygons the table lacks: converted, the ids and their pixels reported.
            HostileCase(
                reader: raw, name: "polygon ids outside polygon_codes (prepare warns)",
                mustMention: ["polygon_icechart", "polygon_codes", "7 (", "31 ("], expectSuccess: true
            ) { folder in
                let file = try CorpusFiles.writeRaw(in: folder, polygon: { r, c in r < 10 ? 7 : (c > 90 ? 31 : 1) })
                return [
                    "ai4arctic", "prepare", file.path, "--out", folder.appendingPathComponent("ready").path,
                ]
            },
            // No pixel names a polygon of the table: every label would be masked, so the conversion fails.
            HostileCase(
                reader: raw, name: "every polygon id outside polygon_codes (prepare)",
                mustMention: [CorpusFiles.rawName, "polygon_icechart"], mustNotLeave: ["ready/\(CorpusFiles.readyName)"]
            ) { folder in
                let file = try CorpusFiles.writeRaw(in: folder, polygon: { _, _ in 99 })
                return [
                    "ai4arctic", "prepare", file.path, "--out", folder.appendingPathComponent("ready").path,
                ]
            },
            HostileCase(
                reader: "simulate", name: "simulate --size 200000", mustMention: ["200000 × 200000", "--size"],
                mustNotLeave: ["sim"]
            ) { folder in
                ["simulate", "--size", "200000", "--out", folder.appendingPathComponent("sim").path]
            },
        ]
    }
}
