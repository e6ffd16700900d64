import Foundation

/// One damaged or adversarial input and what `seaice` must do with it (issue 18's corpus).
///
/// `make` writes the case's files into an empty folder (small files: huge sizes are declared, never
/// real) and returns the `seaice` arguments; paths inside may use the folder. A clean outcome is a
/// non-zero exit whose output contains every string of `mustMention` (the file's name, the variable
/// or key at fault) — or, for `expectSuccess` cases (inputs that are odd but valid), exit 0 with output that
/// contains every string of `mustMention` (e.g. the count of masked values it reports).
public struct HostileCase: Sendable {
    /// What is attacked: a reader or command (`netCDF raw`, `SAFE`, `chart`, `training configuration`, …),
    /// the row of the reliability table.
    public var reader: String
    /// A short unique description (`SAR all NaN`, `t0 = 0`).
    public var name: String
    /// Writes the inputs into the folder and returns the `seaice` arguments.
    public var make: @Sendable (URL) throws -> [String]
    /// Strings a clean error message must contain (case-sensitive).
    public var mustMention: [String]
    /// Whether the input is valid and the command must succeed (exit 0) instead of failing cleanly.
    public var expectSuccess: Bool
    /// Files (relative to the folder) that must not exist afterwards (half-written outputs).
    public var mustNotLeave: [String]

    /// A case.
    public init(reader: String, name: String, mustMention: [String] = [], expectSuccess: Bool = false,
                mustNotLeave: [String] = [], make: @escaping @Sendable (URL) throws -> [String]) {
        self.reader = reader
        self.name = name
        self.make = make
        self.mustMention = mustMention
        self.expectSuccess = expectSuccess
        self.mustNotLeave = mustNotLeave
    }
}

/// How one case ended.
public enum HostileOutcome: Equatable, Sendable, Codable {
    /// A non-zero exit with a message naming what it must (or exit 0 for an `expectSuccess` case).
    case clean
    /// Killed by a signal (trap, abort, segmentation fault), or out of the memory bound.
    case crash(signal: Int32)
    /// Still running at the time bound (then killed).
    case hang
    /// Exit 0 for an input that must be refused: a confident wrong answer.
    case silent
    /// A non-zero exit whose message misses something it must name, or a half-written output left behind.
    case unclear(missing: [String])

    /// The reliability table's column for this outcome.
    public var column: String {
        switch self {
        case .clean: return "clean"
        case .crash: return "crash"
        case .hang: return "hang"
        case .silent: return "silent"
        case .unclear: return "unclear"
        }
    }
}

/// Every case of the corpus, by reader. Each reader's cases live in a file `HostileCorpus+<Reader>.swift`
/// as a static array added here, so new readers add a file and one line.
public enum HostileCorpus {
    /// The whole corpus.
    public static var all: [HostileCase] {
        training + cli + predict + messages + netCDF + safe + rcm + charts + checkpoint + rrdp + pmConcentration + simulateDay + cover
    }
}
