@testable import AsahCore
import Foundation
import GRDB
import Testing

@Suite("Notifications waiting to go by e-mail")
struct EmailQueueTests {
    /// Abdul (with an address and an account) and Siti (account, no address), each with one
    /// new notification made at `now`.
    private func queue(now: Int64) throws -> (EmailQueue, AppDatabase) {
        let db = try SmallAgency.database("email")
        _ = try EmployeeImport(database: db).run(csv: """
            nip,nama,unit,email
            198710092015031001,Abdul Rahman,DINKES,abdul@pemda.test
            199001012019032002,Siti Aminah,PKM1,
            """)
        _ = try AccountActivation(database: db).createAccounts(unitId: nil, actor: nil, ip: nil)
        try db.pool.write { db in
            try db.execute(sql: """
                INSERT INTO notifications (employee_id, kind, message, created_at) SELECT id, 'approved', 'Disetujui ' || name, ? FROM employees
                """, arguments: [now])
        }
        return (EmailQueue(database: db), db)
    }

    @Test("only people with an address and e-mail on are due; the rest are given up at once")
    func due() throws {
        let now: Int64 = 1_790_000_000
        let (queue, db) = try queue(now: now)
        let due = try queue.due(limit: 10, now: now)
        #expect(due.map(\.address) == ["abdul@pemda.test"] && due.first?.locale == "id" && due.first?.name == "Abdul Rahman")
        #expect(try db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM email_deliveries WHERE given_up_at IS NOT NULL") } == 1)
        try queue.sent(try #require(due.first?.notification.id), now: now)
        #expect(try queue.due(limit: 10, now: now).isEmpty, "sent once")
    }

    @Test("a failure is tried again after growing pauses, then given up; a notice too old is not mailed")
    func retries() throws {
        let now: Int64 = 1_790_000_000
        let (queue, _) = try queue(now: now)
        let id = try #require(try queue.due(limit: 10, now: now).first?.notification.id)
        var clock = now
        for pause in EmailQueue.retryPauses {
            #expect(try !queue.failed(id, error: "451 coba lagi", now: clock))
            #expect(try queue.due(limit: 10, now: clock + pause - 1).isEmpty, "not before the pause")
            clock += pause
            #expect(try queue.due(limit: 10, now: clock).count == 1, "due again after \(pause) s")
        }
        #expect(try queue.failed(id, error: "451 coba lagi", now: clock), "given up after the last pause")
        let (fresh, _) = try self.queue(now: now)
        #expect(try fresh.due(limit: 10, now: now + EmailQueue.oldest + 1).isEmpty, "three days late is too late")
    }

    @Test("each account can turn e-mail off")
    func optOut() throws {
        let now: Int64 = 1_790_000_000
        let (queue, db) = try queue(now: now)
        let abdul = try #require(try Accounts(database: db).userId(login: "198710092015031001"))
        #expect(try queue.isEnabled(userId: abdul))
        try queue.setEnabled(userId: abdul, false)
        #expect(try queue.due(limit: 10, now: now).isEmpty)
    }

    @Test("a kind the person turned off is given up as 'kind off'; other kinds still go")
    func kindOff() throws {
        let now: Int64 = 1_790_000_000
        let (queue, db) = try queue(now: now)
        let abdul = try #require(try Accounts(database: db).userId(login: "198710092015031001"))
        try queue.setKindsOff(userId: abdul, [.approved, .forumAnswer])
        #expect(try queue.kindsOff(userId: abdul) == [.approved, .forumAnswer])
        #expect(try queue.due(limit: 10, now: now).isEmpty)
        let employee = try #require(try db.pool.read { try Int64.fetchOne($0, sql: "SELECT employee_id FROM users WHERE id = ?", arguments: [abdul]) })
        #expect(try db.pool.read { try String.fetchOne($0, sql: """
            SELECT d.last_error FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.employee_id = ?
            """, arguments: [employee]) } == "kind off")
        try db.pool.write { db in
            try db.execute(sql: "INSERT INTO notifications (employee_id, kind, message, created_at) VALUES (?, 'declined', 'Ditolak', ?)",
                           arguments: [employee, now])
        }
        #expect(try queue.due(limit: 10, now: now).map(\.notification.kind) == [.declined])
        try queue.setKindsOff(userId: abdul, [])
        #expect(try queue.kindsOff(userId: abdul).isEmpty)
    }
}
