// swift-tools-version: 6.1
// SeaIceKit: automatic Arctic sea-ice mapping from satellite data.
//
// Layering (dependencies point one way, see DESIGN.md):
//   C edge:     CTorchBridge (C++ over libtorch, `sik_` prefix), CNetCDF, CGDAL, CCairo (cairo + pango; system libraries)
//   foundation: SeaIceCore → SeaIceTensor → SeaIceNN → SeaIceOptim
//   I/O:        SeaIceNetCDF, SeaIceGDAL
//   SAR:        SeaIceSAR (shared SAR ingestion pipeline) ← SeaIceSentinel1, SeaIceRCM (one reader per sensor)
//   stages:     readers (SeaIceSentinel1, SeaIceAI4Arctic, SeaIceCharts, SeaIceAuxiliary: AMSR2/ERA5,
//               SeaIceLand), passive-microwave retrievals (SeaIcePassiveMicrowave: NASA Team), sampling,
//               simulation, quick-looks, models, training, inference, products, evaluation
//   benchmarks: SeaIceBench (above the stages it measures: sampler, prediction, U-Net, training)
//   console:    seaice (swift-argument-parser; holds no logic)
//
// libtorch comes from the `torch` Python wheel that `make setup` installs into .deps/torch
// (git-ignored); its location is baked into the binaries as an rpath, so nothing needs
// LD_LIBRARY_PATH.
import PackageDescription

let torchRoot = "\(Context.packageDirectory)/.deps/torch/torch"
let torchLib = "\(torchRoot)/lib"

