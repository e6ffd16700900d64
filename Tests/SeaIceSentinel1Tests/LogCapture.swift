import Foundation
import Logging

/// A swift-log handler that keeps every message, for asserting on warnings.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(Logger.Level, String)] = []
    var messages: [(Logger.Level, String)] { lock.lock(); defer { lock.unlock() }; return stored }
    func append(_ level: Logger.Level, _ m: String) { lock.lock(); stored.append((level, m)); lock.unlock() }

    var logger: Logger {
        Logger(label: "capture") { _ in Handler(capture: self) }
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { capture.append(event.level, "\(event.message)") }
    }
}
