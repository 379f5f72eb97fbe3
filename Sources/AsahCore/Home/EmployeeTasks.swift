import GRDB

/// An employee's home: upcoming sessions, this year's JP against the target, open runs they may
/// join, surveys and behaviour checks to answer.
public struct EmployeeTasks: Sendable {
    /// A run open for enrolment that the employee may join and has no place in (a full run takes
    /// them on its waitlist).
    public struct OpenRun: Sendable, Hashable {
        public let runId: Int64
        public let title: String
        public let startsOn: CalendarDate
        public let endsOn: CalendarDate
        public let seatsLeft: Int
        /// When enrolment closes, if it does.
        public let closesAt: Int64?
    }

    /// Their next sessions (of runs they hold a seat or an offer in), soonest first.
    public let upcoming: [CalendarSession]
    /// This year's training hours against the 20 JP target.
    public let ledger: TrainingLedger
    /// Open runs inside their audience, starting soonest.
    public let openRuns: [OpenRun]
    /// Reaction surveys of runs they attended and have not answered.
    public let surveys: [(runId: Int64, title: String)]
    /// Behaviour checks they are asked to answer about themselves, oldest due first.
    public let selfChecks: [BehaviourChecks.Task]

    static func load(employeeId: Int64, now: Int64, in db: Database) throws -> EmployeeTasks {
        let today = IndonesianTime.date(of: now)
        let horizon = now + Int64(HomeTasks.horizonDays) * 86400
        let upcoming = try WorkshopCalendar.sessions(where: """
            s.ends_at >= ?2 AND s.starts_at < ?3 AND r.status IN ('open', 'closed', 'running') AND s.run_id IN
                (SELECT run_id FROM enrolments WHERE employee_id = ?1 AND state IN ('enrolled', 'offered'))
            """, arguments: [employeeId, now, horizon], in: db)
        let checks = try BehaviourChecks.open(for: employeeId, today: today, in: db).filter { $0.respondent == .self }
        return EmployeeTasks(
            upcoming: Array(upcoming.prefix(HomeTasks.limit)),
            ledger: try TrainingHours.ledger(employeeId: employeeId, year: today.year, in: db),
            openRuns: try openRuns(for: employeeId, now: now, in: db),
            surveys: Array(try Surveys.open(for: employeeId, now: now, in: db).prefix(HomeTasks.limit)),
            selfChecks: Array(checks.prefix(HomeTasks.limit)))
    }

    /// Runs open for enrolment now, which the employee has no place in, of courses they have not
    /// completed, and may join (audience and prerequisites), starting soonest.
    private static func openRuns(for employeeId: Int64, now: Int64, in db: Database) throws -> [OpenRun] {
        guard let employee = try Employee.fetchOne(db, key: employeeId) else { return [] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.id, r.title, r.starts_on, r.ends_on, r.enrol_closes_at, r.course_id, r.capacity,
                   (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state IN ('enrolled', 'offered')) AS held
            FROM runs r
            WHERE r.status = 'open' AND (r.enrol_opens_at IS NULL OR r.enrol_opens_at <= ?2)
              AND (r.enrol_closes_at IS NULL OR r.enrol_closes_at > ?2)
              AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.run_id = r.id AND e.employee_id = ?1
                              AND e.state IN ('requested', 'enrolled', 'waitlisted', 'offered', 'completed'))
              AND NOT EXISTS (SELECT 1 FROM enrolments e JOIN runs d ON d.id = e.run_id
                              WHERE d.course_id = r.course_id AND e.employee_id = ?1 AND e.state = 'completed')
            ORDER BY r.starts_on, r.id LIMIT 40
            """), arguments: [employeeId, now])
        let mayTake = try Eligibility.checker(for: employee, in: db)
        var courses: [Int64: Bool] = [:]
        var runs: [OpenRun] = []
        for row in rows where runs.count < HomeTasks.limit {
            let courseId: Int64 = row["course_id"]
            if courses[courseId] == nil { courses[courseId] = try CourseTerms.load(id: courseId, in: db).map(mayTake) ?? false }
            guard courses[courseId] == true else { continue }
            let capacity: Int = row["capacity"], held: Int = row["held"]
            runs.append(OpenRun(runId: row["id"], title: row["title"], startsOn: row["starts_on"], endsOn: row["ends_on"],
                                seatsLeft: max(0, capacity - held), closesAt: row["enrol_closes_at"]))
        }
        return runs
    }
}
