import SeaIceClasses

extension GeoTIFFBand {
    /// A class-map band coloured by `table`: uint8 codes, no-data `ClassTable.fillCode`, a
    /// 256-entry palette with each class's colour (the fill code and unused codes in the fill colour),
    /// so a single-band GeoTIFF opens in QGIS in the colours of the quick-looks (GDAL reads the no-data
    /// entry back as transparent), and the class names as band metadata `CLASS_<code> = <label>`
    /// (GTiff cannot hold GDAL category names without an `.aux.xml` sidecar).
    /// - Parameter codes: row-major class codes, 255 = no data.
    public static func classes(_ codes: [UInt8], table: ClassTable, description: String? = nil) -> GeoTIFFBand {
        let palette = table.colorLookup.map { PaletteColor($0.r, $0.g, $0.b) }
        return GeoTIFFBand(
            .uint8(codes), description: description ?? "\(table.variable) (\(table.longName))",
            noData: Double(ClassTable.fillCode), palette: palette, metadata: classMetadata(table))
    }

    /// The class names of `table` as band metadata: `CLASS_<code>` = label, plus `CLASS_255` = "no data".
    public static func classMetadata(_ table: ClassTable) -> [String: String] {
        var items = Dictionary(uniqueKeysWithValues: table.entries.map { ("CLASS_\($0.code)", $0.label) })
        items["CLASS_\(ClassTable.fillCode)"] = "no data"
        return items
    }
}
