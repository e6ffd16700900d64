/// The version of SeaIceKit, written into products and checkpoints.
public enum SeaIceKitVersion {
    /// Semantic version of this source tree.
    public static let current = "0.1.0"
}
