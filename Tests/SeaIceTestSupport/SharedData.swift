import Foundation
import XCTest

/// The one guard for tests that read real data in `../shared/data` (read-only, beside the checkout; or
/// `$SEAICE_DATA`, see `sharedDataFolder`): a test whose data are absent is skipped, and the skip names the absent
/// path.
extension TestPaths {
    /// `../shared/data/<relative>` (the folder itself for ""), or an `XCTSkip` naming the absent path.
    public static func requireSharedData(_ relative: String = "") throws -> URL {
        try requireSharedData(at: relative.isEmpty ? sharedDataFolder : sharedData(relative))
    }

    /// `url` (a file or folder of `../shared/data`) when it exists, or an `XCTSkip` naming the absent path.
    @discardableResult
    public static func requireSharedData(at url: URL) throws -> URL {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("shared data absent: \(url.path) "
                          + "(tests read ../shared/data beside the checkout, or $SEAICE_DATA, in place)")
        }
        return url
    }
}
