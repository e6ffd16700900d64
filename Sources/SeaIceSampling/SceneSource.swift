import Foundation
import Logging
import SeaIceCore

/// Where the sampler gets its scenes: a count and a way to fetch scene `index` downscaled.
public protocol SceneSource: Sendable {
    /// Number of scenes.
    var count: Int { get }
    /// Scene `index` (0 ..< count), downscaled for training.
    func scene(at index: Int) throws -> DownscaledScene
}

/// Scenes already in memory (tests, benchmarks on simulated data, small datasets).
public struct InMemorySceneSource: SceneSource {
    /// The scenes.
    public let scenes: [DownscaledScene]
    /// A source over `scenes`.
    public init(_ scenes: [DownscaledScene]) { self.scenes = scenes }
    /// Number of scenes.
    public var count: Int { scenes.count }
    /// Scene `index`.
    public func scene(at index: Int) throws -> DownscaledScene { scenes[index] }
}

/// Ready-to-train files read on demand, the last `capacity` downscaled scenes kept in an LRU cache.
///
/// Memory is bounded by `capacity` scenes (≈ 5 MB each for 4 full-grid inputs at 800 m) instead of
/// the reference's preload of every scene. Thread-safe; loads happen outside the lock.
public final class ReadyFileSceneSource: SceneSource, @unchecked Sendable {
    /// The ready-to-train files.
    public let files: [URL]
    /// What to load and how to downscale it.
    public let configuration: SamplerConfiguration
    private let logger: Logger
    private let lock = NSLock()
    private var cache: [Int: DownscaledScene] = [:]
    private var recency: [Int] = []  // least recent first
    private(set) var loads = 0

    /// A source over `files` with the configuration's channels, factor, downsampling and cache capacity.
    public init(files: [URL], configuration: SamplerConfiguration, logger: Logger = Logger(label: "seaice.sampling")) {
        self.files = files
        self.configuration = configuration
        self.logger = logger
    }

    /// Number of files.
    public var count: Int { files.count }

    /// Scenes read from disk so far (cache misses).
    public var loadCount: Int { lock.lock(); defer { lock.unlock() }; return loads }

    /// Indices currently cached, least recently used first.
    public var cachedIndices: [Int] { lock.lock(); defer { lock.unlock() }; return recency }

    /// Scene `index` from the cache, or read and downscaled from its file (then cached, evicting the least recent).
    public func scene(at index: Int) throws -> DownscaledScene {
        lock.lock()
        if let hit = cache[index] {
            touch(index)
            lock.unlock()
            return hit
        }
        lock.unlock()
        let c = configuration
        let scene = try DownscaledScene.load(files[index], channels: c.channels, factor: c.downscaleFactor,
                                             downsampling: c.downsampling)
        logger.debug("loaded \(files[index].lastPathComponent): \(scene.rows) × \(scene.cols) at factor \(c.downscaleFactor)")
        lock.lock(); defer { lock.unlock() }
        loads += 1
        cache[index] = scene
        touch(index)
        while recency.count > c.cacheCapacity { cache[recency.removeFirst()] = nil }
        return scene
    }

    private func touch(_ index: Int) {
        recency.removeAll { $0 == index }
        recency.append(index)
    }
}
