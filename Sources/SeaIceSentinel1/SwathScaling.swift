/// Per-pixel NERSC noise scaling (NS) and power balancing (PB) of one image row, from the swath-merging bounds.
///
/// Pixels outside every sub-swath bound, and every pixel when no coefficients are given, get NS = 1, PB = 0
/// (the annotated ESA noise unchanged).
struct SwathScaling: Sendable {
    let bounds: [SwathBounds]
    let ns: [String: Float]
    let pb: [String: Float]
    let active: Bool

    init(bounds: [SwathBounds], coefficients: NERSCCoefficients?, width: Int) {
        self.bounds = bounds
        ns = coefficients?.noiseScaling.mapValues { Float($0) } ?? [:]
        pb = coefficients?.powerBalancing.mapValues { Float($0) } ?? [:]
        active = coefficients != nil
    }

    /// Fills `ns` and `pb` (count = image width) for image line `line`.
    func fill(line: Int, ns nsRow: inout [Float], pb pbRow: inout [Float]) {
        let n = nsRow.count
        for x in 0..<n { nsRow[x] = 1; pbRow[x] = 0 }
        guard active else { return }
        for b in bounds where line >= b.firstLine && line <= b.lastLine {
            let s = ns[b.swath] ?? 1, p = pb[b.swath] ?? 0
            let lo = max(0, b.firstSample), hi = min(n - 1, b.lastSample)
            if lo > hi { continue }
            for x in lo...hi { nsRow[x] = s; pbRow[x] = p }
        }
    }
}
