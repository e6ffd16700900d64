import Foundation
import SeaIceCore
import SeaIceRCM
import SeaIceSAR
import SeaIceSimulator

extension HostileCorpus {
    /// RCM products for `seaice preprocess` (issue 11): a product.xml of another mission, a missing LUT file, a LUT
    /// whose length does not match the image width, a complex (SLC) product, a truncated zip and a zip member
    /// escaping the product folder. Built from the real RCM-2 metadata of the shared data (`SimulatedRCMWriter`,
    /// reduced 64×: 76 × 144 pixels of 400 m); left out when the data are absent.
    public static var rcm: [HostileCase] {
        guard let data = try? SharedDataLocator.locate() else { return [] }
        let reader = "RCM"
        func edited(_ name: String, mention: [String], file: String, _ edit: @escaping @Sendable (String) -> String) -> HostileCase {
            HostileCase(reader: reader, name: name, mustMention: mention, mustNotLeave: ["scene.nc"]) { folder in
                let product = try RCMFixture.write(into: folder, data: data)
                let url = product.appendingPathComponent(file)
                try Data(edit(String(decoding: try Data(contentsOf: url), as: UTF8.self)).utf8).write(to: url)
                return RCMFixture.preprocess(product, folder, data)
            }
        }
        return [
            edited("product.xml of another mission", mention: ["product.xml", "satellite", "RADARSAT-2"],
                   file: "metadata/product.xml") {
                $0.replacingOccurrences(of: "<satellite>RCM-2</satellite>", with: "<satellite>RADARSAT-2</satellite>")
            },
            edited("complex (SLC) product", mention: ["product.xml", "productType SLC", "complex"], file: "metadata/product.xml") {
                $0.replacingOccurrences(of: "<productType>GRD</productType>", with: "<productType>SLC</productType>")
                    .replacingOccurrences(of: "<sampleType>Magnitude Detected</sampleType>", with: "<sampleType>Complex</sampleType>")
            },
            edited("LUT shorter than the image width", mention: ["lutSigma_HH.xml", "gains", "samplesPerLine"],
                   file: "metadata/calibration/lutSigma_HH.xml") { xml in
                // Keep the first half of the gains and say so: the table then stops half way across the row.
                guard let a = xml.range(of: "<gains>"), let b = xml.range(of: "</gains>") else { return xml }
                let values = xml[a.upperBound..<b.lowerBound].split(separator: " ")
                let half = values.prefix(values.count / 2)
                let cut = String(xml[..<a.upperBound]) + half.joined(separator: " ") + String(xml[b.lowerBound...])
                return cut.replacingOccurrences(of: "<numberOfValues>\(values.count)</numberOfValues>",
                                                with: "<numberOfValues>\(half.count)</numberOfValues>")
            },
            HostileCase(reader: reader, name: "missing LUT file", mustMention: ["lutSigma_HV.xml"],
                        mustNotLeave: ["scene.nc"]) { folder in
                let product = try RCMFixture.write(into: folder, data: data)
                try FileManager.default.removeItem(at: product.appendingPathComponent("metadata/calibration/lutSigma_HV.xml"))
                return RCMFixture.preprocess(product, folder, data)
            },
            HostileCase(reader: reader, name: "truncated zip", mustMention: ["_SIMU.zip", "truncated"],
                        mustNotLeave: ["scene.nc"]) { folder in
                let zip = try RCMFixture.write(into: folder, data: data, zip: true)
                let bytes = try Data(contentsOf: zip)
                try bytes.prefix(bytes.count * 2 / 3).write(to: zip)
                return RCMFixture.preprocess(zip, folder, data)
            },
            HostileCase(reader: reader, name: "zip member escaping the product folder",
                        mustMention: ["escapes the target folder", "../../evil.xml"], mustNotLeave: ["scene.nc"]) { folder in
                let product = try RCMFixture.write(into: folder, data: data)
                let files = (FileManager.default.subpaths(atPath: product.path) ?? []).sorted().filter { $0.hasSuffix(".xml") || $0.hasSuffix(".safe") }
                var members = files.map { (name: "P/" + $0, source: product.appendingPathComponent($0)) }
                members.append((name: "P/../../evil.xml", source: product.appendingPathComponent("manifest.safe")))
                let zip = folder.appendingPathComponent("RCM_EVIL.zip")
                try ZipArchive.writeStored(members: members, to: zip)
                return RCMFixture.preprocess(zip, folder, data)
            },
        ]
    }
}

/// The reduced simulated RCM product the RCM cases edit.
enum RCMFixture {
    static let templateName = "RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD"

    /// A simulated product (reference σ⁰ field, reduced 64×) written into `folder`.
    static func write(into folder: URL, data: URL, zip: Bool = false) throws -> URL {
        let template = data.appendingPathComponent("rcm-metadata/\(templateName)")
        let (w, h) = try SimulatedRCMWriter.size(of: template, reduction: 64)
        let fields = Dictionary(uniqueKeysWithValues: [Polarisation.hh, .hv].map {
            ($0, SimulatedRCMWriter.referenceField(width: w, height: h, polarisation: $0))
        })
        return try SimulatedRCMWriter.write(.init(template: template, reduction: 64, sigma0: fields), into: folder, zip: zip)
    }

    /// `preprocess PRODUCT --out scene.nc --pixel-size 800 --data DATA --noise esa`.
    static func preprocess(_ product: URL, _ folder: URL, _ data: URL) -> [String] {
        ["preprocess", product.path, "--out", folder.appendingPathComponent("scene.nc").path, "--pixel-size", "800",
         "--data", data.path, "--noise", "esa"]
    }
}
