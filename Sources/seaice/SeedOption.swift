import ArgumentParser

/// Parsing of `--seed`: a non-negative integer. Read with `parsing: .unconditional` so that `-1` reaches
/// this check instead of being taken for an option ("Missing value for '--seed <seed>'").
enum SeedOption {
    /// The seed in `text`.
    /// - Throws: `ValidationError` saying the seed must be a non-negative integer, with the value given.
    static func parse(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else {
            throw ValidationError("--seed must be a non-negative integer (0 to \(UInt64.max)), got '\(text)'")
        }
        return seed
    }
}
