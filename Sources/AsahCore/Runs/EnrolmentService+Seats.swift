import GRDB

extension EnrolmentService {
    /// The employee (or a coordinator) withdraws a place that is still in play. A freed seat
    /// is offered at once to the head of the waitlist, unless inside the cutoff.
    public func cancel(enrolmentId: Int64, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<Enrolment, WorkshopProblem> {
        try withdraw(enrolmentId, when: \.isActive, action: "enrolment.cancel", actor: actor, ip: ip, now: now)
    }

    /// The employee takes the seat offered to them, if the offer has not expired.
    public func acceptOffer(enrolmentId: Int64, actor: Principal, ip: String? = nil,
                            now: Int64? = nil) throws -> Result<Enrolment, WorkshopProblem> {
        if let runId = try database.pool.read({ try Enrolment.fetchOne($0, keptKey: enrolmentId)?.runId }) {
            try expireOffers(runId: runId, now: now ?? Clock.now())
        }
        return try database.attempt(at: now) { db, now in
            var enrolment = try WorkshopLookup.enrolment(enrolmentId, in: db)
            guard actor.employeeId == enrolment.employeeId else { throw WorkshopProblem.notPermitted }
            if let expires = enrolment.offerExpiresAt, expires <= now, [.offered, .cancelled].contains(enrolment.state) {
                throw WorkshopProblem.offerExpired
            }
            guard enrolment.state == .offered else { throw WorkshopProblem.wrongState(enrolment.state) }
            enrolment.state = .enrolled
            enrolment.updatedAt = now
            try enrolment.update(db)
            try AuditLog.record("enrolment.offer_accept", actor: actor.userId, ip: ip, subject: "enrolment:\(enrolmentId)", in: db)
            return enrolment
        }
    }

    /// The employee turns down the seat offered to them; it goes to the next person.
    public func declineOffer(enrolmentId: Int64, actor: Principal, ip: String? = nil,
                             now: Int64? = nil) throws -> Result<Enrolment, WorkshopProblem> {
        try withdraw(enrolmentId, when: { $0 == .offered }, action: "enrolment.offer_decline", actor: actor, ip: ip, now: now)
    }

    /// Ends every offer whose confirmation window has passed and offers the seats to the next
    /// people. Call it from a periodic sweep and before reading places. Returns how many expired.
    @discardableResult
    public func expireOffers(now: Int64 = Clock.now()) throws -> Int {
        let runIds = try database.pool.read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT run_id FROM enrolments WHERE state = 'offered' AND offer_expires_at <= ?"),
                               arguments: [now])
        }
        return try runIds.reduce(0) { try $0 + expireOffers(runId: $1, now: now) }
    }

    /// ``expireOffers(now:)`` for one run.
    @discardableResult
    public func expireOffers(runId: Int64, now: Int64 = Clock.now()) throws -> Int {
        let sql = "SELECT * FROM enrolments WHERE run_id = ? AND state = 'offered' AND offer_expires_at <= ?"
        // Most calls come before a page is read and find nothing: look first without taking the write lock.
        guard try database.pool.read({ try Enrolment.fetchOne($0.cachedStatement(sql: sql), arguments: [runId, now]) }) != nil else { return 0 }
        return try database.pool.write { db in
            let expired = try Enrolment.fetchAll(db.cachedStatement(sql: sql), arguments: [runId, now])
            guard !expired.isEmpty, let run = try Run.fetchOne(db, keptKey: runId) else { return 0 }
            let before = try RunSeats.load(run, in: db).waitlist
            for var enrolment in expired {
                enrolment.state = .cancelled
                enrolment.cancelledAt = now
                enrolment.decidedReason = Enrolment.stored(NotificationContent("notice_workshop_reason_offer_lapsed",
                                                                               ["deadlineAt": String(enrolment.offerExpiresAt ?? now)]))
                enrolment.updatedAt = now
                try enrolment.update(db)
                try Notifications.send(to: enrolment.employeeId, .offerExpired,
                                       NotificationContent("notice_workshop_offer_expired",
                                                           ["title": run.title, "deadlineAt": String(enrolment.offerExpiresAt ?? now)]),
                                       link: WorkshopLinks.run(runId), now: now, in: db)
                try AuditLog.record("enrolment.offer_expire", actor: nil, ip: nil, subject: "enrolment:\(enrolment.id!)", in: db)
            }
            try SeatAllocation.settle(run, waitlistBefore: before, actor: nil, now: now, in: db)
            return expired.count
        }
    }

    /// Cancels a place whose state satisfies `allowed`, by its employee or a coordinator, then
    /// offers any freed seat and tells those who moved up.
    private func withdraw(_ enrolmentId: Int64, when allowed: (EnrolmentState) -> Bool, action: String, actor: Principal,
                          ip: String?, now: Int64?) throws -> Result<Enrolment, WorkshopProblem> {
        try database.attempt(at: now) { db, now in
            var enrolment = try WorkshopLookup.enrolment(enrolmentId, in: db)
            guard actor.employeeId == enrolment.employeeId || WorkshopAccess.coordinates(actor) else {
                throw WorkshopProblem.notPermitted
            }
            guard allowed(enrolment.state) else { throw WorkshopProblem.wrongState(enrolment.state) }
            let run = try WorkshopLookup.run(enrolment.runId, in: db)
            let before = try RunSeats.load(run, in: db).waitlist
            enrolment.state = .cancelled
            enrolment.cancelledAt = now
            enrolment.updatedAt = now
            try enrolment.update(db)
            try SeatAllocation.settle(run, waitlistBefore: before, actor: actor.userId, now: now, in: db)
            try AuditLog.record(action, actor: actor.userId, ip: ip, subject: "enrolment:\(enrolmentId)", in: db)
            return enrolment
        }
    }
}
