@preconcurrency import CNetCDF
import Foundation
import SeaIceCore

extension NetCDFFile {
    /// Every dimension of the root group with its length.
    public var dimensions: [String: Int] {
        NetCDFFile.locked {
            var n: Int32 = 0
            guard nc_inq_ndims(ncid, &n) == NC_NOERR, n > 0 else { return [:] }
            var ids = [Int32](repeating: 0, count: Int(n))
            _ = nc_inq_dimids(ncid, &n, &ids, 0)
            var result: [String: Int] = [:]
            var name = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
            for id in ids {
                var len = 0
                if nc_inq_dim(ncid, id, &name, &len) == NC_NOERR {
                    result[NetCDFFile.string(name)] = len
                }
            }
            return result
        }
    }

    /// The length of dimension `name`; throws naming the file when it is absent.
    public func dimensionLength(_ name: String) throws -> Int {
        guard let len = dimensions[name] else {
            throw SeaIceError.missing(file: path, item: "dimension `\(name)`")
        }
        return len
    }

    /// Names of every variable of the root group, in definition order.
    public var variableNames: [String] {
        NetCDFFile.locked {
            var n: Int32 = 0
            guard nc_inq_nvars(ncid, &n) == NC_NOERR else { return [] }
            var name = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
            return (0..<n).compactMap { id in
                nc_inq_varname(ncid, id, &name) == NC_NOERR ? NetCDFFile.string(name) : nil
            }
        }
    }

    /// Whether the file has a variable of this name.
    public func hasVariable(_ name: String) -> Bool {
        NetCDFFile.locked {
            var id: Int32 = 0
            return nc_inq_varid(ncid, name, &id) == NC_NOERR
        }
    }

    /// The variable's id; throws `.missing` naming file and variable.
    func variableID(_ name: String) throws -> Int32 {
        try ensureOpen()
        var id: Int32 = 0
        let status = NetCDFFile.locked { nc_inq_varid(ncid, name, &id) }
        guard status == NC_NOERR else { throw SeaIceError.missing(file: path, item: "variable `\(name)`") }
        return id
    }

    /// Type, dimension names and shape of variable `name`.
    public func variable(_ name: String) throws -> NetCDFVariable {
        let id = try variableID(name)
        return try NetCDFFile.locked {
            var type: nc_type = 0
            var ndims: Int32 = 0
            try check(nc_inq_var(ncid, id, nil, &type, &ndims, nil, nil), item: "variable `\(name)`", action: "inquire")
            var dimids = [Int32](repeating: 0, count: Int(ndims))
            if ndims > 0 { try check(nc_inq_vardimid(ncid, id, &dimids), item: "variable `\(name)`", action: "inquire dimensions of") }
            var dimNames: [String] = []
            var shape: [Int] = []
            var buf = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
            for d in dimids {
                var len = 0
                try check(nc_inq_dim(ncid, d, &buf, &len), item: "variable `\(name)`", action: "inquire dimension of")
                dimNames.append(NetCDFFile.string(buf))
                shape.append(len)
            }
            guard let t = NetCDFType(rawValue: type) else {
                throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`", expected: "an atomic netCDF type (found type code \(type))")
            }
            return NetCDFVariable(name: name, type: t, dimensions: dimNames, shape: shape)
        }
    }

    /// Checks that `name` exists with the given dimension names (and type, when given).
    /// - Returns: its description.
    @discardableResult
    public func requireVariable(_ name: String, dimensions expected: [String], type: NetCDFType? = nil) throws -> NetCDFVariable {
        let v = try variable(name)
        if v.dimensions != expected {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`",
                                           expected: "dimensions (\(expected.joined(separator: ", "))), found (\(v.dimensions.joined(separator: ", ")))")
        }
        if let type, v.type != type {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`", expected: "type \(type.name), found \(v.type.name)")
        }
        return v
    }
}
