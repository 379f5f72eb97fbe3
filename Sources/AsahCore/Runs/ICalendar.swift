import Foundation

/// One event of an iCalendar feed.
public struct ICalendarEvent: Sendable, Hashable {
    /// Globally unique and stable across feeds, so calendars update rather than duplicate.
    public var uid: String
    public var startsAt: Int64
    public var endsAt: Int64
    public var summary: String
    public var location: String?
    public var description: String?
    public var url: String?
    /// Marks the event `STATUS:CANCELLED`, so subscribed calendars strike it out.
    public var cancelled: Bool

    /// An event.
    public init(uid: String, startsAt: Int64, endsAt: Int64, summary: String, location: String? = nil,
                description: String? = nil, url: String? = nil, cancelled: Bool = false) {
        self.uid = uid
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.summary = summary
        self.location = location
        self.description = description
        self.url = url
        self.cancelled = cancelled
    }
}

/// iCalendar (RFC 5545) text: CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 sequence, TEXT values escaped, times in UTC.
public enum ICalendar {
    /// A `VCALENDAR` named `name` holding `events`, stamped (`DTSTAMP`) with `stamp`.
    public static func document(name: String, events: [ICalendarEvent], stamp: Int64) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Asah//Workshops//ID", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name)]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + utc(stamp), "DTSTART:" + utc(event.startsAt),
                      "DTEND:" + utc(event.endsAt), "SUMMARY:" + escape(event.summary)]
            if let location = event.location { lines.append("LOCATION:" + escape(location)) }
            if let description = event.description { lines.append("DESCRIPTION:" + escape(description)) }
            if let url = event.url { lines.append("URL:" + url) }
            if event.cancelled { lines.append("STATUS:CANCELLED") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\n")
    }

    /// `line` split into lines of at most 75 octets, each continuation starting with a space.
    public static func fold(_ line: String) -> String {
        var output = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > 75 {
                output += "\r\n "
                octets = 1
            }
            output.unicodeScalars.append(scalar)
            octets += width
        }
        return output
    }

    /// A UTC date-time, e.g. `20260314T013000Z`.
    public static func utc(_ timestamp: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: TimeInterval(timestamp)))
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!,
                      parts.hour!, parts.minute!, parts.second!)
    }
}
