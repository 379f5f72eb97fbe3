import Foundation
import GRDB

/// Behaviour checks (Kirkpatrick L3): some months after a run ends (``monthsAfter``, 3 by
/// default), each participant who completed it gets a self-assessment and their supervisor a
/// task: for each competency the course targeted, is it applied at work (Likert 1-5) with an
/// example. The periodic sweep schedules the tasks, tells the respondents when they open,
/// reminds them after ``reminderDays`` and lists them as overdue after ``overdueDays``.
public struct BehaviourChecks: Sendable {
    /// Who answers.
    public enum Respondent: String, Sendable, CaseIterable, Codable {
        case supervisor, `self`
    }

    /// One check as its respondent and the coordinators see it.
    public struct Task: Sendable, Hashable {
        public let id: Int64
        public let respondent: Respondent
        public let respondentName: String
        public let employeeId: Int64
        public let nip: String
        public let name: String
        public let runId: Int64
        public let runTitle: String
        public let dueOn: CalendarDate
        public let answeredAt: Int64?
        public let competencies: [Competency]
    }

    /// One answer: how far a competency is applied at work, with an example.
    public struct Answer: Sendable, Hashable {
        public let score: Int
        public let example: String?

        public init(score: Int, example: String?) {
            self.score = score
            self.example = example
        }
    }

    public static let reminderDays = 14
    public static let overdueDays = 30

    let database: AppDatabase
    public let monthsAfter: Int

    public init(database: AppDatabase, monthsAfter: Int = 3) {
        self.database = database
        self.monthsAfter = max(1, monthsAfter)
    }

    /// Creates the checks of completed places that have none yet (the supervisor's when the
    /// participant has one, and the self-assessment), due ``monthsAfter`` after the run ends.
    /// Returns how many were created.
    @discardableResult
    public func schedule() throws -> Int {
        try database.pool.write { try Self.schedule(monthsAfter: monthsAfter, in: $0) }
    }

    /// ``schedule()`` inside the caller's transaction.
    package static func schedule(monthsAfter: Int, in db: Database) throws -> Int {
        try db.execute(sql: """
            INSERT OR IGNORE INTO behaviour_checks (enrolment_id, respondent, respondent_employee_id, due_on)
            SELECT e.id, w.respondent, CASE w.respondent WHEN 'self' THEN p.id ELSE p.supervisor_id END,
                   date(r.ends_on, '+\(monthsAfter) months')
            FROM enrolments e JOIN runs r ON r.id = e.run_id JOIN employees p ON p.id = e.employee_id
            JOIN (SELECT 'supervisor' AS respondent UNION ALL SELECT 'self') w
            WHERE e.state = 'completed' AND (w.respondent = 'self' OR p.supervisor_id IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM behaviour_checks c WHERE c.enrolment_id = e.id AND c.respondent = w.respondent)
            """)
        return db.changesCount
    }

    /// Tells respondents of checks that opened (due today or earlier, but not already overdue),
    /// once, and reminds those still unanswered ``reminderDays`` after being told, once.
    /// Returns (told, reminded).
    @discardableResult
    public func notify(now: Int64 = Clock.now()) throws -> (told: Int, reminded: Int) {
        let today = IndonesianTime.date(of: now).iso
        let stale = IndonesianTime.date(of: now - Int64(Self.overdueDays) * 86400).iso
        return try database.pool.write { db in
            // Checks that were already overdue when first seen (a first start over years of
            // completions) go straight to the overdue list without a flood of messages.
            try db.execute(sql: """
                UPDATE behaviour_checks SET notified_at = ?, reminded_at = ?
                WHERE answered_at IS NULL AND notified_at IS NULL AND due_on < ?
                """, arguments: [now, now, stale])
            let opened = try Self.tasks("c.answered_at IS NULL AND c.notified_at IS NULL AND c.due_on <= ?", [today], in: db)
            for task in opened {
                try Notifications.send(to: try respondentId(task.id, db), .behaviourCheckDue, Self.notice(task, reminder: false),
                                       link: "/evaluation/checks/\(task.id)", now: now, in: db)
                try db.execute(sql: "UPDATE behaviour_checks SET notified_at = ? WHERE id = ?", arguments: [now, task.id])
            }
            let late = try Self.tasks("c.answered_at IS NULL AND c.reminded_at IS NULL AND c.notified_at <= ?",
                                      [now - Int64(Self.reminderDays) * 86400], in: db)
            for task in late {
                try Notifications.send(to: try respondentId(task.id, db), .behaviourCheckReminder, Self.notice(task, reminder: true),
                                       link: "/evaluation/checks/\(task.id)", now: now, in: db)
                try db.execute(sql: "UPDATE behaviour_checks SET reminded_at = ? WHERE id = ?", arguments: [now, task.id])
            }
            return (opened.count, late.count)
        }
    }

