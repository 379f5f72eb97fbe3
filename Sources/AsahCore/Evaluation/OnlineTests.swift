import Foundation
import GRDB

/// Online pre-tests and post-tests from a course's ``TestBank``: one attempt per participant
/// and phase, questions and options shuffled for each attempt (the same order when the page
/// is reloaded), auto-graded, with the time limit enforced on the server: answers handed in
/// after the deadline (plus a minute's grace for the network) are refused and the attempt
/// closes without a score.
public struct OnlineTests: Sendable {
    /// Which test.
    public enum Phase: String, Sendable, CaseIterable {
        case pre, post
    }

    /// One attempt.
    public struct Attempt: Sendable, Hashable {
        public let id: Int64
        public let runId: Int64
        public let employeeId: Int64
        public let phase: Phase
        public let seed: UInt64
        public let startedAt: Int64
        public let deadlineAt: Int64
        public let submittedAt: Int64?
        public let correct: Int?
    }

    /// A question as one attempt shows it: options in the attempt's order, each with its
    /// index in the bank (what the answer form sends back).
    public struct ShownQuestion: Sendable, Hashable {
        public let number: Int
        public let bankIndex: Int
        public let text: String
        public let options: [(index: Int, text: String)]

        public static func == (lhs: ShownQuestion, rhs: ShownQuestion) -> Bool {
            lhs.bankIndex == rhs.bankIndex && lhs.options.map(\.index) == rhs.options.map(\.index)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(bankIndex)
            hasher.combine(options.map(\.index))
        }
    }

    /// Seconds accepted after the deadline for the answers to arrive.
    public static let graceSeconds: Int64 = 60
    /// How long after the last session the post-test stays open.
    public static let postTestDays: Int64 = 14

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The question bank of the run's course, or `nil`.
    public static func bank(runId: Int64, in db: Database) throws -> TestBank? {
        guard let metadata = try String.fetchOne(db.cachedStatement(sql: """
            SELECT k.metadata FROM runs r JOIN courses k ON k.id = r.course_id WHERE r.id = ?
            """), arguments: [runId]) else { return nil }
        return try? JSONDecoder().decode(Metadata.self, from: Data(metadata.utf8)).test
    }

    /// The part of `courses.metadata` this needs (see ``Course``).
    private struct Metadata: Decodable {
        let test: TestBank?
    }

