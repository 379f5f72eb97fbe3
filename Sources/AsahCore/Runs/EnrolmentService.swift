import Foundation
import GRDB

/// Asking for a seat and deciding on it: an employee's request, the supervisor's (or a
/// coordinator's) approval or decline, and nominations. Each call is one write transaction
/// that checks, changes, places, notifies and audit-logs together, so capacity and the one
/// place per person and run hold under any concurrency. Leave `now` out in production: the
/// time of a change is then read inside its transaction, so approval times follow commit order.
public struct EnrolmentService: Sendable {
    let database: AppDatabase

    /// Enrolment in the runs of `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// The employee asks for a seat in an open run, inside its enrolment window, if they meet
    /// the prerequisites and the audience. The request waits for the direct supervisor, who is
    /// notified; without a supervisor on record it is approved at once.
    public func request(runId: Int64, employeeId: Int64, actor: Principal, ip: String? = nil,
                        now: Int64? = nil) throws -> Result<Enrolment, WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            guard actor.employeeId == employeeId else { throw WorkshopProblem.notPermitted }
            let run = try WorkshopLookup.run(runId, in: db)
            guard run.status == .open else { throw WorkshopProblem.runNotOpen(run.status) }
            if let opens = run.enrolOpensAt, now < opens { throw WorkshopProblem.enrolmentNotYetOpen(opensAt: opens) }
            if let closes = run.enrolClosesAt, now >= closes { throw WorkshopProblem.enrolmentClosed(closedAt: closes) }
            var enrolment = try Self.openPlace(runId: runId, employeeId: employeeId, now: now, in: db)
            let employee = try Self.eligible(employeeId, for: run, in: db)
            try AuditLog.record("enrolment.request", actor: actor.userId, ip: ip, subject: "enrolment:\(enrolment.id!)",
                                detail: run.code, in: db)
            if let supervisor = employee.supervisorId {
                let dates = ["startsOn": run.startsOn.iso, "endsOn": run.endsOn.iso]
                try Notifications.send(to: supervisor, .approvalAsked,
                                       NotificationContent(run.startsOn == run.endsOn ? "notice_workshop_approval_asked_one_day"
                                                           : "notice_workshop_approval_asked",
                                                           dates.merging(["name": employee.name, "title": run.title]) { $1 }),
                                       link: WorkshopLinks.approvals, now: now, in: db)
            } else {
                try Self.admit(&enrolment, in: run, approvedBy: nil, now: now, db: db,
                               announcement: NotificationContent("notice_workshop_approved_automatically", ["title": run.title]))
            }
            return enrolment
        }
    }

    /// The direct supervisor, or a coordinator on their behalf, approves a request: the person
    /// takes a free seat or joins the waitlist, and is told which.
    public func approve(enrolmentId: Int64, actor: Principal, ip: String? = nil,
                        now: Int64? = nil) throws -> Result<Enrolment, WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            var (enrolment, run) = try Self.pendingDecision(enrolmentId, actor: actor, in: db)
            guard run.status.placesPeople else { throw WorkshopProblem.runNotOpen(run.status) }
            try Self.admit(&enrolment, in: run, approvedBy: actor.userId, now: now, db: db,
                           announcement: NotificationContent("notice_workshop_approved_by", ["title": run.title, "approver": actor.displayName]))
            try AuditLog.record("enrolment.approve", actor: actor.userId, ip: ip, subject: "enrolment:\(enrolmentId)",
                                detail: enrolment.state.rawValue, in: db)
            return enrolment
        }
    }

    /// The direct supervisor, or a coordinator on their behalf, declines a request with a reason.
    public func decline(enrolmentId: Int64, reason: String, actor: Principal, ip: String? = nil,
                        now: Int64? = nil) throws -> Result<Enrolment, WorkshopProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.attempt(at: now) { db, now in
            guard !reason.isEmpty else { throw WorkshopProblem.reasonRequired }
            var (enrolment, run) = try Self.pendingDecision(enrolmentId, actor: actor, in: db)
            enrolment.state = .declined
            enrolment.decidedReason = reason
            enrolment.updatedAt = now
            try enrolment.update(db)
            try Notifications.send(to: enrolment.employeeId, .declined,
                                   NotificationContent("notice_workshop_declined", ["title": run.title, "reason": reason]),
                                   link: WorkshopLinks.run(run.id!), now: now, in: db)
            try AuditLog.record("enrolment.decline", actor: actor.userId, ip: ip, subject: "enrolment:\(enrolmentId)",
                                detail: reason, in: db)
            return enrolment
        }
    }

    /// A supervisor in the person's chain, or a coordinator, nominates them: approved at once
    /// (a pending request of theirs counts as approved). A mandatory nomination goes ahead of
    /// everyone else on the waitlist. Nominations ignore the enrolment window but need the run
    /// open or closed, and the person must meet the prerequisites and the audience.
    public func nominate(runId: Int64, employeeId: Int64, mandatory: Bool, actor: Principal, ip: String? = nil,
                         now: Int64? = nil) throws -> Result<Enrolment, WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            guard try WorkshopAccess.mayNominate(actor, employeeId: employeeId, in: db) else { throw WorkshopProblem.notPermitted }
            let run = try WorkshopLookup.run(runId, in: db)
            guard run.status.placesPeople else { throw WorkshopProblem.runNotOpen(run.status) }
            var enrolment = try Self.openPlace(runId: runId, employeeId: employeeId, now: now, reusing: .requested, in: db)
            _ = try Self.eligible(employeeId, for: run, in: db)
            enrolment.nominatedBy = actor.userId
            enrolment.mandatory = mandatory
            try Self.admit(&enrolment, in: run, approvedBy: actor.userId, now: now, db: db, announcement: NotificationContent(
                mandatory ? "notice_workshop_nominated_mandatory" : "notice_workshop_nominated",
                ["title": run.title, "nominator": actor.displayName]))
            try AuditLog.record("enrolment.nominate", actor: actor.userId, ip: ip, subject: "enrolment:\(enrolment.id!)",
                                detail: "\(run.code) \(mandatory ? "mandatory" : "optional") \(enrolment.state.rawValue)", in: db)
            return enrolment
        }
    }

    /// The active employee `employeeId` if they meet the course's prerequisites and audience.
    private static func eligible(_ employeeId: Int64, for run: Run, in db: Database) throws -> Employee {
        let employee = try WorkshopLookup.employee(employeeId, in: db)
        guard employee.active else { throw WorkshopProblem.employeeInactive }
        if let problem = try Eligibility.problem(employee, course: try WorkshopLookup.course(of: run, in: db), in: db) {
            throw problem
        }
        return employee
    }

    /// The person's saved place in the run as a fresh request: a new row, or their declined or
    /// cancelled one started over. A place in state `reusing` is returned as it is; any other
    /// existing place is refused (one place per person and run).
    private static func openPlace(runId: Int64, employeeId: Int64, now: Int64, reusing: EnrolmentState? = nil,
                                  in db: Database) throws -> Enrolment {
        guard var enrolment = try Enrolment.place(runId: runId, employeeId: employeeId, in: db) else {
            var enrolment = Enrolment(runId: runId, employeeId: employeeId, now: now)
            try enrolment.insert(db)
            return enrolment
        }
        if enrolment.state == reusing { return enrolment }
        guard enrolment.state.allowsNewRequest else { throw WorkshopProblem.alreadyInRun(enrolment.state) }
        enrolment.restart(now: now)
        try enrolment.update(db)
        return enrolment
    }

    /// A request awaiting a decision that `actor` may take, with its run.
    private static func pendingDecision(_ enrolmentId: Int64, actor: Principal, in db: Database) throws -> (Enrolment, Run) {
        let enrolment = try WorkshopLookup.enrolment(enrolmentId, in: db)
        let employee = try WorkshopLookup.employee(enrolment.employeeId, in: db)
        guard WorkshopAccess.mayDecide(actor, for: employee) else { throw WorkshopProblem.notPermitted }
        guard enrolment.state == .requested else { throw WorkshopProblem.wrongState(enrolment.state) }
        return (enrolment, try WorkshopLookup.run(enrolment.runId, in: db))
    }

    /// Approves `enrolment`, places it and tells the person: `announcement` (a sentence whose
    /// arguments are the run's facts) and where they are.
    private static func admit(_ enrolment: inout Enrolment, in run: Run, approvedBy: Int64?, now: Int64, db: Database,
                              announcement: NotificationContent) throws {
        enrolment.approvedAt = now
        enrolment.approvedBy = approvedBy
        let placement = try SeatAllocation.place(&enrolment, in: run, now: now, db: db)
        let arguments = announcement.arguments.merging(placement.arguments) { $1 }.merging(["announcement": "@" + announcement.key]) { $1 }
        try Notifications.send(to: enrolment.employeeId, .approved, NotificationContent(placement.key, arguments),
                               link: WorkshopLinks.run(run.id!), now: now, in: db)
    }
}
