/// The pure part of the L4 analysis: for each participant, the predikat in the last period
/// ending before the training and in the first comparable period (same kind: annual,
/// quarter or month) starting after it; and a comparison group of non-participants in the
/// same stratum (unit, jabatan kind, golongan band) with the same prior predikat, read over
/// the same two periods. Participants without both records, or without anyone to compare
/// with, are left out and counted.
///
/// The comparison group is reweighted to the participants' mix: each comparison member of a
/// cell (stratum, periods and prior predikat) weighs the cell's participants divided by its
/// comparison members, so every cell counts in the comparison as much as it does among the
/// participants (exact-cell weighting for the effect on the trained), however many colleagues
/// it happens to have.
public enum ImpactMatching {
    /// One appraisal under the current scheme.
    public struct Record: Sendable, Hashable {
        public let year: Int
        public let period: AppraisalPeriod
        public let predikat: Predikat

        public init(year: Int, period: AppraisalPeriod, predikat: Predikat) {
            self.year = year
            self.period = period
            self.predikat = predikat
        }
    }

    /// A participant and when they trained.
    public struct Participant: Sendable, Hashable {
        public let employeeId: Int64
        public let startedOn: CalendarDate
        public let endedOn: CalendarDate

        public init(employeeId: Int64, startedOn: CalendarDate, endedOn: CalendarDate) {
            self.employeeId = employeeId
            self.startedOn = startedOn
            self.endedOn = endedOn
        }
    }

    /// The two groups and who was left out.
    public struct Groups: Sendable, Hashable {
        public var participants: [BeforeAfter] = []
        public var comparison: [BeforeAfter] = []
        /// The weight of each of ``comparison`` (same order): its cell's participants divided
        /// by its cell's comparison members.
        public var comparisonWeights: [Double] = []
        /// Participants without a record before or a comparable one after.
        public var withoutRecords = 0
        /// Participants with records but nobody matching to compare with.
        public var unmatched = 0
    }

    /// Builds the groups. `strata` gives each employee's matching stratum; `records` their
    /// appraisals; nobody in `excluded` (everyone who took the training) is a comparison.
    public static func groups(participants: [Participant], records: [Int64: [Record]], strata: [Int64: String],
                              excluded: Set<Int64>) -> Groups {
        groups(participants: participants, table: AppraisalTable(records), strata: Strata(strata), excluded: excluded)
    }

    /// ``groups(participants:records:strata:excluded:)`` over an ``AppraisalTable``.
    public static func groups(participants: [Participant], table: AppraisalTable, strata: Strata,
                              excluded: Set<Int64>) -> Groups {
        var groups = Groups()
        // Comparison candidates (their indices in the table) by stratum.
        var candidates = [[Int]](repeating: [], count: strata.count + 1)
        for index in 0..<table.count {
            let employeeId = table.employees[index]
            guard !excluded.contains(employeeId), let stratum = strata.number(of: employeeId) else { continue }
            candidates[stratum].append(index)
        }
        // Participants sharing stratum, periods and prior predikat share one comparison cell,
        // whose members are counted once.
        struct Cell: Hashable {
            let stratum: Int
            let before: Int32
            let after: Int32
            let prior: UInt8
        }
        // Each cell's comparison members (positions in `groups.comparison`) and participants.
        var cells: [Cell: (members: Range<Int>, participants: Int)] = [:]
        for participant in participants {
            guard let index = table.index(of: participant.employeeId),
                  let (before, after) = beforeAndAfter(participant, table.records(at: index), table) else {
                groups.withoutRecords += 1
                continue
            }
            let stratum = strata.number(of: participant.employeeId) ?? strata.count
            let prior = table.ranks[before]
            let cell = Cell(stratum: stratum, before: table.slots[before], after: table.slots[after], prior: prior)
            if cells[cell] == nil {
                let first = groups.comparison.count
                for candidate in candidates[stratum] where table.rank(at: candidate, slot: cell.before) == prior {
                    guard let later = table.rank(at: candidate, slot: cell.after) else { continue }
                    groups.comparison.append(BeforeAfter(before: isGood(rank: prior), after: isGood(rank: later)))
                }
                cells[cell] = (first..<groups.comparison.count, 0)
            }
            guard let members = cells[cell]?.members, !members.isEmpty else {
                groups.unmatched += 1
                continue
            }
            cells[cell]?.participants += 1
            groups.participants.append(BeforeAfter(before: isGood(rank: prior), after: isGood(rank: table.ranks[after])))
        }
        groups.comparisonWeights = [Double](repeating: 0, count: groups.comparison.count)
        for (members, participants) in cells.values where !members.isEmpty {
            let weight = Double(participants) / Double(members.count)
            for index in members { groups.comparisonWeights[index] = weight }
        }
        return groups
    }

    /// The participant's record in the last period ending before the training, and in the
    /// first period of the same kind starting after it (positions in `table`).
    static func beforeAndAfter(_ participant: Participant, _ records: Range<Int>,
                                       _ table: AppraisalTable) -> (Int, Int)? {
        let started = number(participant.startedOn), ended = number(participant.endedOn)
        var before: (record: Int, key: (Int32, Int32))?
        for record in records {
            let slot = table.slots[record], span = AppraisalTable.span(slot)
            guard span.last < started else { continue }
            let key = (slot / 100, span.sortKey)
            if before.map({ $0.key < key }) ?? true { before = (record, key) }
        }
        guard let before = before?.record else { return nil }
        let kind = AppraisalTable.kind(table.slots[before])
        var after: (record: Int, key: (Int32, Int32))?
        for record in records {
            let slot = table.slots[record]
            guard AppraisalTable.kind(slot) == kind else { continue }
            let span = AppraisalTable.span(slot)
            guard span.first > ended else { continue }
            let key = (slot / 100, span.sortKey)
            if after.map({ key < $0.key }) ?? true { after = (record, key) }
        }
        return after.map { (before, $0.record) }
    }

    /// A date as yyyymmdd.
    private static func number(_ date: CalendarDate) -> Int32 {
        Int32(date.year * 10_000 + date.month * 100 + date.day)
    }

    /// Whether the predikat of rank `rank` (its index in `Predikat.allCases`) is Baik or better.
    static func isGood(rank: UInt8) -> Bool {
        isGood(Predikat.allCases[Int(rank)])
    }

    /// Baik or Sangat Baik.
    public static func isGood(_ predikat: Predikat) -> Bool {
        predikat >= .baik
    }

    /// The first day of `period` in `year`.
    package static func start(_ year: Int, _ period: AppraisalPeriod) -> CalendarDate {
        let month = switch period {
        case .annual: 1
        case .quarter(let number): number * 3 - 2
        case .month(let number): number
        }
        return CalendarDate(year: year, month: month, day: 1)!
    }
}
