import AsahCore
import HTTPServer

/// The query string as handlers read it: every value typed and bounded, and a value that is
/// there but cannot be read (not a number, out of range, not one of the choices, a control
/// character) refused with a 400 that names the parameter, in the reader's language.
///
/// A missing or empty parameter is `nil` (HTML forms send empty fields for "any"). Parameters
/// no handler asks for are never looked at, as HTTP intends.
struct Query {
    let fields: FormData
    let context: Context

    /// The text of `name`; nil when absent.
    func text(_ name: String) throws -> String? {
        guard let value = fields[name] else { return nil }
        if TextSafety.hasControlCharacter(value) {
            throw refusal("error_control_character", name)
        }
        return value
    }

    /// The text of `name` without surrounding white space; nil when absent or empty.
    func trimmed(_ name: String) throws -> String? {
        guard let value = try text(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// `name` as a whole number inside `range`; nil when absent or empty.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try trimmed(name) else { return nil }
        guard let value = BoundedNumbers.integer(text, in: range) else {
            throw refusal("error_query_number", name, ["min": String(range.lowerBound), "max": String(range.upperBound)])
        }
        return value
    }

    /// `name` as a record id; nil when absent or empty.
    func id(_ name: String) throws -> Int64? {
        guard let text = try trimmed(name) else { return nil }
        guard let value = BoundedNumbers.id(text) else { throw refusal("error_query_id", name) }
        return value
    }

    /// `name` as one of the values of `T`; nil when absent or empty.
    func choice<T: RawRepresentable>(_ name: String, _ type: T.Type = T.self) throws -> T? where T.RawValue == String {
        guard let text = try trimmed(name) else { return nil }
        guard let value = T(rawValue: text) else { throw refusal("error_query_choice", name) }
        return value
    }

    /// `name` as a calendar month written `YYYY-MM` (2000-2100); nil when absent or empty.
    func month(_ name: String) throws -> (year: Int, month: Int)? {
        guard let text = try trimmed(name) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = BoundedNumbers.integer(String(parts[0]), in: 2000...2100),
              let month = BoundedNumbers.integer(String(parts[1]), in: 1...12) else {
            throw refusal("error_query_choice", name)
        }
        return (year, month)
    }

    /// `name` as a yes/no switch (`1`/`true`, `0`/`false`); false when absent or empty.
    func flag(_ name: String) throws -> Bool {
        switch try trimmed(name) {
        case nil, "0", "false": false
        case "1", "true": true
        default: throw refusal("error_query_flag", name)
        }
    }

    /// `name` as a calendar day `YYYY-MM-DD`; nil when absent or empty.
    func date(_ name: String) throws -> CalendarDate? {
        guard let text = try trimmed(name) else { return nil }
        guard let day = CalendarDate(iso: text) else { throw refusal("error_query_date", name) }
        return day
    }

    /// The page asked for: 1 when absent, `Pager.highestPage` at most (a larger number is the
    /// last page there can be); refused when not a whole number from 1 that fits in 64 bits.
    func page() throws -> Int {
        guard let text = try trimmed("page") else { return 1 }
        guard let page = BoundedNumbers.integer(text, in: 1...Int.max) else { throw refusal("error_query_page", "page") }
        return min(page, Pager.highestPage)
    }

    private func refusal(_ key: String, _ name: String, _ values: [String: String] = [:]) -> HTTPFailure {
        let field = TextSafety.stripped(name)
        return HTTPFailure(response: context.error(400, key, code: "bad_request", values: values.merging(["field": field]) { a, _ in a }))
    }
}
