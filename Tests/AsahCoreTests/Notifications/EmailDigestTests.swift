@testable import AsahCore
import Foundation
import GRDB
import Testing

@Suite("Daily e-mail digests")
struct EmailDigestTests {
    @Test("a digest holds the deliveries until 07.00, then gives one message with all of them; a failure is retried whole")
    func heldThenOne() throws {
        let made = IndonesianTime.clock(10, daysAfter: 0, from: 1_790_000_000)
        let db = try SmallAgency.database("digest")
        _ = try EmployeeImport(database: db).run(csv: """
            nip,nama,unit,email
            198710092015031001,Abdul Rahman,DINKES,abdul@pemda.test
            """)
        _ = try AccountActivation(database: db).createAccounts(unitId: nil, actor: nil, ip: nil)
        let queue = EmailQueue(database: db)
        let abdul = try #require(try Accounts(database: db).userId(login: "198710092015031001"))
        #expect(try !queue.isDigest(userId: abdul))
        try queue.setDigest(userId: abdul, true)
        #expect(try queue.isDigest(userId: abdul))
        func notify(_ kind: String, at time: Int64) throws {
            try db.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO notifications (employee_id, kind, message, created_at) SELECT employee_id, ?, 'Kabar', ? FROM users WHERE id = ?
                    """, arguments: [kind, time, abdul])
            }
        }
        for kind in ["approved", "declined", "seat_offered"] { try notify(kind, at: made) }
        #expect(try queue.due(limit: 10, now: made + 60).isEmpty, "not sent one by one")
        let seven = IndonesianTime.clock(7, daysAfter: 1, from: made)
        #expect(try queue.digestsDue(now: seven - 1).isEmpty, "held until 07.00")
        let digest = try #require(try queue.digestsDue(now: seven).first)
        #expect(digest.address == "abdul@pemda.test" && digest.notifications.map(\.kind) == [.approved, .declined, .seatOffered])
        try notify("approved", at: seven + 10)
        for note in digest.notifications { try queue.failed(try #require(note.id), error: "451", now: seven) }
        #expect(try queue.digestsDue(now: seven + 30).isEmpty, "retried after the pause")
        let again = try queue.digestsDue(now: seven + 60)
        #expect(again.count == 1 && again.first?.notifications.count == 3, "the one made after 07.00 waits for tomorrow")
        for note in digest.notifications { try queue.sent(try #require(note.id), now: seven + 60) }
        #expect(try queue.digestsDue(now: seven + 120).isEmpty)
        #expect(try queue.digestsDue(now: seven + 86400).first?.notifications.count == 1)
    }
}
