import GRDB

/// Reaction surveys (Kirkpatrick L1) of runs. Who answered is kept apart from what was
/// answered (see ``EvaluationSchema``): nobody, coordinators included, can tell who said what.
public struct Surveys: Sendable {
    /// Where a person stands with a run's survey.
    public enum Status: Sendable, Hashable {
        /// Not a participant who attended a session.
        case notAttended
        /// Opens when the last session ends.
        case notYetOpen(opensAt: Int64)
        case open
        case answered
    }

    let database: AppDatabase
    public let template = SurveyTemplate.standard

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The status of `employeeId` for the survey of `runId` at `now`.
    public static func status(runId: Int64, employeeId: Int64, now: Int64, in db: Database) throws -> Status {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM survey_submissions WHERE run_id = ? AND employee_id = ?)"),
                             arguments: [runId, employeeId]) == true { return .answered }
        let attended = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM enrolments e JOIN run_sessions s ON s.run_id = e.run_id
                JOIN attendance a ON a.session_id = s.id AND a.employee_id = e.employee_id AND a.present
                WHERE e.run_id = ? AND e.employee_id = ? AND e.state IN ('enrolled', 'completed', 'not_completed'))
            """), arguments: [runId, employeeId]) ?? false
        guard attended else { return .notAttended }
        let lastEnd = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(ends_at) FROM run_sessions WHERE run_id = ?"), arguments: [runId]) ?? 0
        return now >= lastEnd ? .open : .notYetOpen(opensAt: lastEnd)
    }

    /// The runs (id, title) whose survey `employeeId` may still answer at `now`: attended,
    /// over within the last 90 days, not answered. Newest first.
    public static func open(for employeeId: Int64, now: Int64, in db: Database) throws -> [(runId: Int64, title: String)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.id, r.title, MAX(s.ends_at) AS last_end FROM runs r JOIN run_sessions s ON s.run_id = r.id
            WHERE r.id IN (SELECT e.run_id FROM enrolments e JOIN run_sessions t ON t.run_id = e.run_id
                           JOIN attendance a ON a.session_id = t.id AND a.employee_id = e.employee_id AND a.present
                           WHERE e.employee_id = ?1 AND e.state IN ('enrolled', 'completed', 'not_completed'))
              AND NOT EXISTS (SELECT 1 FROM survey_submissions x WHERE x.run_id = r.id AND x.employee_id = ?1)
            GROUP BY r.id HAVING last_end <= ?2 AND last_end > ?2 - 90 * 86400 ORDER BY last_end DESC
            """), arguments: [employeeId, now]).map { ($0["id"], $0["title"]) }
    }

    /// Records the answers of `actor` for the run: once, only after attending and after the
    /// last session. The submission (who) and the response (what) are written in one
    /// transaction; a second try fails on the primary key even when two arrive together.
    public func submit(runId: Int64, actor: Principal, scores: [String: Int], comment: String?,
                       now: Int64? = nil) throws -> Result<Void, EvaluationProblem> {
        try database.evaluate(at: now) { db, now in
            guard let employeeId = actor.employeeId else { throw EvaluationProblem.notAttended }
            guard try Run.fetchOne(db, keptKey: runId) != nil else { throw EvaluationProblem.runNotFound }
            switch try Self.status(runId: runId, employeeId: employeeId, now: now, in: db) {
            case .answered: throw EvaluationProblem.alreadyAnswered
            case .notAttended: throw EvaluationProblem.notAttended
            case .notYetOpen: throw EvaluationProblem.surveyNotYetOpen
            case .open: break
            }
            let problems = template.problems(in: scores)
            guard problems.isEmpty else { throw EvaluationProblem.invalidAnswers(problems) }
            try db.execute(sql: "INSERT INTO survey_submissions (run_id, employee_id, submitted_at) VALUES (?, ?, ?)",
                           arguments: [runId, employeeId, now])
            let text = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
            // A random id, so the order of responses cannot be lined up with the order of
            // submissions (which record who and when).
            let responseId = Int64.random(in: 1...Int64.max)
            try db.execute(sql: "INSERT INTO survey_responses (id, run_id, template, comment) VALUES (?, ?, ?, ?)",
                           arguments: [responseId, runId, template.key, text?.isEmpty == false ? String(text!.prefix(2000)) : nil])
            for (item, score) in scores {
                try db.execute(sql: "INSERT INTO survey_answers (response_id, item, score) VALUES (?, ?, ?)",
                               arguments: [responseId, item, score])
            }
        }
    }

    /// Whether `principal` may read the aggregate results of `runId`: coordinators and the
    /// instructors of its sessions.
    public static func mayReadResults(_ principal: Principal, runId: Int64, in db: Database) throws -> Bool {
        if WorkshopAccess.coordinates(principal) { return true }
        guard let own = principal.employeeId else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM run_sessions WHERE run_id = ? AND instructor_employee_id = ?)"),
                                 arguments: [runId, own]) ?? false
    }

    /// The aggregate results of the runs matching `runFilter` (SQL over `runs r`, with its
    /// arguments): per item and overall, with the comments shuffled out of order.
    /// Figures are only given for at least ``SmallCell/minimum`` responses.
    public static func summary(runFilter: String = "r.id = ?", _ arguments: StatementArguments,
                               in db: Database) throws -> SurveySummary {
        try summaryAndMeans(runFilter: runFilter, arguments, in: db).summary
    }

    /// ``summary(runFilter:_:in:)`` of the runs together, and the mean of all answers per run
    /// for runs with at least ``SmallCell/minimum`` responses, from the answers counted as they
    /// arrived (`survey_tallies`).
    public static func summaryAndMeans(runFilter: String, _ arguments: StatementArguments,
                                       in db: Database) throws -> (summary: SurveySummary, means: [Int64: Double]) {
        var responsesByRun: [Int64: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT sr.run_id, COUNT(*) FROM survey_responses sr JOIN runs r ON r.id = sr.run_id WHERE \(runFilter) GROUP BY sr.run_id
            """), arguments: arguments) {
            responsesByRun[row[0]] = row[1]
        }
        let responses = responsesByRun.values.reduce(0, +)
        guard SmallCell.shows(responses) else { return (SurveySummary(responses: responses, items: [:], comments: []), [:]) }
        var items: [String: LikertSummary] = [:], runs: [Int64: LikertSummary] = [:]
        let answers = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT t.run_id, t.item, t.score, t.answers FROM survey_tallies t JOIN runs r ON r.id = t.run_id WHERE \(runFilter)
            """), arguments: arguments)
        while let row = try answers.next() {
            let score: Int = row[2], count: Int = row[3]
            items[row[1], default: LikertSummary()].add(score, times: count)
            runs[row[0], default: LikertSummary()].add(score, times: count)
        }
        let comments = try String.fetchAll(db.cachedStatement(sql: """
            SELECT sr.comment FROM survey_responses sr JOIN runs r ON r.id = sr.run_id
            WHERE \(runFilter) AND sr.comment IS NOT NULL ORDER BY sr.comment LIMIT 200
            """), arguments: arguments)
        let means = runs.compactMapValues { $0.mean }.filter { SmallCell.shows(responsesByRun[$0.key] ?? 0) }
        return (SurveySummary(responses: responses, items: items, comments: comments), means)
    }
}

