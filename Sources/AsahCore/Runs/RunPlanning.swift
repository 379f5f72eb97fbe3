import Foundation
import GRDB

/// A coordinator's side of runs: creating and changing them with their sessions and unit
/// quotas, moving them through their statuses, and cancelling them.
public struct RunPlanning: Sendable {
    let database: AppDatabase
    /// The time zone sessions are planned in (which day a session falls on).
    let timeZone: TimeZone

    /// Run planning in `database`, with session days read in `timeZone` (the installation's zone by default).
    public init(database: AppDatabase, timeZone: TimeZone = IndonesianTime.zone) {
        self.database = database
        self.timeZone = timeZone
    }

    /// Creates a draft run from `plan`; each session gets its check-in code.
    public func create(_ plan: RunPlan, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<Run, WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw WorkshopProblem.notPermitted }
            try check(plan, existing: nil, in: db)
            var run = Run(courseId: plan.courseId, code: plan.code.trimmingCharacters(in: .whitespaces),
                          title: plan.title.trimmingCharacters(in: .whitespaces), capacity: plan.capacity,
                          enrolOpensAt: plan.enrolOpensAt, enrolClosesAt: plan.enrolClosesAt, startsOn: plan.startsOn,
                          endsOn: plan.endsOn, status: .draft, offerWindowHours: plan.offerWindowHours,
                          offerCutoffHours: plan.offerCutoffHours, createdBy: actor.userId, createdAt: now)
            try run.insert(db)
            try Self.saveDetails(plan, of: run.id!, in: db)
            try AuditLog.record("run.create", actor: actor.userId, ip: ip, subject: "run:\(run.code)", in: db)
            return run
        }
    }

    /// Changes a run that has not started. Sessions with an id are kept (with their
    /// attendance and code), the others added, the missing ones removed. More capacity or
    /// looser quotas offer the new seats down the waitlist.
    public func update(runId: Int64, to plan: RunPlan, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<Run, WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw WorkshopProblem.notPermitted }
            var run = try WorkshopLookup.run(runId, in: db)
            guard [.draft, .open, .closed].contains(run.status) else { throw WorkshopProblem.runNotOpen(run.status) }
            try check(plan, existing: run, in: db)
            let before = try RunSeats.load(run, in: db).waitlist
            run.courseId = plan.courseId
            run.code = plan.code.trimmingCharacters(in: .whitespaces)
            run.title = plan.title.trimmingCharacters(in: .whitespaces)
            run.capacity = plan.capacity
            run.enrolOpensAt = plan.enrolOpensAt
            run.enrolClosesAt = plan.enrolClosesAt
            run.startsOn = plan.startsOn
            run.endsOn = plan.endsOn
            run.offerWindowHours = plan.offerWindowHours
            run.offerCutoffHours = plan.offerCutoffHours
            try run.update(db)
            let kept = plan.sessions.compactMap(\.id)
            try RunSession.filter(Column("run_id") == runId && !kept.contains(Column("id"))).deleteAll(db)
            try db.execute(sql: "DELETE FROM run_unit_quotas WHERE run_id = ?", arguments: [runId])
            try Self.saveDetails(plan, of: runId, in: db)
            try SeatAllocation.settle(run, waitlistBefore: before, actor: actor.userId, now: now, in: db)
            try AuditLog.record("run.update", actor: actor.userId, ip: ip, subject: "run:\(run.code)", in: db)
            return run
        }
    }

    /// Moves a run to `status` (open, closed, running, or back to open). Cancelling needs a
    /// reason (``cancel(runId:reason:actor:ip:now:)``) and finishing judges completion
    /// (``Completion/finish(runId:actor:ip:now:)``).
    public func setStatus(runId: Int64, to status: RunStatus, actor: Principal, ip: String? = nil) throws
        -> Result<Run, WorkshopProblem> {
        try database.attempt(at: nil) { db, _ in
            guard WorkshopAccess.coordinates(actor) else { throw WorkshopProblem.notPermitted }
            var run = try WorkshopLookup.run(runId, in: db)
            guard run.status.canMove(to: status), status != .cancelled, status != .finished else {
                throw WorkshopProblem.statusChange(from: run.status, to: status)
            }
            try AuditLog.record("run.status", actor: actor.userId, ip: ip, subject: "run:\(run.code)",
                                detail: "\(run.status.rawValue) -> \(status.rawValue)", in: db)
            run.status = status
            try run.update(db)
            return run
        }
    }

    /// Cancels a run with a reason: every place still in play is cancelled and everyone
    /// requesting, enrolled, offered or waiting (and the instructors) is notified.
    public func cancel(runId: Int64, reason: String, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<Run, WorkshopProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.attempt(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw WorkshopProblem.notPermitted }
            guard !reason.isEmpty else { throw WorkshopProblem.reasonRequired }
            var run = try WorkshopLookup.run(runId, in: db)
            guard run.status.canMove(to: .cancelled) else { throw WorkshopProblem.statusChange(from: run.status, to: .cancelled) }
            run.status = .cancelled
            run.cancelledReason = reason
            try run.update(db)
            let people = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT employee_id FROM enrolments WHERE run_id = ?1 AND state IN ('requested', 'enrolled', 'waitlisted', 'offered')
                UNION SELECT instructor_employee_id FROM run_sessions WHERE run_id = ?1 AND instructor_employee_id IS NOT NULL
                """), arguments: [runId])
            try db.execute(sql: """
                UPDATE enrolments SET state = 'cancelled', cancelled_at = ?, decided_reason = ?, updated_at = ?
                WHERE run_id = ? AND state IN ('requested', 'enrolled', 'waitlisted', 'offered')
                """, arguments: [now, Enrolment.stored(NotificationContent("notice_workshop_reason_run_cancelled", ["cancelReason": reason])),
                                  now, runId])
            for person in people {
                try Notifications.send(to: person, .runCancelled,
                                       NotificationContent("notice_workshop_run_cancelled", ["title": run.title, "reason": reason]),
                                       link: WorkshopLinks.run(runId), now: now, in: db)
            }
            try AuditLog.record("run.cancel", actor: actor.userId, ip: ip, subject: "run:\(run.code)", detail: reason, in: db)
            return run
        }
    }

    /// The sessions of a run in time order.
    public func sessions(runId: Int64) throws -> [RunSession] {
        try database.pool.read { db in
            try RunSession.fetchAll(db.cachedStatement(sql: "SELECT * FROM run_sessions WHERE run_id = ? ORDER BY starts_at, id"), arguments: [runId])
        }
    }

    /// Throws ``WorkshopProblem/invalidPlan(_:)`` with everything wrong with `plan`, on its
    /// own and against the database (`existing` is the run being changed).
    private func check(_ plan: RunPlan, existing: Run?, in db: Database) throws {
        var issues = RunPlanIssue.check(plan, timeZone: timeZone)
        if try CourseTerms.load(id: plan.courseId, in: db) == nil { issues.append(.unknownCourse) }
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE code = ? AND id IS NOT ?)"),
                             arguments: [plan.code.trimmingCharacters(in: .whitespaces), existing?.id]) == true {
            issues.append(.codeTaken)
        }
        for (index, session) in plan.sessions.enumerated() {
            if let instructor = session.instructorEmployeeId, try Employee.fetchOne(db, keptKey: instructor) == nil {
                issues.append(.unknownInstructor(index + 1))
            }
            if let id = session.id {
                let owner = try RunSession.fetchOne(db, keptKey: id)?.runId
                if owner == nil || owner != existing?.id { issues.append(.unknownSession(index + 1)) }
            }
        }
        for unit in plan.quotas.keys where try AsahCore.Unit.fetchOne(db, keptKey: unit) == nil {
            issues.append(.unknownUnit)
            break
        }
        if let run = existing {
            let held = try RunSeats.load(run, in: db).seats.held
            if plan.capacity < held { issues.append(.capacityBelowHeld(held)) }
            if plan.courseId != run.courseId, try Enrolment.filter(Column("run_id") == run.id).isEmpty(db) == false {
                issues.append(.courseChangeWithEnrolments)
            }
        }
        if !issues.isEmpty { throw WorkshopProblem.invalidPlan(issues) }
    }

    /// Writes the plan's sessions (updating those with an id, adding the rest with a new
    /// check-in code) and its quotas.
    private static func saveDetails(_ plan: RunPlan, of runId: Int64, in db: Database) throws {
        for planned in plan.sessions {
            var session = RunSession(id: planned.id, runId: runId, startsAt: planned.startsAt, endsAt: planned.endsAt,
                                     place: planned.place, onlineUrl: planned.onlineUrl,
                                     instructorEmployeeId: planned.instructorEmployeeId, checkinCode: nil)
            if let id = planned.id {
                session.checkinCode = try RunSession.fetchOne(db, keptKey: id)?.checkinCode
                try session.update(db)
            } else {
                session.checkinCode = RunSession.newCheckinCode()
                try session.insert(db)
            }
        }
        for (unit, seats) in plan.quotas {
            try db.execute(sql: "INSERT INTO run_unit_quotas (run_id, unit_id, seats) VALUES (?, ?, ?)",
                           arguments: [runId, unit, seats])
        }
    }
}
