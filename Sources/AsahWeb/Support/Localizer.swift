import AsahCore
import Foundation

/// Translates message ids and formats dates and numbers for one language.
public struct Localizer: Sendable {
    public let locale: String
    let messages: [String: String]

    private static let months: [String: [String]] = [
        "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
               "November", "Desember"],
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"],
    ]

    /// The text for `key`, with `{name}` placeholders filled from `values`. A missing key shows
    /// itself, so a gap in a catalogue is visible rather than blank.
    public func t(_ key: String, _ values: [String: String] = [:]) -> String {
        let text = messages[key] ?? key
        guard !values.isEmpty, text.utf8.contains(UInt8(ascii: "{")) else { return text }
        return Self.fill(text, values)
    }

    /// `text` with each `{name}` of `values` replaced, in one pass (unknown names stay as typed).
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
            // A value that ends a sentence itself ("Agus Suryanto, S.Sos.") takes the place of the
            // sentence's own full stop, never "S.Sos..".
            if value.hasSuffix("."), rest.first == "." { rest = rest.dropFirst() }
        }
        return result + rest
    }

    /// The text for `key` with `{count}` filled in: `<key>_one` when `count` is 1 and the
    /// catalogue has one (English "1 post"), `key` otherwise.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        let chosen = count == 1 && messages[key + "_one"] != nil ? key + "_one" : key
        return t(chosen, values.merging(["count": number(count)]) { $1 })
    }

    /// "24 November 2026" from Unix seconds (in the installation's zone, ``LocalZone/current``).
    public func date(_ seconds: Int64) -> String {
        let clock = WallClock(seconds)
        return date(year: clock.year, month: clock.month, day: clock.day)
    }

    /// "24 November 2026 14.05" (id) or "24 November 2026 14:05" (en).
    public func dateTime(_ seconds: Int64) -> String {
        let clock = WallClock(seconds)
        let separator = locale == "id" ? "." : ":"
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return date(year: clock.year, month: clock.month, day: clock.day) + " " + twoDigits(clock.hour) + separator + twoDigits(clock.minute)
    }

    /// "24 November 2026 14.05 WITA": a time with the installation's zone named.
    public func moment(_ seconds: Int64) -> String {
        dateTime(seconds) + " " + LocalZone.current.abbreviation
    }

    /// "24 November 2026" from a calendar date.
    public func date(year: Int, month: Int, day: Int) -> String {
        "\(day) " + self.month(year: year, month: month)
    }

    /// "November 2026".
    public func month(year: Int, month: Int) -> String {
        let names = Self.months[locale] ?? Self.months["id"]!
        return "\(names[max(0, min(11, month - 1))]) \(year)"
    }

    /// "24 November 2026" from "2026-11-24"; the text itself if it is not such a date.
    public func isoDate(_ text: String) -> String {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return text }
        return date(year: parts[0], month: parts[1], day: parts[2])
    }

    /// "5.600" (id) or "5,600" (en).
    public func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(locale == "id" ? "." : ",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
