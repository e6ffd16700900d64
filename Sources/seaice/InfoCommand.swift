import ArgumentParser
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF
import SeaIceTensor

/// `seaice info`: versions of the native libraries and the compute devices found.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print the native library versions and the compute devices SeaIceKit will use."
    )

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.activate()
        Console.line("SeaIceKit \(SeaIceKitVersion.versionAndCommit)")
        Console.line("libtorch  \(TorchRuntime.version) (threads \(TorchRuntime.threads), CUDA devices \(TorchRuntime.cudaDeviceCount))")
        Console.line("netCDF-C  \(NetCDFLibrary.version)")
        Console.line("GDAL      \(GDALLibrary.version) (GTiff \(GDALLibrary.hasDriver("GTiff")), GPKG \(GDALLibrary.hasDriver("GPKG")), PNG \(GDALLibrary.hasDriver("PNG")))")
    }
}
