/// The pure part of the L4 analysis: for each participant, the predikat in the last period
/// ending before the training and in the first comparable period (same kind: annual,
/// quarter or month) starting after it; and a comparison group of non-participants in the
/// same stratum (unit, jabatan kind, golongan band) with the same prior predikat, read over
/// the same two periods. Participants without both records, or without anyone to compare
/// with, are left out and counted.
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
        /// Participants without a record before or a comparable one after.
        public var withoutRecords = 0
        /// Participants with records but nobody matching to compare with.
        public var unmatched = 0
    }

    /// Builds the groups. `strata` gives each employee's matching stratum; `records` their
    /// appraisals; nobody in `excluded` (everyone who took the training) is a comparison.
    public static func groups(participants: [Participant], records: [Int64: [Record]], strata: [Int64: String],
                              excluded: Set<Int64>) -> Groups {
        var groups = Groups()
        // Comparison candidates by stratum; each candidate's predikat by period, built when first needed.
        var candidates: [String: [Int64]] = [:]
        for (employeeId, stratum) in strata where !excluded.contains(employeeId) && records[employeeId] != nil {
            candidates[stratum, default: []].append(employeeId)
        }
        var byPeriod: [Int64: [Int: Predikat]] = [:]
        func lookup(_ id: Int64) -> [Int: Predikat] {
            if let known = byPeriod[id] { return known }
            let map = Dictionary((records[id] ?? []).map { (slot($0.year, $0.period), $0.predikat) }, uniquingKeysWith: { a, _ in a })
            byPeriod[id] = map
            return map
        }
        // Participants sharing stratum, periods and prior predikat share one comparison cell,
        // whose members are counted once.
        var cells: [String: Bool] = [:]
        for participant in participants {
            let own = records[participant.employeeId] ?? []
            guard let before = own.filter({ ($0.period.endDate(year: $0.year) ?? participant.startedOn) < participant.startedOn })
                    .max(by: { ($0.year, $0.period.sortKey) < ($1.year, $1.period.sortKey) }),
                  let after = own.filter({ kind($0.period) == kind(before.period)
                                           && start($0.year, $0.period) > participant.endedOn })
                    .min(by: { ($0.year, $0.period.sortKey) < ($1.year, $1.period.sortKey) }) else {
                groups.withoutRecords += 1
                continue
            }
            let stratum = strata[participant.employeeId] ?? ""
            let beforeSlot = slot(before.year, before.period), afterSlot = slot(after.year, after.period)
            let cell = "\(stratum)#\(beforeSlot)#\(afterSlot)#\(before.predikat.rawValue)"
            if cells[cell] == nil {
                let matches = (candidates[stratum] ?? []).compactMap { id -> Predikat? in
                    let map = lookup(id)
                    guard map[beforeSlot] == before.predikat else { return nil }
                    return map[afterSlot]
                }
                cells[cell] = !matches.isEmpty
                for later in matches {
                    groups.comparison.append(BeforeAfter(before: isGood(before.predikat), after: isGood(later)))
                }
            }
            guard cells[cell] == true else {
                groups.unmatched += 1
                continue
            }
            groups.participants.append(BeforeAfter(before: isGood(before.predikat), after: isGood(after.predikat)))
        }
        return groups
    }

    /// A number for a year and period: the year, then the period's kind and number.
    private static func slot(_ year: Int, _ period: AppraisalPeriod) -> Int {
        year * 100 + kind(period) * 20 + period.lastMonth
    }

    /// Baik or Sangat Baik.
    public static func isGood(_ predikat: Predikat) -> Bool {
        predikat >= .baik
    }

    private static func kind(_ period: AppraisalPeriod) -> Int {
        switch period {
        case .annual: 0
        case .quarter: 1
        case .month: 2
        }
    }

    /// The first day of `period` in `year`.
    static func start(_ year: Int, _ period: AppraisalPeriod) -> CalendarDate {
        let month = switch period {
        case .annual: 1
        case .quarter(let number): number * 3 - 2
        case .month(let number): number
        }
        return CalendarDate(year: year, month: month, day: 1)!
    }
}
