import Foundation

/// The time zone of an Asah installation: one of Indonesia's three, chosen in the agency
/// settings. Every time typed or shown and every "which day is it" rule (today's sessions, the
/// JP year, due and overdue dates) reads this zone, so a day turns at the agency's midnight.
/// Stored times are Unix instants: changing the zone changes how they are shown, not what they are.
///
/// The zone in force is ``current``, a task-local bound once per unit of work from the
/// database's setting (``AppDatabase/withLocalZone(_:)``: each web request, each sweep, each
/// command), so the many formatters and day rules read it without a parameter threaded through
/// every call, two databases in one process (tests) never see each other's zone, and no
/// process-wide variable needs a lock. Outside such a binding it is WIB, Asah's old default.
public enum LocalZone: String, CaseIterable, Sendable {
    /// Western Indonesia Time, UTC+7: Sumatra, Java, West and Central Kalimantan.
    case wib = "Asia/Jakarta"
    /// Central Indonesia Time, UTC+8: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi.
    case wita = "Asia/Makassar"
    /// Eastern Indonesia Time, UTC+9: Maluku and Papua.
    case wit = "Asia/Jayapura"

    /// The zone of the unit of work running now (WIB when none was bound).
    @TaskLocal public static var current: LocalZone = .wib

    /// The zone named by its abbreviation ("WITA", any case) or its IANA name ("Asia/Makassar").
    public init?(name: String) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let zone = Self.allCases.first(where: { $0.abbreviation.caseInsensitiveCompare(trimmed) == .orderedSame || $0.rawValue == trimmed })
        else { return nil }
        self = zone
    }

    /// "WIB", "WITA" or "WIT", as clocks and letters in Indonesia name the zone.
    public var abbreviation: String {
        switch self {
        case .wib: "WIB"
        case .wita: "WITA"
        case .wit: "WIT"
        }
    }

    /// Seconds east of UTC (Indonesia keeps no daylight saving, so the offset is exact all year).
    public var offset: Int {
        switch self {
        case .wib: 7 * 3600
        case .wita: 8 * 3600
        case .wit: 9 * 3600
        }
    }

    /// The Foundation time zone, for calendar arithmetic.
    public var timeZone: TimeZone { TimeZone(identifier: rawValue) ?? TimeZone(secondsFromGMT: offset)! }
}
