import Foundation

/// The current time as Unix seconds, the unit every timestamp column uses.
public enum Clock {
    public static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    /// `time` rounded down to the whole hour: how precisely activity that could be matched
    /// with a pseudonymous post's time is kept (sign-ins, sessions, reading notices).
    public static func hour(of time: Int64) -> Int64 {
        floor(time, to: 3600)
    }

    /// `time` rounded down to a multiple of `step` seconds (`step` ≥ 1).
    public static func floor(_ time: Int64, to step: Int64) -> Int64 {
        time - ((time % step) + step) % step
    }
}
