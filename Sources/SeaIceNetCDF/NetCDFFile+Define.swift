@preconcurrency import CNetCDF
import SeaIceCore

extension NetCDFFile {
    /// Defines a dimension of fixed `length` (or unlimited when `length` is nil).
    public func defineDimension(_ name: String, length: Int?) throws {
        try ensureDefineMode()
        var id: Int32 = 0
        let status = NetCDFFile.locked { nc_def_dim(ncid, name, length ?? 0, &id) }
        try check(status, item: "dimension `\(name)`", action: "define")
    }

    /// Defines variable `name` over existing `dimensions` (C order).
    /// - Parameters:
    ///   - compression: zlib level 1–9 with shuffle (netCDF-4 only), nil for none.
    ///   - chunks: chunk lengths per dimension, nil for the library's default.
    ///   - fillValue: the `_FillValue` to declare, nil for the library's default.
    public func defineVariable(_ name: String, type: NetCDFType, dimensions: [String],
                               compression: Int? = nil, chunks: [Int]? = nil, fillValue: Double? = nil) throws {
        try ensureDefineMode()
        try NetCDFFile.locked {
            var dimids: [Int32] = []
            for d in dimensions {
                var id: Int32 = 0
                guard nc_inq_dimid(ncid, d, &id) == NC_NOERR else {
                    throw SeaIceError.missing(file: path, item: "dimension `\(d)` for variable `\(name)`")
                }
                dimids.append(id)
            }
            var varid: Int32 = 0
            try check(nc_def_var(ncid, name, type.code, Int32(dimids.count), dimids, &varid), item: "variable `\(name)`", action: "define")
            if var chunks, !dimensions.isEmpty {
                precondition(chunks.count == dimensions.count, "chunks \(chunks) must match dimensions \(dimensions)")
                try check(nc_def_var_chunking(ncid, varid, NC_CHUNKED, &chunks), item: "variable `\(name)`", action: "set chunking of")
            }
            if let level = compression, !dimensions.isEmpty {
                precondition((1...9).contains(level), "zlib level must be 1...9, got \(level)")
                try check(nc_def_var_deflate(ncid, varid, 1, 1, Int32(level)), item: "variable `\(name)`", action: "set compression of")
            }
            if let fill = fillValue {
                try putFill(varid: varid, type: type, value: fill, name: name)
            }
        }
    }

    private func putFill(varid: Int32, type: NetCDFType, value: Double, name: String) throws {
        let status: Int32
        switch type {
        case .byte: var v = Int8(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .ubyte: var v = UInt8(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .short: var v = Int16(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .ushort: var v = UInt16(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .int: var v = Int32(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .uint: var v = UInt32(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .int64: var v = Int64(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .uint64: var v = UInt64(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .float: var v = Float(value); status = nc_def_var_fill(ncid, varid, 0, &v)
        case .double: var v = value; status = nc_def_var_fill(ncid, varid, 0, &v)
        case .char, .string:
            preconditionFailure("no numeric fill value for \(type) variable \(name)")
        }
        try check(status, item: "variable `\(name)`", action: "set _FillValue of")
    }

    /// Sets an attribute on `variable`, or a global attribute when `variable` is nil.
    public func setAttribute(_ name: String, _ value: NetCDFAttribute, variable: String? = nil) throws {
        try ensureDefineMode()
        let varid = try variable.map(variableID) ?? NC_GLOBAL
        let item = variable.map { "attribute `\($0):\(name)`" } ?? "global attribute `\(name)`"
        let status: Int32 = NetCDFFile.locked {
            switch value {
            case let .text(s):
                let utf8 = Array(s.utf8)
                return utf8.withUnsafeBufferPointer { buf in
                    buf.withMemoryRebound(to: CChar.self) { nc_put_att_text(ncid, varid, name, buf.count, $0.baseAddress) }
                }
            case let .bytes(v): return nc_put_att_schar(ncid, varid, name, NC_BYTE, v.count, v)
            case let .ubytes(v): return nc_put_att_uchar(ncid, varid, name, NC_UBYTE, v.count, v)
            case let .shorts(v): return nc_put_att_short(ncid, varid, name, NC_SHORT, v.count, v)
            case let .ints(v): return nc_put_att_int(ncid, varid, name, NC_INT, v.count, v)
            case let .int64s(v): return nc_put_att_longlong(ncid, varid, name, NC_INT64, v.count, v)
            case let .floats(v): return nc_put_att_float(ncid, varid, name, NC_FLOAT, v.count, v)
            case let .doubles(v): return nc_put_att_double(ncid, varid, name, NC_DOUBLE, v.count, v)
            }
        }
        try check(status, item: item, action: "write")
    }

    /// Renames variable `name` to `newName` (e.g. to retire a variable: netCDF cannot delete one).
    public func renameVariable(_ name: String, to newName: String) throws {
        try ensureDefineMode()
        let varid = try variableID(name)
        try check(NetCDFFile.locked { nc_rename_var(ncid, varid, newName) }, item: "variable `\(name)`", action: "rename")
    }

    /// Sets several attributes at once (see `setAttribute`).
    public func setAttributes(_ attributes: [(String, NetCDFAttribute)], variable: String? = nil) throws {
        for (name, value) in attributes { try setAttribute(name, value, variable: variable) }
    }
}
