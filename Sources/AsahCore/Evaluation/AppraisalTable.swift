import GRDB
import GRDBSQLite

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

    /// The current-scheme records of `years` (every year when `nil`), of the active employees
    /// `employees` admits (SQL over `employees p` with its arguments) or of everyone. At
    /// province scale this is most of the appraisals, read in employee order from the covering
    /// index `appraisals_current`; period and predikat are decoded from the bytes SQLite
    /// holds for the current row, without making a string or a `Data` per row.
    public static func load(years: ClosedRange<Int>? = nil, employees: (sql: String, arguments: StatementArguments)? = nil,
                            in db: Database) throws -> AppraisalTable {
        var table = AppraisalTable()
        let people = employees.map { "AND employee_id IN (SELECT p.id FROM employees p WHERE p.active AND \($0.sql))" } ?? ""
        let statement = try db.makeStatement(sql: """
            SELECT employee_id, year, period, predikat FROM appraisals INDEXED BY appraisals_current
            WHERE hasil_kerja IS NOT NULL AND year BETWEEN ? AND ? \(people) ORDER BY employee_id
            """)
        let range = years.map { [$0.lowerBound, $0.upperBound] } ?? [Int.min, Int.max]
        let cursor = try Int64.fetchCursor(statement, arguments: StatementArguments(range) + (employees?.arguments ?? []))
        let row = statement.sqliteStatement
        while let employee = try cursor.next() {
            guard let slot = slot(year: Int(sqlite3_column_int64(row, 1)), stored: bytes(row, 2)),
                  let rank = rank(stored: bytes(row, 3)) else { continue }
            table.append(employee: employee, slot: slot, rank: rank)
        }
        return table
    }

    /// The text of `column` in the statement's current row, as bytes SQLite owns until the next step.
    private static func bytes(_ statement: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: sqlite3_column_text(statement, column), count: Int(sqlite3_column_bytes(statement, column)))
    }

    /// The slot of a period as stored ("tahunan", "tw1"-"tw4", "m01"-"m12"), from its bytes.
    static func slot(year: Int, stored bytes: some RandomAccessCollection<UInt8>) -> Int32? {
        func digit(_ offset: Int) -> Int { Int(bytes[bytes.index(bytes.startIndex, offsetBy: offset)]) - Int(UInt8(ascii: "0")) }
        let period: AppraisalPeriod? = switch (bytes.first, bytes.count) {
        case (UInt8(ascii: "t"), 7): .annual
        case (UInt8(ascii: "t"), 3): .quarter(digit(2))
        case (UInt8(ascii: "m"), 3): .month(10 * digit(1) + digit(2))
        default: nil
        }
        return period.map { slot(year: year, period: $0) }
    }

    /// The rank of a predikat as stored, from its bytes: the five names differ in their first
    /// letter and length ("sangat_baik" 11, "baik" 4, "butuh_perbaikan" 15, "kurang" 6,
    /// "sangat_kurang" 13).
    static func rank(stored bytes: some Collection<UInt8>) -> UInt8? {
        switch (bytes.first, bytes.count) {
        case (UInt8(ascii: "s"), 11): 0
        case (UInt8(ascii: "b"), 4): 1
        case (UInt8(ascii: "b"), 15): 2
        case (UInt8(ascii: "k"), 6): 3
        case (UInt8(ascii: "s"), 13): 4
        default: nil
        }
    }

    /// The predikat of `employee`'s latest record in `years` (by year, then period order), if any.
    public func latest(of employee: Int64, in years: ClosedRange<Int>) -> Predikat? {
        guard let index = index(of: employee) else { return nil }
        var best: (key: Int32, rank: UInt8)?
        for record in records(at: index) where years.contains(Int(slots[record] / 100)) {
            let key = slots[record] / 100 * 64 + Self.span(slots[record]).sortKey
            if best.map({ key > $0.key }) ?? true { best = (key, ranks[record]) }
        }
        return best.map { Predikat.allCases[Int($0.rank)] }
    }

    /// The number of employees.
    var count: Int { employees.count }

    /// The records of the `index`th employee.
    func records(at index: Int) -> Range<Int> {
        starts[index]..<(index + 1 < starts.count ? starts[index + 1] : slots.count)
    }

    /// The index of `employee`, when they have records.
    func index(of employee: Int64) -> Int? {
        let low = employees.firstIndex(notBelow: employee)
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
