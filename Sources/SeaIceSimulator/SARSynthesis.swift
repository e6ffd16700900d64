import Foundation
import SeaIceCore

/// Backscatter, speckle, thermal noise and denoising of a simulated scene.
///
/// Per pixel: σ⁰_dB = table value at 35° (a per-scene level inside the surface's range, ±15 % of
/// the range per floe) + in-floe texture
/// + HH slope · (θ − 35°) (HV slope −0.025 dB/°) + 2.5 dB on pressure ridges (thick and old ice); open water takes its range from the local ERA5
/// wind (sheltered to 40 % between floes). Measured power = σ⁰·G₁ + NESZ·G₂ with unit-mean Gamma
/// speckle G of `enl` looks and the real NESZ pattern of the template product. Denoising follows
/// the NERSC texture-noise correction of `../shared/specs/sentinel1.md`: s₀ = P − (1 + ε_swath)·NESZ,
/// s₀g = gaussian(s₀, 3 px), snr = max(s₀g, 0)/NESZ, σ⁰' = (0.1·s₀g + snr·s₀)/(0.1 + snr) + mean(NESZ),
/// where ε_swath is a per-sub-swath scaling error (the residual banding real denoised HV shows).
struct SARSynthesis {
    let table: BackscatterTable
    /// Per-class signatures, texture and ridging (`surface` values index it; class 0 is open water).
    var classes: SARClasses
    let enl: Double
    let textureDB: Double
    let noiseScalingError: Double

    struct Output { var hh: [Float], hv: [Float], trueHH: [Float], trueHV: [Float] }

    /// Synthesis over the seven `SurfaceKind` rows of `table` (the original simulator).
    init(table: BackscatterTable, enl: Double, textureDB: Double, noiseScalingError: Double) {
        self.init(table: table, classes: SARClasses(table), enl: enl, textureDB: textureDB,
                  noiseScalingError: noiseScalingError)
    }

    /// Synthesis over any class table (`StageSignatureTable.classes(month:)` for the ten WMO stages).
    init(table: BackscatterTable, classes: SARClasses, enl: Double, textureDB: Double, noiseScalingError: Double) {
        self.table = table; self.classes = classes; self.enl = enl
        self.textureDB = textureDB; self.noiseScalingError = noiseScalingError
    }

    /// Simulates both channels. `wind` is the per-pixel 10 m wind speed (m/s), `sheltered` marks
    /// water pixels inside ice polygons, `floeKey` the per-floe draw (0…1).
    func run(geometry geo: ScaledGeometry, template: GeometryTemplate, surface: [UInt8], floeKey: [Float],
             sheltered: [Bool], wind: [Float], incidence: [Float], generator g: inout SeededGenerator) -> Output {
        let n = geo.lines * geo.samples, cols = geo.samples
        let field = BackscatterField(table: table, classes: classes, textureDB: textureDB, lines: geo.lines, samples: cols,
                                     pixelKm: geo.pixelSpacing / 1000, generator: &g)
        let epsHH = (0...5).map { _ in noiseScalingError * g.nextGaussian() }
        let epsHV = (0...5).map { _ in noiseScalingError * g.nextGaussian() }
        let blockRows = 16
        let blocks = (geo.lines + blockRows - 1) / blockRows
        let seeds = (0..<blocks).map { _ in g.next() }
        let speckle = Speckle(looks: enl)
        let tHH = SharedArray<Float>(repeating: 0, count: n), tHV = SharedArray<Float>(repeating: 0, count: n)
        let mHH = SharedArray<Float>(repeating: 0, count: n), mHV = SharedArray<Float>(repeating: 0, count: n)
        let nHH = SharedArray<Float>(repeating: 0, count: n), nHV = SharedArray<Float>(repeating: 0, count: n)
        let sw = SharedArray<UInt8>(repeating: 0, count: n)
        // Noise patterns may belong to another product: map by fractional position in the swath.
        let sx = Double(template.noiseSamples) / Double(geo.base.samples), sy = Double(template.noiseLines) / Double(geo.base.lines)
        let ln10 = log(10.0) / 10
        let pixels = (0..<cols).map { geo.productPixel(Double($0)) * sx }
        do {
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                var rng = SeededGenerator(seed: seeds[b])
                for i in (b * blockRows)..<min(geo.lines, (b + 1) * blockRows) {
                    let line = geo.productLine(Double(i)) * sy
                    let rowHH = template.noiseHH.row(line: line), rowHV = template.noiseHV.row(line: line)
                    let neszRowHH = rowHH.nesz(ascending: pixels), neszRowHV = rowHV.nesz(ascending: pixels)
                    for j in 0..<cols {
                        let k = i * cols + j
                        let (hhDB, hvDB) = field.decibels(line: i, sample: j, surface: surface[k], floeKey: floeKey[k],
                                                          wind: wind[k], sheltered: sheltered[k], incidence: incidence[k])
                        let hh = exp(ln10 * hhDB) * speckle.sample(&rng), hv = exp(ln10 * hvDB) * speckle.sample(&rng)
                        tHH[k] = Float(hh); tHV[k] = Float(hv)
                        let pixel = pixels[j]
                        let nh = neszRowHH[j], nv = neszRowHV[j]
                        nHH[k] = Float(nh); nHV[k] = Float(nv)
                        sw[k] = UInt8(rowHV.swath(pixel: pixel))
                        mHH[k] = Float(hh + nh * speckle.sample(&rng))
                        mHV[k] = Float(hv + nv * speckle.sample(&rng))
                    }
                }
            }
        }
        let trueHH = tHH.array, trueHV = tHV.array, neszHH = nHH.array, neszHV = nHV.array
        let measHH = mHH.array, measHV = mHV.array, swath = sw.array
        let hh = denoise(measHH, nesz: neszHH, swath: swath, eps: epsHH, lines: geo.lines, samples: cols)
        let hv = denoise(measHV, nesz: neszHV, swath: swath, eps: epsHV, lines: geo.lines, samples: cols)
        return Output(hh: toDB(hh), hv: toDB(hv), trueHH: toDB(trueHH), trueHV: toDB(trueHV))
    }

    /// NERSC-style texture-noise-corrected denoising (see the type's documentation), linear σ⁰.
    func denoise(_ p: [Float], nesz: [Float], swath: [UInt8], eps: [Double], lines: Int, samples: Int) -> [Float] {
        var s0 = [Float](repeating: 0, count: p.count)
        var meanNESZ = 0.0
        for k in p.indices {
            s0[k] = p[k] - Float(1 + eps[Int(swath[k]) % eps.count]) * nesz[k]
            meanNESZ += Double(nesz[k])
        }
        meanNESZ /= Double(max(p.count, 1))
        let s0g = Blur.gaussian(s0, lines: lines, samples: samples, sigma: 3)
        var out = s0
        for k in out.indices {
            let snr = max(s0g[k], 0) / max(nesz[k], 1e-12)
            out[k] = (0.1 * s0g[k] + snr * s0[k]) / (0.1 + snr) + Float(meanNESZ)
        }
        return out
    }

    /// 10·log10 with a floor at −50 dB (denoising can leave non-positive power).
    func toDB(_ x: [Float]) -> [Float] { x.map { 10 * log10(max($0, 1e-5)) } }
}

