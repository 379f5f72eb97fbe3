@testable import AsahCore
import Foundation
import GRDB

/// Runs built through the domain services for the training pages' tests (the demo database
/// has no runs): a course, a run taught by demo.instruktur with demo.pegawai enrolled.
struct TrainingFixture {
    let app: TestApp

    var database: AppDatabase { app.database }

    func principal(_ login: String) throws -> Principal {
        try database.pool.read { db in
            let userId = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [login])!
            return try Principal.load(userId: userId, in: db)!
        }
    }

    func employeeId(_ login: String) throws -> Int64 {
        try principal(login).employeeId!
    }

    /// A course open to everyone without prerequisites.
    func course(_ code: String, jp: Int = 24) throws -> Int64 {
        try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO courses (code, title_id, title_en, form, kind, jp, audience, prerequisites, min_attendance_percent,
                                     source_file, source_hash, synced_at)
                VALUES (?, ?, ?, 'klasikal', 'teknis', ?, '{}', '[]', 80, ?, 'x', 0)
                """, arguments: [code, "Pelatihan Uji \(code)", "Test course \(code)", jp, code.lowercased() + ".md"])
            return db.lastInsertedRowID
        }
    }

    /// A run of two three-hour sessions starting at `firstSession`, taught by demo.instruktur,
    /// with demo.pegawai enrolled (approved by demo.atasan), moved to running.
    func runningRun(_ code: String, firstSession: Int64, jp: Int = 24) throws -> (run: Run, sessions: [RunSession]) {
        let coordinator = try principal("demo.koordinator")
        let plan = RunPlan(
            courseId: try course("K-" + code, jp: jp), code: code, title: "Angkatan Uji \(code)", capacity: 10,
            startsOn: IndonesianTime.date(of: firstSession), endsOn: IndonesianTime.date(of: firstSession + 86400 + 3 * 3600),
            sessions: [0, 1].map { day in
                RunPlan.Session(startsAt: firstSession + Int64(day) * 86400, endsAt: firstSession + Int64(day) * 86400 + 3 * 3600,
                                place: "Aula BKPSDM", instructorEmployeeId: try? employeeId("demo.instruktur"))
            })
        let planning = RunPlanning(database: database)
        let run = try planning.create(plan, actor: coordinator).get()
        _ = try planning.setStatus(runId: run.id!, to: .open, actor: coordinator).get()
        let pegawai = try principal("demo.pegawai")
        let enrolment = try EnrolmentService(database: database).request(runId: run.id!, employeeId: pegawai.employeeId!,
                                                                          actor: pegawai).get()
        if enrolment.state == .requested {
            _ = try EnrolmentService(database: database).approve(enrolmentId: enrolment.id!, actor: try principal("demo.atasan")).get()
        }
        let running = try planning.setStatus(runId: run.id!, to: .running, actor: coordinator).get()
        return (running, try planning.sessions(runId: run.id!))
    }

    /// A finished run in the past that demo.pegawai attended fully: JP credited, certificate issued.
    func completedRun(_ code: String, jp: Int = 24) throws -> Run {
        let start = IndonesianTime.clock(9, daysAfter: -10, from: Clock.now())
        let (run, sessions) = try runningRun(code, firstSession: start, jp: jp)
        let coordinator = try principal("demo.koordinator")
        let pegawai = try employeeId("demo.pegawai")
        for session in sessions {
            _ = try Attendance(database: database).mark(sessionId: session.id!, present: [pegawai], actor: coordinator).get()
        }
        _ = try Completion(database: database).finish(runId: run.id!, actor: coordinator).get()
        return run
    }

    /// The certificate (id, code) of demo.pegawai for `run`.
    func certificate(of run: Run) throws -> (id: Int64, code: String) {
        let pegawai = try employeeId("demo.pegawai")
        return try database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT c.id, c.code FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id
                WHERE e.run_id = ? AND e.employee_id = ?
                """, arguments: [run.id, pegawai])!
            return (row["id"], row["code"])
        }
    }
}
