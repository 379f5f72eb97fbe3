import GRDB

/// What a run's page and API show one viewer, each read from one snapshot by one call.
public struct RunPages: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The run page for one viewer.
    public struct View: Sendable {
        public let facts: RunFacts
        /// The viewer's own place, with the waitlist position when waiting.
        public let standing: EnrolmentStanding?
        /// Whether the course has an online pre/post test.
        public let hasTests: Bool
        /// Everyone's places, for coordinators (nil for anyone else).
        public let roster: [RosterEntry]?
        /// Whether the viewer may open the run's project board.
        public let projectBoard: Bool
    }

    /// The page of run `id` for `viewer` (offers past their window expired first); nil when the
    /// run does not exist or the viewer may not see it (drafts are for coordinators).
    public func page(_ id: Int64, viewer: Principal, now: Int64 = Clock.now()) throws -> View? {
        try EnrolmentService(database: database).expireOffers(runId: id, now: now)
        return try database.pool.read { db in
            guard let facts = try RunFacts.load(id, in: db), RunFacts.visible(facts.run, to: viewer) else { return nil }
            let coordinates = WorkshopAccess.coordinates(viewer)
            return View(
                facts: facts,
                standing: try viewer.employeeId.flatMap { try EnrolmentService.standing(runId: id, employeeId: $0, in: db) },
                hasTests: try OnlineTests.bank(runId: id, in: db) != nil,
                roster: coordinates ? try EnrolmentService.roster(runId: id, in: db) : nil,
                projectBoard: try Self.offersProjectBoard(runId: id, to: viewer, in: db))
        }
    }

    /// The facts of run `id` and the viewer's own place (offers past their window expired
    /// first), if `viewer` may see the run: the API's run.
    public func facts(_ id: Int64, viewer: Principal, now: Int64 = Clock.now()) throws
        -> (facts: RunFacts, standing: EnrolmentStanding?)? {
        try EnrolmentService(database: database).expireOffers(runId: id, now: now)
        return try database.pool.read { db in
            guard let facts = try RunFacts.load(id, in: db), RunFacts.visible(facts.run, to: viewer) else { return nil }
            return (facts, try viewer.employeeId.flatMap { try EnrolmentService.standing(runId: id, employeeId: $0, in: db) })
        }
    }

    /// Enrolment `id` if `viewer` may see it: their own, someone below them, or any for a coordinator.
    public func enrolment(_ id: Int64, viewer: Principal) throws -> Enrolment? {
        try database.pool.read { db in
            guard let enrolment = try Enrolment.fetchOne(db, keptKey: id), let run = try Run.fetchOne(db, keptKey: enrolment.runId),
                  RunFacts.visible(run, to: viewer),
                  try WorkshopAccess.maySeePerson(viewer, employeeId: enrolment.employeeId, in: db) else { return nil }
            return enrolment
        }
    }

    /// Run `id` if `viewer` may see it.
    public func run(_ id: Int64, viewer: Principal) throws -> Run? {
        try database.pool.read { db in try Run.fetchOne(db, keptKey: id).flatMap { RunFacts.visible($0, to: viewer) ? $0 : nil } }
    }

    /// `employeeId`'s place in run `runId`.
    public func place(runId: Int64, employeeId: Int64) throws -> Enrolment? {
        try database.pool.read { try Enrolment.place(runId: runId, employeeId: employeeId, in: $0) }
    }

    /// Whether `viewer` may open the project board of run `runId`: its course has projects and
    /// they coordinate, teach a session of it or coach one of its projects.
    static func offersProjectBoard(runId: Int64, to viewer: Principal, in db: Database) throws -> Bool {
        let coordinator = WorkshopAccess.coordinates(viewer)
        guard coordinator || viewer.employeeId != nil else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT c.has_project AND (?2 OR EXISTS (SELECT 1 FROM run_sessions s WHERE s.run_id = r.id
                                                     AND s.instructor_employee_id = ?3)
                                      OR EXISTS (SELECT 1 FROM projects p WHERE p.run_id = r.id AND p.coach_employee_id = ?3))
            FROM runs r JOIN courses c ON c.id = r.course_id WHERE r.id = ?1
            """), arguments: [runId, coordinator, viewer.employeeId]) ?? false
    }
}

extension RunPages {
    /// A run's plan as its edit form shows it: sessions with their instructor's NIP, quotas by unit code.
    public struct Plan: Sendable {
        public let sessions: [(session: RunSession, instructorNip: String?)]
        public let quotas: [(unitCode: String, seats: Int)]
    }

    /// Run `id` as its edit form shows it: the run, its plan and the courses on offer to
    /// choose from, in one read; `nil` when `viewer` may not see the run.
    public func editForm(_ id: Int64, viewer: Principal) throws -> (run: Run, plan: Plan, courses: [Course])? {
        try database.pool.read { db in
            guard let run = try Run.fetchOne(db, keptKey: id), RunFacts.visible(run, to: viewer) else { return nil }
            return (run, try Self.plan(id, in: db), try CatalogueQueries.search(in: db))
        }
    }

    /// The plan of run `runId`.
    static func plan(_ runId: Int64, in db: Database) throws -> Plan {
        let sessions = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.*, e.nip AS instructor_nip FROM run_sessions s LEFT JOIN employees e ON e.id = s.instructor_employee_id
            WHERE s.run_id = ? ORDER BY s.starts_at, s.id
            """), arguments: [runId]).map { (session: try RunSession(row: $0), instructorNip: $0["instructor_nip"] as String?) }
        let quotas = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT u.code, q.seats FROM run_unit_quotas q JOIN units u ON u.id = q.unit_id WHERE q.run_id = ? ORDER BY u.code
            """), arguments: [runId]).map { (unitCode: $0["code"] as String, seats: $0["seats"] as Int) }
        return Plan(sessions: sessions, quotas: quotas)
    }
}
