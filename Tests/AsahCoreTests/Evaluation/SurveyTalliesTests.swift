@testable import AsahCore
@testable import AsahDemo
import Foundation
import GRDB
import Testing

extension Evaluation {
    @Suite("Reaction answers counted as they arrive")
    struct SurveyTalliesTests {
        private static func recount(_ db: Database) throws -> [String: Int] {
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT r.run_id || '/' || a.item || '/' || a.score AS cell, COUNT(*) AS n
                FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id GROUP BY 1
                """).map { ($0["cell"] as String, $0["n"] as Int) })
        }

        private static func tallies(_ db: Database) throws -> [String: Int] {
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT run_id || '/' || item || '/' || score AS cell, answers FROM survey_tallies WHERE answers > 0
                """).map { ($0["cell"] as String, $0["answers"] as Int) })
        }

        @Test("the tallies equal a count of every answer, after the demo and after a new response; answers are never changed")
        func talliesFollowAnswers() throws {
            try OrganisationFixtures.withDatabase { database in
                _ = try CatalogueSync(database: database).sync(folder: Demo.DemoWorkshopsTests.coursesFolder)
                try DemoAccounts.create(in: database, seed: 5, employeeCount: 400, password: "Demo-Sandi-2026!",
                                        now: Demo.DemoWorkshopsTests.now)
                try database.pool.write { db in
                    let before = try Self.recount(db)
                    let counted = try Self.tallies(db)
                    #expect(!before.isEmpty && counted == before)
                    let run = try #require(try Int64.fetchOne(db, sql: "SELECT run_id FROM survey_responses LIMIT 1"))
                    try db.execute(sql: "INSERT INTO survey_responses (run_id, template, comment) VALUES (?, 'standar', NULL)", arguments: [run])
                    let response = db.lastInsertedRowID
                    for item in ["materi", "instruktur"] {
                        try db.execute(sql: "INSERT INTO survey_answers (response_id, item, score) VALUES (?, ?, 5)",
                                       arguments: [response, item])
                    }
                    let after = try Self.recount(db)
                    #expect(after["\(run)/materi/5"] == (before["\(run)/materi/5"] ?? 0) + 1)
                    #expect(try Self.tallies(db) == after)
                    #expect(throws: DatabaseError.self) {
                        try db.execute(sql: "UPDATE survey_answers SET score = 1 WHERE response_id = ?", arguments: [response])
                    }
                    #expect(throws: DatabaseError.self) {
                        try db.execute(sql: "DELETE FROM survey_responses WHERE id = ?", arguments: [response])
                    }
                }
            }
        }
    }
}
