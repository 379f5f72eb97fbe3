import GRDB

/// The reads behind the evaluation pages, each one core call in one snapshot.
public struct EvaluationPages: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// What a filter needs from the data: the latest year with a finished run, and the id of
    /// a course given by its code.
    public struct FilterFacts: Sendable {
        public let latestYear: Int?
        public let courseId: Int64?
    }

    /// The facts for a filter naming course `code` (when given), with the data version and,
    /// when `units` are given, the dashboard's choices, all in one read.
    public func filterFacts(courseCode: String?, choicesWith units: [UnitTreeEntry]? = nil) throws
        -> (facts: FilterFacts, version: Int64, choices: ImpactChoices?) {
        try database.pool.read { db in
            let latest = try String.fetchOne(db.cachedStatement(sql: "SELECT MAX(substr(ends_on, 1, 4)) FROM runs WHERE status = 'finished'"))
                .flatMap { Int($0) }
            let course = try courseCode.flatMap { try CatalogueQueries.course(code: $0, in: db)?.id }
            return (FilterFacts(latestYear: latest, courseId: course), try DataVersion.evaluation.current(db),
                    try units.map { try ImpactChoices.load(units: $0, in: db) })
        }
    }

    /// The run lines of the impact report for `filter` (its CSV).
    public func runLines(_ filter: ImpactFilter) throws -> [ImpactReport.RunLine] {
        try database.pool.read { try ImpactReport.runLines(filter, in: $0) }
    }
}

extension EvaluationPages {
    /// The records of the employee with `nip` for `viewer`, with an `appraisal.read` audit
    /// entry in the same transaction; nil when unknown or not allowed.
    public func appraisals(nip: String, viewer: Principal, ip: String?) throws -> (name: String, nip: String, records: [Appraisal])? {
        try database.pool.write { db in
            guard let employee = try EmployeeDirectory.employee(nip: nip, in: db), let id = employee.id else { return nil }
            do {
                return (employee.name, employee.nip, try AppraisalAccess.read(viewer, employeeId: id, ip: ip, in: db))
            } catch is AppraisalAccess.Denied {
                return nil
            }
        }
    }

    /// The team's training needs for a supervisor, audited like every appraisal read.
    public func teamNeeds(of viewer: Principal, year: Int, ip: String?) throws -> [TrainingNeeds.Need] {
        try database.pool.write { try TrainingNeeds.team(of: viewer, year: year, ip: ip, in: $0) }
    }

    /// The behaviour checks and surveys waiting for `employeeId`.
    public func tasks(of employeeId: Int64, now: Int64 = Clock.now()) throws
        -> (checks: [BehaviourChecks.Task], surveys: [(runId: Int64, title: String)]) {
        try database.pool.read { db in
            (try BehaviourChecks.open(for: employeeId, today: IndonesianTime.date(of: now), in: db), try Surveys.open(for: employeeId, now: now, in: db))
        }
    }

    /// Check `id` when `employeeId` is its respondent.
    public func check(_ id: Int64, respondent employeeId: Int64) throws -> BehaviourChecks.Task? {
        try database.pool.read { db in
            guard let task = try BehaviourChecks.task(id, in: db),
                  try Int64.fetchOne(db.cachedStatement(sql: "SELECT respondent_employee_id FROM behaviour_checks WHERE id = ?"), arguments: [id]) == employeeId
            else { return nil }
            return task
        }
    }

    /// Checks unanswered past their grace period: `limit` of them from `offset`, and how many there are.
    public func overdueChecks(limit: Int, offset: Int, now: Int64 = Clock.now()) throws -> (checks: [BehaviourChecks.Task], total: Int) {
        try database.pool.read { db in
            (try BehaviourChecks.overdue(now: now, limit: limit, offset: offset, in: db), try BehaviourChecks.overdueCount(now: now, in: db))
        }
    }

    /// An online test as its participant sees it; nil when they are not a participant or the course has no test.
    public func test(runId: Int64, employeeId: Int64, phase: OnlineTests.Phase, now: Int64 = Clock.now()) throws
        -> (run: Run, bank: TestBank, attempt: OnlineTests.Attempt?, open: Bool)? {
        try database.pool.read { db in
            guard try OnlineTests.isParticipant(runId: runId, employeeId: employeeId, in: db),
                  let run = try Run.fetchOne(db, keptKey: runId), let bank = try OnlineTests.bank(runId: runId, in: db) else { return nil }
            return (run, bank, try OnlineTests.attempt(runId: runId, employeeId: employeeId, phase: phase, in: db),
                    try OnlineTests.isOpen(phase, runId: runId, now: now, in: db))
        }
    }

    /// The test bank of run `runId`'s course.
    public func testBank(runId: Int64) throws -> TestBank? {
        try database.pool.read { try OnlineTests.bank(runId: runId, in: $0) }
    }

    /// The programmes and the courses on offer (code, Indonesian title).
    public func programmes() throws -> (programmes: [Programme], courses: [(code: String, title: String)]) {
        try database.pool.read { db in
            (try Programmes.all(in: db), try Row.fetchAll(db.cachedStatement(sql: "SELECT code, title_id FROM courses WHERE NOT archived ORDER BY code"))
                .map { (code: $0["code"] as String, title: $0["title_id"] as String) })
        }
    }

    /// Saves a programme (throws ``EvaluationProblem`` when refused).
    public func save(_ programme: Programme, actor: Principal) throws {
        _ = try database.pool.write { try Programmes.save(programme, actor: actor, in: $0) }
    }

    /// Run `id` when `viewer` may evaluate it (a coordinator or one of its instructors).
    public func evaluableRun(_ id: Int64, viewer: Principal) throws -> Run? {
        try database.pool.read { db in
            guard let run = try Run.fetchOne(db, keptKey: id), try TestScores.mayRecord(viewer, runId: id, in: db) else { return nil }
            return run
        }
    }

    /// A run's survey summary, test results and gains, in one read.
    public func runEvaluation(_ id: Int64) throws -> (survey: SurveySummary, results: [TestScores.Result], gains: GainSummary) {
        try database.pool.read { db in
            (try Surveys.summary([id], in: db), try TestScores.results(runId: id, in: db),
             try TestScores.summary(runFilter: "r.id = ?", [id], in: db))
        }
    }

    /// Run `id` and `employeeId`'s survey status in it.
    public func survey(runId id: Int64, employeeId: Int64, now: Int64 = Clock.now()) throws -> (run: Run, status: Surveys.Status)? {
        try database.pool.read { db in
            guard let run = try Run.fetchOne(db, keptKey: id) else { return nil }
            return (run, try Surveys.status(runId: id, employeeId: employeeId, now: now, in: db))
        }
    }
}
