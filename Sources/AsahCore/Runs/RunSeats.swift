import GRDB

/// The seats and waitlist of one run read inside a write transaction: the facts the
/// ``WaitlistRules`` decide on, with each person's quota unit resolved through the unit tree.
struct RunSeats {
    let run: Run
    /// The first session's start.
    let startsAt: Int64?
    /// Capacity, seats held, quotas.
    let seats: SeatCount
    /// Approved people without a seat, in waitlist order.
    let waitlist: [WaitlistEntry]
    private let quotaUnits: Set<Int64>
    private let parents: [Int64: Int64]

    static func load(_ run: Run, in db: Database) throws -> RunSeats {
        let runId = run.id!
        var quotas: [Int64: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT unit_id, seats FROM run_unit_quotas WHERE run_id = ?"), arguments: [runId]) {
            quotas[row["unit_id"]] = row["seats"]
        }
        var parents: [Int64: Int64] = [:]
        if !quotas.isEmpty {
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, parent_id FROM units WHERE parent_id IS NOT NULL")) {
                parents[row["id"]] = row["parent_id"]
            }
        }
        let quotaUnits = Set(quotas.keys)
        var seats = SeatCount(capacity: run.capacity, held: 0, quotas: quotas)
        var waitlist: [WaitlistEntry] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.id, e.employee_id, e.state, e.mandatory, COALESCE(e.approved_at, e.requested_at) AS approved_at, p.unit_id
            FROM enrolments e JOIN employees p ON p.id = e.employee_id
            WHERE e.run_id = ? AND e.state IN ('enrolled', 'offered', 'waitlisted')
            """), arguments: [runId]) {
            let quotaUnit = WaitlistRules.quotaUnit(of: row["unit_id"], quotaUnits: quotaUnits, parents: parents)
            if (row["state"] as EnrolmentState).holdsSeat {
                seats.take(quotaUnit)
            } else {
                waitlist.append(WaitlistEntry(enrolmentId: row["id"], employeeId: row["employee_id"], mandatory: row["mandatory"],
                                              approvedAt: row["approved_at"], quotaUnitId: quotaUnit))
            }
        }
        return RunSeats(run: run, startsAt: try WorkshopLookup.firstSessionStart(of: runId, in: db), seats: seats,
                        waitlist: WaitlistRules.ordered(waitlist), quotaUnits: quotaUnits, parents: parents)
    }

    /// The waitlist entry an approved `enrolment` of someone working in `unitId` would have.
    func entry(for enrolment: Enrolment, unitId: Int64?) -> WaitlistEntry {
        WaitlistEntry(enrolmentId: enrolment.id!, employeeId: enrolment.employeeId, mandatory: enrolment.mandatory,
                      approvedAt: enrolment.approvedAt ?? enrolment.requestedAt,
                      quotaUnitId: WaitlistRules.quotaUnit(of: unitId, quotaUnits: quotaUnits, parents: parents))
    }
}
