import SeaIceAuxiliary

/// A weather filter: gradient-ratio tests that declare an observation open water under weather (clouds, water
/// vapour, rain, wind roughening), whose concentration is then set to 0. An observation is filtered when any
/// test fires.
///
/// Filters act only on the false ice weather adds over open water: over open water the atmosphere's emission
/// rises with frequency (the 22.2 GHz water-vapour line, cloud-liquid absorption growing about as f²), so
/// weather raises the higher channel more than 18.7 GHz and the gradient ratio stays strongly positive,
/// whereas ice emits about as much or less at the higher frequency (volume scattering in snow and multi-year
/// ice) and gives a gradient ratio near or below 0 (Gloersen and Cavalieri 1986; Cavalieri et al. 1995).
public struct WeatherFilter: Sendable, Equatable {
    /// One test: GR(high/low) = (high − low)/(high + low) compared with a threshold.
    public struct Test: Sendable, Equatable {
        /// The higher-frequency channel.
        public var high: AMSR2Reader.Channel
        /// The lower-frequency channel.
        public var low: AMSR2Reader.Channel
        /// The threshold on GR(high/low).
        public var threshold: Double
        /// Whether GR equal to the threshold already fires (≥) rather than only above it (>).
        public var inclusive: Bool

        /// A test GR(high/low) > threshold (or ≥ when `inclusive`).
        public init(high: AMSR2Reader.Channel, low: AMSR2Reader.Channel, threshold: Double, inclusive: Bool) {
            self.high = high
            self.low = low
            self.threshold = threshold
            self.inclusive = inclusive
        }

        /// Whether the test fires on `tb`; false when a channel is missing or NaN.
        public func fires(_ tb: BrightnessTemperatures) -> Bool {
            guard let h = tb[high], let l = tb[low] else { return false }
            let gr = gradientRatio(h, l)
            return inclusive ? gr >= threshold : gr > threshold
        }

        /// E.g. "GR(36.5V/18.7V) > 0.05".
        public var description: String { "GR(\(high.label)/\(low.label)) \(inclusive ? "≥" : ">") \(threshold)" }
    }

    /// A linear discriminant over normalised channel ratios: Σ wᵢ·(aᵢ − bᵢ)/(aᵢ + bᵢ) > threshold, where each
    /// ratio is a gradient ratio (two frequencies, one polarisation) or a polarisation ratio (one frequency,
    /// V over H: PR = (V − H)/(V + H) has the same form).
    public struct Discriminant: Sendable, Equatable {
        /// One term: `weight` · (high − low)/(high + low).
        public struct Term: Sendable, Equatable {
            /// The channel counted positively (the higher frequency, or V).
            public var high: AMSR2Reader.Channel
            /// The other channel (the lower frequency, or H).
            public var low: AMSR2Reader.Channel
            /// The weight (dimensionless).
            public var weight: Double

            /// A term.
            public init(high: AMSR2Reader.Channel, low: AMSR2Reader.Channel, weight: Double) {
                self.high = high
                self.low = low
                self.weight = weight
            }
        }

        /// The terms, summed in this order.
        public var terms: [Term]
        /// The threshold on the sum (the test fires strictly above it).
        public var threshold: Double

        /// A discriminant.
        public init(terms: [Term], threshold: Double) {
            self.terms = terms
            self.threshold = threshold
        }

        /// The sum Σ wᵢ·ratioᵢ on `tb`; NaN when a channel is missing or NaN.
        public func score(_ tb: BrightnessTemperatures) -> Double {
            var sum = 0.0
            for t in terms {
                guard let h = tb[t.high], let l = tb[t.low] else { return .nan }
                sum += t.weight * gradientRatio(h, l)
            }
            return sum
        }

        /// Whether the discriminant fires on `tb`; false when a channel is missing or NaN.
        public func fires(_ tb: BrightnessTemperatures) -> Bool { score(tb) > threshold }

        /// E.g. "0.98·GR(89.0V/18.7V) − 0.95·GR(89.0H/18.7H) > 0.0094" (a ratio of one frequency is a PR).
        public var description: String {
            terms.enumerated().map { k, t in
                let sign = t.weight < 0 ? (k == 0 ? "−" : " − ") : (k == 0 ? "" : " + ")
                return sign + String(format: "%.6g", abs(t.weight)) + "·GR(\(t.high.label)/\(t.low.label))"
            }.joined() + " > \(threshold)"
        }
    }

    /// A short name for tables, e.g. "nt-filter".
    public let name: String
    /// The tests; the observation is filtered when any fires.
    public let tests: [Test]
    /// Linear discriminants; the observation is also filtered when any fires.
    public let discriminants: [Discriminant]
    /// The channels the tests and discriminants read, without repeats, in the order of the tests.
    public let requiredChannels: [AMSR2Reader.Channel]