/// The speckle-free σ⁰ model of `SARSynthesis` over one image of `lines × samples` pixels of `pixelKm`:
/// the class's table value at the reference angle (a per-image level inside the class's range, ±15 % of the range
/// per floe), in-floe texture, the incidence slopes and pressure ridges; open water from the wind (40 % between
/// floes) with wind streaks. Shared by the Sentinel-1 and RCM samplers of the world. dB; angles in degrees.
struct BackscatterField: Sendable {
    let table: BackscatterTable, classes: SARClasses, textureDB: Double
    let ridges: LatticeNoise
    /// Per-image level of each class inside its table range (0…1).
    let sceneLevel: [Double]
    let tex1: CoarseLattice, tex2: CoarseLattice, streaks: CoarseLattice
    let kmX: Double

    /// Draws the texture, streak and ridge lattices and the per-image levels from `g` (in this order).
    init(table: BackscatterTable, classes: SARClasses, textureDB: Double, lines: Int, samples: Int, pixelKm: Double,
         generator g: inout SeededGenerator) {
        self.table = table; self.classes = classes; self.textureDB = textureDB; kmX = pixelKm
        let texHH = LatticeNoise(&g), texHV = LatticeNoise(&g), streak = LatticeNoise(&g)
        ridges = LatticeNoise(&g)
        sceneLevel = classes.signatures.indices.map { _ in 0.2 + 0.6 * g.nextUnitDouble() }
        // Smooth texture fields from coarse lattices (finest octave 0.75 km).
        let texStep = CoarseLattice.step(scaleKm: 0.75, pixelKm: pixelKm, perFeature: 4)
        tex1 = CoarseLattice(lines: lines, samples: samples, pixelKm: pixelKm, step: texStep) { texHH.fbm($0, $1, scale: 3, octaves: 3) }
        tex2 = CoarseLattice(lines: lines, samples: samples, pixelKm: pixelKm, step: texStep) { texHV.fbm($0, $1, scale: 3, octaves: 3) }
        streaks = CoarseLattice(lines: lines, samples: samples, pixelKm: pixelKm, step: CoarseLattice.step(scaleKm: 1.5, pixelKm: pixelKm)) {
            streak.fbm($0, $1, scale: 6, octaves: 3)
        }
    }

    /// HH and HV σ⁰ (dB) of pixel (`line`, `sample`) of class `surface` (0 = water) at `incidence` degrees,
    /// `wind` m/s.
    @inline(__always)
    func decibels(line i: Int, sample j: Int, surface: UInt8, floeKey: Float, wind: Float, sheltered: Bool,
                  incidence: Float) -> (hh: Double, hv: Double) {
        let x = Double(j) * kmX, y = Double(i) * kmX
        let theta = Double(incidence) - table.referenceAngle
        let c = Int(surface) < classes.signatures.count ? Int(surface) : 0
        let sig: IceSignature, u: Double, tex: Double
        if c == 0 {
            let w = Double(wind) * (sheltered ? 0.4 : 1)
            sig = table.water(windSpeed: w)
            u = min(max(0.5 + 0.6 * streaks.value(i, j), 0), 1)
            tex = 0.3
        } else {
            sig = classes.signatures[c]!
            u = min(max(sceneLevel[c] + 0.3 * (Double(floeKey) - 0.5), 0), 1)
            tex = classes.texture[c]
        }
        let common = tex1.value(i, j)
        // Pressure ridges: bright lines (cell edges of a 4 km cellular field) on thick and old ice.
        var ridge = 0.0
        if classes.ridged[c] {
            let w = ridges.worley(x, y, scale: 4)
            if w.f2 - w.f1 < 0.12 { ridge = 2.5 }
        }
        let hhDB = sig.hh.at(u) + textureDB * tex * common + sig.hhSlope.at(u) * theta + ridge
        let hvDB = sig.hv.at(u) + textureDB * tex * (0.6 * common + 0.4 * tex2.value(i, j)) + table.hvSlope * theta + 0.8 * ridge
        return (hhDB, hvDB)
    }
}
