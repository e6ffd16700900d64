import Foundation

/// A typed configuration that can check its own values (`validate()` throws
/// `SeaIceError.configuration` naming the key path at fault).
public protocol ValidatedConfiguration: Codable {
    /// Throws a configuration error naming the first inconsistent key.
    func validate() throws
}

/// Loads typed JSON configuration files (training configurations of every system, simulator
/// settings) with errors a user can act on: the file, the key path (`sampler.patchSize`) and what
/// was expected — for unreadable files, invalid JSON, missing keys, wrong types, misspelled or
/// unknown keys, and values the configuration's `validate()` refuses.
///
/// Unknown keys are found by encoding the decoded value back to JSON and comparing key sets
/// recursively: a key present in the file (with a non-null value) but absent from the re-encoded
/// value was not read by the decoder, so it is a misspelling or a key of another version.
public enum ConfigurationFile {
    /// Decodes `T` from the JSON file at `url`, rejects unknown keys, then validates.
    /// - Throws: `SeaIceError.io` (unreadable) or `SeaIceError.invalidInput` naming the file and the key path.
    public static func load<T: ValidatedConfiguration>(_ type: T.Type, from url: URL) throws -> T {
        try decode(type, from: read(url), file: url.path)
    }

    /// The bytes of the configuration file `url`.
    /// - Throws: `SeaIceError.io` naming the file and the reason ("no such file or folder").
    public static func read(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw SeaIceError.io(file: url.path,
                                 message: "cannot read the configuration: \(OutputFolder.reason(error))")
        }
    }

    /// Decodes a plain `Decodable` `T` (no unknown-key check, no validation) from the JSON file at `url`,
    /// with the same errors as `load`: the file, then the key path and the expectation.
    public static func decodeJSON<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data = try read(url)
        do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw SeaIceError.invalidInput(file: url.path, item: "JSON", expected: "valid JSON (\(detail))")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
            throw describe(error, file: url.path)
        }
    }

    /// Decodes `T` from `data` (reported as `file` in errors), rejects unknown keys, then validates.
    public static func decode<T: ValidatedConfiguration>(_ type: T.Type, from data: Data, file: String) throws -> T {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw SeaIceError.invalidInput(file: file, item: "JSON", expected: "valid JSON (\(detail))")
        }
        let value: T
        do {
            value = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch let SeaIceError.configuration(message) {  // a value type that validates while decoding
            throw SeaIceError.invalidInput(file: file, item: "configuration", expected: message)
        }
        let reencoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
        if let unknown = unknownKeys(in: json, known: reencoded, path: []).first {
            throw SeaIceError.invalidInput(file: file, item: unknown,
                                           expected: "a known key (this one is misspelled or not part of the configuration)")
        }
        do { try value.validate() } catch let SeaIceError.configuration(message) {
            throw SeaIceError.invalidInput(file: file, item: "configuration", expected: message)
        }
        return value
    }

    /// Key paths of `json` that `known` lacks (non-null values only), in document order of the keys sorted.
    static func unknownKeys(in json: Any, known: Any, path: [String]) -> [String] {
        switch (json, known) {
        case let (object as [String: Any], reference as [String: Any]):
            return object.keys.sorted().flatMap { key -> [String] in
                let value = object[key]!
                if value is NSNull { return [] }
                guard let other = reference[key] else { return [(path + [key]).joined(separator: ".")] }
                return unknownKeys(in: value, known: other, path: path + [key])
            }
        case let (array as [Any], reference as [Any]) where array.count == reference.count:
            return zip(array, reference).enumerated().flatMap { i, pair in
                unknownKeys(in: pair.0, known: pair.1, path: path + ["\(i)"])
            }
        default:
            return []
        }
    }

    /// The key path of the first difference between two JSON documents (nil when equal), top-level keys in
    /// `ignoring` left out. Numbers compare by value; arrays by length, then element by element.
    public static func firstDifference(_ a: Data, _ b: Data, ignoring: Set<String> = []) -> String? {
        guard let x = try? JSONSerialization.jsonObject(with: a, options: [.fragmentsAllowed]),
              let y = try? JSONSerialization.jsonObject(with: b, options: [.fragmentsAllowed]) else {
            return a == b ? nil : "(the whole file: not JSON)"
        }
        return difference(x, y, path: [], ignoring: ignoring)
    }

    static func difference(_ a: Any, _ b: Any, path: [String], ignoring: Set<String>) -> String? {
        let here = path.isEmpty ? "(top level)" : path.joined(separator: ".")
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() where !(path.isEmpty && ignoring.contains(key)) {
                guard let u = x[key], let v = y[key] else { return (path + [key]).joined(separator: ".") }
                if let d = difference(u, v, path: path + [key], ignoring: ignoring) { return d }
            }
            return nil
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else { return here }
            for (i, pair) in zip(x, y).enumerated() {
                if let d = difference(pair.0, pair.1, path: path + ["\(i)"], ignoring: ignoring) { return d }
            }
            return nil
        case let (x as NSObject, y as NSObject):
            return x.isEqual(y) ? nil : here
        default:
            return here
        }
    }

    /// The file, key path and expectation of a decoding error.
    static func describe(_ error: DecodingError, file: String) -> SeaIceError {
        func path(_ keys: [any CodingKey]) -> String {
            let p = keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "(top level)" : p
        }
        switch error {
        case let .keyNotFound(key, context):
            return .invalidInput(file: file, item: path(context.codingPath + [key]), expected: "a value (the key is missing)")
        case let .typeMismatch(type, context):
            return .invalidInput(file: file, item: path(context.codingPath), expected: "a value of type \(type)")
        case let .valueNotFound(type, context):
            return .invalidInput(file: file, item: path(context.codingPath), expected: "a value of type \(type), not null")
        case let .dataCorrupted(context):
            return .invalidInput(file: file, item: path(context.codingPath), expected: context.debugDescription)
        @unknown default:
            return .invalidInput(file: file, item: "configuration", expected: "\(error)")
        }
    }
}
