import AsahCore
import Foundation
import GRDB

/// Bulk evaluation data for the bulk workshop history (``WorkshopVolume``) at province
/// scale: for finished runs that have no tests or surveys yet, pre/post test scores of every
/// participant on `testShare` of them and reaction surveys (the standard template, from most
/// completers, stored apart from who answered as ``Surveys`` does) on `surveyShare` of them.
/// Written with prepared statements in one transaction.
public enum EvaluationVolume {
    /// What was added.
    public struct Summary: Sendable, CustomStringConvertible {
        public let testedRuns: Int
        public let scores: Int
        public let surveyedRuns: Int
        public let responses: Int
        public var description: String {
            "\(scores) test scores in \(testedRuns) runs, \(responses) survey responses in \(surveyedRuns) runs added"
        }
    }

    public static func generate(in database: AppDatabase, seed: UInt64, testShare: Double = 0.6,
                                surveyShare: Double = 0.7) throws -> Summary {
        var random = SeededRandom(seed: seed &+ 0xEA1)
        return try database.pool.write { db in
            let runs = try Row.fetchAll(db, sql: """
                SELECT r.id, (SELECT MAX(s.ends_at) FROM run_sessions s WHERE s.run_id = r.id) AS last_end FROM runs r
                WHERE r.status = 'finished' AND NOT EXISTS (SELECT 1 FROM test_scores t WHERE t.run_id = r.id)
                  AND NOT EXISTS (SELECT 1 FROM survey_responses sr WHERE sr.run_id = r.id) ORDER BY r.id
                """)
            let participants = try db.makeStatement(sql: """
                SELECT employee_id, state FROM enrolments WHERE run_id = ? AND state IN ('completed', 'not_completed') ORDER BY employee_id
                """)
            let insertScore = try db.makeStatement(sql: """
                INSERT INTO test_scores (run_id, employee_id, phase, score, max_score, source, recorded_at)
                VALUES (?, ?, ?, ?, 100, 'entered', ?)
                """)
            let insertSubmission = try db.makeStatement(sql: """
                INSERT INTO survey_submissions (run_id, employee_id, submitted_at) VALUES (?, ?, ?)
                """)
            let insertResponse = try db.makeStatement(sql: """
                INSERT INTO survey_responses (id, run_id, template, comment) VALUES (?, ?, 'standar', NULL)
                """)
            let insertAnswer = try db.makeStatement(sql: "INSERT INTO survey_answers (response_id, item, score) VALUES (?, ?, ?)")
            let items = SurveyTemplate.standard.items.map(\.key)
            var testedRuns = 0, scores = 0, surveyedRuns = 0, responses = 0
            for run in runs {
                let runId: Int64 = run["id"], lastEnd: Int64 = run["last_end"] ?? 0
                let people = try Row.fetchAll(participants, arguments: [runId]).map { ($0[0] as Int64, $0[1] as String) }
                // Each run has its own quality: some courses teach more, some are liked more.
                let learnt = 0.2 + Double(random.int(in: 0...50)) / 100, liked = 3.0 + Double(random.int(in: 0...150)) / 100
                if random.chance(testShare) {
                    testedRuns += 1
                    for (employee, _) in people {
                        let pre = Double(min(95, max(20, Int(55 + DemoEvaluation.gaussian(&random) * 14))))
                        let gain = learnt + DemoEvaluation.gaussian(&random) * 0.15
                        let post = min(100, max(0, (pre + gain * (100 - pre)).rounded()))
                        try insertScore.execute(arguments: [runId, employee, "pre", pre, lastEnd])
                        try insertScore.execute(arguments: [runId, employee, "post", post, lastEnd])
                        scores += 2
                    }
                }
                guard random.chance(surveyShare) else { continue }
                surveyedRuns += 1
                for (employee, state) in people where state == "completed" && random.chance(0.8) {
                    try insertSubmission.execute(arguments: [runId, employee, lastEnd + Int64(random.int(in: 1...72)) * 3600])
                    let response = Int64(bitPattern: random.next() >> 1) | 1  // random ids, as ``Surveys`` gives them
                    try insertResponse.execute(arguments: [response, runId])
                    for item in items {
                        let score = min(5, max(1, Int((liked + DemoEvaluation.gaussian(&random) * 0.7).rounded())))
                        try insertAnswer.execute(arguments: [response, item, score])
                    }
                    responses += 1
                }
            }
            return Summary(testedRuns: testedRuns, scores: scores, surveyedRuns: surveyedRuns, responses: responses)
        }
    }
}
