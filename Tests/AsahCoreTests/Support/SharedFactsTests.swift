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

    @Test("JP compliance is kept across enrolments and follows the JP ledger, employees, units and the rules at once")
    func complianceFollowsItsTables() throws {
        try WorkshopFixtures.withWorld { world in
            let hours = TrainingHours(database: world.database)
            let pegawai = world.people.pegawai
            let unitId = try world.employee(pegawai).unitId!
            func unit() throws -> UnitCompliance { try hours.compliance(year: 2026).first { $0.unitId == unitId }! }
            func version() throws -> Int64 { try world.database.pool.read { try DataVersion.trainingHours.current($0) } }
            let before = try unit()
            let kept = try version()

            let course = try world.course("SHR-03", jp: 24)
            let run = try world.openRun(world.plan(course: course, code: "SHR-03", capacity: 3))
            _ = try EnrolmentService(database: world.database)
                .nominate(runId: run.id!, employeeId: pegawai, mandatory: false, actor: world.coordinator, now: WorkshopFixtures.now).get()
            #expect(try version() == kept, "a run and an enrolment are not what compliance is read from")

            try world.database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO training_hours (employee_id, year, jp, source, title, status, created_at) VALUES (?, 2026, 40, 'asah', 'x', 'verified', 0)
                    """, arguments: [pegawai])
            }
            #expect(try unit().reached == before.reached + 1, "the JP credited shows on the next read")
            try world.database.pool.write { try $0.execute(sql: "UPDATE employment_rules SET target_jp = 60 WHERE employment = 'pns'") }
            #expect(try unit().reached == 0, "a raised target shows on the next read")
            try world.database.pool.write { try $0.execute(sql: "UPDATE employees SET active = 0 WHERE id = ?", arguments: [pegawai]) }
            #expect(try unit().employees == before.employees - 1)
            try world.database.pool.write { try $0.execute(sql: "UPDATE units SET name = 'Unit Berganti Nama' WHERE id = ?", arguments: [unitId]) }
            #expect(try unit().name == "Unit Berganti Nama")
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
