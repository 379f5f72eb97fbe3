import GRDB

/// The steps that move people into seats, inside the caller's write transaction: placing a
/// newly approved person, and offering freed seats down the waitlist. Because each runs in
/// the same transaction as the change that triggers it, a run never holds more people than
/// its capacity, whatever runs in parallel.
enum SeatAllocation {
    /// Gives an approved `enrolment` a seat, or a place on the waitlist, saves it, and
    /// returns the notice telling the person which; its sentence begins with `{announcement}`.
    static func place(_ enrolment: inout Enrolment, in run: Run, now: Int64, db: Database) throws -> NotificationContent {
        let picture = try RunSeats.load(run, in: db)
        let unitId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT unit_id FROM employees WHERE id = ?"), arguments: [enrolment.employeeId])
        let entry = picture.entry(for: enrolment, unitId: unitId)
        let seated = WaitlistRules.takesSeat(entry, waitlist: picture.waitlist, seats: picture.seats)
        enrolment.state = seated ? .enrolled : .waitlisted
        enrolment.updatedAt = now
        try enrolment.update(db)
        if seated { return NotificationContent("notice_workshop_admitted_enrolled") }
        let standing = WaitlistRules.standing(of: enrolment.employeeId, in: picture.waitlist + [entry], seats: picture.seats)
        return standing.map { NotificationContent("notice_workshop_admitted_waitlisted", $0.arguments) }
            ?? NotificationContent("notice_workshop_admitted_full")
    }

    /// Offers the run's free seats to the head of the waitlist (unless inside the cutoff)
    /// and tells everyone whose position improved compared with `before`, the waitlist as it
    /// was before the change that freed the seats.
    static func settle(_ run: Run, waitlistBefore before: [WaitlistEntry], actor: Int64?, now: Int64, in db: Database) throws {
        let picture = try RunSeats.load(run, in: db)
        let offers = run.status.placesPeople
            ? WaitlistRules.nextOffers(waitlist: picture.waitlist, seats: picture.seats, now: now,
                                       startsAt: picture.startsAt, cutoffHours: run.offerCutoffHours)
            : []
        let expires = WaitlistRules.offerExpiry(now: now, startsAt: picture.startsAt, windowHours: run.offerWindowHours)
        for offer in offers {
            try db.execute(sql: "UPDATE enrolments SET state = 'offered', offer_expires_at = ?, updated_at = ? WHERE id = ?",
                           arguments: [expires, now, offer.enrolmentId])
            try Notifications.send(to: offer.employeeId, .seatOffered,
                                   NotificationContent("notice_workshop_seat_offered", ["title": run.title, "expiresAt": String(expires)]),
                                   link: WorkshopLinks.run(run.id!), now: now, in: db)
            try AuditLog.record("enrolment.offer", actor: actor, ip: nil, subject: "enrolment:\(offer.enrolmentId)",
                                detail: "expires \(expires)", in: db)
        }
        let offered = Set(offers.map(\.enrolmentId))
        let after = picture.waitlist.filter { !offered.contains($0.enrolmentId) }
        let previous = Dictionary(uniqueKeysWithValues: before.enumerated().map { ($1.enrolmentId, $0) })
        for (index, entry) in after.enumerated() where index < previous[entry.enrolmentId] ?? -1 {
            try Notifications.send(to: entry.employeeId, .waitlistMoved,
                                   NotificationContent("notice_workshop_waitlist_moved",
                                                       ["title": run.title, "positionCount": String(index + 1), "totalCount": String(after.count)]),
                                   link: WorkshopLinks.run(run.id!), now: now, in: db)
        }
    }
}