    /// Whether `phase` is open at `now`: the pre-test until the first session ends, the
    /// post-test from the start of the last session until ``postTestDays`` after it ends.
    public static func isOpen(_ phase: Phase, runId: Int64, now: Int64, in db: Database) throws -> Bool {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT MIN(ends_at) AS first_end, MAX(starts_at) AS last_start, MAX(ends_at) AS last_end FROM run_sessions WHERE run_id = ?
            """), arguments: [runId]), let firstEnd = row["first_end"] as Int64?, let lastStart = row["last_start"] as Int64?,
              let lastEnd = row["last_end"] as Int64? else { return false }
        switch phase {
        case .pre: return now < firstEnd
        case .post: return now >= lastStart && now <= lastEnd + postTestDays * 86400
        }
    }

    /// The attempt of `employeeId`, if any.
    public static func attempt(runId: Int64, employeeId: Int64, phase: Phase, in db: Database) throws -> Attempt? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM test_attempts WHERE run_id = ? AND employee_id = ? AND phase = ?"),
                         arguments: [runId, employeeId, phase.rawValue]).map(attempt)
    }

    private static func attempt(_ row: Row) -> Attempt {
        Attempt(id: row["id"], runId: row["run_id"], employeeId: row["employee_id"], phase: Phase(rawValue: row["phase"]) ?? .pre,
                seed: UInt64(bitPattern: row["seed"]), startedAt: row["started_at"], deadlineAt: row["deadline_at"],
                submittedAt: row["submitted_at"], correct: row["correct"])
    }

    /// Starts (or resumes, while unsubmitted) the attempt of `actor`: a participant of the run,
    /// while the phase is open and the course has a question bank.
    public func start(runId: Int64, phase: Phase, actor: Principal, seed: UInt64 = .random(in: 1...UInt64(Int64.max)),
                      now: Int64? = nil) throws -> Result<Attempt, EvaluationProblem> {
        try database.evaluate(at: now) { db, now in
            guard let employeeId = actor.employeeId, try Self.isParticipant(runId: runId, employeeId: employeeId, in: db),
                  let bank = try Self.bank(runId: runId, in: db) else { throw EvaluationProblem.notAttended }
            if let existing = try Self.attempt(runId: runId, employeeId: employeeId, phase: phase, in: db) {
                guard existing.submittedAt == nil else { throw EvaluationProblem.alreadyAnswered }
                return existing
            }
            guard try Self.isOpen(phase, runId: runId, now: now, in: db) else { throw EvaluationProblem.testClosed }
            try db.execute(sql: """
                INSERT INTO test_attempts (run_id, employee_id, phase, seed, started_at, deadline_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [runId, employeeId, phase.rawValue, Int64(bitPattern: seed), now, now + Int64(bank.minutes) * 60])
            return try Self.attempt(runId: runId, employeeId: employeeId, phase: phase, in: db)!
        }
    }

    /// The questions of `bank` in the order of the attempt seeded with `seed`.
    public static func paper(_ bank: TestBank, seed: UInt64) -> [ShownQuestion] {
        var random = SeededRandom(seed: seed)
        let order = shuffled(Array(bank.questions.indices), &random)
        return order.enumerated().map { number, index in
            let question = bank.questions[index]
            let options = shuffled(Array(question.options.indices), &random).map { (index: $0, text: question.options[$0]) }
            return ShownQuestion(number: number + 1, bankIndex: index, text: question.text, options: options)
        }
    }

    /// Fisher-Yates with the seeded generator (the standard library's shuffle may change).
    private static func shuffled(_ items: [Int], _ random: inout SeededRandom) -> [Int] {
        var items = items
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, random.int(in: 0...index))
        }
        return items
    }

    /// Hands in `answers` (bank question index → bank option index): graded out of 100 and
    /// stored as the participant's score, unless the deadline (and grace) has passed, which
    /// closes the attempt without a score. Returns the number right.
    public func submit(runId: Int64, phase: Phase, actor: Principal, answers: [Int: Int],
                       now: Int64? = nil) throws -> Result<Int, EvaluationProblem> {
        let outcome: Result<(Int, late: Bool), EvaluationProblem> = try database.evaluate(at: now) { db, now in
            guard let employeeId = actor.employeeId,
                  let attempt = try Self.attempt(runId: runId, employeeId: employeeId, phase: phase, in: db),
                  let bank = try Self.bank(runId: runId, in: db) else { throw EvaluationProblem.notAttended }
            guard attempt.submittedAt == nil else { throw EvaluationProblem.alreadyAnswered }
            let late = now > attempt.deadlineAt + Self.graceSeconds
            let correct = late ? 0 : bank.questions.indices.count { answers[$0] == bank.questions[$0].answer }
            try db.execute(sql: "UPDATE test_attempts SET submitted_at = ?, correct = ? WHERE id = ?",
                           arguments: [now, late ? nil : correct, attempt.id])
            if !late {
                try db.execute(sql: """
                    INSERT INTO test_scores (run_id, employee_id, phase, score, max_score, source, recorded_at)
                    VALUES (?, ?, ?, ?, 100, 'online', ?)
                    ON CONFLICT (run_id, employee_id, phase) DO UPDATE SET score = excluded.score, max_score = 100,
                        source = 'online', recorded_at = excluded.recorded_at
                    """, arguments: [runId, employeeId, phase.rawValue,
                                     (Double(correct) * 100 / Double(max(1, bank.questions.count)) * 10).rounded() / 10, now])
            }
            return (correct, late)
        }
        return outcome.flatMap { $0.late ? .failure(.timeUp) : .success($0.0) }
    }

    /// Whether `employeeId` has a place in the run (enrolled, completed or not).
    public static func isParticipant(runId: Int64, employeeId: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM enrolments WHERE run_id = ? AND employee_id = ? AND state IN ('enrolled', 'completed', 'not_completed'))
            """), arguments: [runId, employeeId]) ?? false
    }
}
