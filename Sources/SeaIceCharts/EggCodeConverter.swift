import Foundation

/// How egg codes become SIC/SOD/FLOE labels.
public enum ConversionMode: String, Codable, Sendable, CaseIterable {
    /// Exactly what the AI4Arctic organisers' `convert_raw_icechart.py` computes, quirks included, so
    /// labels equal the released ready-to-train ones:
    /// 1. codes missing from the tables pass through as numbers (CT 46, "4/10–6/10", gives SIC 46;
    ///    an unlisted stage code gives that code as SOD);
    /// 2. partial concentrations of ice types that map to the same class are merged by one
    ///    assignment per pair (A,B), (A,C), (B,C), so the (A,C) pair overwrites the (A,B) addition and
    ///    three partials of one class are never all summed (4/4/2 tenths, CT 10 → 6/10 → masked).
    case reference
    /// The same tables with both quirks fixed: concentration intervals map to their mid-range class
    /// (46 → 5, 89 → 9; halves round up), 98 (ice free) → 0, thickness stage codes map by thickness
    /// (`SODClass.fromThicknessCode`), any other unlisted code is masked; and the partial
    /// concentrations of all ice types sharing a class are summed.
    case corrected
}

/// The labels of one polygon; 255 = masked (`ChartLabels.masked`).
public struct ChartLabels: Equatable, Hashable, Sendable, Codable {
    /// The masked / no-data label.
    public static let masked: UInt8 = 255
    /// Concentration class (tenths, 0…10) — in reference mode also an unlisted code passed through (quirk 1).
    public var sic: UInt8
    /// Stage-of-development class (`SODClass` raw value) or 255.
    public var sod: UInt8
    /// Floe-size class (`FLOEClass` raw value) or 255.
    public var floe: UInt8
    /// Labels from their values.
    public init(sic: UInt8, sod: UInt8, floe: UInt8) { self.sic = sic; self.sod = sod; self.floe = floe }
}

/// Converts egg codes to AI4Arctic SIC / SOD / FLOE labels (ai4arctic.md "Ice chart → SIC/SOD/FLOE";
/// starter pack `convert_raw_icechart.py`).
///
/// Per polygon: map CT and CA/CB/CC to SIC classes; CA := CT when only one ice type is present;
/// map SA/SB/SC and FA/FB/FC through the SOD and FLOE tables; merge the partial concentrations of
/// ice types sharing a class (see `ConversionMode`); SOD (FLOE) is the class of the largest merged
/// partial if that partial / CT ≥ `dominanceThreshold`, else masked; a FLOE code that maps to
/// masked masks the polygon's FLOE; POLY_TYPE W → SIC 0; SIC 0 → SOD 0 and FLOE 0; 99 → masked.
public struct EggCodeConverter: Sendable, Codable, Equatable {
    /// Reference (default, reproduces the released labels) or corrected.
    public var mode: ConversionMode
    /// The minimum share of the dominant ice type in the total concentration (0.65 in the released labels).
    public var dominanceThreshold: Double

    /// A converter; the defaults reproduce the released AI4Arctic labels.
    public init(mode: ConversionMode = .reference, dominanceThreshold: Double = 0.65) {
        self.mode = mode
        self.dominanceThreshold = dominanceThreshold
    }

    /// Working value for "not filled" (the reference code's −9).
    private static let notFilled = -9
    private static let masked = Int(ChartLabels.masked)

    /// The labels of one polygon.
    public func labels(for egg: EggCode) -> ChartLabels {
        let nf = Self.notFilled
        let ct = egg.ct.map(sicValue) ?? nf
        var partials = egg.partialConcentrations.map { $0.map(sicValue) ?? nf }
        if ct > 0 && partials[0] == nf { partials[0] = ct }
        let sods = egg.stages.map { $0.map(sodValue) ?? nf }
        let floes = egg.forms.map { $0.map(floeValue) ?? nf }

        var sod = dominant(sods, partials: partials, total: ct)
        var floe = dominant(floes, partials: partials, total: ct)
        if floes.contains(Self.masked) { floe = Self.masked }
        let sic = egg.polygonType == .water ? 0 : ct
        if sod == nf { sod = Self.masked }
        if floe == nf { floe = Self.masked }
        if sic == 0 { sod = 0; floe = 0 }
        return ChartLabels(sic: Self.label(sic), sod: Self.label(sod), floe: Self.label(floe))
    }

    /// 99 (unknown), not filled and out-of-range working values become 255.
    private static func label(_ value: Int) -> UInt8 {
        (0..<255).contains(value) && value != 99 ? UInt8(value) : ChartLabels.masked
    }

    /// The class of the dominant ice type, `notFilled` when none reaches the threshold.
    private func dominant(_ classes: [Int], partials: [Int], total: Int) -> Int {
        let nf = Self.notFilled
        var merged = partials
        switch mode {
        case .reference:
            // Quirk 2: one assignment per pair, later pairs overwrite (numpy `partial_add[...] = ...`).
            var add = [0, 0, 0]
            for (i, j) in [(0, 1), (0, 2), (1, 2)] where classes[i] == classes[j] && classes[i] != nf {
                add[i] = partials[j]
            }
            merged = zip(partials, add).map(+)
        case .corrected:
            for i in 0..<3 where classes[i] != nf {
                merged[i] = (0..<3).filter { classes[$0] == classes[i] && partials[$0] > 0 }.reduce(0) { $0 + partials[$1] }
            }
        }
        guard let best = merged.max(), let index = merged.firstIndex(of: best) else { return nf }
        // numpy semantics: x/0 is ±inf (or NaN for 0/0); the comparison is made in percent as in the reference.
        let ratio = Double(best) / Double(total)
        return ratio * 100 >= dominanceThreshold * 100 ? classes[index] : nf
    }

    private func sicValue(_ code: Int) -> Int {
        switch SICClass.lookup(code: code) {
        case let .mapped(c): return Int(c.rawValue)
        case .masked: return Self.masked
        case .unlisted:
            guard mode == .corrected else { return code }
            if code == 98 { return 0 }
            if let range = SIGRIDCodes.concentrationIntervals[code] { return (range.low + range.high + 1) / 2 }
            return Self.masked
        }
    }

    private func sodValue(_ code: Int) -> Int {
        switch SODClass.lookup(code: code) {
        case let .mapped(c): return Int(c.rawValue)
        case .masked: return Self.masked
        case .unlisted:
            guard mode == .corrected else { return code }
            return SODClass.fromThicknessCode(code).map { Int($0.rawValue) } ?? Self.masked
        }
    }

    private func floeValue(_ code: Int) -> Int {
        switch FLOEClass.lookup(code: code) {
        case let .mapped(c): return Int(c.rawValue)
        case .masked: return Self.masked
        case .unlisted: return mode == .corrected ? Self.masked : code
        }
    }
}
