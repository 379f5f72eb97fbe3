/// Current-scheme appraisals of many employees in flat arrays ordered by employee (no
/// per-row object or dictionary), what ``ImpactMatching`` reads at province scale: each
/// record is a period slot (``slot(year:period:)``) and a predikat rank (its index in
/// `Predikat.allCases`).
public struct AppraisalTable: Sendable {
    /// Employee ids, ascending, each once.
    private(set) var employees: [Int64] = []
    /// `employees[i]`'s records are `starts[i]..<starts[i + 1]`.
    private(set) var starts: [Int] = [0]
    private(set) var slots: [Int32] = []
    private(set) var ranks: [UInt8] = []

    public init() {}

    /// The table of `records`.
    public init(_ records: [Int64: [ImpactMatching.Record]]) {
        for (employee, list) in records.sorted(by: { $0.key < $1.key }) {
            for record in list {
                append(employee: employee, slot: Self.slot(year: record.year, period: record.period),
                       rank: UInt8(Predikat.allCases.firstIndex(of: record.predikat)!))
            }
        }
    }

    /// Adds a record; records must come in ascending order of employee.
    public mutating func append(employee: Int64, slot: Int32, rank: UInt8) {
        if employees.last != employee {
            if !employees.isEmpty { starts.append(slots.count) }
            employees.append(employee)
        }
        slots.append(slot)
        ranks.append(rank)
    }

    /// The number of employees.
    var count: Int { employees.count }

    /// The records of the `index`th employee.
    func records(at index: Int) -> Range<Int> {
        starts[index]..<(index + 1 < starts.count ? starts[index + 1] : slots.count)
    }

    /// The index of `employee`, when they have records.
    func index(of employee: Int64) -> Int? {
        var low = 0, high = employees.count
        while low < high {
            let middle = (low + high) / 2
            if employees[middle] < employee { low = middle + 1 } else { high = middle }
        }
        return low < employees.count && employees[low] == employee ? low : nil
    }

    /// The predikat rank of the `index`th employee in `slot`, if rated then.
    func rank(at index: Int, slot: Int32) -> UInt8? {
        for record in records(at: index) where slots[record] == slot { return ranks[record] }
        return nil
    }

    /// A number for a year and period: year × 100 + kind (annual 0, quarter 1, month 2) × 20 +
    /// the period's last month.
    public static func slot(year: Int, period: AppraisalPeriod) -> Int32 {
        let kind = switch period {
        case .annual: 0
        case .quarter: 1
        case .month: 2
        }
        return Int32(year * 100 + kind * 20 + period.lastMonth)
    }

    /// The same as SQL over an `appraisals` row (for reading the table in one query).
    static let slotSQL = """
        year * 100 + CASE WHEN period = 'tahunan' THEN 12 WHEN period LIKE 'tw%' THEN 20 + 3 * CAST(substr(period, 3) AS INTEGER)
                          ELSE 40 + CAST(substr(period, 2) AS INTEGER) END
        """

    /// The rank of `predikat` (its index in `Predikat.allCases`) in SQL.
    static let rankSQL = """
        CASE predikat WHEN 'sangat_baik' THEN 0 WHEN 'baik' THEN 1 WHEN 'butuh_perbaikan' THEN 2 WHEN 'kurang' THEN 3 ELSE 4 END
        """

    /// A slot's kind (0 annual, 1 quarter, 2 month).
    static func kind(_ slot: Int32) -> Int32 { slot % 100 / 20 }

    /// The first and last day of a slot's period as yyyymmdd numbers, and its order within
    /// the year (``AppraisalPeriod/sortKey``).
    static func span(_ slot: Int32) -> (first: Int32, last: Int32, sortKey: Int32) {
        let year = slot / 100, lastMonth = slot % 20
        let (firstMonth, sortKey): (Int32, Int32) = switch kind(slot) {
        case 0: (1, 40)
        case 1: (lastMonth - 2, lastMonth / 3 * 9 + 1)
        default: (lastMonth, lastMonth * 3)
        }
        let lastDay = Int32(CalendarDate.daysIn(month: Int(lastMonth), year: Int(year)))
        return (year * 10_000 + firstMonth * 100 + 1, year * 10_000 + lastMonth * 100 + lastDay, sortKey)
    }
}
