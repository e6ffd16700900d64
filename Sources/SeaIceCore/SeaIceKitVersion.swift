import SeaIceBuildInfo

/// The version of SeaIceKit, written into products and checkpoints (`SeaIceBuildInfo`'s `BuildInfo`).
public enum SeaIceKitVersion {
    /// Semantic version of this source tree.
    public static let current = BuildInfo.version
    /// The git commit the build was made from, or "unknown".
    public static var commit: String { BuildInfo.commit }
    /// "SeaIceKit 0.1.0 (git 0123456789ab)": what `seaice --version` prints and checkpoints store as
    /// their code version.
    public static var description: String { BuildInfo.description }
    /// "0.1.0 (git 0123456789ab)": a product's `softwareVersion` (its writers put "SeaIceKit " before it).
    public static var versionAndCommit: String { "\(current) (git \(commit))" }
}
