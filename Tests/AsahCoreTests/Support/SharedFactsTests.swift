@testable import AsahCore
import Foundation
import GRDB
import Testing

@Suite("Facts shared by every reader until the data changes")
struct SharedFactsTests {
    private struct Rollback: Error {}

    @Test("a run's seats and a course's terms kept for all readers change on the very next read after a write")
    func nextReadSeesTheWrite() throws {
        try WorkshopFixtures.withWorld { world in
            let course = try world.course("SHR-01", jp: 24)
            let run = try world.openRun(world.plan(course: course, code: "SHR-01", capacity: 3))
            let now = WorkshopFixtures.now
            func seatsLeft() throws -> Int? {
                try world.database.pool.read { try CourseOffers.upcoming(now: now, in: $0)[course]?.first?.seatsLeft }
            }
            func jp() throws -> Int? { try world.database.pool.read { try CourseTerms.load(id: course, in: $0)?.jp } }
            #expect(try seatsLeft() == 3)
            #expect(try jp() == 24)

            let person = try world.staff(1)[0]
            _ = try EnrolmentService(database: world.database)
                .nominate(runId: run.id!, employeeId: person.id!, mandatory: false, actor: world.coordinator, now: now).get()
            #expect(try seatsLeft() == 2, "the seat taken shows at once to every reader")
            try world.database.pool.write { try $0.execute(sql: "UPDATE courses SET jp = 32 WHERE id = ?", arguments: [course]) }
            #expect(try jp() == 32)
        }
    }

    @Test("a write transaction reads its own uncommitted rows and keeps nothing of them for readers")
    func writesNeverKeep() throws {
        try WorkshopFixtures.withWorld { world in
            let course = try world.course("SHR-02", jp: 24)
            #expect(try world.database.pool.read { try CourseTerms.load(id: course, in: $0)?.jp } == 24)
            #expect(throws: Rollback.self) {
                try world.database.pool.write { db in
                    try db.execute(sql: "UPDATE courses SET jp = 40 WHERE id = ?", arguments: [course])
                    #expect(try CourseTerms.load(id: course, in: db)?.jp == 40)
                    throw Rollback()
                }
            }
            #expect(try world.database.pool.read { try CourseTerms.load(id: course, in: $0)?.jp } == 24)
            // The committed change takes the data version the rolled-back one had reached.
            try world.database.pool.write { try $0.execute(sql: "UPDATE courses SET jp = 32 WHERE id = ?", arguments: [course]) }
            #expect(try world.database.pool.read { try CourseTerms.load(id: course, in: $0)?.jp } == 32)
        }
    }
}
