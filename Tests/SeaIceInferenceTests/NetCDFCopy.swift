import Foundation
import SeaIceNetCDF
import SeaIceTestSupport

/// Test helper: copies a netCDF file without some variables (with `nccopy -V`, netcdf-bin).
enum NetCDFCopy {
    static func without(_ dropped: [String], from url: URL, into folder: URL) throws -> URL {
        let file = try NetCDFFile.open(url)
        let keep = file.variableNames.filter { !dropped.contains($0) }
        try file.close()
        let out = folder.appendingPathComponent(url.lastPathComponent)
        let p = Process()
        p.executableURL = try ExternalTool.url("nccopy")
        p.arguments = ["-V", keep.joined(separator: ","), url.path, out.path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return out
    }
}
