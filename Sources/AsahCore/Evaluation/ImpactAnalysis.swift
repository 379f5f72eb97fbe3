import GRDB

/// Kirkpatrick L4 for the runs of an ``ImpactFilter``: the participants' predikat before and
/// after against a matched comparison group (``ImpactMatching``), summarised as a
/// difference-in-differences of the share rated Baik or better with its bootstrap interval.
///
/// Matching strata: the top-level unit (OPD) the employee works in, the jabatan kind and the
/// golongan band (the group I-IV for PNS, groups of four for PPPK); the prior predikat is
/// matched in ``ImpactMatching``. Only appraisals under the current scheme (PermenPANRB
/// 6/2022) are compared.
public enum ImpactAnalysis {
    /// The analysis; ``estimate`` is `nil` when either group has fewer than
    /// ``SmallCell/minimum`` people, and then no figure of the groups may be shown.
    public struct Result: Sendable, Hashable {
        public let groups: ImpactMatching.Groups
        public let estimate: DifferenceInDifferences?

        /// Whether both groups are large enough to show.
        public var shown: Bool { estimate != nil }
    }

    /// `participants`: the filter's ``firstTrainings(_:in:)``; `appraisals`: everyone's
    /// appraisals (``AppraisalTable/load(years:employees:in:)``), when the caller keeps them;
    /// asked for once the participants are known.
    static func run(_ filter: ImpactFilter, participants: [ImpactMatching.Participant],
                    appraisals: (() throws -> AppraisalTable)? = nil, in db: Database) throws -> Result {
        guard !participants.isEmpty else { return Result(groups: .init(), estimate: nil) }
        var excluded = Set(participants.map(\.employeeId))
        let (runSQL, runArguments) = filter.runs
        let trained = try Int64.fetchCursor(db, sql: """
            SELECT DISTINCT e.employee_id FROM enrolments e JOIN runs t ON t.id = e.run_id
            WHERE e.state = 'completed' AND t.course_id IN (SELECT r.course_id FROM runs r WHERE \(runSQL))
            """, arguments: runArguments)
        while let employee = try trained.next() { excluded.insert(employee) }
        // The last period before a training and the first after it lie within a year of it.
        let firstYear = (participants.map(\.startedOn.year).min() ?? 0) - 1
        let lastYear = (participants.map(\.endedOn.year).max() ?? 0) + 1
        let table = try appraisals?() ?? AppraisalTable.load(years: firstYear...lastYear, in: db)
        let groups = ImpactMatching.groups(participants: participants, table: table, strata: try strata(in: db), excluded: excluded)
        guard SmallCell.shows(groups.participants.count), SmallCell.shows(groups.comparison.count) else {
            return Result(groups: groups, estimate: nil)
        }
        return Result(groups: groups, estimate: DifferenceInDifferences(participants: groups.participants,
                                                                         comparison: groups.comparison,
                                                                         comparisonWeights: groups.comparisonWeights))
    }

    /// Each participant's first completed run of the filter (by start, then id), in order of
    /// employee id; the runs' dates are read once each, not once per place.
    static func firstTrainings(_ filter: ImpactFilter, in db: Database) throws -> [ImpactMatching.Participant] {
        let (sql, arguments) = filter.people
        let (runSQL, runArguments) = filter.runs
        var runs: [Int64: (startedOn: CalendarDate, endedOn: CalendarDate)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT r.id, r.starts_on, r.ends_on FROM runs r WHERE \(runSQL)", arguments: runArguments) {
            runs[row[0]] = (row[1], row[2])
        }
        var first: [Int64: Int64] = [:]
        let places = try Row.fetchCursor(db, sql: """
            SELECT e.employee_id, e.run_id FROM runs r CROSS JOIN enrolments e ON e.run_id = r.id
            \(ImpactFilter.participantJoin(sql, on: "e.employee_id")) WHERE e.state = 'completed' AND \(sql)
            """, arguments: arguments)
        while let row = try places.next() {
            let id: Int64 = row[0], runId: Int64 = row[1]
            guard let run = runs[runId] else { continue }
            if let known = first[id], let earlier = runs[known], (earlier.startedOn, known) <= (run.startedOn, runId) { continue }
            first[id] = runId
        }
        return first.map { id, runId in
            ImpactMatching.Participant(employeeId: id, startedOn: runs[runId]!.startedOn, endedOn: runs[runId]!.endedOn)
        }.sorted { $0.employeeId < $1.employeeId }
    }

    /// The matching stratum of every active employee: top-level unit, jabatan kind, golongan band.
    static func strata(in db: Database) throws -> Strata {
        var parents: [Int64: Int64?] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, parent_id FROM units")) { parents[row["id"]] = row["parent_id"] as Int64? }
        var tops: [Int64: Int64] = [:]
        func top(_ id: Int64) -> Int64 {
            if let known = tops[id] { return known }
            var current = id, steps = 0
            while let parent = parents[current] ?? nil, steps < 64 { current = parent; steps += 1 }
            tops[id] = current
            return current
        }
        var strata = Strata(), bands: [String: String] = [:]
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, unit_id, jabatan_kind, golongan FROM employees WHERE active"))
        while let row = try cursor.next() {
            let unit = (row[1] as Int64?).map(top).map(String.init) ?? "-"
            let golongan: String = row[3] ?? ""
            let golonganBand = bands[golongan] ?? band(golongan)
            bands[golongan] = golonganBand
            strata.add(row[0], stratum: "\(unit)|\(row[2] as String? ?? "-")|\(golonganBand)")
        }
        return strata
    }

    /// "pns-3" for III/a-III/d, "pppk-2" for PPPK V-VIII, "-" when unknown.
    static func band(_ golongan: String?) -> String {
        guard let golongan = golongan.flatMap(Golongan.init(parsing:)) else { return "-" }
        return golongan.employment == .pppk ? "pppk-\((golongan.group - 1) / 4 + 1)" : "pns-\(golongan.group)"
    }
}
