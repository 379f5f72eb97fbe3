import GRDB

/// Pre-test and post-test scores (Kirkpatrick L2) of a run's participants, entered or
/// imported by its instructor or a coordinator, and the normalised gains they give.
public struct TestScores: Sendable {
    /// One participant's line as entered: a blank score leaves the stored one unchanged.
    public struct Entry: Sendable, Hashable {
        public let nip: String
        public let pre: Double?
        public let post: Double?

        public init(nip: String, pre: Double?, post: Double?) {
            self.nip = nip
            self.pre = pre
            self.post = post
        }
    }

    /// A participant with their scores and gain.
    public struct Result: Sendable, Hashable {
        public let employeeId: Int64
        public let nip: String
        public let name: String
        public let pre: TestScore?
        public let post: TestScore?

        /// The normalised gain when both tests are in and the pre-test was not perfect.
        public var gain: Double? {
            guard let pre, let post else { return nil }
            return NormalisedGain.gain(pre: pre, post: post)
        }
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Whether `principal` may enter scores and see them per participant: coordinators and the
    /// run's instructors (the same people who may read its survey results).
    public static func mayRecord(_ principal: Principal, runId: Int64, in db: Database) throws -> Bool {
        try Surveys.mayReadResults(principal, runId: runId, in: db)
    }

    /// Stores the scores out of `maximum` for each entry, all or nothing: every NIP must be a
    /// participant and every score within 0...maximum. Returns how many scores were written.
    public func record(runId: Int64, entries: [Entry], maximum: Double, actor: Principal,
                       imported: Bool = false, now: Int64? = nil) throws -> Swift.Result<Int, EvaluationProblem> {
        try database.evaluate(at: now) { db, now in
            guard try Run.fetchOne(db, keptKey: runId) != nil else { throw EvaluationProblem.runNotFound }
            guard try Self.mayRecord(actor, runId: runId, in: db) else { throw EvaluationProblem.notPermitted }
            guard Self.maximumScores.contains(maximum) else {
                throw EvaluationProblem.invalidScores([Refusal(.invalid, "problem_evaluation_maximum_score",
                                                               ["maximum": Self.format(Self.maximumScores.upperBound)])])
            }
            let participants = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db.cachedStatement(sql: """
                SELECT p.nip, p.id FROM enrolments e JOIN employees p ON p.id = e.employee_id
                WHERE e.run_id = ? AND e.state IN ('enrolled', 'completed', 'not_completed')
                """), arguments: [runId]).map { ($0["nip"] as String, $0["id"] as Int64) })
            var problems: [Refusal] = []
            for entry in entries {
                if participants[entry.nip] == nil { problems.append(EvaluationProblem.notParticipant(entry.nip).refusal) }
                for (phase, score) in [("pre", entry.pre), ("post", entry.post)] {
                    if let score, !(0...maximum).contains(score) {
                        problems.append(Refusal(.invalid, "problem_evaluation_score_range",
                                                ["phase": "@evaluation_phase_\(phase)", "nip": entry.nip, "maximum": Self.format(maximum)]))
                    }
                }
            }
            guard problems.isEmpty else { throw EvaluationProblem.invalidScores(problems) }
            var written = 0
            for entry in entries {
                for (phase, score) in [("pre", entry.pre), ("post", entry.post)] {
                    guard let score else { continue }
                    try db.execute(sql: """
                        INSERT INTO test_scores (run_id, employee_id, phase, score, max_score, source, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (run_id, employee_id, phase) DO UPDATE SET score = excluded.score,
                            max_score = excluded.max_score, source = excluded.source,
                            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                        """, arguments: [runId, participants[entry.nip], phase, score, maximum,
                                         imported ? "imported" : "entered", actor.userId, now])
                    written += 1
                }
            }
            try AuditLog.record("tests.record", actor: actor.userId, ip: nil, subject: "run:\(runId)",
                                detail: "\(written) nilai", in: db)
            return written
        }
    }

    /// The participants of `runId` by name, with their scores.
    public static func results(runId: Int64, in db: Database) throws -> [Result] {
        let scores = try Row.fetchAll(db.cachedStatement(sql: "SELECT employee_id, phase, score, max_score FROM test_scores WHERE run_id = ?"),
                                      arguments: [runId])
        var pre: [Int64: TestScore] = [:], post: [Int64: TestScore] = [:]
        for row in scores {
            let score = TestScore(score: row["score"], maximum: row["max_score"])
            if row["phase"] == "pre" { pre[row["employee_id"]] = score } else { post[row["employee_id"]] = score }
        }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.id, p.nip, p.name FROM enrolments e JOIN employees p ON p.id = e.employee_id
            WHERE e.run_id = ? AND e.state IN ('enrolled', 'completed', 'not_completed') ORDER BY p.name COLLATE NOCASE, p.id
            """), arguments: [runId]).map { row in
            let id: Int64 = row["id"]
            return Result(employeeId: id, nip: row["nip"], name: row["name"], pre: pre[id], post: post[id])
        }
    }

    /// The gains of everyone with both tests in the runs matching `runFilter` (SQL over
    /// `runs r` and the participant `employees p`).
    public static func summary(runFilter: String, _ arguments: StatementArguments, in db: Database) throws -> GainSummary {
        GainSummary(pairs: try pairs(runFilter: runFilter, arguments, in: db).map { ($0.pre, $0.post) })
    }

    /// ``summary(runFilter:_:in:)`` for each run, by run id.
    public static func summaries(runFilter: String, _ arguments: StatementArguments, in db: Database) throws -> [Int64: GainSummary] {
        Dictionary(grouping: try pairs(runFilter: runFilter, arguments, in: db), by: \.runId)
            .mapValues { GainSummary(pairs: $0.map { ($0.pre, $0.post) }) }
    }

    private static func pairs(runFilter: String, _ arguments: StatementArguments,
                              in db: Database) throws -> [(runId: Int64, pre: TestScore, post: TestScore)] {
        // A cursor, not a row object per pair: a province has a quarter of a million scores.
        var pairs: [(runId: Int64, pre: TestScore, post: TestScore)] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT a.run_id, a.score AS pre, a.max_score AS pre_max, b.score AS post, b.max_score AS post_max
            FROM test_scores a JOIN test_scores b ON b.run_id = a.run_id AND b.employee_id = a.employee_id AND b.phase = 'post'
            JOIN runs r ON r.id = a.run_id \(ImpactFilter.participantJoin(runFilter, on: "a.employee_id")) WHERE a.phase = 'pre' AND \(runFilter)
            """, arguments: arguments)
        while let row = try rows.next() {
            pairs.append((row[0], TestScore(score: row[1], maximum: row[2]), TestScore(score: row[3], maximum: row[4])))
        }
        return pairs
    }

    /// The maximum a test may be scored out of: more than 0, at most 1,000.
    public static let maximumScores = Double.leastNonzeroMagnitude...1_000

    /// A score as written: "80" for a whole number, "72.5" otherwise (any Double, huge ones too).
    public static func format(_ value: Double) -> String {
        Int(exactly: value).map(String.init) ?? String(value)
    }
}
