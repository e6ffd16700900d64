import Foundation
import SeaIceAuxiliary
import SeaIceCore

/// Reads an RRDP text file (`../shared/data/cimr-rrdp/*.text`): two `#` header lines, the second naming the
/// comma-separated columns, then one point per line.
///
/// The header repeats names (`latitude`, `longitude`, `time`, `reference-id`, `upstreamfile` once per data
/// source): it is cut into blocks, each starting at a `latitude` column (names may be written `<latitude>`).
/// The first block is the reference (position, time, `SIC`), the block holding `18.7GHzV` is AMSR2 (the 14
/// `6.9GHzH` … `89.0GHzV` brightness temperatures, K), the block holding `u10` is ERA5/ERA-Interim
/// (`u10`, `v10`, `ws`, `t2m`, `skt`, `tcwv`, `tclw`). `noval` in a brightness temperature becomes NaN.
public enum RRDPFile {
    /// The 2017 Arctic SIC = 1 file (DTU compression cells, ERA5).
    public static let iceFileName = "ASCAT-vs-AMSR2-vs-ERA5-vs-DTUSIC1-2017-N.text"
    /// The 2012 Arctic SIC = 0 file (DMI ice charts, ERA-Interim).
    public static let waterFileName = "QSCAT-vs-SMAP-vs-SMOS-vs-ASCAT-vs-AMSR2-vs-ERA-vs-DMISIC0-2012-N.text"

    /// The AMSR2 block's column name of `channel`, e.g. "18.7GHzV".
    public static func columnName(_ channel: AMSR2Reader.Channel) -> String {
        "\(channel.frequency)GHz\(channel.polarisation)"
    }

    /// Every point of the file at `url`, in file order.
    /// - Throws: `SeaIceError` naming the file: unreadable; fewer than two `#` header lines; a block or column
    ///   missing; and for a bad row its line, and the column and value that are not a number (or the field
    ///   count against the header's).
    public static func read(_ url: URL) throws -> [RRDPPoint] {
        let file = url.path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SeaIceError.missing(file: file, item: "file")
        }
        // Lines as bytes: the files are ASCII, and byte splitting is what keeps 8 000 rows fast.
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0].first == 0x23, lines[1].first == 0x23,
              let headerLine = String(data: lines[1].dropFirst(), encoding: .utf8) else {
            throw SeaIceError.invalidInput(file: file, item: "header", expected: "two lines starting with '#', "
                + "the second naming the columns (UTF-8 text)")
        }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        }
        let columns = try Columns(header: header, file: file)
        var points: [RRDPPoint] = []
        for (k, raw) in lines.enumerated().dropFirst(2) {
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            points.append(try columns.point(Array(raw), number: k + 1, file: file))
        }
        guard !points.isEmpty else { throw SeaIceError.invalidInput(file: file, item: "rows", expected: "data rows") }
        return points
    }

    /// Column positions of the fields a point needs.
    struct Columns {
        let count: Int
        let latitude: Int, longitude: Int, time: Int, sic: Int
        let tb: [Int]
        let weather: [Int]
        static let weatherNames = ["u10", "v10", "ws", "t2m", "skt", "tcwv", "tclw"]

        init(header: [String], file: String) throws {
            count = header.count
            let starts = header.indices.filter { header[$0] == "latitude" }
            guard starts.first == 0 else {
                throw SeaIceError.invalidInput(file: file, item: "header line 2 first column `\(header[0])`",
                                               expected: "`latitude` (the reference block)")
            }
            let blocks = starts.indices.map { k in starts[k]..<(k + 1 < starts.count ? starts[k + 1] : header.count) }
            func block(holding name: String, _ what: String) throws -> Range<Int> {
                guard let b = blocks.first(where: { header[$0].contains(where: { $0 == name }) }) else {
                    throw SeaIceError.missing(file: file, item: "\(what) block (a block with column `\(name)`)")
                }
                return b
            }
            func column(_ name: String, in b: Range<Int>, _ what: String) throws -> Int {
                guard let i = header[b].firstIndex(of: name) else {
                    throw SeaIceError.missing(file: file, item: "column `\(name)` in the \(what) block")
                }
                return i
            }
            let reference = blocks[0]
            latitude = 0
            longitude = try column("longitude", in: reference, "reference")
            time = try column("time", in: reference, "reference")
            sic = try column("SIC", in: reference, "reference")
            let amsr2 = try block(holding: "18.7GHzV", "AMSR2")
            tb = try AMSR2Reader.channels.map { try column(RRDPFile.columnName($0), in: amsr2, "AMSR2") }
            let era = try block(holding: "u10", "ERA")
            weather = try Self.weatherNames.map { try column($0, in: era, "ERA") }
        }

        func point(_ line: [UInt8], number: Int, file: String) throws -> RRDPPoint {
            let f = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard f.count == count else {
                throw SeaIceError.invalidInput(file: file, item: "line \(number) (\(f.count) fields)",
                                               expected: "\(count) comma-separated fields, as the header names")
            }
            /// Field `i` without surrounding blanks.
            func text(_ i: Int) -> String {
                var v = f[i]
                while let c = v.first, c == 0x20 || c == 0x09 { v = v.dropFirst() }
                while let c = v.last, c == 0x20 || c == 0x09 || c == 0x0D { v = v.dropLast() }
                return String(decoding: v, as: UTF8.self)
            }
            func value(_ i: Int, _ name: String, fill: Bool = false) throws -> Double {
                let s = text(i)
                if fill, s == "noval" { return .nan }
                guard let v = Double(s), v.isFinite else {
                    throw SeaIceError.invalidInput(file: file, item: "line \(number) column \(i + 1) `\(name)` = "
                        + "'\(s)'", expected: fill ? "a number or noval" : "a finite number")
                }
                return v
            }
            let time = text(self.time)
            guard RRDPPoint.calendar(time).0 != 0 else {
                throw SeaIceError.invalidInput(file: file, item: "line \(number) column \(self.time + 1) `time` = "
                    + "'\(time)'", expected: "an ISO 8601 time YYYY-MM-DDThh:mm:ssZ")
            }
            let tb = try zip(self.tb, AMSR2Reader.channels).map { try value($0, RRDPFile.columnName($1), fill: true) }
            let w = try zip(weather, Self.weatherNames).map { try value($0, $1) }
            return RRDPPoint(latitude: try value(latitude, "latitude"), longitude: try value(longitude, "longitude"),
                             time: time, referenceConcentration: try value(sic, "SIC"), tb: tb, u10: w[0], v10: w[1],
                             windSpeed: w[2], t2m: w[3], skt: w[4], tcwv: w[5], tclw: w[6], line: number)
        }
    }
}
