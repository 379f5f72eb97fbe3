@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing
@testable import AsahWeb

/// Each role's home leads with what waits for that person, each line a link that does it.
@Suite("Home: what waits for each role")
struct HomeTasksTests {
    /// A run open for enrolment, nobody enrolled, starting in ten days.
    static func openRun(_ fixture: TrainingFixture, _ code: String, capacity: Int = 10, courseId: Int64? = nil) throws -> Run {
        let coordinator = try fixture.principal("demo.koordinator")
        let start = Clock.now() + 10 * 86400
        let plan = RunPlan(courseId: try courseId ?? fixture.course("K-" + code), code: code, title: "Angkatan Terbuka \(code)", capacity: capacity,
                           startsOn: IndonesianTime.date(of: start), endsOn: IndonesianTime.date(of: start + 3 * 3600),
                           sessions: [RunPlan.Session(startsAt: start, endsAt: start + 3 * 3600, place: "Aula BKPSDM",
                                                      instructorEmployeeId: try fixture.employeeId("demo.instruktur"))])
        let planning = RunPlanning(database: fixture.database)
        let run = try planning.create(plan, actor: coordinator).get()
        return try planning.setStatus(runId: run.id!, to: .open, actor: coordinator).get()
    }

    @Test("the employee's next session and JP, the run they may join; once they ask, their supervisor's request line and menu count")
    func employeeAndSupervisor() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let (running, sessions) = try fixture.runningRun("HOME-1", firstSession: Clock.now() - 3600)
        let open = try Self.openRun(fixture, "HOME-2")

        var pegawai = try app.signIn("demo.pegawai")
        var home = try pegawai.get("/").text
        #expect(home.contains("Yang menunggu Anda") && home.contains("Jam pelatihan (JP) tahun"))
        #expect(home.contains("href=\"/runs/\(running.id!)\">Angkatan Uji HOME-1 · sesi 2 dari 2</a>"), "the next session, not the past one")
        #expect(home.contains("href=\"/runs/\(open.id!)\">Angkatan Terbuka HOME-2</a>"))
        #expect(!home.contains("Permintaan menunggu persetujuan Anda") && !home.contains("Menunggu tindakan koordinator"))

        let request = try pegawai.post("/runs/\(open.id!)/request", [])
        #expect(request.status == 303)
        home = try pegawai.get("/").text
        #expect(!home.contains("Angkatan Terbuka HOME-2</a>"), "a run they asked for is no longer offered")

        var atasan = try app.signIn("demo.atasan")
        let supervisorHome = try atasan.get("/").text
        let pegawaiId = try fixture.employeeId("demo.pegawai")
        let name = try app.database.pool.read { try String.fetchOne($0, sql: "SELECT name FROM employees WHERE id = ?",
                                                                    arguments: [pegawaiId])! }
        #expect(supervisorHome.contains("\(HTMLEscape.escape(name)) meminta ikut Angkatan Terbuka HOME-2"))
        let atasanId = try fixture.employeeId("demo.atasan")
        let waiting = try app.database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM enrolments e JOIN employees p ON p.id = e.employee_id JOIN runs r ON r.id = e.run_id
                WHERE e.state = 'requested' AND p.supervisor_id = ? AND r.status IN ('open', 'closed')
                """, arguments: [atasanId])!
        }
        #expect(waiting >= 1)
        #expect(supervisorHome.contains("Persetujuan <span class=\"nav-count\" aria-label=\"\(waiting) permintaan menunggu keputusan\">\(waiting)</span>"),
                "counted in the menu")
        _ = sessions
    }

    @Test("the instructor's teaching schedule and attendance not yet taken; the coordinator's evidence waiting")
    func instructorAndCoordinator() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let (run, sessions) = try fixture.runningRun("HOME-3", firstSession: Clock.now() - 3600)
        var instruktur = try app.signIn("demo.instruktur")
        let home = try instruktur.get("/").text
        #expect(home.contains("Jadwal mengajar") && home.contains("href=\"/runs/\(run.id!)\">Angkatan Uji HOME-3 · sesi 2 dari 2</a>"))
        #expect(home.contains("href=\"/sessions/\(sessions[0].id!)/attendance\">Catat kehadiran: Angkatan Uji HOME-3</a>"))

        // The teaching schedule behind it: the session that started, its attendance to record; the next not started.
        let schedule = try instruktur.get("/teaching").text
        #expect(schedule.contains("<a href=\"/sessions/\(sessions[0].id!)/attendance\">tercatat 0 dari 1</a> <span class=\"badge\">perlu dicatat</span>"))
        #expect(schedule.contains("belum dimulai") && schedule.contains("Angkatan Uji HOME-3 · sesi 2 dari 2"))
        var employee = try app.signIn("demo.pegawai")
        #expect(try employee.get("/teaching").status == 403)

        let pegawaiId = try fixture.employeeId("demo.pegawai")
        try app.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO training_hours (employee_id, year, jp, source, title, organiser, status, created_at)
                VALUES (?, ?, 4, 'external', 'Webinar Uji', 'LAN', 'pending', ?)
                """, arguments: [pegawaiId, IndonesianTime.date(of: Clock.now()).year, Clock.now()])
        }
        let pending = try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM training_hours WHERE status = 'pending'")! }
        var koordinator = try app.signIn("demo.koordinator")
        let coordinatorHome = try koordinator.get("/").text
        #expect(coordinatorHome.contains("href=\"/hours/reviews\">\(pending) pelatihan eksternal menunggu verifikasi</a>"))

        var pegawai = try app.signIn("demo.pegawai")
        #expect(!(try pegawai.get("/").text.contains("pelatihan eksternal menunggu verifikasi")), "coordinators' work only for them")
    }
}

