import ArgumentParser
import SeaIceGDAL
import SeaIceNetCDF
import SeaIceTensor

/// `seaice info`: versions of the native libraries and the compute devices found.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print the native library versions and the compute devices SeaIceKit will use."
    )

    func run() throws {
        print("libtorch  \(TorchRuntime.version) (threads \(TorchRuntime.threads), CUDA devices \(TorchRuntime.cudaDeviceCount))")
        print("netCDF-C  \(NetCDFLibrary.version)")
        print("GDAL      \(GDALLibrary.version) (GTiff \(GDALLibrary.hasDriver("GTiff")), GPKG \(GDALLibrary.hasDriver("GPKG")), PNG \(GDALLibrary.hasDriver("PNG")))")
    }
}