    private func respondentId(_ checkId: Int64, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT respondent_employee_id FROM behaviour_checks WHERE id = ?"), arguments: [checkId])!
    }

    /// The notice that a check opened, or the reminder: about the respondent's own work, or
    /// about the participant they supervise.
    private static func notice(_ task: Task, reminder: Bool) -> NotificationContent {
        switch (task.respondent, reminder) {
        case (.self, false): NotificationContent("notice_evaluation_check_due_self", ["run": task.runTitle])
        case (.self, true): NotificationContent("notice_evaluation_check_reminder_self", ["run": task.runTitle])
        case (.supervisor, false): NotificationContent("notice_evaluation_check_due_supervisor", ["run": task.runTitle, "name": task.name])
        case (.supervisor, true): NotificationContent("notice_evaluation_check_reminder_supervisor", ["run": task.runTitle, "name": task.name])
        }
    }

    /// The open (due, unanswered) checks of respondent `employeeId`, oldest due first.
    public static func open(for employeeId: Int64, today: CalendarDate, in db: Database) throws -> [Task] {
        // The unary + keeps SQLite on the respondent's index: on the open checks' index it read every
        // open check of the region (400,000 in the province demo) for each home page.
        try tasks("c.respondent_employee_id = ? AND +c.answered_at IS NULL AND c.due_on <= ?", [employeeId, today.iso], in: db)
    }

    /// The first `limit` of ``open(for:today:in:)`` that `employeeId` answers as `respondent`
    /// (a home lists a few; a supervisor may be respondent to hundreds).
    public static func open(for employeeId: Int64, as respondent: Respondent, today: CalendarDate, limit: Int,
                            in db: Database) throws -> [Task] {
        try tasks("c.respondent_employee_id = ? AND c.respondent = ? AND c.answered_at IS NULL AND c.due_on <= ?",
                  [employeeId, respondent.rawValue, today.iso, limit, 0], paged: true, indexedBy: "behaviour_checks_waiting", in: db)
    }

    /// Unanswered checks due more than ``overdueDays`` before `now`, for coordinators: `limit`
    /// of them from `offset`, longest overdue first (a region may have many thousands).
    public static func overdue(now: Int64, limit: Int, offset: Int = 0, in db: Database) throws -> [Task] {
        try tasks("c.answered_at IS NULL AND c.due_on < ?", [overdueBefore(now).iso, limit, offset], paged: true, in: db)
    }

