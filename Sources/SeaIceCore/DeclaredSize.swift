import Foundation

/// Bounds on sizes a file declares (dimension lengths, numbers of lines), checked before anything of that size is
/// allocated: a 57 KB netCDF-4 file can declare 200 000 × 200 000 pixels, which would otherwise abort allocating
/// 160 GB or grow a temporary file without end (issue 18).
public enum DeclaredSize {
    /// The most lines or samples an AI4Arctic-like scene grid may declare: 25 000 pixels is 1000 km at 40 m
    /// (real scenes: ≈ 10 000).
    public static let maximumSceneSide = 25_000

    /// Refuses a `lines × samples` grid with a side beyond `maximumSide`, or one raster of which (`bytesPerPixel`)
    /// would take more than a quarter of `memoryBytes`.
    /// - Throws: `SeaIceError.invalidInput` naming `file`, `item` and the declared sizes ("12 × 200000 declared").
    public static func checkGrid(
        lines: Int, samples: Int, file: String, item: String, maximumSide: Int = maximumSceneSide,
        bytesPerPixel: UInt64 = 4,
        memoryBytes: UInt64 = ProcessInfo.processInfo.physicalMemory
    ) throws {
        let described = "\(item) (\(lines) × \(samples) declared)"
        guard lines <= maximumSide, samples <= maximumSide else {
            throw SeaIceError.invalidInput(
                file: file, item: described,
                expected: "at most \(maximumSide) × \(maximumSide) pixels")
        }
        let bytes = UInt64(max(lines, 0)) * UInt64(max(samples, 0)) * bytesPerPixel
        guard bytes <= memoryBytes / 4 else {
            throw SeaIceError.invalidInput(
                file: file, item: described,
                expected: "a grid whose \(bytesPerPixel)-byte raster (\(bytes >> 20) MiB) fits in a quarter of this "
                    + "machine's \(memoryBytes >> 20) MiB of memory")
        }
    }
}
