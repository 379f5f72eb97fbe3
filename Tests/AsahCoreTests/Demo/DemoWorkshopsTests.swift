@testable import AsahCore
@testable import AsahDemo
import Foundation
import GRDB
import Testing

/// The namespace of the demo suites, so `--filter AsahCoreTests.Demo` selects them.
enum Demo {}

extension Demo {
    @Suite("Demo workshops")
    struct DemoWorkshopsTests {
        /// A fixed moment: Wednesday 20 May 2026, 10.00 WIB.
        static let now: Int64 = 1_779_246_000

        /// The repository's `courses/` folder.
        static let coursesFolder: String = {
            var url = URL(fileURLWithPath: #filePath)
            for _ in 0..<4 { url.deleteLastPathComponent() } // Demo, AsahCoreTests, Tests, repository
            return url.appendingPathComponent("courses").path
        }()

        /// A demo database with the shipped catalogue, built at `now`.
        private func withDemo<T>(employees: Int = 500, seed: UInt64 = 42, now: Int64 = now,
                                 _ body: (AppDatabase, DemoPeople) throws -> T) throws -> T {
            try OrganisationFixtures.withDatabase { database in
                let report = try CatalogueSync(database: database).sync(folder: Self.coursesFolder)
                #expect(report.errors.isEmpty && report.loaded.count >= 10)
                try DemoAccounts.create(in: database, seed: seed, employeeCount: employees, password: "Demo-Sandi-2026!",
                                        now: now)
                let people = try database.pool.read { db in
                    func employee(_ login: String) throws -> Int64 {
                        try #require(try Int64.fetchOne(db, sql: "SELECT employee_id FROM users WHERE login = ?", arguments: [login]))
                    }
                    return DemoPeople(pegawai: try employee("demo.pegawai"), atasan: try employee("demo.atasan"),
                                      instruktur: try employee("demo.instruktur"), koordinator: try employee("demo.koordinator"))
                }
                return try body(database, people)
            }
        }

        /// The generated workshop data without the always-random codes and the wall-clock times.
        private func snapshot(_ database: AppDatabase) throws -> [String] {
            try database.pool.read { db in
                let queries = [
                    "SELECT id, course_id, code, title, capacity, enrol_opens_at, enrol_closes_at, starts_on, ends_on, status, cancelled_reason, created_at FROM runs ORDER BY id",
                    "SELECT id, run_id, starts_at, ends_at, place, online_url, instructor_employee_id FROM run_sessions ORDER BY id",
                    "SELECT * FROM enrolments ORDER BY id",
                    "SELECT * FROM attendance ORDER BY session_id, employee_id",
                    "SELECT * FROM training_hours ORDER BY id",
                    "SELECT id, enrolment_id, number, issued_at FROM certificates ORDER BY id",
                    "SELECT id, employee_id, kind, created_at, message, CASE WHEN kind = 'certificate_ready' THEN NULL ELSE link END FROM notifications ORDER BY id",
                    "SELECT id, login, employee_id FROM users ORDER BY id",
                ]
                return try queries.flatMap { sql in try Row.fetchAll(db, sql: sql).map(\.description) }
            }
        }

        @Test("runs of every status over the shipped catalogue, within capacity, completions certified and credited")
        func runsAndInvariants() throws {
            try withDemo { database, _ in
                try database.pool.read { db in
                    let statuses = Dictionary(grouping: try String.fetchAll(db, sql: "SELECT status FROM runs WHERE code NOT LIKE '%-PRJ-%'"),
                                                by: { $0 })
                        .mapValues(\.count)
                    let total = statuses.values.reduce(0, +)
                    #expect((12...20).contains(total), "\(statuses)")
                    #expect((statuses["finished"] ?? 0) >= 4)
                    #expect((2...3).contains(statuses["running"] ?? 0))
                    #expect((4...6).contains(statuses["open"] ?? 0))
                    #expect((1...2).contains(statuses["draft"] ?? 0))
                    #expect(statuses["cancelled"] == 1)
                    #expect(try String.fetchOne(db, sql: "SELECT cancelled_reason FROM runs WHERE status = 'cancelled'")?.isEmpty == false)

                    let overCapacity = try Row.fetchAll(db, sql: """
                        SELECT r.code, r.capacity, COUNT(e.id) AS held FROM runs r
                        JOIN enrolments e ON e.run_id = r.id AND e.state IN ('enrolled', 'offered', 'completed', 'not_completed')
                        GROUP BY r.id HAVING held > r.capacity
                        """)
                    #expect(overCapacity.isEmpty, "\(overCapacity)")

                    let uncredited = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM enrolments e JOIN runs r ON r.id = e.run_id JOIN courses c ON c.id = r.course_id
                        WHERE e.state = 'completed' AND (
                            NOT EXISTS (SELECT 1 FROM certificates x WHERE x.enrolment_id = e.id)
                            OR NOT EXISTS (SELECT 1 FROM training_hours h WHERE h.employee_id = e.employee_id AND h.run_id = e.run_id
                                           AND h.source = 'asah' AND h.status = 'verified' AND h.jp = c.jp))
                        """)
                    #expect(uncredited == 0)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolments WHERE state = 'completed'")! >= 40)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolments WHERE state = 'not_completed'")! >= 1)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolments WHERE state = 'declined' AND decided_reason IS NOT NULL")! >= 2)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolments WHERE mandatory")! >= 1)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolments WHERE state = 'offered'")! == 1)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_sessions WHERE online_url LIKE 'https://meet.asahmakmur.go.id/%'")! >= 1)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notifications")! > 0)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_hours WHERE source = 'external'")! >= 8)

                    // Attendance in every running run's past sessions only.
                    let futureMarks = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM attendance a JOIN run_sessions s ON s.id = a.session_id WHERE s.ends_at > ?
                        """, arguments: [Self.now])
                    #expect(futureMarks == 0)
                    // Every participant who asked themselves was approved by their own supervisor (or automatically).
                    let wrongApprover = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM enrolments e JOIN employees p ON p.id = e.employee_id
                        LEFT JOIN users u ON u.id = e.approved_by
                        WHERE e.nominated_by IS NULL AND e.approved_by IS NOT NULL AND u.employee_id IS NOT p.supervisor_id
                        """)
                    #expect(wrongApprover == 0)
                }
            }
        }

        @Test("demo.pegawai has certificates, a seat, a waitlist position and a request for demo.atasan; demo.instruktur teaches")
        func demoAccounts() throws {
            try withDemo { database, people in
                #expect(try !Certificates(database: database).held(employeeId: people.pegawai).isEmpty)
                let places = try EnrolmentService(database: database).places(employeeId: people.pegawai, now: Self.now)
                let waiting = places.compactMap(\.standing.waitlist)
                #expect(waiting.count == 1)
                #expect((waiting.first?.total ?? 0) >= 3 && (waiting.first?.total ?? 0) <= 5)
                #expect(places.contains { $0.standing.enrolment.state == .enrolled && $0.run.status == .open })
                let pending = try EnrolmentService(database: database).pendingRequests(supervisorEmployeeId: people.atasan)
                #expect(pending.contains { $0.employeeId == people.pegawai })

                let statuses = try database.pool.read { db in
                    try String.fetchAll(db, sql: """
                        SELECT DISTINCT r.status FROM run_sessions s JOIN runs r ON r.id = s.run_id WHERE s.instructor_employee_id = ?
                        """, arguments: [people.instruktur])
                }
                #expect(statuses.contains("running") && statuses.contains("open"))

                let external = try database.pool.read { db in
                    try String.fetchAll(db, sql: "SELECT status FROM training_hours WHERE employee_id = ? AND source = 'external'",
                                        arguments: [people.pegawai])
                }
                #expect(external.sorted() == ["pending", "verified"])
            }
        }

        @Test("the demo builds at any hour of the day, late evening and just after midnight included",
              arguments: [0, 6, 16, 17, 23])
        func anyHour(hourOffset: Int) throws {
            try withDemo(employees: 400, now: Self.now + Int64(hourOffset) * 3600) { database, _ in
                let runs = try database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
                #expect(runs >= 12)
            }
        }

        @Test("the same seed and moment give the same workshops")
        func deterministic() throws {
            let first = try withDemo(employees: 450, seed: 9) { database, _ in try snapshot(database) }
            let second = try withDemo(employees: 450, seed: 9) { database, _ in try snapshot(database) }
            let difference = zip(first, second).first { $0 != $1 }
            #expect(first.count == second.count && difference == nil, "first difference: \(String(describing: difference))")
            let other = try withDemo(employees: 450, seed: 10) { database, _ in try snapshot(database) }
            #expect(first != other)
        }

        @Test("without courses nothing is created")
        func emptyCatalogue() throws {
            try OrganisationFixtures.withDatabase { database in
                let people = try DemoKabupaten.generate(in: database, seed: 42, employeeCount: 400)
                let summary = try DemoWorkshops.generate(in: database, people: people, seed: 42, now: Self.now)
                #expect(summary == .empty)
                #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs") } == 0)
            }
        }
    }
}