    /// A filter.
    public init(name: String, tests: [Test], discriminants: [Discriminant] = []) {
        self.name = name
        self.tests = tests
        self.discriminants = discriminants
        var seen = Set<AMSR2Reader.Channel>()
        requiredChannels = (tests.flatMap { [$0.high, $0.low] } + discriminants.flatMap { $0.terms.flatMap { [$0.high, $0.low] } })
            .filter { seen.insert($0).inserted }
    }

    /// The tests and discriminants joined by "or".
    public var description: String {
        (tests.map(\.description) + discriminants.map(\.description)).joined(separator: " or ")
    }

    /// Whether the observation is open water under weather.
    public func isWeather(_ tb: BrightnessTemperatures) -> Bool {
        tests.contains { $0.fires(tb) } || discriminants.contains { $0.fires(tb) }
    }

    /// The NASA Team weather filter for the Northern Hemisphere (Gloersen and Cavalieri 1986; Cavalieri et al.
    /// 1995; NSIDC-0802): GR(37V/19V) > 0.050 or GR(22V/19V) > 0.045.
    public static let nasaTeam = WeatherFilter(name: "nt-filter", tests: [
        Test(high: .v36_5, low: .v18_7, threshold: 0.050, inclusive: false),
        Test(high: .v23_8, low: .v18_7, threshold: 0.045, inclusive: false),
    ])

    /// ASI's weather filters (Spreen et al. 2008, sect. 2.3): GR(36.5V/18.7V) ≥ 0.045 or GR(23.8V/18.7V) ≥ 0.04.
    public static let asi = WeatherFilter(name: "asi-filter", tests: [
        Test(high: .v36_5, low: .v18_7, threshold: 0.045, inclusive: true),
        Test(high: .v23_8, low: .v18_7, threshold: 0.04, inclusive: true),
    ])

    /// The seed's new weather mask from the 18.7 and 89 GHz channels: GR(89V/18.7V) > `threshold`.
    ///
    /// Physics: the same contrast as the NASA Team filter, moved to the frequency pair where it is largest.
    /// Over open water cloud liquid (absorption ∝ f²) and water vapour raise 89V far more than 18.7V, so
    /// GR(89V/18.7V) is about +0.13 for open water on the real RRDP points and grows with weather; over ice
    /// scattering in snow and multi-year ice lowers 89V below 18.7V (GR ≈ −0.07 on the RRDP ice points).
    /// Precipitation-sized hydrometeors scatter at 89 GHz and lower 89V, which is where the mask is blind.
    /// The vertical channels are used because the horizontal ones add the surface's polarisation (wind,
    /// roughness) to the contrast. The threshold is tuned by `WeatherMaskTuning` on the training half only.
    public static func gr8919(threshold: Double = WeatherMaskTuning.rrdpThreshold) -> WeatherFilter {
        WeatherFilter(name: "gr89-19-mask", tests: [Test(high: .v89_0, low: .v18_7, threshold: threshold,
                                                         inclusive: false)])
    }

    /// The second design of the 18.7/89 GHz mask: a Fisher linear discriminant of open water against ice over
    /// the four ratios the two frequencies give, GR(89V/18.7V), GR(89H/18.7H), PR(18.7) and PR(89)
    /// (`WeatherMaskTuning.discriminantFeatures`), fired above `discriminant.threshold`.
    ///
    /// Physics: cloud liquid water (absorption ∝ f²) and water vapour raise 89 GHz over open water far more
    /// than 18.7 GHz, in both polarisations, so both gradient ratios grow with weather, whereas ice (volume
    /// scattering in snow and multi-year ice) has a low or negative GR(89/18.7). Calm open water is strongly
    /// polarised at 18.7 GHz (PR(18.7) ≈ 0.15 against ≈ 0.04 for ice); cloud emission is unpolarised and
    /// depolarises 89 GHz first, so weather lowers PR(89) relative to PR(18.7). A linear rule over the four
    /// uses all of this at once where the single GR(89V/18.7V) test uses one. The weights and threshold come
    /// from `WeatherMaskTuning.tuneDiscriminant` on the training half only (deterministic closed form);
    /// `WeatherMaskTuning.rrdpDiscriminant` records them.
    public static func lda8919(_ discriminant: Discriminant = WeatherMaskTuning.rrdpDiscriminant) -> WeatherFilter {
        WeatherFilter(name: "lda89-19-mask", tests: [], discriminants: [discriminant])
    }
}
