@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport

/// A running project-based run for the projects' tests: a course with a three-milestone plan
/// (rubric of two criteria, pass mark 70, teams of two), taught by demo.instruktur (the
/// default coach), with demo.pegawai (mentor: demo.atasan) and a second participant
/// (`peserta.lain`) enrolled; `orang.asing` is an employee with nothing to do with it.
struct ProjectFixture {
    static let password = TestApp.password
    static let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    let app: TestApp
    let training: TrainingFixture
    let run: Run

    var database: AppDatabase { app.database }

    init(app: TestApp, code: String = "PRJ-01", startedDaysAgo: Int = 5) throws {
        self.app = app
        training = TrainingFixture(app: app)
        let database = app.database
        let courseId = try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO courses (code, title_id, title_en, form, kind, jp, audience, prerequisites, min_attendance_percent,
                                     has_project, metadata, source_file, source_hash, synced_at)
                VALUES (?, 'Proyek Perubahan Uji', 'Test change project', 'nonklasikal', 'project_based', 40, '{"jabatan_kinds":[],"units":[]}', '[]', 80, 1,
                        ?, ?, 'x', 0)
                """, arguments: ["K-" + code, Self.metadata, code.lowercased() + ".md"])
            return db.lastInsertedRowID
        }
        let coordinator = try training.principal("demo.koordinator")
        let start = IndonesianTime.clock(9, daysAfter: -startedDaysAgo, from: Clock.now())
        let plan = RunPlan(courseId: courseId, code: code, title: "Angkatan Proyek \(code)", capacity: 20,
                           startsOn: IndonesianTime.date(of: start), endsOn: IndonesianTime.date(of: start + 90 * 86400),
                           sessions: [RunPlan.Session(startsAt: start, endsAt: start + 3 * 3600, place: "Aula BKPSDM",
                                                      instructorEmployeeId: try training.employeeId("demo.instruktur"))])
        let planning = RunPlanning(database: database)
        let created = try planning.create(plan, actor: coordinator).get()
        _ = try planning.setStatus(runId: created.id!, to: .open, actor: coordinator).get()
        let others = try database.pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT e.id FROM employees e WHERE e.active AND e.id NOT IN (SELECT employee_id FROM users WHERE employee_id IS NOT NULL)
                  AND e.supervisor_id IS NOT NULL AND e.id NOT IN (SELECT supervisor_id FROM employees WHERE supervisor_id IS NOT NULL)
                ORDER BY e.id LIMIT 2
                """)
        }
        try Self.account("peserta.lain", employeeId: others[0], in: database)
        try Self.account("orang.asing", employeeId: others[1], in: database)
        let enrolment = EnrolmentService(database: database)
        for login in ["demo.pegawai", "peserta.lain"] {
            let person = try training.principal(login)
            let place = try enrolment.request(runId: created.id!, employeeId: person.employeeId!, actor: person).get()
            if place.state == .requested {
                _ = try enrolment.approve(enrolmentId: place.id!, actor: coordinator).get()
            }
        }
        run = try planning.setStatus(runId: created.id!, to: .running, actor: coordinator).get()
    }

    static let metadata = """
        {"project": {"milestones": [{"name": "Rancangan", "due_day": 7}, \
        {"name": "Implementasi", "due_day": 30, "duration_days": 20}, \
        {"name": "Laporan dan seminar hasil", "due_day": 40, "final_report": true}], \
        "rubric": [{"criterion": "Ketajaman masalah", "weight": 40}, {"criterion": "Capaian", "weight": 60}], \
        "pass_mark": 70, "rubric_scale": 100, "team_size": 2}}
        """

    static func account(_ login: String, employeeId: Int64, in database: AppDatabase) throws {
        let nip = try database.pool.read { try String.fetchOne($0, sql: "SELECT nip FROM employees WHERE id = ?", arguments: [employeeId])! }
        _ = try Accounts(database: database).add(login: login, nip: nip, displayName: nil, password: password, roles: [],
                                                 actor: nil, ip: "test").get()
    }

    /// demo.pegawai's project, started through the domain.
    func pegawaiProject(title: String = "Antrean daring layanan KTP") throws -> Project {
        try Projects(database: database).start(
            runId: run.id!, Project.Description(title: title, problem: "Antrean panjang di loket Dukcapil setiap pagi.",
                                                stakeholders: "Warga, petugas loket", outcome: "Waktu tunggu turun",
                                                measure: "Rata-rata waktu tunggu", coreValues: [.berorientasiPelayanan]),
            actor: try training.principal("demo.pegawai")).get()
    }

    /// Moves `project` through every milestone to the coach's final acceptance with `scores`.
    func complete(_ project: Project, scores: [Int] = [80, 90]) throws {
        let pegawai = try training.principal("demo.pegawai")
        let coach = try training.principal("demo.instruktur")
        let reviews = ProjectReviews(database: database)
        for position in 0..<3 {
            _ = try reviews.submit(projectId: project.id!, position: position, body: "Kiriman tahap \(position + 1)",
                                   files: [], actor: pegawai).get()
            _ = try reviews.review(projectId: project.id!, position: position, decision: .accept, comment: "Baik",
                                   scores: position == 2 ? scores : nil, actor: coach).get()
        }
    }
}
