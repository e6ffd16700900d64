@preconcurrency import CNetCDF
import Foundation
import SeaIceCore

extension NetCDFFile {
    /// The attribute `name` of `variable` (global when nil), or nil when absent.
    public func attribute(_ name: String, variable: String? = nil) throws -> NetCDFAttribute? {
        try ensureOpen()
        let varid = try variable.map(variableID) ?? NC_GLOBAL
        let item = variable.map { "attribute `\($0):\(name)`" } ?? "global attribute `\(name)`"
        return try NetCDFFile.locked {
            var type: nc_type = 0
            var len = 0
            guard nc_inq_att(ncid, varid, name, &type, &len) == NC_NOERR else { return nil }
            switch Int32(type) {
            case NC_CHAR:
                var buf = [CChar](repeating: 0, count: len + 1)
                try check(nc_get_att_text(ncid, varid, name, &buf), item: item, action: "read")
                let bytes = buf.prefix(len).map { UInt8(bitPattern: $0) }
                return .text(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: ["\0"]))
            case NC_STRING:
                var ptrs = [UnsafeMutablePointer<CChar>?](repeating: nil, count: len)
                try check(nc_get_att_string(ncid, varid, name, &ptrs), item: item, action: "read")
                defer { nc_free_string(len, &ptrs) }
                return .text(ptrs.map { $0.map { String(cString: $0) } ?? "" }.joined(separator: "\n"))
            case NC_BYTE:
                var v = [Int8](repeating: 0, count: len); try check(nc_get_att_schar(ncid, varid, name, &v), item: item, action: "read"); return .bytes(v)
            case NC_UBYTE:
                var v = [UInt8](repeating: 0, count: len); try check(nc_get_att_uchar(ncid, varid, name, &v), item: item, action: "read"); return .ubytes(v)
            case NC_SHORT:
                var v = [Int16](repeating: 0, count: len); try check(nc_get_att_short(ncid, varid, name, &v), item: item, action: "read"); return .shorts(v)
            case NC_INT, NC_USHORT:
                var v = [Int32](repeating: 0, count: len); try check(nc_get_att_int(ncid, varid, name, &v), item: item, action: "read"); return .ints(v)
            case NC_INT64, NC_UINT, NC_UINT64:
                var v = [Int64](repeating: 0, count: len); try check(nc_get_att_longlong(ncid, varid, name, &v), item: item, action: "read"); return .int64s(v)
            case NC_FLOAT:
                var v = [Float](repeating: 0, count: len); try check(nc_get_att_float(ncid, varid, name, &v), item: item, action: "read"); return .floats(v)
            default:
                var v = [Double](repeating: 0, count: len); try check(nc_get_att_double(ncid, varid, name, &v), item: item, action: "read"); return .doubles(v)
            }
        }
    }

    /// Every attribute of `variable` (global when nil), by name.
    public func attributes(variable: String? = nil) throws -> [String: NetCDFAttribute] {
        try ensureOpen()
        let varid = try variable.map(variableID) ?? NC_GLOBAL
        let names: [String] = NetCDFFile.locked {
            var n: Int32 = 0
            let status = varid == NC_GLOBAL ? nc_inq_natts(ncid, &n) : nc_inq_varnatts(ncid, varid, &n)
            guard status == NC_NOERR else { return [] }
            var buf = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
            return (0..<n).compactMap { i in nc_inq_attname(ncid, varid, i, &buf) == NC_NOERR ? NetCDFFile.string(buf) : nil }
        }
        var result: [String: NetCDFAttribute] = [:]
        for name in names { result[name] = try attribute(name, variable: variable) }
        return result
    }

    /// The text attribute `name`; throws naming file and attribute when absent or not text.
    public func requireText(_ name: String, variable: String? = nil) throws -> String {
        let item = variable.map { "attribute `\($0):\(name)`" } ?? "global attribute `\(name)`"
        guard let value = try attribute(name, variable: variable) else { throw SeaIceError.missing(file: path, item: item) }
        guard let text = value.text else { throw SeaIceError.invalidInput(file: path, item: item, expected: "text") }
        return text
    }
}
