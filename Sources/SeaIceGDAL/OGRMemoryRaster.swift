@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// An in-memory GDAL raster (MEM driver) used as the target of rasterisation and the source of
/// GeoTIFF copies; closed in `deinit`.
final class MemoryRaster {
    let handle: GDALDatasetH
    let width: Int
    let height: Int

    init(width: Int, height: Int, bands: Int, type: GDALDataType) throws {
        guard let driver = GDALGetDriverByName("MEM"),
              let handle = GDALCreate(driver, "", Int32(width), Int32(height), Int32(bands), type, nil)
        else {
            throw SeaIceError.native(library: "GDAL", operation: "MEM create \(width)×\(height)×\(bands)", message: GDALLibrary.lastErrorMessage)
        }
        self.handle = handle
        self.width = width
        self.height = height
    }

    deinit { GDALClose(handle) }

    func band(_ index: Int) -> GDALRasterBandH { GDALGetRasterBand(handle, Int32(index)) }

    func read<T>(band index: Int, into buffer: inout [T], type: GDALDataType) throws {
        precondition(buffer.count == width * height)
        let err = buffer.withUnsafeMutableBytes { raw in
            GDALRasterIO(band(index), GF_Read, 0, 0, Int32(width), Int32(height), raw.baseAddress,
                         Int32(width), Int32(height), type, 0, 0)
        }
        guard err == CE_None else {
            throw SeaIceError.native(library: "GDAL", operation: "GDALRasterIO read", message: GDALLibrary.lastErrorMessage)
        }
    }

    func write<T>(band index: Int, from buffer: inout [T], type: GDALDataType) throws {
        precondition(buffer.count == width * height)
        let err = buffer.withUnsafeMutableBytes { raw in
            GDALRasterIO(band(index), GF_Write, 0, 0, Int32(width), Int32(height), raw.baseAddress,
                         Int32(width), Int32(height), type, 0, 0)
        }
        guard err == CE_None else {
            throw SeaIceError.native(library: "GDAL", operation: "GDALRasterIO write", message: GDALLibrary.lastErrorMessage)
        }
    }
}

/// A NULL-terminated C string list (GDAL `char **` options) that frees itself.
final class CStringList {
    private let count: Int
    /// The list: `count` strings followed by NULL.
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (i, s) in strings.enumerated() { pointer[i] = strdup(s) }
        pointer[strings.count] = nil
    }

    deinit {
        for i in 0..<count { free(pointer[i]) }
        pointer.deallocate()
    }
}