    /// How many checks ``overdue(now:limit:offset:in:)`` pages through; counted once per data
    /// change (``SharedFacts``), since every coordinator's home shows it.
    public static func overdueCount(now: Int64, in db: Database) throws -> Int {
        let before = overdueBefore(now)
        return try SharedFacts.value("overdue-checks:" + before.iso, in: db) {
            // Every check has its enrolment, person, run and course (foreign keys), so no join is needed to count.
            try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM behaviour_checks WHERE answered_at IS NULL AND due_on < ?"),
                             arguments: [before.iso]) ?? 0
        }
    }

    /// The day before which an unanswered check counts as overdue at `now`.
    private static func overdueBefore(_ now: Int64) -> CalendarDate {
        IndonesianTime.date(of: now - Int64(overdueDays) * 86400)
    }

    /// One check, or `nil`.
    public static func task(_ id: Int64, in db: Database) throws -> Task? {
        try tasks("c.id = ?", [id], in: db).first
    }

    /// The checks matching `filter`; `paged` takes the last two arguments as LIMIT and OFFSET.
    /// `indexedBy` names the index SQLite reads the checks from, where without statistics it
    /// would choose one that reads far more of them.
    static func tasks(_ filter: String, _ arguments: StatementArguments, paged: Bool = false, indexedBy index: String? = nil,
                      in db: Database) throws -> [Task] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.id, c.respondent, c.due_on, c.answered_at, p.id AS employee_id, p.nip, p.name, q.name AS respondent_name,
                   r.id AS run_id, r.title, k.competencies
            FROM behaviour_checks c\(index.map { " INDEXED BY " + $0 } ?? "") JOIN enrolments e ON e.id = c.enrolment_id JOIN employees p ON p.id = e.employee_id
            JOIN employees q ON q.id = c.respondent_employee_id
            JOIN runs r ON r.id = e.run_id JOIN courses k ON k.id = r.course_id
            WHERE \(filter) ORDER BY c.due_on, p.name COLLATE NOCASE, c.id\(paged ? " LIMIT ? OFFSET ?" : "")
            """), arguments: arguments).map { row in
            let competencies = (try? JSONDecoder().decode([Competency].self, from: Data((row["competencies"] as String).utf8))) ?? []
            return Task(id: row["id"], respondent: Respondent(rawValue: row["respondent"]) ?? .self,
                        respondentName: row["respondent_name"], employeeId: row["employee_id"], nip: row["nip"],
                        name: row["name"], runId: row["run_id"], runTitle: row["title"], dueOn: row["due_on"],
                        answeredAt: row["answered_at"], competencies: competencies)
        }
    }

    /// Records the answers of the respondent of check `id`: one per targeted competency
    /// (keyed by its Indonesian name), each 1-5 with an optional example. Only the
    /// respondent, once, after the check opened.
    public func answer(_ id: Int64, actor: Principal, answers: [String: Answer],
                       now: Int64? = nil) throws -> Result<Void, EvaluationProblem> {
        try database.evaluate(at: now) { db, now in
            guard let task = try Self.task(id, in: db),
                  let respondent = try Int64.fetchOne(db.cachedStatement(sql: "SELECT respondent_employee_id FROM behaviour_checks WHERE id = ?"),
                                                      arguments: [id]),
                  respondent == actor.employeeId else { throw EvaluationProblem.checkNotFound }
            guard task.answeredAt == nil, task.dueOn <= IndonesianTime.date(of: now) else { throw EvaluationProblem.checkNotDue }
            let keys = task.competencies.map(\.name.indonesian)
            var problems: [Refusal] = []
            for competency in task.competencies {
                let key = competency.name.indonesian, named = ["competency": key, "competencyEnglish": competency.name.english]
                guard let answer = answers[key] else {
                    problems.append(Refusal(.invalid, "problem_evaluation_competency_unanswered", named))
                    continue
                }
                if !(1...5).contains(answer.score) { problems.append(Refusal(.invalid, "problem_evaluation_competency_range", named)) }
            }
            let unknown = Set(answers.keys).subtracting(keys)
            if !unknown.isEmpty {
                problems.append(Refusal(.invalid, "problem_evaluation_unknown_competencies",
                                        ["competencies": unknown.sorted().joined(separator: ", ")]))
            }
            guard problems.isEmpty else { throw EvaluationProblem.invalidAnswers(problems) }
            for (key, answer) in answers {
                let example = answer.example?.trimmingCharacters(in: .whitespacesAndNewlines)
                try db.execute(sql: "INSERT INTO behaviour_answers (check_id, competency, score, example) VALUES (?, ?, ?, ?)",
                               arguments: [id, key, answer.score, example?.isEmpty == false ? String(example!.prefix(1000)) : nil])
            }
            try db.execute(sql: "UPDATE behaviour_checks SET answered_at = ? WHERE id = ? AND answered_at IS NULL",
                           arguments: [now, id])
            guard db.changesCount == 1 else { throw EvaluationProblem.checkNotDue }
        }
    }

    /// Response and application figures of the checks due by `today` for the runs matching
    /// `runFilter` (SQL over `runs r` and the participant `employees p`).
    public static func summary(runFilter: String, _ arguments: StatementArguments, today: CalendarDate,
                               in db: Database) throws -> BehaviourSummary {
        var due = 0, answered = 0
        var scores = LikertSummary()
        let args = arguments + [today.iso]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT COUNT(*) AS due, COUNT(c.answered_at) AS answered FROM behaviour_checks c
            JOIN enrolments e ON e.id = c.enrolment_id JOIN runs r ON r.id = e.run_id \(ImpactFilter.participantJoin(runFilter, on: "e.employee_id"))
            WHERE \(runFilter) AND c.respondent = 'supervisor' AND c.due_on <= ?
            """), arguments: args) {
            due = row["due"]
            answered = row["answered"]
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.score, COUNT(*) AS n FROM behaviour_answers a JOIN behaviour_checks c ON c.id = a.check_id
            JOIN enrolments e ON e.id = c.enrolment_id JOIN runs r ON r.id = e.run_id \(ImpactFilter.participantJoin(runFilter, on: "e.employee_id"))
            WHERE \(runFilter) AND c.respondent = 'supervisor' AND c.due_on <= ? GROUP BY a.score
            """), arguments: args) {
            scores.add(row["score"], times: row["n"])
        }
        return BehaviourSummary(due: due, answered: answered, scores: scores)
    }
}

/// Supervisors' behaviour checks of a set of runs.
public struct BehaviourSummary: Sendable, Hashable {
    /// Checks due so far.
    public let due: Int
    public let answered: Int
    /// Every competency answer.
    public let scores: LikertSummary

    /// answered / due, when at least ``SmallCell/minimum`` were due.
    public var responseRate: Double? {
        SmallCell.guarded(due, Double(answered) / Double(due))
    }

    /// The share of competency answers of 4 or 5, when at least ``SmallCell/minimum`` checks were answered.
    public var appliedRate: Double? {
        SmallCell.guarded(answered, scores.agreeShare).flatMap { $0 }
    }
}
