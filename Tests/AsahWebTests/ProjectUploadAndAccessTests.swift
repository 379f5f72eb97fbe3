@testable import AsahCore
import Foundation
import GRDB
import HTTPTestSupport
import Testing

@Suite("Projects: upload limits, downloads and who may see what")
struct ProjectUploadAndAccessTests {
    private func storedFiles(_ app: TestApp) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: app.folder + "/projects")) ?? []
    }

    /// Whether `condition` becomes true within ten seconds (polling).
    static func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            usleep(100_000)
        }
        return condition()
    }

    private func submissionCount(_ app: TestApp) throws -> Int {
        try app.database.pool.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM milestone_submissions WHERE project_id IN (SELECT id FROM projects WHERE run_id IN (SELECT id FROM runs WHERE code = 'PRJ-01'))") ?? 0
        }
    }

    @Test("an oversized file gets 413 with a clear message; a disallowed type is refused; nothing is recorded")
    func limits() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/projects/\(project.id!)")
        let big: [UInt8] = ProjectFixture.pdf + [UInt8](repeating: 0x20, count: 5 * 1024 * 1024)
        let tooLarge = try employee.postMultipart("/projects/\(project.id!)/milestones/0/submissions", fields: [("body", "x")],
                                                  files: [MultipartFile(field: "files", filename: "besar.pdf", content: big)])
        #expect(tooLarge.status == 413)
        #expect(tooLarge.text.contains("Berkas besar.pdf terlalu besar: paling besar 5 MB."))
        let overBody = try employee.postMultipart("/projects/\(project.id!)/milestones/0/submissions", fields: [],
                                                  files: [MultipartFile(field: "files", filename: "raksasa.pdf",
                                                                        content: big + big)])
        #expect(overBody.status == 413)
        #expect(overBody.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(overBody.text.contains("Isi kiriman terlalu besar: paling besar 8 MB sekaligus."), "\(overBody.text.prefix(300))")
        // The API explains it in JSON, in the caller's language.
        let apiOverBody = try employee.request("POST", "/api/v1/projects/\(project.id!)/milestones/0/submissions",
                                               headers: [("Content-Type", "multipart/form-data; boundary=x"),
                                                         ("X-CSRF-Token", employee.csrf)], body: big + big)
        #expect(apiOverBody.status == 413)
        #expect(apiOverBody.text.contains("\"code\":\"payload_too_large\""))
        #expect(apiOverBody.text.contains("paling besar 8 MB"))
        // Someone reading in English gets it in English, signed in or not (before sign-in the
        // limit is far lower, and the answer says to sign in).
        let english = try app.client.request("POST", "/login", headers: [("Cookie", "asah_lang=en"),
                                                                        ("Content-Type", "application/x-www-form-urlencoded")],
                                             body: big + big)
        #expect(english.status == 413)
        #expect(english.text.contains("A request this large (over 64 KB) is accepted only after you sign in."))
        let script = try employee.postMultipart("/projects/\(project.id!)/milestones/0/submissions", fields: [("body", "x")],
                                                files: [MultipartFile(field: "files", filename: "virus.pdf",
                                                                      content: Array("#!/bin/sh\nrm -rf /\n".utf8))])
        #expect(script.status == 415)
        #expect(script.text.contains("virus.pdf ditolak"))
        // A real PDF with an extension that does not match its content is refused too.
        let renamed = try employee.postMultipart("/projects/\(project.id!)/milestones/0/submissions", fields: [("body", "x")],
                                                 files: [MultipartFile(field: "files", filename: "laporan.exe", content: ProjectFixture.pdf)])
        #expect(renamed.status == 415)
        #expect(try submissionCount(app) == 0)
        #expect(storedFiles(app).isEmpty)
    }

    @Test("a hostile file name cannot escape the upload folder and is kept as display text only; downloads are safe")
    func hostileName() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/projects/\(project.id!)")
        let hostile = "../../../../tmp/evil/..\\..\\laporan <i>akhir.pdf"
        let sent = try employee.postMultipart("/projects/\(project.id!)/milestones/0/submissions", fields: [("body", "")],
                                              files: [MultipartFile(field: "files", filename: hostile, content: ProjectFixture.pdf)])
        #expect(sent.status == 303)
        let files = storedFiles(app)
        #expect(files.count == 1)
        #expect(files.allSatisfy { $0.range(of: #"^[0-9a-f]{64}\.pdf$"#, options: .regularExpression) != nil })
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil"))
        let file = try #require(try app.database.pool.read { try SubmissionFile.fetchOne($0, sql: "SELECT * FROM submission_files ORDER BY id DESC") })
        #expect(file.displayName == "laporan <i>akhir.pdf")
        #expect(try employee.get("/projects/\(project.id!)").text.contains("laporan &lt;i&gt;akhir.pdf"))
        let download = try employee.get("/projects/\(project.id!)/files/\(file.id!)")
        #expect(download.status == 200)
        #expect(download.body == ProjectFixture.pdf)
        #expect(download.header("Content-Type") == "application/pdf")
        #expect(download.header("X-Content-Type-Options") == "nosniff")
        let disposition = try #require(download.header("Content-Disposition"))
        #expect(disposition.hasPrefix("attachment; filename=\""))
        #expect(disposition.contains("filename*=UTF-8''"))
    }

    @Test("an aborted upload leaves no record and no stray file")
    func abortedUpload() throws {
        let uploads = NSTemporaryDirectory() + "asah-uploads-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: uploads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: uploads) }
        let app = try TestApp {
            $0.uploadDirectory = uploads
            $0.connectionTimeout = 3
        }
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/projects/\(project.id!)")
        let boundary = "----asah-abort"
        let head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(employee.csrf)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"potong.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n"
        let partial = Array(head.utf8) + ProjectFixture.pdf + [UInt8](repeating: 0x41, count: 200_000)
        let cookie = try #require(employee.jar.header)
        let connection = try app.client.connect()
        try connection.write("POST /projects/\(project.id!)/milestones/0/submissions HTTP/1.1\r\nHost: localhost\r\n"
                             + "Cookie: \(cookie)\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\n"
                             + "Content-Length: \(partial.count + 100_000)\r\n\r\n")
        try connection.write(partial)
        connection.close()
        // The server notices the closed connection; then nothing of the upload remains.
        try employee.get("/projects/\(project.id!)")
        #expect(try submissionCount(app) == 0)
        #expect(storedFiles(app).isEmpty)
        #expect(Self.eventually { ((try? FileManager.default.contentsOfDirectory(atPath: uploads)) ?? ["?"]).isEmpty },
                "the upload folder still holds the aborted upload's temporary file")
        #expect(try submissionCount(app) == 0)
    }

    @Test("pages, API and downloads: participant, coach and mentor see the project; a stranger and another participant get 404")
    func permissions() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject()
        let pegawai = try fixture.training.principal("demo.pegawai")
        var employee = try app.signIn("demo.pegawai")
        try employee.get("/projects/\(project.id!)")
        _ = try employee.postMultipart("/projects/\(project.id!)/milestones/0/submissions", fields: [("body", "rahasia draf")],
                                       files: [MultipartFile(field: "files", filename: "draf.pdf", content: ProjectFixture.pdf)])
        let fileId = try #require(try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM submission_files ORDER BY id DESC") })
        // Another participant of the same run with a project of their own.
        let other = try fixture.training.principal("peserta.lain")
        _ = try Projects(database: app.database).start(runId: fixture.run.id!, Project.Description(title: "Arsip digital",
                                                       problem: "Arsip hilang"), actor: other).get()
        let paths = ["/projects/\(project.id!)", "/api/v1/projects/\(project.id!)", "/projects/\(project.id!)/files/\(fileId)"]
        for login in ["demo.pegawai", "demo.instruktur", "demo.atasan", "demo.koordinator"] {
            var browser = try app.signIn(login)
            for path in paths {
                #expect(try browser.get(path).status == 200, "\(login) \(path)")
            }
        }
        for login in ["orang.asing", "peserta.lain"] {
            var browser = try app.signIn(login)
            for path in paths {
                let answer = try browser.get(path)
                #expect(answer.status == 404, "\(login) \(path)")
                #expect(!answer.text.contains("rahasia draf"))
            }
            try browser.get("/projects")
            let review = try browser.post("/projects/\(project.id!)/milestones/0/reviews", [("decision", "accept"), ("comment", "")])
            #expect(review.status == 404, "\(login) reviewing")
            #expect(try browser.get("/runs/\(fixture.run.id!)/board").status == 404)
            #expect(try browser.get("/api/v1/runs/\(fixture.run.id!)/board").status == 404)
        }
        // The coach sees the board with this project; the API lists the review queue.
        var coach = try app.signIn("demo.instruktur")
        let board = try coach.get("/runs/\(fixture.run.id!)/board")
        #expect(board.status == 200)
        #expect(board.text.contains("Antrean daring layanan KTP"))
        #expect(board.text.contains("Arsip digital"), "demo.instruktur coaches both projects of the run")
        let queue = try coach.get("/api/v1/reviews")
        #expect(queue.text.contains("\"project_id\":\(project.id!)"))
        _ = pegawai
    }

    @Test("a team's project reaches the gallery only when every member consents; one withdrawal takes it out")
    func teamGalleryConsent() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)  // team_size: 2
        let project = try fixture.pegawaiProject(title: "Arsip Surat Digital Kecamatan")
        let id = project.id!
        var owner = try app.signIn("demo.pegawai")
        try owner.get("/projects/\(id)")
        #expect(try owner.post("/projects/\(id)/team", [("nip", try app.nip(of: "peserta.lain"))]).status == 303)
        let coach = try fixture.training.principal("demo.instruktur")
        for position in 0..<3 {
            try owner.get("/projects/\(id)")
            #expect(try owner.postMultipart("/projects/\(id)/milestones/\(position)/submissions", fields: [("body", "tahap")],
                                            files: []).status == 303)
            _ = try ProjectReviews(database: app.database).review(projectId: id, position: position, decision: .accept, comment: "",
                                                                  scores: position == 2 ? [90, 90] : nil, actor: coach).get()
        }
        var stranger = try app.signIn("orang.asing")
        try owner.get("/projects/\(id)")
        #expect(try owner.post("/projects/\(id)/gallery", [("consent", "yes"), ("measured_result", "Surat selesai dalam sehari")]).status == 303)
        #expect(try stranger.get("/gallery/\(id)").status == 404, "the team mate has not agreed")
        let waiting = try owner.get("/projects/\(id)")
        #expect(waiting.text.contains("gallery-waiting"))
        var mate = try app.signIn("peserta.lain")
        try mate.get("/projects/\(id)")
        #expect(try mate.post("/projects/\(id)/gallery", [("consent", "yes"), ("measured_result", "Surat selesai dalam sehari")]).status == 303)
        #expect(try stranger.get("/gallery/\(id)").status == 200)
        try mate.get("/projects/\(id)")
        #expect(try mate.post("/projects/\(id)/gallery", [("measured_result", "Surat selesai dalam sehari")]).status == 303)
        #expect(try stranger.get("/gallery/\(id)").status == 404, "one withdrawal takes it out")
    }

    @Test("the gallery shows consented completed projects, searchable; the report downloads only with consent")
    func gallery() throws {
        let app = try TestApp()
        let fixture = try ProjectFixture(app: app)
        let project = try fixture.pegawaiProject(title: "Loket Tanpa Antre di Dukcapil")
        let coach = try fixture.training.principal("demo.instruktur")
        let reviews = ProjectReviews(database: app.database)
        var employee = try app.signIn("demo.pegawai")
        for position in 0..<3 {
            try employee.get("/projects/\(project.id!)")
            let files = position == 2 ? [MultipartFile(field: "files", filename: "laporan-akhir.pdf", content: ProjectFixture.pdf)] : []
            #expect(try employee.postMultipart("/projects/\(project.id!)/milestones/\(position)/submissions",
                                               fields: [("body", "tahap")], files: files).status == 303)
            _ = try reviews.review(projectId: project.id!, position: position, decision: .accept, comment: "",
                                   scores: position == 2 ? [90, 90] : nil, actor: coach).get()
        }
        let fileId = try #require(try app.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM submission_files ORDER BY id DESC") })
        var stranger = try app.signIn("orang.asing")
        #expect(!(try stranger.get("/gallery?q=loket").text.contains("Loket Tanpa Antre")))
        #expect(try stranger.get("/gallery/\(project.id!)").status == 404)
        #expect(try stranger.get("/gallery/\(project.id!)/files/\(fileId)").status == 404)

        try employee.get("/projects/\(project.id!)")
        #expect(try employee.post("/projects/\(project.id!)/gallery", [("consent", "yes"), ("measured_result", "")]).status == 422)
        #expect(try employee.post("/projects/\(project.id!)/gallery",
                                  [("consent", "yes"), ("measured_result", "Waktu tunggu turun dari 90 ke 20 menit")]).status == 303)
        let reflected = try stranger.get("/gallery?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        #expect(reflected.status == 200)
        #expect(!reflected.text.contains("<script>alert(1)") && reflected.text.contains("&lt;script&gt;alert(1)"))
        let found = try stranger.get("/gallery?q=antre")
        #expect(found.text.contains("Loket Tanpa Antre di Dukcapil"))
        #expect(!(try stranger.get("/gallery?q=jembatan").text.contains("Loket Tanpa Antre")))
        let entry = try stranger.get("/gallery/\(project.id!)")
        #expect(entry.status == 200)
        #expect(entry.text.contains("laporan-akhir.pdf"))
        #expect(try stranger.get("/gallery/\(project.id!)/files/\(fileId)").body == ProjectFixture.pdf)
        #expect(try stranger.get("/api/v1/gallery?q=dukcapil").text.contains("\"title\":\"Loket Tanpa Antre di Dukcapil\""))
        // The stranger still cannot open the project's own page (drafts, reviews).
        #expect(try stranger.get("/projects/\(project.id!)").status == 404)

        var coordinator = try app.signIn("demo.koordinator")
        try coordinator.get("/gallery/\(project.id!)")
        #expect(try coordinator.post("/projects/\(project.id!)/feature", [("featured", "yes")]).status == 303)
        #expect(try stranger.get("/gallery").text.contains("Unggulan"))
        // Withdrawing consent takes it out again.
        try employee.get("/projects/\(project.id!)")
        #expect(try employee.post("/projects/\(project.id!)/gallery", [("measured_result", "x")]).status == 303)
        #expect(try stranger.get("/gallery/\(project.id!)/files/\(fileId)").status == 404)
        #expect(!(try stranger.get("/gallery?q=antre").text.contains("Loket Tanpa Antre")))
    }
}
