import Foundation
import SeaIceNN
import SeaIceTensor
import SeaIceTestSupport

/// Reads the PyTorch expected values written by python/nn_fixtures.py.
enum Fixtures {
    /// The parsed JSON of `Tests/SeaIceNNTests/Fixtures/<name>.json`.
    static func load(_ name: String) throws -> [String: Any] {
        let url = TestPaths.repository.appendingPathComponent("Tests/SeaIceNNTests/Fixtures/\(name).json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// A `{shape, values}` entry as a tensor.
    static func tensor(_ any: Any?) throws -> Tensor {
        let entry = any as! [String: Any]
        let shape = (entry["shape"] as! [NSNumber]).map(\.intValue)
        let values = (entry["values"] as! [NSNumber]).map(\.floatValue)
        return try Tensor(values, shape: shape)
    }

    /// A `{shape, values}` entry's values.
    static func values(_ any: Any?) -> [Float] {
        ((any as! [String: Any])["values"] as! [NSNumber]).map(\.floatValue)
    }

    /// Loads the fixture's `params` (name → tensor) into `module`, non-strictly (buffers keep their values).
    static func loadParams(_ any: Any?, into module: Module) throws {
        var dict: [String: Tensor] = [:]
        for (name, entry) in any as! [String: Any] { dict[name] = try tensor(entry) }
        try module.loadStateDict(dict, strict: false, source: "fixture")
    }
}
