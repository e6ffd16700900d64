import Foundation
import SeaIceCore
import SeaIceNetCDF

/// A product to write: a grid, the variables its coders encoded, and global attributes.
///
/// Build it with `add(_:_:)` (one call per variable), then write it with `CFWriter`.
public struct CFProduct: Sendable {
    /// The grid of every raster variable.
    public var grid: ProductGrid
    /// The global attributes.
    public var globals: ProductGlobals
    /// The encoded variables in the order they were added.
    public private(set) var encoded: [CFEncoded] = []

    /// An empty product on `grid`.
    public init(grid: ProductGrid, globals: ProductGlobals) {
        self.grid = grid
        self.globals = globals
    }

    /// Encodes `value` with `coder` and adds it.
    /// - Throws: what the coder throws (values it cannot store).
    public mutating func add<C: CFCoder>(_ coder: C, _ value: C.Value) throws {
        let e = try coder.encode(value, on: grid)
        precondition(
            !variables.contains { v in e.variables.contains { $0.name == v.name } },
            "\(coder.name): a variable of that name is already in the product")
        encoded.append(e)
    }

    /// All dimensions: the grid's, then the coders' in order of first use (each once).
    public var dimensions: [CFDimension] {
        var out: [CFDimension] = []
        for d in ([grid.encode()] + encoded).flatMap(\.dimensions) {
            if let known = out.first(where: { $0.name == d.name }) {
                precondition(
                    known.length == d.length, "dimension \(d.name) has lengths \(known.length) and \(d.length)")
            } else {
                out.append(d)
            }
        }
        return out
    }

    /// All variables: the coders', then the grid's coordinates.
    public var variables: [CFVariable] { (encoded + [grid.encode()]).flatMap(\.variables) }
}

/// Writes a `CFProduct` as a netCDF-4 file, atomically (temporary name, then rename).
public struct CFWriter: Sendable {
    /// zlib level of every variable (1–9).
    public var compression: Int

    /// A writer.
    public init(compression: Int = 4) { self.compression = compression }

    /// Writes `product` to `url`; nothing is left at `url` (or beside it) when this throws.
    public func write(_ product: CFProduct, to url: URL) throws {
        let variables = product.variables
        try AtomicOutput.write(to: url) { tmp in
            let f = try NetCDFFile.create(tmp)
            for d in product.dimensions { try f.defineDimension(d.name, length: d.length) }
            for v in variables {
                try f.defineVariable(
                    v.name, type: v.type, dimensions: v.dimensions, compression: compression,
                    chunks: chunks(v, product.dimensions), fillValue: v.fillValue)
                try f.setAttributes(v.attributes.map { ($0.name, $0.value) }, variable: v.name)
            }
            try f.setAttributes(product.globals.encode().map { ($0.name, $0.value) })
            try f.endDefinitions()
            for v in variables { try write(v, into: f) }
            try f.close()
        }
    }

    /// Raster dimensions in chunks of at most 512, other dimensions one plane per chunk; 1-D variables whole.
    private func chunks(_ v: CFVariable, _ dims: [CFDimension]) -> [Int]? {
        let lengths = v.dimensions.map { name in dims.first { $0.name == name }?.length ?? 1 }
        if v.dimensions.count <= 1 { return v.dimensions.isEmpty ? nil : lengths }
        return zip(v.dimensions, lengths).map { ProductGrid.rasterDimensionNames.contains($0) ? min($1, 512) : 1 }
    }

    private func write(_ v: CFVariable, into f: NetCDFFile) throws {
        switch v.values {
        case nil: break
        case .ubyte(let x)?: try f.write(x, variable: v.name)
        case .short(let x)?: try f.write(x, variable: v.name)
        case .int(let x)?: try f.write(x, variable: v.name)
        case .float(let x)?: try f.write(x, variable: v.name)
        case .double(let x)?: try f.write(x, variable: v.name)
        }
    }
}