/// The catalogue says when: each course's next run, and filters for what is open now and by month.
@Suite("Catalogue: when courses are on offer")
struct CatalogueOffersTests {
    @Test("a course card shows its next run; 'open now' and the month keep only courses with such a run; a bad month is a 400")
    func offers() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let course = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM courses WHERE code = 'KEM-01'")! }
        let run = try HomeTasksTests.openRun(fixture, "CAT-1", courseId: course)
        var pegawai = try app.signIn("demo.pegawai")
        let all = try pegawai.get("/courses").text
        #expect(all.contains("Komunikasi Efektif dengan Masyarakat") && all.contains("<a href=\"/runs/\(run.id!)\">Angkatan Terbuka CAT-1</a>"))
        #expect(all.contains("pendaftaran dibuka") && all.contains("Belum ada angkatan terjadwal."))

        let open = try pegawai.get("/courses?open=1").text
        #expect(open.contains("Komunikasi Efektif dengan Masyarakat") && !open.contains("Belum ada angkatan terjadwal."))
        let month = String(format: "%04d-%02d", run.startsOn.year, run.startsOn.month)
        #expect(try pegawai.get("/courses?month=\(month)").text.contains("Komunikasi Efektif dengan Masyarakat"))
        let other = run.startsOn.month == 12 ? "\(run.startsOn.year + 1)-06" : "\(run.startsOn.year)-\(run.startsOn.month < 6 ? "11" : "01")"
        #expect(!(try pegawai.get("/courses?month=\(other)").text.contains("Komunikasi Efektif dengan Masyarakat")))
        #expect(try pegawai.get("/courses?month=2027-13").status == 400)
        #expect(try pegawai.get("/courses?month=27-1").status == 400)
    }

    @Test("a course card, shared by every reader, follows its run at once (seats as they change) and the reader's language")
    func sharedCardsStayTrue() throws {
        let app = try TestApp()
        let fixture = TrainingFixture(app: app)
        let course = try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM courses WHERE code = 'KEM-01'")! }
        let run = try HomeTasksTests.openRun(fixture, "CAT-2", capacity: 3, courseId: course)
        var pegawai = try app.signIn("demo.pegawai")
        var atasan = try app.signIn("demo.atasan")
        #expect(try pegawai.get("/courses").text.contains("sisa 3 kursi"))
        #expect(try atasan.get("/courses").text.contains("sisa 3 kursi"))

        try app.database.pool.write { try $0.execute(sql: "UPDATE runs SET capacity = 2 WHERE id = ?", arguments: [run.id!]) }
        let after = try pegawai.get("/courses").text
        #expect(after.contains("sisa 2 kursi") && !after.contains("sisa 3 kursi"))

        #expect(try atasan.post("/language", [("lang", "en"), ("next", "/")]).status == 303)
        let english = try atasan.get("/courses").text
        #expect(english.contains("2 seats left") && !english.contains("sisa 2 kursi"))
        #expect(try pegawai.get("/courses").text.contains("sisa 2 kursi"))
    }
}
