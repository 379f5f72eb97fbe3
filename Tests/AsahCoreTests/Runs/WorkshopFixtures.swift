import Foundation
import GRDB
@testable import AsahCore
@testable import AsahDemo

/// The namespace of the workshop suites, so `--filter AsahCoreTests.Workshops` selects them.
enum Workshops {}

/// A demo kabupaten with an account per employee, a coordinator, courses inserted with plain
/// SQL, and helpers to plan runs at fixed times.
struct WorkshopWorld {
    let database: AppDatabase
    let people: DemoPeople
    let coordinator: Principal

    /// The principal of the account of `employeeId` (every employee has one).
    func principal(_ employeeId: Int64) throws -> Principal {
        try database.pool.read { db in
            let userId = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE employee_id = ?", arguments: [employeeId])!
            return try Principal.load(userId: userId, in: db)!
        }
    }

    func employee(_ id: Int64) throws -> Employee {
        try database.pool.read { try Employee.fetchOne($0, key: id)! }
    }

    /// Inserts a course row; `audience` and `prerequisites` are the stored JSON.
    @discardableResult
    func course(_ code: String, jp: Int = 24, minAttendance: Int = 80, prerequisites: [String] = [],
                audience: String = "{}") throws -> Int64 {
        let list = "[" + prerequisites.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        return try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO courses (code, title_id, title_en, form, kind, jp, audience, prerequisites, min_attendance_percent,
                                     source_file, source_hash, synced_at)
                VALUES (?, ?, ?, 'klasikal', 'teknis', ?, ?, ?, ?, ?, 'x', 0)
                """, arguments: [code, "Kursus \(code)", "Course \(code)", jp, audience, list, minAttendance, code.lowercased() + ".md"])
            return db.lastInsertedRowID
        }
    }

    /// A plan of `sessions` daily three-hour sessions from `firstSession` (16 March 2026, 09.00 WIB).
    func plan(course: Int64, code: String, capacity: Int, sessions: Int = 2, firstSession: Int64 = WorkshopFixtures.start,
              instructor: Int64? = nil, quotas: [Int64: Int] = [:]) -> RunPlan {
        RunPlan(courseId: course, code: code, title: "Angkatan \(code)", capacity: capacity,
                startsOn: IndonesianTime.date(of: firstSession),
                endsOn: IndonesianTime.date(of: firstSession + Int64(sessions - 1) * 86400 + 3 * 3600),
                sessions: (0..<sessions).map { day in
                    let start = firstSession + Int64(day) * 86400
                    return RunPlan.Session(startsAt: start, endsAt: start + 3 * 3600, place: "Aula BKPSDM, Lt. 2",
                                           instructorEmployeeId: instructor)
                }, quotas: quotas)
    }

    /// Creates the run from `plan` and opens it.
    func openRun(_ plan: RunPlan) throws -> Run {
        let planning = RunPlanning(database: database)
        let run = try planning.create(plan, actor: coordinator, now: WorkshopFixtures.now).get()
        return try planning.setStatus(runId: run.id!, to: .open, actor: coordinator).get()
    }

    /// `count` active employees with an active supervisor, neither of them the coordinator.
    func staff(_ count: Int) throws -> [Employee] {
        try database.pool.read { db in
            try Employee.fetchAll(db, sql: """
                SELECT e.* FROM employees e JOIN employees s ON s.id = e.supervisor_id
                WHERE e.active AND s.active AND e.id != ?1 AND s.id != ?1 ORDER BY e.id LIMIT ?2
                """, arguments: [coordinator.employeeId, count])
        }
    }

    func enrolment(_ id: Int64) throws -> Enrolment {
        try database.pool.read { try Enrolment.fetchOne($0, key: id)! }
    }

    func notifications(_ employeeId: Int64) throws -> [AppNotification] {
        try Notifications(database: database).recent(employeeId: employeeId)
    }
}

enum WorkshopFixtures {
    /// 16 March 2026, 09.00 WIB: the first session of most test runs.
    static let start = wib(2026, 3, 16, 9)
    /// Two weeks before: when requests and approvals happen in the tests.
    static let now = start - 14 * 86400

    /// Unix seconds of a WIB wall-clock time.
    static func wib(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = LocalZone.wib.timeZone
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
        return Int64(date.timeIntervalSince1970)
    }

    /// Runs `body` with a fresh world of `employeeCount` demo employees in a temporary database.
    static func withWorld<T>(employeeCount: Int = 400, _ body: (WorkshopWorld) throws -> T) throws -> T {
        try OrganisationFixtures.withDatabase { database in
            let people = try DemoKabupaten.generate(in: database, seed: 42, employeeCount: employeeCount)
            let coordinatorUser = try database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO users (login, employee_id, display_name, created_at) SELECT 'u' || id, id, name, 0 FROM employees
                    """)
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE employee_id = ?", arguments: [people.koordinator])!
                try db.execute(sql: "INSERT INTO user_roles (user_id, role) VALUES (?, 'koordinator')", arguments: [id])
                return id
            }
            let coordinator = try database.pool.read { try Principal.load(userId: coordinatorUser, in: $0)! }
            return try body(WorkshopWorld(database: database, people: people, coordinator: coordinator))
        }
    }
}

extension Result {
    /// The failure, or `nil` on success (for `#expect(result.problem == ...)`).
    var problem: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
