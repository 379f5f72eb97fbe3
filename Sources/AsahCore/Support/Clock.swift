import Foundation

/// The current time as Unix seconds, the unit every timestamp column uses.
public enum Clock {
    public static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
