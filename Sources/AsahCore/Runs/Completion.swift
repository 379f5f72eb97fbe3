import GRDB

/// Finishing a run: each enrolled participant completes or not by the course's minimum
/// attendance, with the reason; completion credits the course's JP to the ledger for the
/// year the run ends and issues a certificate.
public struct Completion: Sendable {
    let database: AppDatabase

    /// Completion in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// A coordinator finishes a running run whose last session has ended. People still
    /// requesting, waiting or holding an offer are cancelled; participants are notified.
    /// Returns each participant's outcome by name.
    public func finish(runId: Int64, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<[CompletionOutcome], WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw WorkshopProblem.notPermitted }
            var run = try WorkshopLookup.run(runId, in: db)
            guard run.status.canMove(to: .finished) else { throw WorkshopProblem.statusChange(from: run.status, to: .finished) }
            let lastEnd = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(ends_at) FROM run_sessions WHERE run_id = ?"), arguments: [runId])
            guard (lastEnd ?? 0) <= now else { throw WorkshopProblem.sessionsNotOver }
            let course = try WorkshopLookup.course(of: run, in: db)
            let rates = try Attendance.rates(runId: runId, in: db)
            let participants = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT e.*, p.name FROM enrolments e JOIN employees p ON p.id = e.employee_id
                WHERE e.run_id = ? AND e.state = 'enrolled' ORDER BY p.name COLLATE NOCASE, e.id
                """), arguments: [runId])
            let outcomes = try participants.map { row in
                var enrolment = try Enrolment(row: row)
                let rate = rates[enrolment.employeeId] ?? AttendanceRate(attended: 0, sessions: 0)
                let verdict = CompletionVerdict(rate: rate, minimumPercent: course.minAttendancePercent)
                enrolment.state = verdict.completed ? .completed : .notCompleted
                enrolment.completionReason = Enrolment.stored(verdict.reason)
                enrolment.updatedAt = now
                try enrolment.update(db)
                let number = verdict.completed ? try Self.credit(enrolment, run: run, course: course, now: now, db: db) : nil
                if number == nil {
                    try Notifications.send(to: enrolment.employeeId, .runFinished,
                                           NotificationContent("notice_workshop_run_not_passed",
                                                               verdict.reason.arguments.merging(["title": run.title]) { $1 }),
                                           link: WorkshopLinks.run(runId), now: now, in: db)
                }
                return CompletionOutcome(enrolmentId: enrolment.id!, employeeId: enrolment.employeeId, name: row["name"],
                                         verdict: verdict, certificateNumber: number)
            }
            try db.execute(sql: """
                UPDATE enrolments SET state = 'cancelled', cancelled_at = ?1, updated_at = ?1, decided_reason = ?3
                WHERE run_id = ?2 AND state IN ('requested', 'waitlisted', 'offered')
                """, arguments: [now, runId, Enrolment.stored(NotificationContent("notice_workshop_reason_run_finished"))])
            run.status = .finished
            try run.update(db)
            try AuditLog.record("run.finish", actor: actor.userId, ip: ip, subject: "run:\(run.code)",
                                detail: "\(outcomes.filter(\.verdict.completed).count)/\(outcomes.count) completed", in: db)
            return outcomes
        }
    }

    /// Issues the certificate, credits the JP and tells the participant; returns the number.
    /// Also the path by which a completed project completes its participants' run.
    static func credit(_ enrolment: Enrolment, run: Run, course: CourseTerms, now: Int64, db: Database) throws -> String {
        let certificate = try Certificates.issue(for: enrolment, in: run, now: now, db: db)
        var entry = TrainingHoursEntry(
            employeeId: enrolment.employeeId, year: run.endsOn.year, jp: Double(course.jp), source: .asah, runId: run.id,
            title: course.titleId, kind: course.kind, startedOn: run.startsOn, endedOn: run.endsOn,
            certificateNumber: certificate.number, status: .verified, verifiedAt: now, createdAt: now)
        try entry.insert(db)
        try Notifications.send(to: enrolment.employeeId, .certificateReady,
                               NotificationContent("notice_workshop_certificate_ready",
                                                   ["title": run.title, "jpCount": String(course.jp), "number": certificate.number]),
                               link: WorkshopLinks.certificate(certificate.id!), now: now, in: db)
        try AuditLog.record("certificate.issue", actor: nil, ip: nil, subject: "certificate:\(certificate.number)",
                            detail: "enrolment:\(enrolment.id!)", in: db)
        return certificate.number
    }
}
