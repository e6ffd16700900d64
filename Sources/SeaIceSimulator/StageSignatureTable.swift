import SeaIceCharts

/// The per-class C-band model `SARSynthesis` draws from: one row per surface class value, class 0
/// being open water (its backscatter comes from the wind through `BackscatterTable.water(windSpeed:)`).
public struct SARClasses: Sendable, Equatable {
    /// Signature of each class (nil for open water, class 0).
    public var signatures: [IceSignature?]
    /// Texture weight of each class (multiplies `SimulationConfig.textureDB`; water uses 0.3).
    public var texture: [Double]
    /// Whether pressure ridges (+2.5 dB HH lines of a 4 km cellular field) appear on the class.
    public var ridged: [Bool]

    /// The seven `SurfaceKind` rows of the original table: the special case of the ten-stage model
    /// that keeps every earlier simulated file byte-identical.
    public init(_ table: BackscatterTable) {
        signatures = SurfaceKind.allCases.map { table.signature($0) }
        texture = SurfaceKind.allCases.map { $0 == .land ? 2.5 : ($0 == .thickFirstYear || $0 == .oldIce ? 1.3 : 1.0) }
        ridged = SurfaceKind.allCases.map { $0 == .thickFirstYear || $0 == .oldIce }
    }

    /// Classes as given (all three arrays the same length, index 0 = open water).
    public init(signatures: [IceSignature?], texture: [Double], ridged: [Bool]) {
        precondition(signatures.count == texture.count && texture.count == ridged.count && signatures.first! == nil,
                     "SAR classes: \(signatures.count) signatures, \(texture.count) textures, \(ridged.count) ridge flags")
        self.signatures = signatures; self.texture = texture; self.ridged = ridged
    }
}

/// One ice stage's row of `StageSignatureTable`.
public struct StageSignature: Codable, Sendable, Equatable {
    /// Dry-snow (winter) signature at the reference angle.
    public var winter: IceSignature
    /// Texture weight (smooth nilas 0.6 … deformed multi-year ice 1.4).
    public var texture: Double
    /// Whether pressure ridges show.
    public var ridged: Bool
    /// Shift of HH and HV at full melt (wet snow, July), dB.
    public var meltShiftHH: Double, meltShiftHV: Double

    /// A row; slopes as a single value.
    public init(hh: (Double, Double), hv: (Double, Double), slope: Double, texture: Double, ridged: Bool,
                meltHH: Double, meltHV: Double) {
        winter = IceSignature(hh: DecibelRange(hh.0, hh.1), hv: DecibelRange(hv.0, hv.1), hhSlope: DecibelRange(slope, slope))
        self.texture = texture; self.ridged = ridged; meltShiftHH = meltHH; meltShiftHV = meltHV
    }
}

/// C-band (Sentinel-1 EW, HH/HV) signatures of the ten WMO classes of `../shared/specs/ice-types.md`
/// (open water + nine ice stages) and land: distinct but overlapping, configurable (`Codable`).
///
/// Sources. The five stage groups of `../shared/specs/simulator.md` (winter, 35°) bound the rows:
/// new ice/nilas −25…−20 dB HH; grey and grey-white (young) −18…−12; thin/medium first-year −19…−16;
/// thick first-year −16…−11; old/second-year/multi-year −12…−7 HH, −19…−15 HV. Inside a group the
/// rows are split by thickness and age, following the ordering reported by Dierking (2013, "Sea ice
/// monitoring by SAR", Oceanography 26(2)): grey ice brighter than nilas, grey-white rougher still; old
/// ice darker and less depolarised than multi-year ice as its brine-free upper layer thins. Slopes:
/// Mäkynen & Karvonen (2017, Sentinel-1 EW, −0.2 dB/° first-year; flatter for old ice). Melt shifts:
/// wet snow masks the volume scattering of multi-year ice (HH −4, HV −5 dB) and slightly brightens
/// first-year ice (Onstott 1992, in "Microwave remote sensing of sea ice", AGU Monograph 68). The
/// ten-stage values are assumptions inside those published ranges, not fits to data; the land row is
/// the `BackscatterTable` one.
public struct StageSignatureTable: Codable, Sendable, Equatable {
    /// Water and the shared incidence-angle model (HV slope, reference angle).
    public var base: BackscatterTable
    /// Rows of the nine ice stages, `WMOStageClass` 1 (new ice) … 9 (multi-year ice).
    public var stages: [StageSignature]

    /// The default (literature) table.
    public init(base: BackscatterTable = BackscatterTable()) {
        self.base = base
        stages = [
            StageSignature(hh: (-25, -20), hv: (-32, -29), slope: -0.30, texture: 0.6, ridged: false, meltHH: 1, meltHV: 0),
            StageSignature(hh: (-19, -15), hv: (-28, -25), slope: -0.27, texture: 0.8, ridged: false, meltHH: 1, meltHV: 0),
            StageSignature(hh: (-16, -12), hv: (-26, -23), slope: -0.25, texture: 1.0, ridged: false, meltHH: 1, meltHV: 0),
            StageSignature(hh: (-19, -16), hv: (-28, -25), slope: -0.23, texture: 0.9, ridged: false, meltHH: 1, meltHV: -1),
            StageSignature(hh: (-17.5, -14.5), hv: (-27, -24), slope: -0.22, texture: 1.0, ridged: false, meltHH: 1, meltHV: -1),
            StageSignature(hh: (-16, -11), hv: (-26, -22), slope: -0.20, texture: 1.3, ridged: true, meltHH: 0.5, meltHV: -1),
            StageSignature(hh: (-13, -9), hv: (-22, -18), slope: -0.14, texture: 1.3, ridged: true, meltHH: -3, meltHV: -4),
            StageSignature(hh: (-12, -8), hv: (-20.5, -16.5), slope: -0.13, texture: 1.3, ridged: true, meltHH: -4, meltHV: -5),
            StageSignature(hh: (-11, -7), hv: (-19, -15), slope: -0.12, texture: 1.4, ridged: true, meltHH: -4, meltHV: -5),
        ]
    }

    /// Melt intensity of a month (0 dry snow … 1 full melt, July), Arctic pack average.
    public static func melt(month: Int) -> Double {
        [0, 0, 0, 0, 0.15, 0.6, 1, 0.8, 0.25, 0, 0, 0][max(0, min(11, month - 1))]
    }

    /// The SAR classes of `WorldSurfaceClass` (0 water, 1–9 stages, 10 land) for `month`.
    public func classes(month: Int) -> SARClasses {
        let m = Self.melt(month: month)
        var sigs: [IceSignature?] = [nil], tex: [Double] = [0.3], ridged = [false]
        for row in stages {
            var s = row.winter
            s.hh = DecibelRange(s.hh.low + m * row.meltShiftHH, s.hh.high + m * row.meltShiftHH)
            s.hv = DecibelRange(s.hv.low + m * row.meltShiftHV, s.hv.high + m * row.meltShiftHV)
            sigs.append(s); tex.append(row.texture); ridged.append(row.ridged)
        }
        sigs.append(base.land); tex.append(2.5); ridged.append(false)
        return SARClasses(signatures: sigs, texture: tex, ridged: ridged)
    }
}