extension Surveys {
    /// Tells each attendee of a run whose last session ended within the last day that its
    /// survey is open, once (for the periodic sweep). Returns how many were told.
    @discardableResult
    public func announce(now: Int64 = Clock.now()) throws -> Int {
        try database.pool.write { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT r.id, r.title, e.employee_id FROM runs r
                JOIN enrolments e ON e.run_id = r.id AND e.state IN ('enrolled', 'completed', 'not_completed')
                WHERE (SELECT MAX(ends_at) FROM run_sessions s WHERE s.run_id = r.id) BETWEEN ? AND ?
                  AND EXISTS (SELECT 1 FROM run_sessions s JOIN attendance a ON a.session_id = s.id
                              WHERE s.run_id = r.id AND a.employee_id = e.employee_id AND a.present)
                  AND NOT EXISTS (SELECT 1 FROM survey_submissions u WHERE u.run_id = r.id AND u.employee_id = e.employee_id)
                """), arguments: [now - 86400, now])
            var told = 0
            for row in rows {
                let link = "/runs/\(row["id"] as Int64)/survey"
                let employeeId: Int64 = row["employee_id"]
                if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM notifications WHERE employee_id = ? AND kind = ? AND link = ?)"),
                                     arguments: [employeeId, NotificationKind.surveyOpen, link]) == true { continue }
                try Notifications.send(to: employeeId, .surveyOpen,
                                       NotificationContent("notice_evaluation_survey_open", ["run": row["title"] as String]),
                                       link: link, now: now, in: db)
                told += 1
            }
            return told
        }
    }
}

/// The aggregate answers to a survey; ``items`` and ``comments`` are empty when there are
/// fewer than ``SmallCell/minimum`` responses.
public struct SurveySummary: Sendable, Hashable {
    public let responses: Int
    public let items: [String: LikertSummary]
    /// Sorted alphabetically, so their order says nothing about who wrote them.
    public let comments: [String]

    /// Whether the figures may be shown.
    public var shown: Bool { SmallCell.shows(responses) }

    /// All items together.
    public var overall: LikertSummary {
        var total = LikertSummary()
        for summary in items.values {
            for (index, count) in summary.counts.enumerated() { total.add(index + 1, times: count) }
        }
        return total
    }
}
