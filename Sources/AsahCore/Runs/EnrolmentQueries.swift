import GRDB

/// A request waiting for a supervisor's decision, for the inbox.
public struct PendingRequest: Decodable, FetchableRecord, Sendable, Hashable {
    public let enrolmentId: Int64
    public let runId: Int64
    public let runTitle: String
    public let startsOn: CalendarDate
    public let endsOn: CalendarDate
    public let employeeId: Int64
    public let nip: String
    public let name: String
    public let jabatan: String?
    public let requestedAt: Int64

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}

/// One line of a run's participant list.
public struct RosterEntry: Sendable, Hashable {
    /// The place.
    public let enrolment: Enrolment
    public let nip: String
    public let name: String
    public let unitName: String?
    /// 1-based waitlist position for waitlisted people.
    public let waitlistPosition: Int?
}

/// One of a person's runs, for "my workshops".
public struct PersonalPlace: Sendable, Hashable {
    /// The place and where it stands.
    public let standing: EnrolmentStanding
    /// The run.
    public let run: Run
}

extension EnrolmentService {
    /// Where `employeeId` stands in `runId` (offers past their window are expired first);
    /// `nil` if they never asked.
    public func standing(runId: Int64, employeeId: Int64, now: Int64 = Clock.now()) throws -> EnrolmentStanding? {
        try expireOffers(runId: runId, now: now)
        return try database.pool.read { try Self.standing(runId: runId, employeeId: employeeId, in: $0) }
    }

    /// Where the person of `enrolment` stands after a change to it, with their NIP, read
    /// together (offers past their window are expired first); `nil` if the place is gone.
    public func standingAfterChange(_ enrolment: Enrolment, now: Int64 = Clock.now()) throws
        -> (standing: EnrolmentStanding, nip: String?)? {
        try expireOffers(runId: enrolment.runId, now: now)
        return try database.pool.read { db in
            guard let standing = try Self.standing(runId: enrolment.runId, employeeId: enrolment.employeeId, in: db) else { return nil }
            return (standing, try String.fetchOne(db.cachedStatement(sql: "SELECT nip FROM employees WHERE id = ?"), arguments: [enrolment.employeeId]))
        }
    }

    /// ``standing(runId:employeeId:now:)`` inside the caller's read, for a caller that has
    /// already expired the run's offers.
    public static func standing(runId: Int64, employeeId: Int64, in db: Database) throws -> EnrolmentStanding? {
        guard let enrolment = try Enrolment.place(runId: runId, employeeId: employeeId, in: db) else { return nil }
        return try standing(enrolment, in: db)
    }

    /// Every run `employeeId` has a place in, newest run first (offers past their window are
    /// expired first).
    public func places(employeeId: Int64, now: Int64 = Clock.now()) throws -> [PersonalPlace] {
        try expireOffers(now: now)
        return try database.pool.read { try Self.places(employeeId: employeeId, in: $0) }
    }

    /// ``places(employeeId:now:)`` inside the caller's read, for a caller that has already
    /// expired the offers.
    static func places(employeeId: Int64, in db: Database) throws -> [PersonalPlace] {
        let enrolments = try Enrolment.fetchAll(db.cachedStatement(sql: """
            SELECT e.* FROM enrolments e JOIN runs r ON r.id = e.run_id
            WHERE e.employee_id = ? ORDER BY r.starts_on DESC, r.id DESC
            """), arguments: [employeeId])
        return try enrolments.map { enrolment in
            PersonalPlace(standing: try standing(enrolment, in: db), run: try WorkshopLookup.run(enrolment.runId, in: db))
        }
    }

    /// Requests awaiting a decision: those of the direct reports of `supervisorEmployeeId`,
    /// or every pending request when `nil` (a coordinator's view). Oldest first.
    public func pendingRequests(supervisorEmployeeId: Int64?) throws -> [PendingRequest] {
        try database.pool.read { try Self.pendingRequests(supervisorEmployeeId: supervisorEmployeeId, in: $0) }
    }

