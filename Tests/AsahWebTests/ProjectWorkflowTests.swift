@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Projects: reminders, moved dates, coach and mentor, team mates")
struct ProjectWorkflowTests {
    /// How many notifications of `kind` about `project` each person got, by login.
    private func reminders(_ kind: NotificationKind, project: Int64, _ fixture: ProjectFixture) throws -> [String: Int] {
        try fixture.database.pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT COALESCE(u.login, '?') AS login, COUNT(*) AS n FROM notifications n
                LEFT JOIN users u ON u.employee_id = n.employee_id
                WHERE n.kind = ? AND (n.link = ? OR n.link LIKE ?) GROUP BY n.employee_id
                """, arguments: [kind, "/projects/\(project)", "/projects/\(project)#%"])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["login"] as String, $0["n"] as Int) })
        }
    }

    @Test("the sweep reminds before the due date, on lateness and reviewers who let a submission wait, each once")
    func sweepReminders() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)  // started 5 days ago: Rancangan (day 7) is due in 2 days
        let project = try fixture.pegawaiProject()
        let id = project.id!
        let sweep = ProjectSweep(database: app.database)
        let now = Clock.now()

        try sweep.run(now: now - 2 * 86400)  // four days before the due date: too early
        #expect(try reminders(.projectDueSoon, project: id, fixture).isEmpty)
        try sweep.run(now: now)
        try sweep.run(now: now + 3600)
        #expect(try reminders(.projectDueSoon, project: id, fixture) == ["demo.pegawai": 1])
        #expect(try reminders(.projectLate, project: id, fixture).isEmpty)

        try sweep.run(now: now + 4 * 86400)  // two days late
        try sweep.run(now: now + 5 * 86400)
        #expect(try reminders(.projectLate, project: id, fixture) == ["demo.pegawai": 1])
        #expect(try reminders(.projectDueSoon, project: id, fixture) == ["demo.pegawai": 1])
        var employee = try app.signIn("demo.pegawai")
        let notifications = try employee.get("/notifications").text
        #expect(notifications.contains("Pengingat: Rancangan proyek &quot;Antrean daring layanan KTP&quot; jatuh tempo"))
        #expect(notifications.contains("Rancangan proyek &quot;Antrean daring layanan KTP&quot; terlambat"))

        // Submitted now: the coach and the mentor are told at once, and reminded after three days of waiting.
        try employee.get("/projects/\(id)")
        #expect(try employee.postMultipart("/projects/\(id)/milestones/0/submissions", fields: [("body", "Rancangan")],
                                           files: []).status == 303)
        try sweep.run(now: Clock.now() + 2 * 86400)
        #expect(try reminders(.projectReviewWaiting, project: id, fixture).isEmpty)
        try sweep.run(now: Clock.now() + 3 * 86400 + 60)
        try sweep.run(now: Clock.now() + 6 * 86400)
        #expect(try reminders(.projectReviewWaiting, project: id, fixture) == ["demo.instruktur": 1, "demo.atasan": 1])
        // While it waits, the team is not told it is late.
        #expect(try reminders(.projectLate, project: id, fixture) == ["demo.pegawai": 1])
        var coach = try app.signIn("demo.instruktur")
        #expect(try coach.get("/notifications").text.contains("menunggu pemeriksaan sejak"))
    }

    @Test("the coordinator moves milestone dates for the run: all or none, in order, after the first day")
    func moveDates() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        let start = fixture.run.startsOn
        let path = "/runs/\(fixture.run.id!)/milestones"
        var coordinator = try app.signIn("demo.koordinator")
        let board = try coordinator.get("/runs/\(fixture.run.id!)/board")
        #expect(board.status == 200)
        #expect(board.text.contains("name=\"due_1\" value=\"\(start.adding(days: 30).iso)\""))

        // One good date with one out of order: neither is saved.
        let mixed = try coordinator.post(path, [("due_0", start.adding(days: 9).iso), ("due_1", start.adding(days: 35).iso),
                                                ("due_2", start.adding(days: 20).iso)])
        #expect(mixed.status == 422)
        #expect(mixed.text.contains("Laporan dan seminar hasil tidak boleh jatuh tempo sebelum Implementasi."))
        let early = try coordinator.post(path, [("due_0", start.iso)])
        #expect(early.status == 422)
        #expect(early.text.contains("Rancangan: tanggal harus sesudah hari pertama angkatan"))
        let garbage = try coordinator.post(path, [("due_0", "besok")])
        #expect(garbage.status == 422)
        #expect(garbage.text.contains("Tanggal &#39;besok&#39; tidak valid") || garbage.text.contains("Tanggal 'besok' tidak valid"))
        #expect(try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM run_milestone_dates") } == 0)

        let moved = try coordinator.post(path, [("due_0", start.adding(days: 9).iso), ("due_1", start.adding(days: 35).iso),
                                                ("due_2", start.adding(days: 40).iso)])
        #expect(moved.status == 303)
        var employee = try app.signIn("demo.pegawai")
        let page = try employee.get("/projects/\(project.id!)").text
        #expect(page.contains(app.indonesianDate(start.adding(days: 9))))
        #expect(page.contains(app.indonesianDate(start.adding(days: 35))))
        #expect(page.contains(app.indonesianDate(start.adding(days: 15))), "the implementasi keeps its 20 days")
        #expect(page.components(separatedBy: "digeser koordinator").count - 1 == 2, "the unchanged final date is not marked")
        // Moving a date back to the course file's removes the override.
        try coordinator.get("/runs/\(fixture.run.id!)/board")
        #expect(try coordinator.post(path, [("due_0", start.adding(days: 7).iso)]).status == 303)
        #expect(try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM run_milestone_dates") } == 1)
        // The coach sees the board but may not move dates.
        var coach = try app.signIn("demo.instruktur")
        try coach.get("/runs/\(fixture.run.id!)/board")
        #expect(try coach.post(path, [("due_0", start.adding(days: 8).iso)]).status == 403)
    }

    @Test("the coordinator reassigns coach and mentor; the new ones are told and see it, the old coach no longer does")
    func reassign() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        let id = project.id!
        let path = "/projects/\(id)/staff"
        var coordinator = try app.signIn("demo.koordinator")
        let page = try coordinator.get("/projects/\(id)")
        #expect(page.text.contains("value=\"\(try app.nip(of: "demo.instruktur"))\""), "the coach's NIP is filled in")

        let unknown = try coordinator.post(path, [("coach", "199901012020121999"), ("mentor", try app.nip(of: "demo.atasan"))])
        #expect(unknown.status == 422)
        #expect(unknown.text.contains("Tidak ada pegawai aktif yang cocok dengan “199901012020121999”"))
        let member = try coordinator.post(path, [("coach", try app.nip(of: "demo.pegawai")), ("mentor", "")])
        #expect(member.status == 422)
        #expect(member.text.contains("Coach tidak boleh anggota tim proyeknya sendiri."))
        #expect(try app.database.pool.read { try Project.fetchOne($0, key: id) }?.coachEmployeeId
                == (try fixture.training.employeeId("demo.instruktur")))

        let saved = try coordinator.post(path, [("coach", try app.nip(of: "orang.asing")), ("mentor", try app.nip(of: "demo.koordinator"))])
        #expect(saved.status == 303)
        let stored = try #require(try app.database.pool.read { try Project.fetchOne($0, key: id) })
        #expect(stored.coachEmployeeId == (try fixture.training.employeeId("orang.asing")))
        #expect(stored.mentorEmployeeId == (try fixture.training.employeeId("demo.koordinator")))
        var newCoach = try app.signIn("orang.asing")
        #expect(try newCoach.get("/notifications").text.contains("Anda menjadi coach proyek"))
        #expect(try newCoach.get("/projects/\(id)").status == 200)
        var oldCoach = try app.signIn("demo.instruktur")
        #expect(try oldCoach.get("/projects/\(id)").status == 404)
        // A participant may not reassign.
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/projects/\(id)")
        #expect(try employee.post(path, [("coach", try app.nip(of: "demo.pegawai")), ("mentor", "")]).status == 403)
    }

    @Test("the owner adds an enrolled participant as team mate where the course allows teams, up to its team size")
    func teamMates() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)  // team_size: 2
        let project = try fixture.pegawaiProject()
        let id = project.id!
        let path = "/projects/\(id)/team"
        var owner = try app.signIn("demo.pegawai")
        try owner.get("/projects/\(id)")
        let stranger = try owner.post(path, [("nip", try app.nip(of: "orang.asing"))])
        #expect(stranger.status == 422)
        #expect(stranger.text.contains("Hanya peserta terdaftar angkatan ini"))
        #expect(try owner.post(path, [("nip", try app.nip(of: "peserta.lain"))]).status == 303)
        var mate = try app.signIn("peserta.lain")
        #expect(try mate.get("/projects/\(id)").status == 200)
        #expect(try mate.get("/notifications").text.contains("Anda ditambahkan ke tim proyek"))
        // The team mate submits for the team; the mate cannot add people (only the owner or a coordinator).
        #expect(try mate.postMultipart("/projects/\(id)/milestones/0/submissions", fields: [("body", "Dari anggota tim")],
                                       files: []).status == 303)
        try mate.get("/projects/\(id)")
        #expect(try mate.post(path, [("nip", try app.nip(of: "orang.asing"))]).status == 422)
        // A third person, enrolled too, does not fit a team of two.
        let asing = try fixture.training.employeeId("orang.asing")
        try app.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO enrolments (run_id, employee_id, state, requested_at, approved_at, updated_at)
                VALUES (?, ?, 'enrolled', 0, 0, 0)
                """, arguments: [fixture.run.id, asing])
        }
        let full = try owner.post(path, [("nip", try app.nip(of: "orang.asing"))])
        #expect(full.status == 422)
        #expect(full.text.contains("Tim proyek paling banyak 2 orang."))
        #expect(try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM project_members WHERE project_id = ?", arguments: [id]) } == 2)
    }

    @Test("a course without teams refuses team mates")
    func teamsRefused() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        try app.database.pool.write { db in
            try db.execute(sql: "UPDATE courses SET metadata = replace(metadata, '\"team_size\": 2', '\"team_size\": 1') WHERE code = 'K-PRJ-01'")
        }
        let project = try fixture.pegawaiProject()
        var owner = try app.signIn("demo.pegawai")
        let page = try owner.get("/projects/\(project.id!)")
        #expect(!page.text.contains("/projects/\(project.id!)/team"), "no form to add a team mate")
        let refused = try owner.post("/projects/\(project.id!)/team", [("nip", try app.nip(of: "peserta.lain"))])
        #expect(refused.status == 422)
        #expect(refused.text.contains("Kursus ini tidak mengizinkan proyek tim."))
    }

    @Test("the mentor's dashboard shows their subordinates' projects and the submissions waiting for them")
    func mentorDashboard() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject(title: "Loket keliling kecamatan")
        var mentor = try app.signIn("demo.atasan")
        var dashboard = try mentor.get("/").text
        #expect(dashboard.contains("Proyek yang Anda mentori"))
        #expect(dashboard.contains("<a href=\"/projects/\(project.id!)\">Loket keliling kecamatan</a>"))
        #expect(!dashboard.contains("menunggu pemeriksaan Anda sebagai mentor"))
        _ = try ProjectReviews(database: app.database).submit(projectId: project.id!, position: 0, body: "Rancangan", files: [],
                                                              actor: try fixture.training.principal("demo.pegawai")).get()
        dashboard = try mentor.get("/").text
        #expect(dashboard.contains("1 kiriman menunggu pemeriksaan Anda sebagai mentor"))
        // Someone who mentors nothing sees no such section.
        var stranger = try app.signIn("orang.asing")
        #expect(!(try stranger.get("/").text.contains("Proyek yang Anda mentori")))
    }

    @Test("the board shows each participant's late milestones and how long submissions have waited for review")
    func board() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app, startedDaysAgo: 10)  // Rancangan (day 7) was due three days ago
        let late = try fixture.pegawaiProject()
        let other = try fixture.training.principal("peserta.lain")
        let waiting = try Projects(database: app.database).start(
            runId: fixture.run.id!, Project.Description(title: "Arsip digital kelurahan", problem: "Arsip hilang"), actor: other).get()
        _ = try ProjectReviews(database: app.database).submit(projectId: waiting.id!, position: 0, body: "Rancangan", files: [],
                                                              actor: other, now: Clock.now() - 2 * 86400 - 600).get()
        var coach = try app.signIn("demo.instruktur")
        let boardLink = "<a href=\"/runs/\(fixture.run.id!)/board\">"
        #expect(try coach.get("/runs/\(fixture.run.id!)").text.contains(boardLink), "the run page links to the board")
        var employee = try app.signIn("demo.pegawai")
        #expect(!(try employee.get("/runs/\(fixture.run.id!)").text.contains(boardLink)), "not for participants")
        #expect(try coach.get("/projects").text.contains(boardLink), "the coach's projects page lists the boards")
        #expect(!(try employee.get("/projects").text.contains(boardLink)))
        let page = try coach.get("/runs/\(fixture.run.id!)/board").text
        let rows = page.components(separatedBy: "<tr").dropFirst(2)
        let lateRow = try #require(rows.first { $0.contains(late.title) })
        #expect(lateRow.contains("class=\"is-late\""))
        #expect(lateRow.contains("badge milestone-state-not_submitted late"))
        #expect(lateRow.contains("<td>1</td>"), "one late milestone")
        let waitingRow = try #require(rows.first { $0.contains("Arsip digital kelurahan") })
        #expect(waitingRow.contains("Menunggu pemeriksaan (2 hari)"))
        #expect(!waitingRow.contains("is-late"))
        let api = try JSONSerialization.jsonObject(with: Data(try coach.get("/api/v1/runs/\(fixture.run.id!)/board").body)) as? [String: Any]
        let lines = try #require(api?["lines"] as? [[String: Any]])
        #expect(lines.first { $0["title"] as? String == late.title }?["late"] as? Int == 1)
        #expect(lines.first { $0["title"] as? String == "Arsip digital kelurahan" }?["late"] as? Int == 0)
    }

    @Test("concurrent submissions of one milestone make one round; concurrent decisions on it record one")
    func concurrency() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        let reviews = ProjectReviews(database: app.database)
        let pegawai = try fixture.training.principal("demo.pegawai")
        let coach = try fixture.training.principal("demo.instruktur")
        let submitted = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let result = try? reviews.submit(projectId: project.id!, position: 0, body: "Kiriman \(index)", files: [], actor: pegawai)
            submitted.add(result.map { if case .success = $0 { "ok" } else { "refused" } } ?? "error")
        }
        #expect(submitted.counts == ["ok": 1, "refused": 7])
        let decided = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let result = try? reviews.review(projectId: project.id!, position: 0, decision: index.isMultiple(of: 2) ? .accept : .revise,
                                             comment: "Keputusan \(index)", scores: nil, actor: coach)
            decided.add(result.map { if case .success = $0 { "ok" } else { "refused" } } ?? "error")
        }
        #expect(decided.counts == ["ok": 1, "refused": 7])
        let rows = try app.database.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM milestone_submissions WHERE project_id = ?", arguments: [project.id]),
             try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM milestone_reviews r JOIN milestone_submissions s ON s.id = r.submission_id WHERE s.project_id = ?
                """, arguments: [project.id]))
        }
        #expect(rows.0 == 1 && rows.1 == 1)
    }

    /// Outcomes counted from several threads.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var tally: [String: Int] = [:]

        func add(_ outcome: String) { lock.withLock { tally[outcome, default: 0] += 1 } }
        var counts: [String: Int] { lock.withLock { tally } }
    }
}
