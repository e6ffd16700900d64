import Foundation
import SeaIceSentinel1
import SeaIceTestSupport

/// Small synthetic products built once per test process from the real stactools EW HH/HV metadata.
enum Fixtures {
    static let ewTemplate = TestPaths.sharedData("stactools-s1-ew-grdm/S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE")
    /// Reduction of the EW template: 10708 × 10487 → 536 × 525 pixels of 800 m.
    static let reduction = 20

    static func ewBuilder(noise: Bool = true) throws -> SyntheticProduct {
        var b = SyntheticProduct(template: try TestPaths.requireSharedData(at: ewTemplate))
        b.reduction = reduction
        b.includeNoise = noise
        return b
    }

    /// A reduced EW HH/HV product folder (with real noise), built once and shared by the tests of one process.
    static var ewFolder: URL { get throws { try folderResult.get() } }

    /// The same product as a stored zip.
    static var ewZip: URL { get throws { try zipResult.get() } }

    private static let folderResult = Result<URL, Error> {
        try ewBuilder().writeFolder(in: try TestPaths.temporaryDirectory("s1-fixture"))
    }

    private static let zipResult = Result<URL, Error> {
        let zip = try TestPaths.temporaryDirectory("s1-fixture-zip")
            .appendingPathComponent("S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.zip")
        try ewBuilder().writeZip(to: zip)
        return zip
    }
}
