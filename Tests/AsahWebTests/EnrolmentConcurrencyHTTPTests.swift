@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Enrolment under concurrent HTTP requests")
struct EnrolmentConcurrencyHTTPTests {
    @Test("hundreds of parallel nominations and duplicate requests: never more enrolled than capacity, never two places per person")
    func capacityHoldsOverHTTP() throws {
        let app = try TestApp()
        let runId = try RunFixtures.run(app, code: "PARALEL-1", capacity: 5)
        let coordinatorId = try app.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE login = 'demo.koordinator'")!
        }
        let token = try APITokens(database: app.database).create(userId: coordinatorId, name: "uji paralel", ip: "127.0.0.1")
        let nips = try app.database.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT nip FROM employees WHERE active AND id NOT IN (SELECT employee_id FROM users WHERE employee_id IS NOT NULL)
                ORDER BY id LIMIT 120
                """)
        }
        // Every person is nominated twice, all at once: 240 requests on 16 threads.
        let attempts = nips + nips
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            for index in stride(from: worker, to: attempts.count, by: 16) {
                let body = Array(#"{"employee_nip":"\#(attempts[index])","mandatory":false}"#.utf8)
                let answer = try? app.client.request("POST", "/api/v1/runs/\(runId)/enrolments", headers: [
                    ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"),
                ], body: body)
                statuses.add(answer?.status ?? 0)
            }
        }
        let counts = try app.database.pool.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT state, COUNT(*) AS n FROM enrolments WHERE run_id = ? GROUP BY state
                """, arguments: [runId]).map { ($0["state"] as String, $0["n"] as Int) })
        }
        let perPerson = try app.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM enrolments WHERE run_id = ? GROUP BY employee_id)",
                             arguments: [runId])
        }
        #expect(counts["enrolled"] == 5)
        #expect(counts["waitlisted"] == nips.count - 5)
        #expect(perPerson == 1)
        #expect(statuses.count(where: { (200...201).contains($0) }) == nips.count, "one accepted answer per person")
        #expect(statuses.count(where: { $0 == 409 }) == nips.count, "the duplicate of each is refused as a conflict")
    }
}

/// Answer statuses collected from many threads.
private final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []

    func add(_ status: Int) { lock.withLock { values.append(status) } }

    func count(where predicate: (Int) -> Bool) -> Int { lock.withLock { values.filter(predicate).count } }
}
