/// The fair, explainable waitlist as plain functions on values.
///
/// Order: mandatory nominations first, then by approval time, then by enrolment id (an
/// earlier request wins a tie within the same second). Free seats go down that order to the
/// first people their unit quota admits; a person whose unit quota is full keeps their place
/// but is passed over until a seat of their unit frees up. No seat is offered inside the
/// cutoff before the first session; an offer waits for the offer window but never beyond
/// the first session.
public enum WaitlistRules {
    /// Whether `a` comes before `b` on the waitlist.
    public static func precedes(_ a: WaitlistEntry, _ b: WaitlistEntry) -> Bool {
        if a.mandatory != b.mandatory { return a.mandatory }
        if a.approvedAt != b.approvedAt { return a.approvedAt < b.approvedAt }
        return a.enrolmentId < b.enrolmentId
    }

    /// The entries in waitlist order.
    public static func ordered(_ entries: [WaitlistEntry]) -> [WaitlistEntry] {
        entries.sorted(by: precedes)
    }

    /// Who gets the free seats, in waitlist order, respecting the unit quotas.
    public static func allocate(_ candidates: [WaitlistEntry], seats: SeatCount) -> [WaitlistEntry] {
        var seats = seats
        var chosen: [WaitlistEntry] = []
        for entry in ordered(candidates) where seats.admits(entry.quotaUnitId) {
            seats.take(entry.quotaUnitId)
            chosen.append(entry)
        }
        return chosen
    }

    /// Whether seats may still be offered: not inside the cutoff before the first session
    /// (`startsAt`; a run without sessions has no cutoff).
    public static func offersAllowed(now: Int64, startsAt: Int64?, cutoffHours: Int) -> Bool {
        guard let startsAt else { return true }
        return now < startsAt - Int64(cutoffHours) * 3600
    }

    /// Until when an offer made at `now` waits: the offer window, cut short at the first session.
    public static func offerExpiry(now: Int64, startsAt: Int64?, windowHours: Int) -> Int64 {
        min(now + Int64(windowHours) * 3600, startsAt ?? .max)
    }

    /// The waitlisted people who get an offer now: nobody inside the cutoff, otherwise the
    /// first ones the free seats and quotas admit.
    public static func nextOffers(waitlist: [WaitlistEntry], seats: SeatCount, now: Int64, startsAt: Int64?,
                                  cutoffHours: Int) -> [WaitlistEntry] {
        guard offersAllowed(now: now, startsAt: startsAt, cutoffHours: cutoffHours) else { return [] }
        return allocate(waitlist, seats: seats)
    }

    /// Whether a newly approved `entry` takes a seat at once: only if a free seat would go to
    /// them ahead of everyone already waiting (so nobody jumps the queue inside the cutoff).
    public static func takesSeat(_ entry: WaitlistEntry, waitlist: [WaitlistEntry], seats: SeatCount) -> Bool {
        allocate(waitlist + [entry], seats: seats).contains(entry)
    }

    /// Where the person with `employeeId` stands on the waitlist, explained; `nil` if not on it.
    public static func standing(of employeeId: Int64, in waitlist: [WaitlistEntry], seats: SeatCount) -> WaitlistStanding? {
        let ordered = ordered(waitlist)
        guard let index = ordered.firstIndex(where: { $0.employeeId == employeeId }) else { return nil }
        let entry = ordered[index]
        return WaitlistStanding(position: index + 1, total: ordered.count,
                                mandatoryAhead: ordered[..<index].filter(\.mandatory).count,
                                mandatory: entry.mandatory, quotaFull: seats.quotaFull(entry.quotaUnitId))
    }

    /// The unit whose quota applies to someone working in `unitId`: the unit itself or its
    /// nearest ancestor among `quotaUnits` (`parents` maps a unit to its parent; a cycle in
    /// bad data ends the walk).
    public static func quotaUnit(of unitId: Int64?, quotaUnits: Set<Int64>, parents: [Int64: Int64]) -> Int64? {
        var current = unitId
        var seen = Set<Int64>()
        while let unit = current, seen.insert(unit).inserted {
            if quotaUnits.contains(unit) { return unit }
            current = parents[unit]
        }
        return nil
    }
}
