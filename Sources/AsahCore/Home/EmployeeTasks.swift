import GRDB

/// An employee's home: upcoming sessions, this year's JP against the target, open runs they may
/// join, surveys and behaviour checks to answer.
public struct EmployeeTasks: Sendable {
    /// Their next sessions (of runs they hold a seat or an offer in), soonest first.
    public let upcoming: [CalendarSession]
    /// This year's training hours against the target and cap of the person's employment type.
    public let ledger: TrainingLedger
    /// Open runs inside their audience, starting soonest.
    public let openRuns: [CourseOffer]
    /// Reaction surveys of runs they attended and have not answered.
    public let surveys: [(runId: Int64, title: String)]
    /// Behaviour checks they are asked to answer about themselves, oldest due first.
    public let selfChecks: [BehaviourChecks.Task]

    static func load(employeeId: Int64, now: Int64, in db: Database) throws -> EmployeeTasks {
        let today = IndonesianTime.date(of: now)
        let horizon = now + Int64(HomeTasks.horizonDays) * 86400
        // The unary + keeps SQLite from starting at every run to come (322 in the province demo)
        // instead of at the person's own places.
        let upcoming = try WorkshopCalendar.sessions(where: """
            s.ends_at >= ?2 AND s.starts_at < ?3 AND +r.status IN ('open', 'closed', 'running') AND s.run_id IN
                (SELECT run_id FROM enrolments WHERE employee_id = ?1 AND state IN ('enrolled', 'offered'))
            """, arguments: [employeeId, now, horizon], in: db)
        return EmployeeTasks(
            upcoming: Array(upcoming.prefix(HomeTasks.limit)),
            ledger: try TrainingHours.ledger(employeeId: employeeId, year: today.year, in: db),
            openRuns: try openRuns(for: employeeId, now: now, in: db),
            surveys: Array(try Surveys.open(for: employeeId, now: now, in: db).prefix(HomeTasks.limit)),
            selfChecks: try BehaviourChecks.open(for: employeeId, as: .self, today: today, limit: HomeTasks.limit, in: db))
    }

    /// Runs to come that are open for enrolment now (a full one takes them on its waitlist),
    /// which the employee has no place in, of courses they have not completed and may take
    /// (audience and prerequisites), starting soonest.
    private static func openRuns(for employeeId: Int64, now: Int64, in db: Database) throws -> [CourseOffer] {
        guard let employee = try Employee.fetchOne(db, keptKey: employeeId) else { return [] }
        let placed = Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT run_id FROM enrolments WHERE employee_id = ? AND state IN ('requested', 'enrolled', 'waitlisted', 'offered', 'completed')
            """), arguments: [employeeId]))
        // INDEXED BY: without statistics SQLite takes the index on the state and reads every
        // completed enrolment of the region (a province's home spent most of its time there).
        let completed = Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT r.course_id FROM enrolments e INDEXED BY enrolments_employee JOIN runs r ON r.id = e.run_id WHERE e.employee_id = ? AND e.state = 'completed'
            """), arguments: [employeeId]))
        let mayTake = try Eligibility.checker(for: employee, in: db)
        var runs: [CourseOffer] = []
        for (courseId, offers) in try CourseOffers.upcoming(now: now, in: db) where !completed.contains(courseId) {
            let open = offers.filter { $0.enrolmentOpen && !placed.contains($0.runId) }
            guard !open.isEmpty, try CourseTerms.load(id: courseId, in: db).map(mayTake) == true else { continue }
            runs += open
        }
        return Array(runs.sorted { ($0.startsOn, $0.runId) < ($1.startsOn, $1.runId) }.prefix(HomeTasks.limit))
    }
}
