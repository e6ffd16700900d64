import SeaIceAuxiliary

/// Named AMSR2 channels for the concentration algorithms (JAXA frequency "18.7", polarisation "V"), taken from
/// `AMSR2Reader.channels` so that there is one definition of the 14 channels.
extension AMSR2Reader.Channel {
    /// The channel of `frequency` (JAXA spelling, GHz, e.g. "18.7") and `polarisation` ("H" or "V").
    static func named(_ frequency: String, _ polarisation: String) -> AMSR2Reader.Channel {
        guard let c = AMSR2Reader.channels.first(where: {
            $0.frequency == frequency && $0.polarisation == polarisation
        }) else { preconditionFailure("no AMSR2 channel \(frequency) GHz \(polarisation)") }
        return c
    }

    /// 6.9 GHz vertical.
    public static let v6_9 = named("6.9", "V")
    /// 18.7 GHz horizontal ("19H" of NASA Team).
    public static let h18_7 = named("18.7", "H")
    /// 18.7 GHz vertical ("19V").
    public static let v18_7 = named("18.7", "V")
    /// 23.8 GHz vertical ("22V" of the NASA Team weather filter).
    public static let v23_8 = named("23.8", "V")
    /// 36.5 GHz horizontal.
    public static let h36_5 = named("36.5", "H")
    /// 36.5 GHz vertical ("37V").
    public static let v36_5 = named("36.5", "V")
    /// 89.0 GHz horizontal.
    public static let h89_0 = named("89.0", "H")
    /// 89.0 GHz vertical.
    public static let v89_0 = named("89.0", "V")

    /// A short label, e.g. "18.7V".
    public var label: String { "\(frequency)\(polarisation)" }
}

/// Brightness temperatures of one observation by channel, K.
public typealias BrightnessTemperatures = [AMSR2Reader.Channel: Double]

/// The physical range of a brightness temperature the algorithms accept, K: values outside 50…350 K (and NaN or
/// fill values, which lie outside it) are invalid input, never turned into a concentration.
public enum BrightnessTemperatureRange {
    /// Lowest valid brightness temperature, K.
    public static let minimum = 50.0
    /// Highest valid brightness temperature, K.
    public static let maximum = 350.0
    /// Whether `tb` (K) is a physical brightness temperature (false for NaN).
    public static func contains(_ tb: Double) -> Bool { tb >= minimum && tb <= maximum }
}

/// The gradient (or polarisation) ratio (a − b)/(a + b) of two brightness temperatures, e.g. GR(36.5V/18.7V)
/// = (36.5V − 18.7V)/(36.5V + 18.7V) (Cavalieri et al. 1984).
@inline(__always)
public func gradientRatio(_ a: Double, _ b: Double) -> Double { (a - b) / (a + b) }
