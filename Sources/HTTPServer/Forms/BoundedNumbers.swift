/// Numbers read from request text with their bounds: the only way a handler turns a query,
/// form or path value into something it computes with, so no value from outside can reach
/// arithmetic or an index unchecked.
public enum BoundedNumbers {
    /// The largest record id accepted; SQLite's rowids are positive 64-bit numbers.
    public static let ids: ClosedRange<Int64> = 1...Int64.max

    /// `text` as a whole number (optional sign, ASCII digits only) inside `range`; nil when it
    /// is missing, not a number, out of the 64-bit range or outside `range`.
    public static func integer(_ text: String?, in range: ClosedRange<Int>) -> Int? {
        guard let text, text.utf8.count <= 20, let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    /// `text` as a record id (a positive 64-bit number); nil otherwise.
    public static func id(_ text: String?) -> Int64? {
        guard let text, text.utf8.count <= 20, let value = Int64(text), ids.contains(value) else { return nil }
        return value
    }
}

extension FormData {
    /// The first value of `name` as a whole number inside `range`; nil when missing, not a
    /// number or outside `range`.
    public func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        BoundedNumbers.integer(self[name], in: range)
    }

    /// The first value of `name` as a record id; nil when missing or not a positive 64-bit number.
    public func id(_ name: String) -> Int64? {
        BoundedNumbers.id(self[name])
    }
}
