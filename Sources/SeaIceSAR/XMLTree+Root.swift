import Foundation
import SeaIceCore

extension XMLTree {
    /// Parses `data` (the content of `file`) and checks that its root element is `<root>`.
    /// - Throws: `SeaIceError.invalidInput` naming `file` when the XML is malformed or the root differs
    ///   (`expected` describes the file, default `<root>`).
    public static func parse(_ data: Data, file: String, root: String, expected: String? = nil) throws -> XMLTree {
        let tree = try parse(data, file: file)
        guard tree.name == root else {
            throw SeaIceError.invalidInput(file: file, item: "root element <\(tree.name)>", expected: expected ?? "<\(root)>")
        }
        return tree
    }
}
