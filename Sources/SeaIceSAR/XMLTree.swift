import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SeaIceCore

/// A parsed XML element: name, attributes, text content and child elements.
///
/// A small immutable tree built with FoundationXML's streaming `XMLParser` (libxml2 SAX), which
/// parses a 10 MB Sentinel-1 annotation in well under a second. Helpers turn the
/// whitespace-separated number lists of SAFE annotations (`<pixel count="264">0 40 80 …`) into arrays
/// and report missing or malformed items as `SeaIceError`s naming the file and the element path.
public final class XMLTree: @unchecked Sendable {
    /// The element name.
    public let name: String
    /// The attributes.
    public let attributes: [String: String]
    /// The concatenated text content (not trimmed).
    public fileprivate(set) var text: String = ""
    /// The child elements, in document order.
    public fileprivate(set) var children: [XMLTree] = []
    /// The file this element came from (for error messages).
    public let file: String

    init(name: String, attributes: [String: String], file: String) {
        self.name = name
        self.attributes = attributes
        self.file = file
    }

    /// Parses `data` (the content of `file`) into its root element.
    /// - Throws: `SeaIceError.invalidInput` naming `file` and the parser's message when the XML is malformed.
    public static func parse(_ data: Data, file: String) throws -> XMLTree {
        let builder = Builder(file: file)
        let parser = XMLParser(data: data)
        parser.delegate = builder
        if !parser.parse() || builder.root == nil {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
            throw SeaIceError.invalidInput(
                file: file, item: "XML (line \(parser.lineNumber))", expected: "well-formed XML document (\(reason))")
        }
        return builder.root!
    }

    /// The first child named `name`, or nil.
    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// All children named `name`.
    public func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The element at the "/"-separated `path` below this one (first match at every step).
    /// - Throws: `SeaIceError.missing` naming the file and the full path when any step is absent.
    public func required(_ path: String) throws -> XMLTree {
        var node = self
        for part in path.split(separator: "/") {
            guard let next = node.child(String(part)) else {
                throw SeaIceError.missing(file: file, item: "element <\(name)/\(path)>")
            }
            node = next
        }
        return node
    }

    /// The element at `path`, or nil.
    public func optional(_ path: String) -> XMLTree? { try? required(path) }

    /// The trimmed text of the element at `path`.
    public func string(_ path: String) throws -> String {
        try required(path).text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The element at `path` read as a Double.
    /// - Throws: `SeaIceError.invalidInput` when the text is not a number.
    public func double(_ path: String) throws -> Double {
        let s = try string(path)
        guard let v = Double(s) else {
            throw SeaIceError.invalidInput(file: file, item: "<\(path)> = \"\(s.prefix(40))\"", expected: "a number")
        }
        return v
    }

    /// The element at `path` read as an Int.
    public func int(_ path: String) throws -> Int {
        let s = try string(path)
        guard let v = Int(s) else {
            throw SeaIceError.invalidInput(file: file, item: "<\(path)> = \"\(s.prefix(40))\"", expected: "an integer")
        }
        return v
    }

    /// The element at `path` read as a whitespace-separated list of Doubles; when the element has a
    /// `count` attribute the list length must equal it.
    public func doubles(_ path: String) throws -> [Double] {
        let node = try required(path)
        let values = XMLTree.parseNumbers(node.text)
        guard let values else {
            throw SeaIceError.invalidInput(file: file, item: "<\(path)>", expected: "a list of numbers")
        }
        if let c = node.attributes["count"], let n = Int(c), n != values.count {
            throw SeaIceError.invalidInput(file: file, item: "<\(path)> count=\(n)", expected: "\(n) values, found \(values.count)")
        }
        return values
    }

    /// Parses whitespace-separated decimal numbers (fast path over UTF-8 bytes); nil if any token is not a number.
    static func parseNumbers(_ text: String) -> [Double]? {
        var out: [Double] = []
        var ok = true
        text.withCString { start in
            var cur = UnsafeMutablePointer(mutating: start)
            func isSpace(_ c: CChar) -> Bool { c == 32 || c == 10 || c == 9 || c == 13 }
            while true {
                while isSpace(cur.pointee) { cur += 1 }
                if cur.pointee == 0 { break }
                var end: UnsafeMutablePointer<CChar>? = nil
                let v = strtod(cur, &end)
                guard let e = end, e != cur, e.pointee == 0 || isSpace(e.pointee) else { ok = false; return }
                out.append(v)
                cur = e
            }
        }
        return ok ? out : nil
    }

    private final class Builder: NSObject, XMLParserDelegate {
        let file: String
        var stack: [XMLTree] = []
        var root: XMLTree?
        init(file: String) { self.file = file }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = XMLTree(name: elementName, attributes: attributeDict, file: file)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            // Only leaf text matters in SAFE annotations; skip whitespace between elements.
            guard let top = stack.last, top.children.isEmpty else { return }
            top.text += string
        }
    }
}
