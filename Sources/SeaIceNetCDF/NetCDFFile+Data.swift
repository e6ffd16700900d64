@preconcurrency import CNetCDF
import Foundation
import SeaIceCore

extension NetCDFFile {
    /// Resolves `start`/`count` (nil = whole variable) against `v`'s shape, throwing when out of range.
    func window(_ v: NetCDFVariable, start: [Int]?, count: [Int]?) throws -> (start: [Int], count: [Int]) {
        let s = start ?? [Int](repeating: 0, count: v.shape.count)
        let c = count ?? zip(v.shape, s).map { $0 - $1 }
        guard s.count == v.shape.count, c.count == v.shape.count else {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(v.name)`",
                                           expected: "a window of \(v.shape.count) dimensions, got start \(s) count \(c)")
        }
        for i in v.shape.indices where s[i] < 0 || c[i] < 0 || s[i] + c[i] > v.shape[i] {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(v.name)`",
                                           expected: "a window inside shape \(v.shape), got start \(s) count \(c)")
        }
        return (s, c)
    }

    /// Reads a window (nil = all) of numeric variable `name` as `T`, converting from the stored type.
    /// - Returns: `count.reduce(1, *)` values in C order.
    public func read<T: NetCDFScalar>(_ name: String, as: T.Type = T.self, start: [Int]? = nil, count: [Int]? = nil) throws -> [T] {
        let v = try variable(name)
        guard v.type.isNumeric else {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`", expected: "a numeric variable, found \(v.type.name)")
        }
        let (s, c) = try window(v, start: start, count: count)
        let n = c.reduce(1, *)
        var out = [T](repeating: T.zero, count: n)
        if n == 0 { return out }
        try ensureDataMode()
        let id = try variableID(name)
        let status = NetCDFFile.locked {
            out.withUnsafeMutableBufferPointer { buf in
                s.withUnsafeBufferPointer { sp in c.withUnsafeBufferPointer { cp in
                    T.getVara(ncid, id, sp.baseAddress!, cp.baseAddress!, buf.baseAddress!)
                } }
            }
        }
        // NC_ERANGE: some values did not fit T; the others were converted. Treat as an input error.
        try check(status, item: "variable `\(name)`", action: "read")
        return out
    }

    /// Reads a window of any numeric variable converted to Float (the common case for rasters).
    public func readFloats(_ name: String, start: [Int]? = nil, count: [Int]? = nil) throws -> [Float] {
        try read(name, as: Float.self, start: start, count: count)
    }

    /// Writes `values` (C order) into a window of variable `name` (nil = the whole variable).
    public func write<T: NetCDFScalar>(_ values: [T], variable name: String, start: [Int]? = nil, count: [Int]? = nil) throws {
        let v = try variable(name)
        let (s, c) = try window(v, start: start, count: count)
        let n = c.reduce(1, *)
        guard values.count == n else {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`", expected: "\(n) values for window \(c), got \(values.count)")
        }
        if n == 0 { return }
        try ensureDataMode()
        let id = try variableID(name)
        let status = NetCDFFile.locked {
            values.withUnsafeBufferPointer { buf in
                s.withUnsafeBufferPointer { sp in c.withUnsafeBufferPointer { cp in
                    T.putVara(ncid, id, sp.baseAddress!, cp.baseAddress!, buf.baseAddress!)
                } }
            }
        }
        try check(status, item: "variable `\(name)`", action: "write")
    }

    /// Reads every value of a string variable (netCDF-4 `string`, or `char` rows of a 2-D char array).
    public func readStrings(_ name: String) throws -> [String] {
        let v = try variable(name)
        try ensureDataMode()
        let id = try variableID(name)
        switch v.type {
        case .string:
            let n = v.count
            var ptrs = [UnsafeMutablePointer<CChar>?](repeating: nil, count: n)
            try NetCDFFile.locked {
                try check(nc_get_var_string(ncid, id, &ptrs), item: "variable `\(name)`", action: "read")
            }
            defer { _ = NetCDFFile.locked { nc_free_string(n, &ptrs) } }
            return ptrs.map { $0.map { String(cString: $0) } ?? "" }
        case .char:
            guard let width = v.shape.last else { return [] }
            var buf = [CChar](repeating: 0, count: v.count)
            try NetCDFFile.locked { try check(nc_get_var_text(ncid, id, &buf), item: "variable `\(name)`", action: "read") }
            let rows = width == 0 ? 0 : v.count / width
            return (0..<rows).map { r in
                let bytes = buf[(r * width)..<((r + 1) * width)].prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                return String(decoding: bytes, as: UTF8.self)
            }
        default:
            throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`", expected: "a string or char variable, found \(v.type.name)")
        }
    }

    /// Writes all values of a 1-D netCDF-4 `string` variable.
    public func writeStrings(_ values: [String], variable name: String) throws {
        let v = try variable(name)
        guard v.type == .string, v.count == values.count else {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`",
                                           expected: "a string variable of \(values.count) values, found \(v.type.name) of \(v.count)")
        }
        try ensureDataMode()
        let id = try variableID(name)
        let cStrings = values.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var constPtrs = cStrings.map { UnsafePointer<CChar>($0) }
        try NetCDFFile.locked {
            try check(nc_put_var_string(ncid, id, &constPtrs), item: "variable `\(name)`", action: "write")
        }
    }
}
