import Foundation
import SeaIceCore

extension HostileCorpus {
    /// Ice charts and rasterisation grids (issue 18 items 7 and 9): grid strings whose size overflows `Int`,
    /// a shapefile whose `.dbf` is cut in half, charts without a defined CRS (shapefile without `.prj`,
    /// GeoPackage on srs_id −1 or 0). Chart cases use the real CIS charts of the shared data and are left out
    /// when the data are absent (the GeoPackage edits also when `sqlite3` is not installed).
    public static var charts: [HostileCase] {
        let reader = "chart"
        let data = try? SharedDataLocator.locate()
        let geoPackage = data?.appendingPathComponent("icechart-cis-sigrid3/cis_SGRDREA_20201102T.gpkg")
        func grid(_ text: String) -> HostileCase {
            // The grid is checked while parsing the arguments, before the chart (the real one, or a path that
            // does not exist without the shared data) is opened.
            HostileCase(reader: reader, name: "grid \(text)", mustMention: [text], mustNotLeave: ["out.tif"]) {
                folder in
                [
                    "chart", "rasterize", (geoPackage ?? folder.appendingPathComponent("chart.gpkg")).path, "--grid",
                    text,
                    "--out", folder.appendingPathComponent("out.tif").path,
                ]
            }
        }
        let document = HostileCase(reader: reader, name: "grid document declaring 10⁸ × 10⁸ pixels",
                                   mustMention: ["grid.json", "100000000 × 100000000 declared"],
                                   mustNotLeave: ["out.tif"]) { folder in
            let json = #"{"regular": {"width": 100000000, "height": 100000000, "crs": "EPSG:3413", "#
                + #""geoTransform": [0, 1, 0, 0, 0, -1]}}"#
            let url = folder.appendingPathComponent("grid.json")
            try Data(json.utf8).write(to: url)
            return ["chart", "rasterize", (geoPackage ?? folder.appendingPathComponent("chart.gpkg")).path, "--grid",
                    url.path, "--out", folder.appendingPathComponent("out.tif").path]
        }
        var cases = [
            document,
            grid("EPSG:3413:-1e20,-1e20,1e20,1e20:1"), grid("EPSG:3413:0,0,1e10,1e10:1e-300"),
            grid("EPSG:3413:0,0,nan,1e6:1000"),
        ]
        guard let data, let geoPackage else { return cases }
        let shapefile = data.appendingPathComponent("shp2dex-cis/shapefile")
        /// Copies the shapefile's parts into `folder` (all but `leaving`), `.dbf` cut to `dbfFraction` of its size.
        @Sendable func copyShapefile(_ folder: URL, leaving: String? = nil, dbfFraction: Double = 1) throws -> URL {
            for ext in ["shp", "shx", "dbf", "prj"] where ext != leaving {
                var bytes = try Data(contentsOf: shapefile.appendingPathExtension(ext))
                if ext == "dbf" { bytes = bytes.prefix(Int(Double(bytes.count) * dbfFraction)) }
                try bytes.write(to: folder.appendingPathComponent("chart.\(ext)"))
            }
            return folder.appendingPathComponent("chart.shp")
        }
        @Sendable func rasterize(_ chart: URL, _ folder: URL, grid: String = "chart:20000") -> [String] {
            ["chart", "rasterize", chart.path, "--grid", grid, "--out", folder.appendingPathComponent("out.tif").path]
        }
        cases += [
            HostileCase(
                reader: reader, name: "shapefile .dbf cut in half", mustMention: ["chart.dbf", "563 declared"],
                mustNotLeave: ["out.tif"]
            ) { folder in
                rasterize(try copyShapefile(folder, dbfFraction: 0.5), folder)
            },
            HostileCase(
                reader: reader, name: "shapefile without .prj",
                mustMention: ["chart.shp", "coordinate reference system"],
                mustNotLeave: ["out.tif"]
            ) { folder in
                rasterize(try copyShapefile(folder, leaving: "prj"), folder)
            },
            HostileCase(
                reader: reader, name: "chart:1e-300 (resolved on the chart)", mustMention: ["1e-300", "too large"],
                mustNotLeave: ["out.tif"]
            ) { folder in
                rasterize(geoPackage, folder, grid: "chart:1e-300")
            },
        ]
        let sqlite = URL(fileURLWithPath: "/usr/bin/sqlite3")
        guard FileManager.default.isExecutableFile(atPath: sqlite.path) else { return cases }
        for srs in [-1, 0] {
            cases.append(
                HostileCase(
                    reader: reader, name: "GeoPackage on undefined srs_id \(srs)",
                    mustMention: ["chart.gpkg", "coordinate reference system"], mustNotLeave: ["out.tif"]
                ) { folder in
                    let chart = folder.appendingPathComponent("chart.gpkg")
                    try Data(contentsOf: geoPackage).write(to: chart)
                    let process = Process()
                    process.executableURL = sqlite
                    process.arguments = [
                        chart.path,
                        "UPDATE gpkg_geometry_columns SET srs_id = \(srs); UPDATE gpkg_contents SET srs_id = \(srs);",
                    ]
                    try process.run()
                    process.waitUntilExit()
                    guard process.terminationStatus == 0 else {
                        throw SeaIceError.io(file: chart.path, message: "sqlite3 failed")
                    }
                    return rasterize(chart, folder)
                })
        }
        return cases
    }
}