    /// Requests waiting for a decision in runs still placing people, of the direct reports of
    /// `?1` (`team`) or of everyone (`?1` NULL): the rows both the inbox and the menu's count
    /// read. A team's are found from the supervisor's reports and each one's own requests
    /// (the index hints: without statistics SQLite read every pending request of a province
    /// for each supervisor's page, since the menu counts them).
    static func pendingFrom(team: Bool) -> String {
        team ? """
            FROM employees p INDEXED BY employees_supervisor
            CROSS JOIN enrolments e INDEXED BY enrolments_employee ON e.employee_id = p.id CROSS JOIN runs r ON r.id = e.run_id
            WHERE e.state = 'requested' AND r.status IN ('open', 'closed') AND p.supervisor_id = ?1
            """ : """
            FROM enrolments e JOIN runs r ON r.id = e.run_id JOIN employees p ON p.id = e.employee_id
            WHERE e.state = 'requested' AND r.status IN ('open', 'closed') AND ?1 IS NULL
            """
    }

    /// ``pendingRequests(supervisorEmployeeId:)`` inside the caller's read.
    static func pendingRequests(supervisorEmployeeId: Int64?, in db: Database) throws -> [PendingRequest] {
        try PendingRequest.fetchAll(db.cachedStatement(sql: """
            SELECT e.id AS enrolment_id, r.id AS run_id, r.title AS run_title, r.starts_on, r.ends_on,
                   p.id AS employee_id, p.nip, p.name, p.jabatan, e.requested_at
            \(pendingFrom(team: supervisorEmployeeId != nil))
            ORDER BY e.requested_at, e.id
            """), arguments: [supervisorEmployeeId])
    }

    /// Everyone with a place in the run: seat holders and finishers by name, then the
    /// waitlist in order, then the rest by name.
    public func roster(runId: Int64) throws -> [RosterEntry] {
        try database.pool.read { try Self.roster(runId: runId, in: $0) }
    }

    /// ``roster(runId:)`` inside the caller's read.
    static func roster(runId: Int64, in db: Database) throws -> [RosterEntry] {
        let run = try WorkshopLookup.run(runId, in: db)
        let positions = Dictionary(uniqueKeysWithValues: try RunSeats.load(run, in: db).waitlist.enumerated()
            .map { ($1.enrolmentId, $0 + 1) })
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.*, p.nip, p.name, u.name AS unit_name
            FROM enrolments e JOIN employees p ON p.id = e.employee_id LEFT JOIN units u ON u.id = p.unit_id
            WHERE e.run_id = ? ORDER BY p.name COLLATE NOCASE, e.id
            """), arguments: [runId])
        let entries = try rows.map { row in
            let enrolment = try Enrolment(row: row)
            return RosterEntry(enrolment: enrolment, nip: row["nip"], name: row["name"], unitName: row["unit_name"],
                               waitlistPosition: positions[enrolment.id!])
        }
        func group(_ entry: RosterEntry) -> Int {
            switch entry.enrolment.state {
            case .enrolled, .offered, .completed, .notCompleted: 0
            case .waitlisted: 1
            default: 2
            }
        }
        func key(_ item: (offset: Int, element: RosterEntry)) -> (Int, Int, Int) {
            (group(item.element), item.element.waitlistPosition ?? 0, item.offset)
        }
        return entries.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }

    /// `enrolment` with its waitlist position when waiting.
    static func standing(_ enrolment: Enrolment, in db: Database) throws -> EnrolmentStanding {
        guard enrolment.state == .waitlisted else { return EnrolmentStanding(enrolment: enrolment, waitlist: nil) }
        let picture = try RunSeats.load(try WorkshopLookup.run(enrolment.runId, in: db), in: db)
        let waitlist = WaitlistRules.standing(of: enrolment.employeeId, in: picture.waitlist, seats: picture.seats)
        return EnrolmentStanding(enrolment: enrolment, waitlist: waitlist)
    }
}
