/// Small-cell suppression: aggregates of fewer than ``minimum`` people are never shown (in
/// pages, CSV exports or the API), so no figure lets a reader single out a person's answers
/// or appraisal.
public enum SmallCell {
    /// The smallest group whose figures may be shown.
    public static let minimum = 5

    /// Whether a group of `count` people may be shown.
    public static func shows(_ count: Int) -> Bool {
        count >= minimum
    }

    /// `value` when the group of `count` may be shown, else `nil`.
    public static func guarded<Value>(_ count: Int, _ value: @autoclosure () -> Value) -> Value? {
        shows(count) ? value() : nil
    }
}
