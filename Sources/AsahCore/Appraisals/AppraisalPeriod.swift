import Foundation
import GRDB

/// The period an appraisal covers within its year: the whole year (tahunan), a quarter
/// (triwulan) or a month. Stored as `tahunan`, `tw1`...`tw4`, `m01`...`m12`.
public enum AppraisalPeriod: Hashable, Sendable, Codable, RawRepresentable, DatabaseValueConvertible {
    case annual
    /// Triwulan 1...4.
    case quarter(Int)
    /// Month 1...12.
    case month(Int)

    public init?(rawValue: String) {
        if rawValue == "tahunan" {
            self = .annual
        } else if rawValue.count == 3, rawValue.hasPrefix("tw"), let number = Int(rawValue.dropFirst(2)),
                  (1...4).contains(number) {
            self = .quarter(number)
        } else if rawValue.count == 3, rawValue.hasPrefix("m"), let number = Int(rawValue.dropFirst()),
                  (1...12).contains(number) {
            self = .month(number)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .annual: "tahunan"
        case .quarter(let number): "tw\(number)"
        case .month(let number): String(format: "m%02d", number)
        }
    }

    /// The last month the period covers (12 for the year).
    public var lastMonth: Int {
        switch self {
        case .annual: 12
        case .quarter(let number): number * 3
        case .month(let number): number
        }
    }

    /// The order of periods within a year: by the month they end, a month before the quarter
    /// it closes, a quarter before the year (so December, TW IV, then Tahunan).
    public var sortKey: Int {
        switch self {
        case .month(let number): number * 3
        case .quarter(let number): number * 9 + 1
        case .annual: 40
        }
    }

    /// The last day of the period in `year`.
    public func endDate(year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: year))
    }

    static let romans = ["I", "II", "III", "IV"]
    static let monthNames = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
                             "september", "oktober", "november", "desember"]
    static let monthAbbreviations = ["jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6,
                                     "jul": 7, "agu": 8, "ags": 8, "agt": 8, "agus": 8, "sep": 9, "sept": 9,
                                     "okt": 10, "nov": 11, "nop": 11, "des": 12]

    /// Reads a period as people and exports write it: "Tahunan" (or "tahun"); "TW I",
    /// "TW-2", "Triwulan II", "Triwulan 3", "tw4"; a month as "1"..."12", "01", "m01",
    /// "Januari", "Jan", "Bulan 1". Case, spaces and punctuation do not matter. `nil` otherwise.
    public init?(lenient text: String) {
        let key = Rating.compact(text)
        if key == "tahunan" || key == "tahun" {
            self = .annual
            return
        }
        for prefix in ["triwulan", "trw", "tw"] where key.hasPrefix(prefix) {
            let rest = String(key.dropFirst(prefix.count))
            let number = Int(rest) ?? Self.romans.firstIndex { $0.lowercased() == rest }.map { $0 + 1 }
            guard let number, (1...4).contains(number) else { return nil }
            self = .quarter(number)
            return
        }
        var monthKey = key
        if monthKey.hasPrefix("bulan") {
            monthKey.removeFirst("bulan".count)
        } else if monthKey.hasPrefix("m"), monthKey.count > 1, monthKey.dropFirst().allSatisfy(\.isNumber) {
            monthKey.removeFirst()
        }
        if let number = Int(monthKey), (1...12).contains(number) {
            self = .month(number)
        } else if let index = Self.monthNames.firstIndex(of: monthKey) {
            self = .month(index + 1)
        } else if let number = Self.monthAbbreviations[monthKey] {
            self = .month(number)
        } else {
            return nil
        }
    }
}
