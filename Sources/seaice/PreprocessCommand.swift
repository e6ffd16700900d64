import ArgumentParser
import Foundation
import Logging
import SeaIceCharts
import SeaIceCore
import SeaIceGDAL
import SeaIceLand
import SeaIceRCM
import SeaIceSentinel1

extension PreprocessConfiguration.NoiseRemoval: ExpressibleByArgument {}
extension PreprocessConfiguration.IncidenceCorrection: ExpressibleByArgument {}
extension PreprocessConfiguration.NegativePower: ExpressibleByArgument {}

/// Options shared by `preprocess` and `bench preprocess`: the processing choices and the auxiliary data files.
struct PreprocessOptions: ParsableArguments {
    @Option(help: """
        Output pixel size in metres, a whole multiple of the product's spacing (default: 80 m, or the next \
        multiple of a coarser product's spacing, e.g. 400 m for `seaice simulate --format safe`).
        """)
    var pixelSize: Double?
    @Option(help: "Thermal-noise removal: nersc, esa or none.")
    var noise: PreprocessConfiguration.NoiseRemoval = .nersc
    @Option(help: "Incidence-angle correction of the dB output: none, nersc (fixed slopes) or fitted (per scene).")
    var incidenceCorrection: PreprocessConfiguration.IncidenceCorrection = .none
    @Option(help: "Pixels whose denoised power is <= 0: clampToFloor (-50 dB) or nan.")
    var negativePower: PreprocessConfiguration.NegativePower = .clampToFloor
    @Option(help: "zlib level (1-9) for the netCDF variables; default: uncompressed (much faster to write).")
    var deflate: Int?
    @Option(help: "The shared data folder holding the default auxiliary files (default: $SEAICE_DATA, ../shared/data, or shared/data beside the checkout of this binary).")
    var data: String?
    @Option(help: "NERSC coefficient file (default: sentinel1denoised/denoising_parameters.json in the data folder).")
    var coefficients: String?
    @Option(help: "Distance-to-land netCDF (GSHHG, 0.1 degree; default: landmask/landmetrics/... in the data folder); 'none' to skip land.")
    var landDistance: String?
    @Option(help: "AMSR2 L1R/L1B swath file (JAXA HDF5 or netCDF-4): writes btemp_6_9h ... btemp_89_0v (K) on the 2 km grid.")
    var amsr2: String?
    @Option(help: "ERA5 single-levels netCDF from the Copernicus CDS (u10, v10, t2m, skt, tcwv, tclw): writes u10m_rotated, v10m_rotated, t2m, skt, tcwv, tclw on the 2 km grid.")
    var era5: String?
    @Option(help: "1 km land-mask GeoTIFF (1 = land; default: landmask/global-land-mask/globe_land_1km.tif in the data folder); 'none' to derive the mask from the distance sign.")
    var landMask: String?

    /// `explicit` when given, else `relative` inside the located shared data folder.
    private func auxiliary(_ explicit: String?, _ relative: String) throws -> String {
        if let explicit { return explicit }
        return try SharedDataLocator.locate(explicit: data).appendingPathComponent(relative).path
    }

    func validate() throws {
        if let p = pixelSize, !(p > 0) { throw ValidationError("--pixel-size must be positive, got \(p)") }
        if let d = deflate, !(1...9).contains(d) { throw ValidationError("--deflate must be 1...9, got \(d)") }
    }

    /// The shared pipeline for an RCM product (no NERSC coefficient file: those are Sentinel-1's).
    func rcmPreprocessor() throws -> RCMPreprocessor {
        let s1 = try preprocessor(coefficientsNeeded: false)
        return RCMPreprocessor(pipeline: SARPipeline(
            configuration: s1.configuration, land: s1.land, auxiliary: s1.auxiliary, pixelSizeRoundsUp: s1.pixelSizeRoundsUp))
    }

    /// The Sentinel-1 preprocessor, or an RCM one when `url` is an RCM product, run on `url`.
    func run(_ url: URL, logger: Logger, progress: ((Double, String) -> Void)? = nil) throws -> AnalysisReadyScene {
        if RCMPreprocessor.isRCMProduct(url) { return try rcmPreprocessor().run(url, logger: logger, progress: progress) }
        return try preprocessor().run(url, logger: logger, progress: progress)
    }

