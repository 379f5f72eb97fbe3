@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing
@testable import AsahWeb

@Suite("Projects: milestones, reviews with history, completion, board and gallery")
struct ProjectsTests {
    @Test("a participant starts a project; milestone dates come from the template; coach and mentor default")
    func start() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        var employee = try app.signIn("demo.pegawai")
        let list = try employee.get("/projects")
        #expect(list.text.contains("/runs/\(fixture.run.id!)/projects/new"))
        #expect(try employee.get("/runs/\(fixture.run.id!)/projects/new").status == 200)
        let empty = try employee.post("/runs/\(fixture.run.id!)/projects", [("title", " "), ("problem", "")])
        #expect(empty.status == 422)
        #expect(empty.text.contains("Judul proyek wajib diisi."))
        let started = try employee.post("/runs/\(fixture.run.id!)/projects", [
            ("title", "Antrean daring layanan KTP"), ("problem", "Antrean panjang setiap pagi"), ("values", "adaptif")])
        #expect(started.status == 303)
        let page = try employee.get(try #require(started.header("Location")))
        #expect(page.status == 200)
        #expect(page.text.contains("Antrean daring layanan KTP"))
        let start = fixture.run.startsOn
        for (name, day) in [("Rancangan", 7), ("Implementasi", 30), ("Laporan dan seminar hasil", 40)] {
            let due = start.adding(days: day)
            #expect(page.text.contains(name))
            #expect(page.text.contains(app.indonesianDate(due)), "\(name) due \(due)")
        }
        #expect(page.text.contains(app.indonesianDate(start.adding(days: 10))), "implementasi starts 20 days before day 30")
        let runId = fixture.run.id
        let project = try #require(try app.database.pool.read {
            try Project.fetchOne($0, sql: "SELECT * FROM projects WHERE run_id = ?", arguments: [runId])
        })
        #expect(project.coachEmployeeId == (try fixture.training.employeeId("demo.instruktur")))
        #expect(project.mentorEmployeeId == (try fixture.training.employeeId("demo.atasan")))
        let again = try employee.post("/runs/\(fixture.run.id!)/projects", [("title", "Lagi"), ("problem", "x")])
        #expect(again.status == 404)
    }

    @Test("submission with a file, revision request, resubmission and acceptance are all kept as history")
    func reviewHistory() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        let id = project.id!
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/projects/\(id)")
        let sent = try employee.postMultipart("/projects/\(id)/milestones/0/submissions", fields: [("body", "Rancangan versi 1")],
                                              files: [MultipartFile(field: "files", filename: "rancangan.pdf",
                                                                    contentType: "application/pdf", content: ProjectFixture.pdf)])
        #expect(sent.status == 303)
        // The next milestone is not open while this one waits.
        try employee.get("/projects/\(id)")
        #expect(try employee.postMultipart("/projects/\(id)/milestones/1/submissions", fields: [("body", "terlalu cepat")],
                                           files: []).status == 422)

        var coach = try app.signIn("demo.instruktur")
        let queue = try coach.get("/projects")
        #expect(queue.text.contains("/projects/\(id)#kiriman-"))
        try coach.get("/projects/\(id)")
        #expect(try coach.post("/projects/\(id)/milestones/0/reviews", [("decision", "revise"), ("comment", "")]).status == 422)
        #expect(try coach.post("/projects/\(id)/milestones/0/reviews",
                               [("decision", "revise"), ("comment", "Data antrean belum ada")]).status == 303)
        try employee.get("/projects/\(id)")
        #expect(try employee.postMultipart("/projects/\(id)/milestones/0/submissions", fields: [("body", "Rancangan versi 2")],
                                           files: []).status == 303)
        try coach.get("/projects/\(id)")
        #expect(try coach.post("/projects/\(id)/milestones/0/reviews", [("decision", "accept"), ("comment", "Bagus")]).status == 303)

        let page = try employee.get("/projects/\(id)").text
        for text in ["Rancangan versi 1", "Rancangan versi 2", "Data antrean belum ada", "Bagus", "rancangan.pdf"] {
            #expect(page.contains(text), "\(text) missing from the history")
        }
        let api = try employee.get("/api/v1/projects/\(id)")
        #expect(api.status == 200)
        let document = try JSONSerialization.jsonObject(with: Data(api.body)) as! [String: Any]
        let first = (document["milestones"] as! [[String: Any]])[0]
        #expect(first["state"] as? String == "accepted")
        let rounds = first["submissions"] as! [[String: Any]]
        #expect(rounds.map { $0["round"] as? Int } == [1, 2])
        #expect(rounds.map { ($0["reviews"] as! [[String: Any]]).first?["decision"] as? String } == ["revise", "accept"])
        #expect(document["open_position"] as? Int == 1)
        // History cannot be rewritten, not even by a stray write.
        #expect(throws: (any Error).self) {
            try app.database.pool.write { try $0.execute(sql: "UPDATE milestone_reviews SET decision = 'accept'") }
        }
        #expect(throws: (any Error).self) {
            try app.database.pool.write { try $0.execute(sql: "DELETE FROM milestone_submissions") }
        }
    }

    @Test("the mentor's revision request holds the milestone; only the coach's acceptance accepts it")
    func mentorReview() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        let reviews = ProjectReviews(database: app.database)
        let pegawai = try fixture.training.principal("demo.pegawai")
        let mentor = try fixture.training.principal("demo.atasan")
        _ = try reviews.submit(projectId: project.id!, position: 0, body: "v1", files: [], actor: pegawai).get()
        _ = try reviews.review(projectId: project.id!, position: 0, decision: .accept, comment: "Setuju", scores: nil, actor: mentor).get()
        var folder = try #require(try ProjectFolder.load(project.id!, for: mentor, database: app.database))
        #expect(folder.statuses[0].state.code == "waiting")
        _ = try reviews.submit(projectId: project.id!, position: 0, body: "v1b", files: [], actor: pegawai)
        #expect(try reviews.review(projectId: project.id!, position: 0, decision: .accept, comment: "lagi", scores: nil,
                                   actor: pegawai) == .failure(.notReviewer))
        _ = try reviews.review(projectId: project.id!, position: 0, decision: .revise, comment: "Tambah data", scores: nil,
                               actor: try fixture.training.principal("demo.instruktur")).get()
        folder = try #require(try ProjectFolder.load(project.id!, for: mentor, database: app.database))
        #expect(folder.statuses[0].state == .revisionRequested)
    }

    @Test("accepting the final milestone at or above the pass mark completes the run: JP, certificate naming the project")
    func completion() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject(title: "Loket Tanpa Antre")
        let pegawai = try fixture.training.principal("demo.pegawai")
        let coach = try fixture.training.principal("demo.instruktur")
        let reviews = ProjectReviews(database: app.database)
        for position in 0..<2 {
            _ = try reviews.submit(projectId: project.id!, position: position, body: "ok", files: [], actor: pegawai).get()
            _ = try reviews.review(projectId: project.id!, position: position, decision: .accept, comment: "", scores: nil,
                                   actor: coach).get()
        }
        _ = try reviews.submit(projectId: project.id!, position: 2, body: "Laporan", files: [], actor: pegawai).get()
        #expect(try reviews.review(projectId: project.id!, position: 2, decision: .accept, comment: "", scores: nil, actor: coach)
                == .failure(.scoresRequired(Refusal(.invalid, "problem_project_final_scores_required"))))
        if case .failure(.scoresRequired) = try reviews.review(projectId: project.id!, position: 2, decision: .accept,
                                                               comment: "", scores: [80, 101], actor: coach) {} else {
            Issue.record("a score above the scale was accepted")
        }
        _ = try reviews.review(projectId: project.id!, position: 2, decision: .accept, comment: "Lulus", scores: [70, 90],
                               actor: coach).get()
        let stored = try #require(try app.database.pool.read { try Project.fetchOne($0, key: project.id!) })
        #expect(stored.status == .completed)
        #expect(stored.finalScore == 82)  // 0.4 × 70 + 0.6 × 90
        let place = try #require(try app.database.pool.read { db in
            try Enrolment.fetchOne(db, sql: "SELECT * FROM enrolments WHERE run_id = ? AND employee_id = ?",
                                   arguments: [fixture.run.id, pegawai.employeeId])
        })
        #expect(place.state == .completed)
        let indonesian = try MessageCatalogue().localizer("id")
        #expect(place.completionNotice.map { MessageArguments.text($0, indonesian) }?.contains("nilai akhir 82") == true)
        let ledger = try TrainingHours(database: app.database).ledger(employeeId: pegawai.employeeId!, year: fixture.run.endsOn.year)
        #expect(ledger.entries.first { $0.runId == fixture.run.id }?.jp == 40)
        let certificate = try fixture.training.certificate(of: fixture.run)
        var employee = try app.signIn("demo.pegawai")
        let sheet = try employee.get("/certificates/\(certificate.id)")
        #expect(sheet.status == 200)
        #expect(sheet.text.contains("Loket Tanpa Antre"))
        // Nothing more can be submitted or reviewed.
        #expect(try reviews.submit(projectId: project.id!, position: 2, body: "x", files: [], actor: pegawai) == .failure(.projectClosed))
    }

    @Test("a final score under the pass mark does not complete the run")
    func notPassed() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        try fixture.complete(project, scores: [50, 60])
        let stored = try #require(try app.database.pool.read { try Project.fetchOne($0, key: project.id!) })
        #expect(stored.status == .notPassed)
        let pegawai = try fixture.training.employeeId("demo.pegawai")
        let state = try app.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT state FROM enrolments WHERE run_id = ? AND employee_id = ?",
                                arguments: [fixture.run.id, pegawai])
        }
        #expect(state == "not_completed")
        #expect(try app.database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id WHERE e.run_id = ?", arguments: [fixture.run.id]) } == 0)
    }
}

extension TestApp {
    /// "24 November 2026".
    func indonesianDate(_ date: CalendarDate) -> String {
        let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                      "November", "Desember"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