let package = Package(
    name: "SeaIceKit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "seaice", targets: ["seaice"]),
        .library(name: "SeaIceKit", targets: [
            "SeaIceCore", "SeaIceTensor", "SeaIceNN", "SeaIceOptim", "SeaIceNetCDF", "SeaIceGDAL",
            "SeaIceCharts", "SeaIceAI4Arctic", "SeaIceData", "SeaIceSampling", "SeaIceSAR", "SeaIceSentinel1", "SeaIceRCM", "SeaIceLand",
            "SeaIceSimulator", "SeaIceQuicklook", "SeaIceModels", "SeaIceTraining", "SeaIceMultiTask", "SeaIceInference",
            "SeaIceProducts", "SeaIceEvaluation", "SeaIceMetrics", "SeaIceTiling", "SeaIceClasses", "SeaIceAuxiliary",
            "SeaIcePassiveMicrowave", "SeaIcePolarGrids", "SeaIcePMProducts", "SeaIceCover",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // MARK: C edge
        .target(
            name: "CTorchBridge",
            cxxSettings: [
                .unsafeFlags([
                    "-isystem", "\(torchRoot)/include",
                    "-isystem", "\(torchRoot)/include/torch/csrc/api/include",
                    "-D_GLIBCXX_USE_CXX11_ABI=1", "-O2", "-fexceptions",
                    "-Wno-deprecated-declarations",
                ]),
            ],
            linkerSettings: [
                .unsafeFlags(["-L\(torchLib)", "-Xlinker", "-rpath", "-Xlinker", torchLib]),
                .linkedLibrary("torch_cpu"),
                .linkedLibrary("c10"),
                .linkedLibrary("dl"),
            ]
        ),
        .systemLibrary(
            name: "CNetCDF", pkgConfig: "netcdf",
            providers: [.apt(["libnetcdf-dev"])]
        ),
        .systemLibrary(
            name: "CGDAL", pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),
        .systemLibrary(
            name: "CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),

        // MARK: foundation
        // The tool version and the git commit of the build (a prebuild plugin writes the commit).
        .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
        .target(name: "SeaIceBuildInfo", plugins: ["BuildInfoPlugin"]),
        .target(
            name: "SeaIceCore",
            dependencies: ["SeaIceBuildInfo", .product(name: "Logging", package: "swift-log")]
        ),
        // Class tables (codes, names, colours) read by products, pictures and reports; no dependencies.
        .target(name: "SeaIceClasses"),
        .target(
            name: "SeaIceTensor",
            dependencies: ["CTorchBridge", "SeaIceCore"]
        ),

        .target(
            name: "SeaIceNN",
            dependencies: ["SeaIceTensor", "SeaIceCore", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SeaIceOptim",
            dependencies: ["SeaIceNN", "SeaIceTensor", "SeaIceCore"]
        ),
        .target(
            name: "SeaIceModels",
            dependencies: ["SeaIceOptim", "SeaIceNN", "SeaIceTensor", "SeaIceCore"]
        ),
        .target(
            name: "SeaIceBench",
            dependencies: ["SeaIceMultiTask", "SeaIceTraining", "SeaIceInference", "SeaIceSampling", "SeaIceAI4Arctic",
                           "SeaIceModels", "SeaIceOptim", "SeaIceNN", "SeaIceTensor", "SeaIceCore",
                           "SeaIceNetCDF", "SeaIceSentinel1", "SeaIceRCM", "SeaIceSimulator", "SeaIcePassiveMicrowave", "SeaIcePolarGrids", "SeaIceAuxiliary",
                           .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: I/O
        .target(
            name: "SeaIceNetCDF",
            dependencies: ["CNetCDF", "SeaIceCore"]
        ),
        .target(
            name: "SeaIceGDAL",
            dependencies: ["CGDAL", "SeaIceCore", "SeaIceClasses"]
        ),
        .target(
            name: "SeaIceCharts",
            dependencies: ["SeaIceCore", "SeaIceGDAL", .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: AI4Arctic dataset
        .target(
            name: "SeaIceAI4Arctic",
            dependencies: ["SeaIceCore", "SeaIceNetCDF", "SeaIceCharts", .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: generic data layer (any system's samples, batches, prefetching, augmentation, weighting)
        .target(
            name: "SeaIceData",
            dependencies: ["SeaIceTensor", "SeaIceCore"]
        ),

        .target(
            name: "SeaIceSampling",
            dependencies: ["SeaIceData", "SeaIceAI4Arctic", "SeaIceTensor", "SeaIceCore", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SeaIceMetrics",
            dependencies: ["SeaIceCore"]
        ),
        .target(
            name: "SeaIceTiling",
            dependencies: ["SeaIceTensor", "SeaIceCore"]
        ),
        .target(
            name: "SeaIceEvaluation",
            dependencies: [
                "SeaIceMetrics", "SeaIceCore", "SeaIceClasses", "SeaIceNetCDF", "SeaIceQuicklook", "SeaIceProducts",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: simulation and pictures
        // The sea-ice-cover system (seed 002): composite, incidence correction (issue 13, in progress).
        .target(
            name: "SeaIceCover",
            dependencies: ["SeaIceCore", "SeaIceAI4Arctic", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceCharts", "SeaIceModels",
                           "SeaIceNN", "SeaIceTensor", "SeaIceOptim", "SeaIceData", "SeaIceTraining", "SeaIceMetrics", "SeaIceTiling",
                           "SeaIceProducts", "SeaIceClasses", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SeaIceSimulator",
            dependencies: [
                "SeaIceCore", "SeaIceNetCDF", "SeaIceGDAL", "SeaIceAI4Arctic", "SeaIceCharts", "SeaIceSentinel1", "SeaIceRCM",
                "SeaIcePassiveMicrowave", "SeaIcePolarGrids",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SeaIceQuicklook",
            dependencies: ["CCairo", "SeaIceCore", "SeaIceClasses", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceCharts"]
        ),

        // MARK: products
        .target(
            name: "SeaIceProducts",
            dependencies: ["SeaIceCore", "SeaIceClasses", "SeaIceNetCDF"]
        ),

        // MARK: multi-task U-Net: inference and training (seed 001)
        .target(
            name: "SeaIceInference",
            dependencies: [
                "SeaIceModels", "SeaIceCore", "SeaIceTensor", "SeaIceNN", "SeaIceSampling", "SeaIceAI4Arctic", "SeaIceProducts", "SeaIceNetCDF",
                "SeaIceQuicklook", "SeaIceClasses", "SeaIceGDAL", "SeaIceTiling", "SeaIceCharts",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SeaIceMultiTask",
            dependencies: [
                "SeaIceTraining", "SeaIceInference", "SeaIceModels", "SeaIceData", "SeaIceSampling", "SeaIceAI4Arctic",
                "SeaIceEvaluation", "SeaIceQuicklook", "SeaIceOptim", "SeaIceNN", "SeaIceTensor", "SeaIceCore",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: the engine's training loop (any system)
        .target(
            name: "SeaIceTraining",
            dependencies: [
                "SeaIceData", "SeaIceNN", "SeaIceOptim", "SeaIceTensor", "SeaIceCore",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: stages
        .target(
            name: "SeaIceAuxiliary",
            dependencies: ["SeaIceCore", "SeaIceNetCDF", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SeaIcePassiveMicrowave",
            dependencies: ["SeaIceCore", "SeaIceAuxiliary"]
        ),
        // Sensor-neutral SAR ingestion: product archive, XML, channel processing, the shared pipeline, scene writers.
        .target(
            name: "SeaIceSAR",
            dependencies: [
                "SeaIceCore", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceLand", "SeaIceAuxiliary", "SeaIceProducts",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // NSIDC polar-stereographic grids, swath gridding, gridded TB files, concentration maps users have.
        .target(
            name: "SeaIcePolarGrids",
            dependencies: ["SeaIceCore", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceAuxiliary"]
        ),
        // The daily passive-microwave concentration product (seed 003): algorithm seam, pipeline, writers.
        .target(
            name: "SeaIcePMProducts",
            dependencies: [
                "SeaIcePolarGrids", "SeaIcePassiveMicrowave", "SeaIceProducts", "SeaIceClasses", "SeaIceQuicklook",
                "SeaIceGDAL", "SeaIceNetCDF", "SeaIceAuxiliary", "SeaIceCore", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SeaIceSentinel1",
            dependencies: [
                "SeaIceSAR", "SeaIceCore", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceLand", "SeaIceAuxiliary", "SeaIceProducts",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // RADARSAT Constellation Mission GRD products through SeaIceSAR.
        .target(
            name: "SeaIceRCM",
            dependencies: [
                "SeaIceSAR", "SeaIceCore", "SeaIceGDAL", "SeaIceLand", .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .target(
            name: "SeaIceLand",
            dependencies: ["SeaIceCore", "SeaIceGDAL", "SeaIceNetCDF"]
        ),

        // MARK: console
        .executableTarget(
            name: "seaice",
            dependencies: [
                "SeaIceCore", "SeaIceTensor", "SeaIceNetCDF", "SeaIceGDAL", "SeaIceCharts",
                "SeaIceAI4Arctic", "SeaIceSampling", "SeaIceSAR", "SeaIceSentinel1", "SeaIceRCM", "SeaIceSimulator", "SeaIceQuicklook",
                "SeaIceNN", "SeaIceOptim", "SeaIceModels", "SeaIceData", "SeaIceTraining", "SeaIceMultiTask", "SeaIceInference",
                "SeaIceProducts", "SeaIceEvaluation", "SeaIceBench", "SeaIceAuxiliary", "SeaIcePassiveMicrowave", "SeaIcePolarGrids", "SeaIcePMProducts", "SeaIceCover",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: tests
        .target(
            name: "SeaIceTestSupport",
            dependencies: ["SeaIceCore"],
            path: "Tests/SeaIceTestSupport"
        ),
        .testTarget(name: "SeaIceCoreTests", dependencies: ["SeaIceCore", "SeaIceTestSupport"]),
        .testTarget(
            name: "SeaIceCLITests",
            dependencies: [
                "SeaIceTestSupport", "SeaIceSentinel1", "SeaIceInference", "SeaIceModels", "SeaIceNN", "SeaIceSampling",
                "SeaIceCore", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceBench", "AI4ArcticTestSupport",
            ]
        ),
        .testTarget(
            name: "SeaIceIntegrationTests",
            dependencies: [
                "SeaIceAI4Arctic", "SeaIceSentinel1", "SeaIceLand", "SeaIceCore", "SeaIceTestSupport",
                "SeaIceSimulator", "SeaIceCharts", "SeaIceNetCDF",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SeaIceMetricsTests", dependencies: ["SeaIceMetrics", "SeaIceCore"]),
        .testTarget(name: "SeaIceTilingTests", dependencies: ["SeaIceTiling", "SeaIceTensor", "SeaIceCore", "SeaIceTestSupport"]),
        .testTarget(name: "SeaIceNetCDFTests", dependencies: ["SeaIceNetCDF", "SeaIceTestSupport"]),
        .testTarget(name: "SeaIceGDALTests", dependencies: ["SeaIceGDAL", "SeaIceClasses", "SeaIceTestSupport"]),
        .testTarget(
            name: "SeaIceEvaluationTests",
            dependencies: [
                "SeaIceEvaluation", "SeaIceMetrics", "SeaIceClasses", "SeaIceNetCDF", "SeaIceProducts", "SeaIceQuicklook", "SeaIceTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SeaIceCoverTests",
            dependencies: ["SeaIceCover", "SeaIceCore", "AI4ArcticTestSupport", "SeaIceTestSupport", "SeaIceSimulator",
                           "SeaIceModels", "SeaIceOptim", "SeaIceTraining", "SeaIceData", "SeaIceTiling"]
        ),
        .testTarget(
            name: "SeaIceSimulatorTests",
            dependencies: ["SeaIceSimulator", "SeaIcePassiveMicrowave", "SeaIceAI4Arctic", "SeaIceSentinel1", "SeaIceNetCDF",
                           "SeaIceGDAL", "SeaIceTestSupport", "SeaIceAuxiliary", "SeaIceCharts", "SeaIceCore", "SeaIceRCM", "SeaIceSAR"]
        ),
        .testTarget(
            name: "SeaIceInferenceTests",
            dependencies: ["SeaIceInference", "SeaIceModels", "SeaIceNN", "SeaIceTensor", "SeaIceSampling", "SeaIceAI4Arctic", "SeaIceNetCDF",
                           "SeaIceTiling", "SeaIceProducts", "SeaIceGDAL", "SeaIceTestSupport", "AI4ArcticTestSupport"]
        ),
        .testTarget(
            name: "SeaIceTrainingTests",
            dependencies: ["SeaIceTraining", "SeaIceData", "SeaIceNN", "SeaIceOptim", "SeaIceTensor", "SeaIceCore", "SeaIceTestSupport",
                           .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "SeaIceDataTests", dependencies: ["SeaIceData", "SeaIceTensor", "SeaIceCore", "SeaIceTestSupport"]),
        .testTarget(
            name: "SeaIceMultiTaskTests",
            dependencies: ["SeaIceMultiTask", "SeaIceTraining", "SeaIceData", "SeaIceInference", "SeaIceModels", "SeaIceNN", "SeaIceOptim", "SeaIceTensor", "SeaIceSampling",
                           "SeaIceAI4Arctic", "SeaIceTestSupport", "AI4ArcticTestSupport", "SeaIceGDAL", "SeaIceQuicklook"]
        ),
        .testTarget(name: "SeaIceQuicklookTests", dependencies: ["SeaIceQuicklook", "SeaIceNetCDF", "SeaIceGDAL", "SeaIceTestSupport"]),
        .testTarget(
            name: "SeaIceProductsTests",
            dependencies: ["SeaIceProducts", "SeaIceClasses", "SeaIceNetCDF", "SeaIceGDAL", "SeaIceTestSupport"]
        ),
        .testTarget(name: "SeaIceClassesTests", dependencies: ["SeaIceClasses"]),
        .target(
            name: "AI4ArcticTestSupport",
            dependencies: ["SeaIceAI4Arctic", "SeaIceNetCDF", "SeaIceCore"],
            path: "Tests/AI4ArcticTestSupport"
        ),
        .testTarget(
            name: "SeaIceAI4ArcticTests",
            dependencies: [
                "SeaIceAI4Arctic", "SeaIceNetCDF", "SeaIceTestSupport", "AI4ArcticTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SeaIceSamplingTests",
            dependencies: ["SeaIceSampling", "SeaIceAI4Arctic", "SeaIceTensor", "SeaIceTestSupport", "AI4ArcticTestSupport"]
        ),
        .testTarget(name: "SeaIceChartsTests", dependencies: ["SeaIceCharts", "SeaIceGDAL", "SeaIceTestSupport"]),
        .testTarget(
            name: "SeaIceTensorTests",
            dependencies: ["SeaIceTensor", "CTorchBridge", "SeaIceTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SeaIceNNTests", dependencies: ["SeaIceNN", "SeaIceTensor", "SeaIceCore", "SeaIceTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SeaIceOptimTests", dependencies: ["SeaIceOptim", "SeaIceNN", "SeaIceTensor", "SeaIceCore", "SeaIceTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SeaIceModelsTests",
            dependencies: ["SeaIceModels", "SeaIceOptim", "SeaIceNN", "SeaIceTensor", "SeaIceCore", "SeaIceTestSupport"]
        ),
        .testTarget(name: "SeaIceSentinel1Tests", dependencies: ["SeaIceSentinel1", "SeaIceSAR", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceTestSupport"]),
        .testTarget(
            name: "SeaIceRCMTests",
            dependencies: ["SeaIceRCM", "SeaIceSAR", "SeaIceSimulator", "SeaIceAI4Arctic", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceLand",
                           "SeaIceCore", "SeaIceTestSupport", .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SeaIceAuxiliaryTests",
            dependencies: [
                "SeaIceAuxiliary", "SeaIceSentinel1", "SeaIceAI4Arctic", "SeaIceLand", "SeaIceNetCDF", "SeaIceCore", "SeaIceTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SeaIcePassiveMicrowaveTests",
            dependencies: ["SeaIcePassiveMicrowave", "SeaIceAuxiliary", "SeaIceCore", "SeaIceTestSupport"]
        ),
        .testTarget(
            name: "SeaIcePolarGridsTests",
            dependencies: ["SeaIcePolarGrids", "SeaIceAuxiliary", "SeaIceGDAL", "SeaIceNetCDF", "SeaIceCore", "SeaIceTestSupport"]
        ),
        .testTarget(
            name: "SeaIcePMProductsTests",
            dependencies: ["SeaIcePMProducts", "SeaIcePolarGrids", "SeaIcePassiveMicrowave", "SeaIceProducts", "SeaIceAuxiliary",
                           "SeaIceGDAL", "SeaIceNetCDF", "SeaIceCore", "SeaIceTestSupport"]
        ),
        .testTarget(name: "SeaIceLandTests", dependencies: ["SeaIceLand", "SeaIceTestSupport"]),
        .testTarget(
            name: "SeaIceBenchTests",
            dependencies: ["SeaIceBench", "SeaIceModels", "SeaIceMultiTask", "SeaIceTraining", "SeaIceSampling", "SeaIceAI4Arctic",
                           "SeaIceCore", "SeaIceTestSupport", "AI4ArcticTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
    ],
    cxxLanguageStandard: .cxx20
)