    func preprocessor(coefficientsNeeded: Bool = true) throws -> Sentinel1Preprocessor {
        var c = PreprocessConfiguration()
        c.pixelSize = pixelSize ?? 80
        c.noise = noise
        c.incidenceCorrection = incidenceCorrection
        c.negativePower = negativePower
        let withTable = noise == .nersc && coefficientsNeeded
        let coefficients = try withTable ? auxiliary(self.coefficients, "sentinel1denoised/denoising_parameters.json") : ""
        let landDistance = try auxiliary(self.landDistance, "landmask/landmetrics/distance_to_land_0.1deg_gt0km2.nc")
        let landMask = try auxiliary(self.landMask, "landmask/global-land-mask/globe_land_1km.tif")
        let table = withTable ? try NERSCCoefficients.Table(url: URL(fileURLWithPath: coefficients)) : nil
        let land = landDistance == "none" ? nil : LandLookup(
            distanceFile: URL(fileURLWithPath: landDistance), maskFile: landMask == "none" ? nil : URL(fileURLWithPath: landMask))
        var preprocessor = Sentinel1Preprocessor(configuration: c, coefficients: table, land: land)
        preprocessor.pixelSizeRoundsUp = pixelSize == nil
        preprocessor.auxiliary = AuxiliaryInputs(amsr2: amsr2.map { URL(fileURLWithPath: $0) }, era5: era5.map { URL(fileURLWithPath: $0) })
        return preprocessor
    }
}

/// `seaice preprocess`: a Sentinel-1 GRD product (SAFE folder or zip) to an AI4Arctic-raw-compatible netCDF scene.
struct PreprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preprocess",
        abstract: "Calibrate, denoise and multilook a Sentinel-1 EW/IW or RCM GRD product into an analysis-ready netCDF scene.",
        discussion: "The scene has the AI4Arctic raw variable names (nersc_sar_primary/secondary in dB, sar_incidenceangle, distance_map, sar_grid_*). --amsr2 and --era5 add the AMSR2 brightness temperatures and ERA5 fields on the 2 km grid (float64); without them the file says so (amsr2_available = no, era5_available = no).")

    @Argument(help: "The product: a Sentinel-1 .SAFE folder or its .zip, or an RCM product folder or its .zip.")
    var product: String
    @Option(help: "Output netCDF file.")
    var out: String
    @Option(help: "Also write a float32 GeoTIFF (dB bands + incidence, tie points as GCPs).")
    var geotiff: String?
    @Option(help: """
        Also write the scene on a north-up map grid as a float32 Cloud-Optimised GeoTIFF beside --out \
        (<out>_<crs>_<res>m.tif: dB bands averaged as linear power, incidence angle): EPSG:CODE:RES (metres; \
        the scene's box snapped to multiples of RES), EPSG:CODE:XMIN,YMIN,XMAX,YMAX:RES, nsidc-ps-north-RESkm \
        or ease2-north-RESkm.
        """)
    var grid: String?
    @OptionGroup var options: PreprocessOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let grid {
            do { _ = try ChartGridSpecification(parsing: grid) } catch { throw ValidationError("--grid: \(error)") }
        }
    }

    func run() throws {
        let logger = output.logger("seaice.preprocess", normal: .info)
        let bar = output.progressBar()
        let scene = try options.run(URL(fileURLWithPath: product), logger: logger) { fraction, stage in
            bar.draw(fraction: fraction, label: stage)
        }
        bar.finish()
        try AI4ArcticSceneWriter.write(scene, to: URL(fileURLWithPath: out), compression: options.deflate)
        if let geotiff { try SceneGeoTIFFWriter.write(scene, to: URL(fileURLWithPath: geotiff)) }
        if let grid {
            let map = try ChartGridSpecification(parsing: grid)
                .resolve(covering: scene.tiePoints.map { GeoPoint(x: $0.longitude, y: $0.latitude) })
            let url = try ProjectedSceneWriter.write(scene, grid: map, nextTo: URL(fileURLWithPath: out))
            Console.line("\(url.path): \(map.width) × \(map.height) cells of \(map.geoTransform[1]) m on \(map.crs)")
        }
        if !scene.simulationMarkers.isEmpty {
            Console.line("SIMULATED product (\(scene.simulationMarkers.joined(separator: "; "))): \(out) is marked simulated")
        }
        Console.line("\(out): \(scene.width) × \(scene.height) pixels of \(Int(scene.pixelSpacing)) m, \(scene.primaryPolarisation.rawValue)\(scene.secondaryPolarisation.map { "/" + $0.rawValue } ?? "")")
    }
}
