import Foundation
import SeaIceCore
import SeaIceSentinel1

extension HostileCorpus {
    /// Sentinel-1 SAFE products for `seaice preprocess` (issue 18 items 6 and 8): calibration and noise LUTs of
    /// NaN or 0, NaN tie points, an annotation declaring 2·10⁹ lines, a zip whose `manifest.safe` inflates past
    /// the bound, and simulated products that lost one of their two markers. Built from the real Kara Sea XML of
    /// the shared data (`SyntheticProduct`, reduced 50×: 215 × 210 pixels); left out when the data are absent.
    public static var safe: [HostileCase] {
        guard let data = try? SharedDataLocator.locate() else { return [] }
        let reader = "SAFE"
        func edited(
            _ name: String, mention: [String], file: String,
            _ edit: @escaping @Sendable (String) -> String
        ) -> HostileCase {
            HostileCase(reader: reader, name: name, mustMention: mention, mustNotLeave: ["scene.nc"]) { folder in
                let product = try SAFEFixture.copy(into: folder, data: data)
                let url = try SAFEFixture.member(of: product, matching: file)
                try Data(edit(String(decoding: try Data(contentsOf: url), as: UTF8.self)).utf8).write(to: url)
                return SAFEFixture.preprocess(product, folder, data)
            }
        }
        let calibration = "calibration-s1a-ew-grd-hh"
        let noise = "noise-s1a-ew-grd-hh"
        let annotation = "annotation/s1a-ew-grd-hh"
        return [
            edited("calibration sigmaNought all NaN", mention: [calibration, "sigmaNought"], file: calibration) {
                SAFEFixture.replacingValues(of: "sigmaNought", in: $0, with: "nan")
            },
            edited("calibration sigmaNought all 0", mention: [calibration, "sigmaNought"], file: calibration) {
                SAFEFixture.replacingValues(of: "sigmaNought", in: $0, with: "0")
            },
            edited("noise range LUT NaN", mention: [noise, "noiseRangeLut"], file: noise) {
                SAFEFixture.replacingValues(of: "noiseRangeLut", in: $0, with: "nan")
            },
            edited(
                "tie-point latitude NaN", mention: [annotation, "geolocationGridPoint", "latitude nan"],
                file: annotation
            ) {
                SAFEFixture.replacingFirst("<latitude>", in: $0, value: "nan")
            },
            edited("numberOfLines 2e9", mention: [annotation, "numberOfLines 2000000000"], file: annotation) {
                SAFEFixture.replacingFirst("<numberOfLines>", in: $0, value: "2000000000")
            },
            HostileCase(
                reader: reader, name: "zip whose manifest.safe inflates to 100 MiB",
                mustMention: ["manifest.safe", "104857600 bytes"]
            ) { folder in
                let zip = folder.appendingPathComponent("S1A_EW_GRDM_1SDH_20221130T014342_BOMB.zip")
                try DeflateBomb.writeZip(
                    member: "S1A_EW_GRDM_1SDH_20221130T014342_BOMB.SAFE/manifest.safe",
                    inflatedBytes: 100 << 20, to: zip)
                return SAFEFixture.preprocess(zip, folder, data)
            },
            // Simulated products keep being recognised by the marker they still carry: success, stamped SIMULATED.
            HostileCase(
                reader: reader, name: "simulated SAFE renamed without _SIMU (note kept)",
                mustMention: ["SIMULATED product", "SIMULATED_DATA.txt"], expectSuccess: true
            ) { folder in
                let product = try SAFEFixture.copy(into: folder, data: data)
                try Data("SIMULATED DATA - NOT A REAL SENTINEL-1 PRODUCT.\n".utf8)
                    .write(to: product.appendingPathComponent(SAFEProduct.simulationNoteName))
                return SAFEFixture.preprocess(product, folder, data)
            },
            HostileCase(
                reader: reader, name: "simulated _SIMU SAFE without its note",
                mustMention: ["SIMULATED product", "_SIMU"], expectSuccess: true
            ) { folder in
                let product = try SAFEFixture.copy(into: folder, data: data)
                let renamed = folder.appendingPathComponent(
                    product.lastPathComponent.replacingOccurrences(of: "_BB15.SAFE", with: "_SIMU.SAFE"))
                try FileManager.default.moveItem(at: product, to: renamed)
                return SAFEFixture.preprocess(renamed, folder, data)
            },
        ]
    }
}

/// The reduced synthetic SAFE product the SAFE cases edit, built once per process and copied into each case.
enum SAFEFixture {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: URL?

    /// The real product whose XML the fixture uses.
    static let templateName = "S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE"

    /// A fresh copy of the fixture product in `folder`.
    static func copy(into folder: URL, data: URL) throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if built == nil {
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-corpus-safe-\(getpid())")
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            var product = SyntheticProduct(
                template: data.appendingPathComponent("stactools-s1-ew-grdm/\(templateName)"))
            product.reduction = 50
            built = try product.writeFolder(in: work)
        }
        let destination = folder.appendingPathComponent(built!.lastPathComponent)
        try FileManager.default.copyItem(at: built!, to: destination)
        return destination
    }

    /// The file of `product` whose path contains `fragment`.
    static func member(of product: URL, matching fragment: String) throws -> URL {
        let names = FileManager.default.subpaths(atPath: product.path) ?? []
        guard let name = names.sorted().first(where: { $0.contains(fragment) && $0.hasSuffix(".xml") }) else {
            throw SeaIceError.missing(file: product.path, item: "a file matching \(fragment)")
        }
        return product.appendingPathComponent(name)
    }

    /// `preprocess PRODUCT --out scene.nc --pixel-size 2000 --data DATA`.
    static func preprocess(_ product: URL, _ folder: URL, _ data: URL) -> [String] {
        [
            "preprocess", product.path, "--out", folder.appendingPathComponent("scene.nc").path, "--pixel-size", "2000",
            "--data", data.path,
        ]
    }

    /// `xml` with every number inside each `<element …>…</element>` replaced by `value`.
    static func replacingValues(of element: String, in xml: String, with value: String) -> String {
        var out = ""
        var rest = Substring(xml)
        while let open = rest.range(of: "<\(element)"), let start = rest[open.upperBound...].firstIndex(of: ">"),
            let close = rest[start...].range(of: "</\(element)>")
        {
            out += rest[..<rest.index(after: start)]
            let count = rest[rest.index(after: start)..<close.lowerBound].split(separator: " ").count
            out += Array(repeating: value, count: count).joined(separator: " ")
            out += rest[close.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// `xml` with the text of the first `tag` element replaced by `value`.
    static func replacingFirst(_ tag: String, in xml: String, value: String) -> String {
        guard let open = xml.range(of: tag), let close = xml[open.upperBound...].range(of: "</") else { return xml }
        return xml.replacingCharacters(in: open.upperBound..<close.lowerBound, with: value)
    }
}
