/// What this build of SeaIceKit is: the version of the source tree and the git commit it was built
/// from (recorded at build time by the `BuildInfoPlugin` build-tool plugin, "unknown" outside a git
/// checkout). The string `description` is what `seaice --version` prints and what checkpoints
/// (`Checkpoint.codeVersion`) store; products store the version and commit after "SeaIceKit ".
public enum BuildInfo {
    /// Semantic version of this source tree.
    public static let version = "0.1.0"
    /// The git commit (12 hex digits, "+modified" when tracked files differed) or "unknown".
    public static var commit: String { generatedBuildCommit }
    /// "SeaIceKit 0.1.0 (git 0123456789ab)".
    public static var description: String { "SeaIceKit \(version) (git \(commit))" }
}
